import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { loadCorpus, buildCorpus } from '../../src/corpus/index.js';
import { createSearch, loadOrBuildSearch } from '../../src/search/index.js';
import { decodeIndex, encodeIndex, snapshotKey } from '../../src/search/snapshot.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'docket-snap-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const QUERIES = ['business environment', '营商环境', 'Zhao Jianjn', 'Wu Qingwen', '"foreign trade"', 'investment promo', 'xyzzy'];

describe('search snapshot', () => {
  it('round-trips: a loaded snapshot answers exactly like a fresh build', async () => {
    const corpus = await loadCorpus('seeds');
    const cacheDir = tmp();
    const logs: string[] = [];
    const first = await loadOrBuildSearch(corpus, { cacheDir, onLog: (m) => logs.push(m) });
    expect(first.loadInfo?.source).toBe('built');
    const second = await loadOrBuildSearch(corpus, { cacheDir });
    expect(second.loadInfo?.source).toBe('snapshot');
    const fresh = createSearch(corpus);
    for (const q of QUERIES) expect(second.search(q), q).toEqual(fresh.search(q));
    const bytes = encodeIndex(fresh.ms as MiniSearch<unknown>);
    expect(decodeIndex(bytes).documentCount).toBe(fresh.ms.documentCount);
    expect(() => decodeIndex(bytes.subarray(0, bytes.length - 8))).toThrow();
    expect(second.ms.documentCount).toBe(fresh.ms.documentCount);
    expect(logs).toEqual([]);
  });

  it('a loaded snapshot takes live updates like a built index', async () => {
    const corpus = await loadCorpus('seeds');
    const cacheDir = tmp();
    await loadOrBuildSearch(corpus, { cacheDir });
    const s = await loadOrBuildSearch(corpus, { cacheDir });
    expect(s.loadInfo?.source).toBe('snapshot');
    const r = corpus.reports[0]!;
    const changed = { ...r, text: `${r.text}\n\nThe meeting discussed zymurgy and foreign trade.`, sha256: 'e'.repeat(64) };
    const sections = buildCorpus(corpus.reports.map((x) => (x === r ? changed : x))).sections.filter((x) => x.reportId === r.id);
    s.replaceReport(changed, sections);
    expect(s.search('zymurgy')).toHaveLength(1);
    s.removeReport(r.id);
    expect(s.search('zymurgy')).toEqual([]);
    expect(s.search('foreign trade').every((h) => h.reportId !== r.id)).toBe(true);
    expect(s.search('营商环境').length).toBeGreaterThan(0);
  });

  it('a changed report invalidates the snapshot (new key, rebuilt, old file dropped)', async () => {
    const corpus = await loadCorpus('seeds');
    const cacheDir = tmp();
    await loadOrBuildSearch(corpus, { cacheDir });
    const changed = corpus.reports.map((r, i) => (i === 0 ? { ...r, text: `${r.text}\n\nThe meeting discussed zymurgy.`, sha256: 'f'.repeat(64) } : r));
    const corpus2 = buildCorpus(changed);
    expect(snapshotKey(corpus2)).not.toBe(snapshotKey(corpus));
    const s2 = await loadOrBuildSearch(corpus2, { cacheDir });
    expect(s2.loadInfo?.source).toBe('built');
    expect(s2.search('zymurgy')).toHaveLength(1);
    expect(readdirSync(path.join(cacheDir, 'search'))).toEqual([`${snapshotKey(corpus2)}.bin`]);
  });

  it('a corrupt snapshot is reported and rebuilt, never served', async () => {
    const corpus = await loadCorpus('seeds');
    const cacheDir = tmp();
    const s1 = await loadOrBuildSearch(corpus, { cacheDir });
    writeFileSync(s1.loadInfo!.file, Buffer.from('garbage that is not a snapshot at all'));
    const logs: string[] = [];
    const s2 = await loadOrBuildSearch(corpus, { cacheDir, onLog: (m) => logs.push(m) });
    expect(s2.loadInfo?.source).toBe('built');
    expect(logs.join('\n')).toMatch(/not used/);
    expect(s2.search('营商环境').length).toBeGreaterThan(0);
  });
});
