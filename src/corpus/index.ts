/**
 * The corpus layer's public face: load a folder of reports, parse each into meetings, and make meeting
 * ids unique across the corpus. No Discord here.
 */
import type { Corpus, LoadWarning, Meeting, MeetingSection, Report } from './types.js';
import { readReports } from './load.js';
import { paragraphSpans } from './segment.js';
import { splitMeetings, namesMeeting } from './split.js';
import { extractMeeting, reportContext } from './extract/meeting.js';

export { sentenceSpans, paragraphSpans, detectLanguage } from './segment.js';
export { findClutter } from './clean.js';
export { reportFromBytes, readReport, MAX_REPORT_BYTES, isReportFileName, reportIdFromFile } from './load.js';

/** Paragraphs of a report (kept text only), each with its sentences. */
export function reportParagraphs(report: Report) {
  return paragraphSpans(report.text, report.removed);
}

/** A report's meetings. Pure: the same report always gives the same sections (ids unique within it). */
export function parseReport(report: Report): MeetingSection[] {
  const paragraphs = paragraphSpans(report.text, report.removed);
  if (paragraphs.length === 0) return [];
  const raw = splitMeetings(report.text, paragraphs);
  const ctx = reportContext(report);
  const sections: MeetingSection[] = [];
  for (const r of raw) {
    const sectionText = report.text.slice(r.span.start, r.span.end);
    if (!namesMeeting(sectionText, 'en') && !namesMeeting(sectionText, 'zh')) continue;
    const meeting = extractMeeting(report, r, ctx);
    sections.push({ meeting, reportId: report.id, span: r.span, paragraphs: r.paragraphs });
  }
  uniquifyIds(sections.map((s) => s.meeting));
  return sections;
}

/** Give every meeting a unique id ("-2", "-3" on collision), in corpus order. Mutates and returns. */
export function uniquifyIds(meetings: Meeting[], taken: Set<string> = new Set()): Meeting[] {
  const nextSuffix = new Map<string, number>(); // where to resume counting, so k repeats cost O(k), not O(k²)
  for (const m of meetings) {
    let id = m.id;
    let n = nextSuffix.get(m.id) ?? 2;
    while (taken.has(id)) id = `${m.id}-${n++}`;
    nextSuffix.set(m.id, n);
    m.id = id;
    taken.add(id);
  }
  return meetings;
}

export const NO_MEETING_MESSAGE = 'no meeting found in this report (nothing reads like a meeting being held)';

/** Reports → corpus. Ids are unique corpus-wide; a report with no meeting adds a warning. */
export function buildCorpus(reports: Report[], warnings: LoadWarning[] = []): Corpus {
  const sections: MeetingSection[] = [];
  const all = [...warnings];
  const sorted = [...reports].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const r of sorted) {
    let parsed: MeetingSection[];
    try {
      parsed = parseReport(r);
    } catch (err) {
      all.push({ file: r.file, message: `could not be parsed: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    if (parsed.length === 0) all.push({ file: r.file, message: NO_MEETING_MESSAGE });
    sections.push(...parsed);
  }
  uniquifyIds(sections.map((s) => s.meeting));
  return { reports: sorted, sections, warnings: all };
}

/** Read every report in `dir` (in parallel) and parse it. Never throws for bad files: see `warnings`. */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const { reports, warnings } = await readReports(dir);
  return buildCorpus(reports, warnings);
}

/** The JSON shape of a meeting, with exactly the documented fields in a fixed order. */
export function meetingRecord(m: Meeting) {
  return {
    id: m.id,
    title: m.title,
    headline: m.headline,
    date: m.date,
    body: m.body,
    place: m.place,
    language: m.language,
    chair: m.chair,
    attendees: m.attendees,
    mentioned: m.mentioned,
    reporter: m.reporter,
    policies: m.policies,
    file: m.file,
    evidence: m.evidence,
  };
}

export type { Corpus, Meeting, MeetingSection, Report, LoadWarning } from './types.js';
