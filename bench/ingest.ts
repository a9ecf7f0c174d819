/**
 * `npm run bench:ingest`: throughput of load + clean + split + extract over a generated corpus
 * (≥ 50 MB, seeded, varied from the seeds and fixtures). Goal: ≥ 5 MB/s. Prints the median of runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateReports, writeReports } from './lib/generate.js';
import { buildCorpus, loadCorpus } from '../src/corpus/index.js';
import { readReports } from '../src/corpus/load.js';

const TARGET_MB = Number(process.env.BENCH_MB ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = Number(process.env.BENCH_SEED ?? 20240101);
const GOAL_MBPS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'docket-ingest-'));
  try {
    const t0 = performance.now();
    const reports = generateReports({ seed: SEED, targetBytes: TARGET_MB * 1024 * 1024 });
    const bytes = writeReports(dir, reports);
    const mb = bytes / (1024 * 1024);
    console.log(`generated ${reports.length} reports, ${mb.toFixed(1)} MB (seed ${SEED}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const full: number[] = [];
    const parseOnly: number[] = [];
    let meetings = 0;
    let warnings = 0;
    for (let run = 0; run < RUNS; run++) {
      const a = performance.now();
      const corpus = await loadCorpus(dir);
      const b = performance.now();
      full.push(b - a);
      meetings = corpus.sections.length;
      warnings = corpus.warnings.length;
      const { reports: loaded } = await readReports(dir);
      const c = performance.now();
      buildCorpus(loaded);
      parseOnly.push(performance.now() - c);
    }
    const mbps = (ms: number) => mb / (ms / 1000);
    console.log(`${meetings} meetings, ${warnings} warnings`);
    console.log(
      `load+clean+split+extract: median ${median(full).toFixed(0)} ms → ${mbps(median(full)).toFixed(1)} MB/s ` +
        `(best ${mbps(Math.min(...full)).toFixed(1)}, worst ${mbps(Math.max(...full)).toFixed(1)} MB/s over ${RUNS} runs)`,
    );
    console.log(`split+extract only (already read): median ${mbps(median(parseOnly)).toFixed(1)} MB/s`);

    // Per-report latency, to catch one slow shape (e.g. regex backtracking on a long line).
    const sample = reports.slice(0, 2000);
    const { reports: few } = await readReports(dir);
    const byFile = new Map(few.map((r) => [r.file, r]));
    const lat: number[] = [];
    for (const g of sample) {
      const r = byFile.get(g.file);
      if (!r) continue;
      const s = performance.now();
      buildCorpus([r]);
      lat.push(performance.now() - s);
    }
    console.log(`per report (${lat.length}): p50 ${pct(lat, 50).toFixed(2)} ms, p99 ${pct(lat, 99).toFixed(2)} ms, max ${Math.max(...lat).toFixed(1)} ms`);
    const ratio = mbps(median(full)) / GOAL_MBPS;
    console.log(`goal ≥ ${GOAL_MBPS} MB/s: ${ratio >= 1 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}× the goal)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
