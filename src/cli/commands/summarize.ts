/** `npm run cli -- summarize <meeting> [--reports DIR] [--json]`: a meeting's digest with verbatim key points. */
import { parseArgs } from 'node:util';
import { loadDocket } from '../../app.js';
import { printAnswer } from '../../answers/plain.js';

export const usage = `usage: npm run cli -- summarize <meeting> [--reports DIR] [--cache DIR] [--json]

  <meeting>       free text naming one meeting: an id, "wuxi 21st", "苏州 自贸", a date like 2023-04-26
  --reports DIR   reports folder (default: $DOCKET_REPORTS_DIR or seeds/)
  --cache DIR     search snapshot folder (default: .cache)
  --json          print the answer as JSON

Prints title, date (as printed and resolved), body, place, chair, attendees, documents acted on,
3–5 key points quoted verbatim with citations, and topics. Several matching meetings → a candidate list.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { reports: { type: 'string' }, cache: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
  } catch (err) {
    console.error(`summarize: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  const meeting = parsed.positionals.join(' ').trim();
  if (!meeting) {
    console.error(`summarize: name a meeting.\n\n${usage}`);
    return 2;
  }
  const docket = await loadDocket({
    reportsDir: parsed.values.reports ?? process.env.DOCKET_REPORTS_DIR ?? 'seeds',
    cacheDir: parsed.values.cache ?? '.cache',
  });
  try {
    return printAnswer(docket.service.summarize(meeting), parsed.values.json ?? false);
  } finally {
    await docket.close();
  }
}
