/**
 * `npm run bench:summary`: how much of each meeting's headline and title the key points recover, for Docket's
 * ranker and a Lead-3 baseline (the first three prose sentences), over the seeds and the corpus fixtures.
 * ROUGE-1/2 recall (src/answers/rouge.ts; Chinese per character). Both draw from the same sentence pool:
 * the meeting's own prose, title and headline paragraphs removed (a summary that repeats them scores nothing
 * honest). Docket@3 caps Docket at three sentences, to compare like with like; the ranker never sees the headline.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/index.js';
import { tokenize } from '../src/search/tokenize.js';
import { rankKeyPoints } from '../src/answers/keypoints.js';
import { viewCorpus } from '../src/answers/refs.js';
import { rougeRecall, rougeUnits } from '../src/answers/rouge.js';
import { bodySentences } from '../src/answers/summarize.js';

interface Row {
  meeting: string;
  docket: [number, number];
  docket3: [number, number];
  lead3: [number, number];
  units: { docket: number; docket3: number; lead3: number };
}

const dirs = ['seeds', 'test/fixtures/reports'].map((d) => path.resolve(d)).filter((d) => existsSync(d));
const rows: Row[] = [];
for (const dir of dirs) {
  const corpus = await loadCorpus(dir);
  const view = viewCorpus(corpus);
  for (const section of corpus.sections) {
    const m = section.meeting;
    const reference = [m.headline, m.title].filter(Boolean).join('\n');
    const pool = bodySentences(view, section);
    if (pool.length === 0) continue;
    const pick = (idx: number[]) => idx.map((i) => pool[i]!.text).join('\n');
    const docket = pick(rankKeyPoints(pool, { tokenize }));
    const docket3 = pick(rankKeyPoints(pool, { tokenize, min: 3, max: 3 }));
    const lead3 = pick([0, 1, 2].filter((i) => i < pool.length));
    const score = (s: string): [number, number] => [rougeRecall(s, reference, 1), rougeRecall(s, reference, 2)];
    rows.push({
      meeting: `${path.basename(dir)}/${m.id}`,
      docket: score(docket),
      docket3: score(docket3),
      lead3: score(lead3),
      units: { docket: rougeUnits(docket).length, docket3: rougeUnits(docket3).length, lead3: rougeUnits(lead3).length },
    });
  }
}

const f = (x: number) => x.toFixed(3);
const width = Math.min(64, Math.max(...rows.map((r) => r.meeting.length), 10));
const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
console.log(`${'meeting'.padEnd(width)}  Docket R1  R2     Docket@3 R1  R2     Lead-3 R1  R2`);
for (const r of rows) {
  console.log(`${cut(r.meeting)}  ${f(r.docket[0])}  ${f(r.docket[1])}   ${f(r.docket3[0])}  ${f(r.docket3[1])}   ${f(r.lead3[0])}  ${f(r.lead3[1])}`);
}
const avg = (get: (r: Row) => number) => rows.reduce((s, r) => s + get(r), 0) / Math.max(1, rows.length);
const A = {
  d1: avg((r) => r.docket[0]), d2: avg((r) => r.docket[1]),
  t1: avg((r) => r.docket3[0]), t2: avg((r) => r.docket3[1]),
  l1: avg((r) => r.lead3[0]), l2: avg((r) => r.lead3[1]),
};
console.log(`${'AVERAGE'.padEnd(width)}  ${f(A.d1)}  ${f(A.d2)}   ${f(A.t1)}  ${f(A.t2)}   ${f(A.l1)}  ${f(A.l2)}`);
console.log(
  `\n${rows.length} meetings · mean summary length in units (words / Han chars): Docket ${avg((r) => r.units.docket).toFixed(0)}, ` +
    `Docket@3 ${avg((r) => r.units.docket3).toFixed(0)}, Lead-3 ${avg((r) => r.units.lead3).toFixed(0)}`,
);
console.log(
  `ratio Docket / Lead-3: R1 ${(A.d1 / Math.max(1e-9, A.l1)).toFixed(2)}×, R2 ${(A.d2 / Math.max(1e-9, A.l2)).toFixed(2)}× · ` +
    `Docket@3 / Lead-3: R1 ${(A.t1 / Math.max(1e-9, A.l1)).toFixed(2)}×, R2 ${(A.t2 / Math.max(1e-9, A.l2)).toFixed(2)}×`,
);
const beats = A.d1 > A.l1 && A.d2 > A.l2;
console.log(beats ? 'Docket beats Lead-3 on average (R1 and R2).' : 'Docket does NOT beat Lead-3 on average.');
process.exitCode = beats ? 0 : 1;
