import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, MAX_REPORT_BYTES, NO_MEETING_MESSAGE, reportFromBytes } from '../../src/corpus/index.js';
import type { Corpus } from '../../src/corpus/types.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('loading a folder with broken files', () => {
  let dir: string;
  let corpus: Corpus;
  const warningFor = (file: string) => corpus.warnings.find((w) => w.file === file);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'docket-load-'));
    copyFileSync(path.resolve('seeds/000_dd81edec0bfeecd1.txt'), path.join(dir, 'good-en.txt'));
    copyFileSync(path.resolve('seeds/001_790c9300177d48f3.txt'), path.join(dir, 'good-zh.md'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'blank.txt'), '  \n\n\t \n');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00, 0x41]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 meeting held on May 3. The mayor attended.', 'latin1'));
    // 20 MB of plausible text: must be refused by size, quickly, not parsed.
    writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'The meeting was held. '));
    writeFileSync(path.join(dir, 'no-meeting.txt'), 'A recipe for dumplings\n\nMix flour and water. Fold the dough. Steam for ten minutes.\n');
    writeFileSync(path.join(dir, 'locked.txt'), 'On May 3, the city held its 4th executive meeting.');
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    mkdirSync(path.join(dir, 'folder.txt'));
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
    writeFileSync(path.join(dir, 'notes.json'), '{"ignored": true}');
    corpus = await loadCorpus(dir);
  });
  afterAll(() => {
    try {
      chmodSync(path.join(dir, 'locked.txt'), 0o644);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('still loads every good report', () => {
    expect(corpus.reports.map((r) => r.file).sort()).toEqual(
      expect.arrayContaining(['good-en.txt', 'good-zh.md', 'no-meeting.txt']),
    );
    const files = new Set(corpus.sections.map((s) => s.meeting.file));
    expect(files).toEqual(new Set(['good-en.txt', 'good-zh.md'].concat(isRoot ? ['locked.txt'] : [])));
  });

  it('gives each report a stable id from its file name', () => {
    expect(corpus.reports.find((r) => r.file === 'good-zh.md')!.id).toBe('good-zh');
  });

  it.each([
    ['empty.txt', /empty/],
    ['blank.txt', /blank/],
    ['binary.txt', /binary/],
    ['latin1.txt', /UTF-8/],
    ['huge.txt', /too large.*20\.0 MB/],
    ['no-meeting.txt', /no meeting/],
    ['folder.txt', /folder/],
    ['dangling.txt', /does not exist|broken link/],
  ])('warns about %s in plain words', (file, why) => {
    const w = warningFor(file);
    expect(w, `warning for ${file}`).toBeDefined();
    expect(w!.message).toMatch(why);
  });

  it.skipIf(isRoot)('warns about an unreadable file (permission denied)', () => {
    expect(warningFor('locked.txt')?.message).toMatch(/permission denied/);
  });

  it('ignores files that are not reports', () => {
    expect(warningFor('notes.json')).toBeUndefined();
    expect(corpus.reports.some((r) => r.file === 'notes.json')).toBe(false);
  });

  it('reports a missing folder as a warning, not a crash', async () => {
    const c = await loadCorpus(path.join(dir, 'nope'));
    expect(c.reports).toEqual([]);
    expect(c.warnings[0]!.message).toMatch(/does not exist/);
  });

  it('no-meeting warning uses the shared message', () => {
    expect(warningFor('no-meeting.txt')!.message).toBe(NO_MEETING_MESSAGE);
  });
});

describe('reportFromBytes', () => {
  it('keeps a BOM in the text so offsets match the file, and marks it removed', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('On May 3, the city held a meeting.')]);
    const r = reportFromBytes('bom.txt', bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.text.charCodeAt(0)).toBe(0xfeff);
    expect(r.report.removed[0]).toMatchObject({ start: 0, end: 1 });
  });
  it('refuses bytes over the limit by their size', () => {
    const r = reportFromBytes('big.txt', new Uint8Array(MAX_REPORT_BYTES + 1).fill(65));
    expect(r.ok).toBe(false);
  });
  it('hashes the raw bytes', () => {
    const r = reportFromBytes('a.txt', Buffer.from('hello'));
    expect(r.ok && r.report.sha256).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });
});

describe('file system errors in plain words', async () => {
  const { describeFsError } = await import('../../src/corpus/load.js');
  it.each([
    ['EACCES', /permission denied/],
    ['EPERM', /permission denied/],
    ['ENOENT', /does not exist/],
    ['EISDIR', /folder/],
    ['ELOOP', /loops/],
    ['EIO', /cannot be read \(EIO\)/],
  ])('%s', (code, why) => {
    expect(describeFsError(Object.assign(new Error('x'), { code }))).toMatch(why);
  });
});
