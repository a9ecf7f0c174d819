/**
 * `npm run bench:search`: Docket's search vs a naive MiniSearch on seeded synthetic corpora of 1k, 10k and 100k
 * paragraphs (bench/lib/paragraphs.ts). One table, side by side: build time, heap, snapshot size, time to ready
 * from snapshot (ours and stock loadJSON), query p50/p99 for (a) Docket's answer path (search + top 10 + excerpts)
 * and (b) naive MiniSearch (default tokenizer, prefix: true, fuzzy: 0.2, OR), and the p99 ratio.
 * Goals at 100k: Docket p99 ≤ 25 ms incl. excerpts, ≥ 10× lower p99 than naive, heap ≤ 350 MB, ready ≤ 2 s.
 * Usage: npm run bench:search [-- --sizes 1000,10000,100000 --queries 300]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import type { Corpus } from '../src/corpus/types.js';
import { createSearch } from '../src/search/engine.js';
import { loadOrBuildSearch, saveSnapshot, snapshotKey } from '../src/search/snapshot.js';
import { benchQueries, loadPools, syntheticCorpus, type Pools } from './lib/paragraphs.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

interface Row {
  size: number;
  buildMs: number;
  heapMB: number;
  snapshotMB: number;
  readyMs: number;
  stockLoadMs: number;
  p50: number;
  p99: number;
  naiveBuildMs: number;
  naiveHeapMB: number;
  naiveP50: number;
  naiveP99: number;
}

async function runSize(size: number, pools: Pools, qs: string[], warmup: string[]): Promise<Row> {
  const corpus: Corpus = syntheticCorpus(size, 42, pools);
  const base = heapMB();
  const [search, buildMs] = time(() => createSearch(corpus));
  const heap = heapMB() - base;

  // Answer path: search + top 10 (excerpts are built for the top hits inside search). Each query runs once.
  for (const q of warmup) search.search(q, { limit: 10 });
  const lat: number[] = [];
  for (const q of qs) lat.push(time(() => search.search(q, { limit: 10 }))[1]);

  const dir = mkdtempSync(path.join(tmpdir(), 'docket-bench-'));
  const file = await saveSnapshot(search, path.join(dir, 'search'), snapshotKey(corpus));
  const snapshotMB = statSync(file).size / 1048576;
  // Time to ready = the whole start path with a valid snapshot: key (hash of every report and chunk), read,
  // decode, chunk tables. (Loading the corpus itself is the corpus layer's cost, not counted here.)
  const readyStart = performance.now();
  const loaded = await loadOrBuildSearch(corpus, { cacheDir: dir });
  const readyMs = performance.now() - readyStart;
  if (loaded.loadInfo?.source !== 'snapshot') throw new Error('snapshot not used');
  if (loaded.search('foreign trade').length !== search.search('foreign trade').length) throw new Error('snapshot differs');
  const json = JSON.stringify(search.ms);
  const [, stockLoadMs] = time(() => MiniSearch.loadJSON(json, { fields: ['text', 'title'] }));
  rmSync(dir, { recursive: true, force: true });

  // Naive: stock tokenizer, prefix + fuzzy on every term, OR, no excerpts.
  const base2 = heapMB();
  const [naive, naiveBuildMs] = time(() => {
    const ms = new MiniSearch<{ id: string; text: string; title: string }>({ fields: ['text', 'title'] });
    const titles = new Map(corpus.sections.map((s) => [s.reportId, s.meeting.title]));
    const byId = new Map(corpus.reports.map((r) => [r.id, r]));
    ms.addAll(corpus.sections.flatMap((s) => s.paragraphs.map((p) => ({
      id: `${s.reportId}#${p.index}`, text: byId.get(s.reportId)!.text.slice(p.start, p.end), title: titles.get(s.reportId)!,
    }))));
    return ms;
  });
  const naiveHeap = heapMB() - base2;
  const nl: number[] = [];
  for (const q of warmup) naive.search(q, { prefix: true, fuzzy: 0.2 });
  for (const q of qs) nl.push(time(() => naive.search(q, { prefix: true, fuzzy: 0.2 }).slice(0, 10))[1]);
  return {
    size, buildMs, heapMB: heap, snapshotMB, readyMs, stockLoadMs, p50: pct(lat, 50), p99: pct(lat, 99),
    naiveBuildMs, naiveHeapMB: naiveHeap, naiveP50: pct(nl, 50), naiveP99: pct(nl, 99),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, queries: { type: 'string', default: '300' } } });
  const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
  const pools = loadPools();
  const qs = benchQueries(pools, Number(values.queries) || 300);
  // JIT warm-up on a different query stream (random part only), so measured queries start cold in their caches.
  const warmup = benchQueries(pools, 60, 99).slice(-30);
  const rows: Row[] = [];
  for (const size of sizes) {
    rows.push(await runSize(size, pools, qs, warmup));
    console.error(`done ${size}`);
  }
  const f = (n: number, d = 1) => n.toFixed(d);
  const lines: Array<[string, (r: Row) => string]> = [
    ['build (ms)', (r) => f(r.buildMs, 0)],
    ['heap (MB)', (r) => f(r.heapMB)],
    ['snapshot (MB)', (r) => f(r.snapshotMB)],
    ['ready from snapshot (ms)', (r) => f(r.readyMs, 0)],
    ['stock loadJSON (ms)', (r) => f(r.stockLoadMs, 0)],
    ['Docket p50 (ms)', (r) => f(r.p50, 2)],
    ['Docket p99 (ms)', (r) => f(r.p99, 2)],
    ['naive build (ms)', (r) => f(r.naiveBuildMs, 0)],
    ['naive heap (MB)', (r) => f(r.naiveHeapMB)],
    ['naive p50 (ms)', (r) => f(r.naiveP50, 2)],
    ['naive p99 (ms)', (r) => f(r.naiveP99, 2)],
    ['p99 ratio naive/Docket', (r) => `${f(r.naiveP99 / r.p99)}×`],
  ];
  console.log(`search benchmark: ${qs.length} queries per size (Docket: search + top 10 + excerpts)`);
  console.log(['metric'.padEnd(26), ...rows.map((r) => `${r.size} paras`.padStart(14))].join(''));
  for (const [name, fn] of lines) console.log([name.padEnd(26), ...rows.map((r) => fn(r).padStart(14))].join(''));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
