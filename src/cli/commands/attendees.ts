/** `npm run cli -- attendees <meeting> | --person NAME [--json]`: who was there, or where a person was. */
import { parseArgs } from 'node:util';
import { loadDocket } from '../../app.js';
import { printAnswer } from '../../answers/plain.js';

export const usage = `usage: npm run cli -- attendees <meeting> [--reports DIR] [--cache DIR] [--json]
       npm run cli -- attendees --person NAME [--reports DIR] [--cache DIR] [--json]

  <meeting>       free text naming one meeting (an id, "tongxiang standing committee", a date)
  --person NAME   instead: every meeting NAME chaired, attended, reported or is mentioned in
                  (case, spacing, one-letter typos and pinyin ↔ Chinese are tolerated)
  --reports DIR   reports folder (default: $DOCKET_REPORTS_DIR or seeds/)
  --cache DIR     search snapshot folder (default: .cache)
  --json          print the answer as JSON`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        person: { type: 'string' },
        reports: { type: 'string' },
        cache: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    console.error(`attendees: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  const meeting = parsed.positionals.join(' ').trim();
  const person = parsed.values.person?.trim();
  if (!!meeting === !!person) {
    console.error(`attendees: give either a meeting or --person NAME (not both).\n\n${usage}`);
    return 2;
  }
  const docket = await loadDocket({
    reportsDir: parsed.values.reports ?? process.env.DOCKET_REPORTS_DIR ?? 'seeds',
    cacheDir: parsed.values.cache ?? '.cache',
  });
  try {
    const answer = person ? docket.service.person(person) : docket.service.attendees(meeting);
    return printAnswer(answer, parsed.values.json ?? false);
  } finally {
    await docket.close();
  }
}
