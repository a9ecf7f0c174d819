/**
 * `npm run cli -- meetings [--reports DIR] [--json]`: the meetings Docket finds in a folder of reports.
 * Warnings (unreadable or empty files, reports with no meeting) go to stderr.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadCorpus, meetingRecord } from '../../corpus/index.js';
import type { Meeting } from '../../corpus/types.js';

export const usage = `usage: npm run cli -- meetings [--reports DIR] [--json]

Lists the meetings found in the reports folder (default: seeds/).
  --reports DIR   folder of .txt/.md reports
  --json          print one JSON array of meetings (id, title, headline, date, body, place, language,
                  chair, attendees, mentioned, reporter, policies, file, evidence)`;

export async function run(argv: string[]): Promise<number> {
  let values: { reports?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { reports: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`meetings: ${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
    return 2;
  }
  if (values.reports !== undefined && values.reports.trim() === '') {
    console.error(`meetings: --reports needs a folder\n\n${usage}`);
    return 2;
  }
  const dir = path.resolve(values.reports ?? 'seeds');
  const corpus = await loadCorpus(dir);
  for (const w of corpus.warnings) console.error(`warning: ${w.file}: ${w.message}`);
  const meetings = corpus.sections.map((s) => s.meeting);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(meetings.map(meetingRecord), null, 2)}\n`);
  } else {
    process.stdout.write(table(meetings));
  }
  return corpus.reports.length === 0 && corpus.warnings.length > 0 ? 1 : 0;
}

function clip(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
}

function table(meetings: Meeting[]): string {
  if (meetings.length === 0) return 'No meetings found.\n';
  const rows = meetings.map((m) => [
    m.date ?? '(no date)',
    clip(m.place ?? '—', 24),
    clip(m.title, 60),
    clip(m.chair.map((c) => c.name).join(', ') || '—', 20),
    String(m.attendees.length),
    String(m.policies.length),
    m.file,
  ]);
  const head = ['date', 'place', 'title', 'chair', 'att.', 'pol.', 'file'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + `\n\n${meetings.length} meeting(s)\n`;
}
