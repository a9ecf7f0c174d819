import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, usage } from '../../src/cli/commands/meetings.js';
import { loadCorpus } from '../../src/corpus/index.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => {
    err.push(a.join(' '));
  });
  return { out, err };
}

describe('cli: meetings', () => {
  afterEach(() => vi.restoreAllMocks());

  it('--json prints one array of meetings with exactly the documented fields', async () => {
    const { out } = capture();
    const dir = path.resolve('test/fixtures/reports');
    const code = await run(['--reports', dir, '--json']);
    expect(code).toBe(0);
    const arr = JSON.parse(out.join('')) as Record<string, unknown>[];
    const corpus = await loadCorpus(dir);
    expect(arr.map((m) => m.id)).toEqual(corpus.sections.map((s) => s.meeting.id));
    expect(arr.length).toBeGreaterThanOrEqual(8);
    for (const m of arr) {
      expect(Object.keys(m)).toEqual([
        'id', 'title', 'headline', 'date', 'body', 'place', 'language', 'chair', 'attendees', 'mentioned', 'reporter',
        'policies', 'file', 'evidence',
      ]);
    }
  });

  it('prints a readable table by default (seeds/)', async () => {
    const { out } = capture();
    expect(await run([])).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/^date\s+place\s+title/);
    expect(text).toContain('Central Economic Work Conference');
    expect(text).toContain('10 meeting(s)');
  });

  it('exits 2 with a clear message on bad arguments', async () => {
    const { err } = capture();
    expect(await run(['--bogus'])).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown option '--bogus'/);
    expect(await run(['--reports'])).toBe(2);
    expect(await run(['stray'])).toBe(2);
    expect(usage).toMatch(/--reports DIR/);
  });

  it('sends warnings to stderr and still lists the good reports', async () => {
    const { err } = capture();
    const code = await run(['--reports', path.resolve('no/such/folder')]);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/warning: .*does not exist/);
  });
});
