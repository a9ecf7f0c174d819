/**
 * `npm run bench:e2e`: interaction latency of the real bot against the local Discord emulator, over the seeds.
 *   ack    = dispatch sent → first callback received (what Discord's 3 s deadline measures)
 *   answer = dispatch sent → final message in place (defer + edit included)
 *   autocomplete = dispatch sent → type-8 choices received
 * Goals (issue 6): answers p99 ≤ 30 ms, autocomplete p99 ≤ 10 ms. Loopback only.
 *
 * Commands are paced (one every BENCH_PACE_MS, default 22 ms): discord.js's REST client holds itself to Discord's
 * global 50 requests/s, so an unpaced loop measures that self-imposed queue (hundreds of ms) instead of the bot.
 */
import { performance } from 'node:perf_hooks';
import type { CommandInput, AutocompleteInput, Emulator } from '../src/dev/emulator/index.js';
import { startLocalDocket } from '../src/dev/offline.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 150);
const PACE_MS = Number(process.env['BENCH_PACE_MS'] ?? 22);
const WARMUP = 20;
const GOAL_ANSWER_MS = 30;
const GOAL_AUTOCOMPLETE_MS = 10;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface Row {
  label: string;
  ack: number[];
  answer: number[];
}

async function timeCommand(emulator: Emulator, input: CommandInput): Promise<{ ack: number; answer: number }> {
  const t0 = performance.now();
  const r = await emulator.command(input);
  const ack = performance.now() - t0;
  await r.waitForOriginal(undefined, { timeoutMs: 5000 });
  return { ack, answer: performance.now() - t0 };
}

async function timeAutocomplete(emulator: Emulator, input: AutocompleteInput): Promise<number> {
  const t0 = performance.now();
  await emulator.autocomplete(input);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const local = await startLocalDocket({ reportsDir: process.env['DOCKET_REPORTS_DIR'] ?? 'seeds/' });
  const { emulator } = local;
  try {
    const meetings = (await emulator.autocomplete({ name: 'summarize', option: 'meeting', value: '' })).choices.map((c) => String(c.value));
    const people = (await emulator.autocomplete({ name: 'attendees', option: 'person', value: '' })).choices.map((c) => String(c.value));
    const queries = ['foreign trade', 'integrated circuit', 'business environment', '外贸', 'investment', 'rivers and lakes', 'talent', '营商环境'];
    const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
    const commandCases: Array<[string, (i: number) => CommandInput]> = [
      ['summarize', (i) => ({ name: 'summarize', options: { meeting: pick(meetings, i) } })],
      ['attendees meeting', (i) => ({ name: 'attendees', options: { meeting: pick(meetings, i) } })],
      ...(people.length ? [['attendees person', (i: number) => ({ name: 'attendees', options: { person: pick(people, i) } })] as [string, (i: number) => CommandInput]] : []),
      ['policy', (i) => ({ name: 'policy', options: { query: pick(queries, i) } })],
      ['search', (i) => ({ name: 'search', options: { query: pick(queries, i) } })],
      ['meetings', () => ({ name: 'meetings', options: {} })],
      ['help', () => ({ name: 'help', options: {} })],
    ];
    const prefixes = ['', 'w', 'wu', 'su', 'shen', 'central', '无锡', 'meeting', 'x'];
    const autoCases: Array<[string, (i: number) => AutocompleteInput]> = [
      ['summarize meeting', (i) => ({ name: 'summarize', option: 'meeting', value: pick(prefixes, i) })],
      ['attendees person', (i) => ({ name: 'attendees', option: 'person', value: pick(['', 'z', 'zh', 'li', '吴', 'mayor'], i) })],
      ['policy query', (i) => ({ name: 'policy', option: 'query', value: pick(['', 'f', 'for', 'action', '意见'], i) })],
    ];

    const rows: Row[] = [];
    for (const [label, make] of commandCases) {
      const row: Row = { label, ack: [], answer: [] };
      for (let i = 0; i < ROUNDS + WARMUP; i++) {
        const started = performance.now();
        const t = await timeCommand(emulator, make(i));
        const rest = PACE_MS - (performance.now() - started);
        if (rest > 0) await new Promise((r) => setTimeout(r, rest));
        if (i >= WARMUP) {
          row.ack.push(t.ack);
          row.answer.push(t.answer);
        }
      }
      rows.push(row);
    }
    const autoRows: Array<{ label: string; rt: number[] }> = [];
    for (const [label, make] of autoCases) {
      const rt: number[] = [];
      for (let i = 0; i < ROUNDS + WARMUP; i++) {
        const ms = await timeAutocomplete(emulator, make(i));
        if (i >= WARMUP) rt.push(ms);
      }
      autoRows.push({ label, rt });
    }

    const f = (n: number) => n.toFixed(2).padStart(7);
    console.log(`bench:e2e — real bot ↔ emulator over ${process.env['DOCKET_REPORTS_DIR'] ?? 'seeds/'}, ${ROUNDS} rounds each (+${WARMUP} warm-up), sequential, commands paced ${PACE_MS} ms`);
    console.log('');
    console.log('command             |   ack p50 |   ack p99 | ack p99/goal | answer p50 | answer p99');
    console.log('--------------------|-----------|-----------|--------------|------------|-----------');
    let worstAck = 0;
    let worstAnswer = 0;
    for (const r of rows) {
      const ack = [...r.ack].sort((a, b) => a - b);
      const ans = [...r.answer].sort((a, b) => a - b);
      const ackP99 = quantile(ack, 0.99);
      worstAck = Math.max(worstAck, ackP99);
      worstAnswer = Math.max(worstAnswer, quantile(ans, 0.99));
      console.log(
        `${r.label.padEnd(20)}| ${f(quantile(ack, 0.5))} ms | ${f(ackP99)} ms | ${(ackP99 / GOAL_ANSWER_MS).toFixed(2).padStart(12)} |  ${f(quantile(ans, 0.5))} ms |  ${f(quantile(ans, 0.99))} ms`,
      );
    }
    console.log('');
    console.log('autocomplete        | round trip p50 | round trip p99 | p99/goal');
    console.log('--------------------|----------------|----------------|---------');
    let worstAuto = 0;
    for (const r of autoRows) {
      const rt = [...r.rt].sort((a, b) => a - b);
      const p99 = quantile(rt, 0.99);
      worstAuto = Math.max(worstAuto, p99);
      console.log(`${r.label.padEnd(20)}|     ${f(quantile(rt, 0.5))} ms |     ${f(p99)} ms | ${(p99 / GOAL_AUTOCOMPLETE_MS).toFixed(2)}`);
    }
    console.log('');
    console.log(`worst ack p99 (dispatch → callback) ${worstAck.toFixed(2)} ms (goal ≤ ${GOAL_ANSWER_MS}) — ${worstAck <= GOAL_ANSWER_MS ? 'met' : 'MISSED'}`);
    console.log(`worst answer p99 (dispatch → final message, informational) ${worstAnswer.toFixed(2)} ms`);
    console.log(`worst autocomplete p99 ${worstAuto.toFixed(2)} ms (goal ≤ ${GOAL_AUTOCOMPLETE_MS}) — ${worstAuto <= GOAL_AUTOCOMPLETE_MS ? 'met' : 'MISSED'}`);
    console.log(`missed deadlines: ${emulator.deadlineMisses.length}`);
  } finally {
    await local.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
