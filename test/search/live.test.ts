import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/index.js';
import { createSearch, watchReports, type ReportChange, type ReportWatcher } from '../../src/search/index.js';

const REPORT = (word: string) =>
  `The county government held its 3rd executive meeting\n\nOn March 3, 2023, County Head Lu Beiming presided over the 3rd executive meeting of the county government to study ${word} and the business environment.\n\nThe meeting emphasized that it is necessary to promote ${word} in every township.\n`;

let watcher: ReportWatcher | null = null;
let dir = '';
afterEach(async () => {
  await watcher?.close();
  watcher = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function setup(debounceMs = 50) {
  dir = mkdtempSync(path.join(tmpdir(), 'docket-live-'));
  for (const f of readdirSync('seeds')) copyFileSync(path.join('seeds', f), path.join(dir, f));
  const s = createSearch(await loadCorpus(dir));
  const errors: string[] = [];
  const updates: ReportChange[][] = [];
  watcher = watchReports(dir, s, { onError: (m) => errors.push(m), onUpdate: (c) => updates.push(c), debounceMs });
  return { s, errors, updates };
}

describe('live updates', () => {
  it('reflects an added, changed and deleted report, and keeps the old version when the file breaks', async () => {
    const { s, errors } = await setup(60_000); // explicit syncs only: no race with the debounced watcher
    const file = path.join(dir, '900_county.txt');
    expect(s.search('aquaculture')).toEqual([]);

    writeFileSync(file, REPORT('aquaculture'));
    expect(await watcher!.sync()).toEqual([{ kind: 'added', file: '900_county.txt', reportId: '900_county' }]);
    expect(s.search('aquaculture').map((h) => h.file)).toEqual(['900_county.txt', '900_county.txt']);
    expect(s.findPeople('Lu Beiming')[0]?.item.name).toBe('Lu Beiming');

    writeFileSync(file, REPORT('sericulture'));
    expect((await watcher!.sync()).map((c) => c.kind)).toEqual(['changed']);
    expect(s.search('aquaculture')).toEqual([]);
    expect(s.search('sericulture')).toHaveLength(2);

    writeFileSync(file, Buffer.from([0x53, 0x00, 0xff, 0xfe, 0x00]));
    expect(await watcher!.sync()).toEqual([]);
    expect(errors.join('\n')).toMatch(/900_county\.txt: .*binary.*previous version stays searchable/);
    expect(s.search('sericulture')).toHaveLength(2);

    unlinkSync(file);
    expect((await watcher!.sync()).map((c) => c.kind)).toEqual(['removed']);
    expect(s.search('sericulture')).toEqual([]);
    expect(s.findPeople('Lu Beiming')).toEqual([]);
    expect(s.search('营商环境').length).toBeGreaterThan(0); // the rest still serves
  });

  it('follows the folder on its own through fs.watch (debounced)', async () => {
    const { s, updates } = await setup();
    await watcher!.sync(); // stamps seeded
    const seen = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no update within 5 s')), 5000);
      const poll = setInterval(() => {
        if (updates.length) {
          clearTimeout(t);
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    writeFileSync(path.join(dir, '901_county.txt'), REPORT('apiculture'));
    await seen;
    expect(s.search('apiculture').length).toBeGreaterThan(0);
  });
});
