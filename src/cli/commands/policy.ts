/** `npm run cli -- policy [query] [--meeting M] [--from D] [--to D] [--page N] [--json]`: policy documents and mentions. */
import { parseArgs } from 'node:util';
import { loadDocket } from '../../app.js';
import { printAnswer } from '../../answers/plain.js';

export const usage = `usage: npm run cli -- policy [query] [--meeting M] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                              [--page N] [--per-page N] [--reports DIR] [--cache DIR] [--json]

  [query]         a policy title or topic ("business environment", 营商环境); omit for the catalogue
                  of every named policy document
  --meeting M     only this meeting (free text, as for summarize)
  --from, --to    only meetings dated in this range (inclusive)
  --page N        page of the result list (default 1); --per-page N items per page
  --reports DIR   reports folder (default: $DOCKET_REPORTS_DIR or seeds/)
  --cache DIR     search snapshot folder (default: .cache)
  --json          print the answer as JSON`;

function positiveInt(text: string | undefined, name: string): number | undefined | Error {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) return new Error(`${name} must be a whole number ≥ 1, not "${text}"`);
  return Number(text);
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        meeting: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        page: { type: 'string' },
        'per-page': { type: 'string' },
        reports: { type: 'string' },
        cache: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    console.error(`policy: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  const page = positiveInt(parsed.values.page, '--page');
  const perPage = positiveInt(parsed.values['per-page'], '--per-page');
  for (const v of [page, perPage]) {
    if (v instanceof Error) {
      console.error(`policy: ${v.message}\n\n${usage}`);
      return 2;
    }
  }
  for (const key of ['from', 'to'] as const) {
    const d = parsed.values[key];
    if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) {
      console.error(`policy: --${key} must be a date written YYYY-MM-DD, not "${d}"\n\n${usage}`);
      return 2;
    }
  }
  const docket = await loadDocket({
    reportsDir: parsed.values.reports ?? process.env.DOCKET_REPORTS_DIR ?? 'seeds',
    cacheDir: parsed.values.cache ?? '.cache',
  });
  try {
    const query = parsed.positionals.join(' ').trim();
    const answer = docket.service.policies({
      query: query || undefined,
      meeting: parsed.values.meeting,
      from: parsed.values.from,
      to: parsed.values.to,
      page: page as number | undefined,
      perPage: perPage as number | undefined,
    });
    return printAnswer(answer, parsed.values.json ?? false);
  } finally {
    await docket.close();
  }
}
