/**
 * How answers point back into reports: meeting references and verbatim excerpts. Every `Excerpt`
 * in every answer is made here, so the invariant `reportText.slice(start, end) === text` has one home.
 */
import type { Corpus, Language, MeetingSection, Paragraph, Report, Span } from '../corpus/types.js';
import type { Excerpt, MeetingRef } from './types.js';

/** Lookups over one corpus value, built once per corpus. */
export interface CorpusView {
  corpus: Corpus;
  reports: Map<string, Report>;
  reportsByFile: Map<string, Report>;
  sections: Map<string, MeetingSection>;
  /** Every kept paragraph of each report (across its sections), by start offset. */
  paragraphs: Map<string, Paragraph[]>;
}

export function viewCorpus(corpus: Corpus): CorpusView {
  const reports = new Map(corpus.reports.map((r) => [r.id, r] as const));
  const reportsByFile = new Map(corpus.reports.map((r) => [r.file, r] as const));
  const sections = new Map<string, MeetingSection>();
  const paragraphs = new Map<string, Paragraph[]>();
  const seen = new Map<string, Set<number>>();
  for (const s of corpus.sections) {
    sections.set(s.meeting.id, s);
    const list = paragraphs.get(s.reportId) ?? [];
    const starts = seen.get(s.reportId) ?? new Set<number>();
    for (const p of s.paragraphs) {
      if (starts.has(p.start)) continue;
      starts.add(p.start);
      list.push(p);
    }
    paragraphs.set(s.reportId, list);
    seen.set(s.reportId, starts);
  }
  for (const list of paragraphs.values()) list.sort((a, b) => a.start - b.start);
  return { corpus, reports, reportsByFile, sections, paragraphs };
}

export function meetingRef(section: MeetingSection): MeetingRef {
  const m = section.meeting;
  return { id: m.id, title: m.title, date: m.date, place: m.place, file: m.file, language: m.language };
}

export function reportOf(view: CorpusView, section: MeetingSection): Report | undefined {
  return view.reports.get(section.reportId) ?? view.reportsByFile.get(section.meeting.file);
}

/** The paragraph holding `offset` (or the last one starting before it). */
export function paragraphAt(view: CorpusView, reportId: string, offset: number): Paragraph | undefined {
  const list = view.paragraphs.get(reportId) ?? [];
  let lo = 0;
  let hi = list.length - 1;
  let best: Paragraph | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = list[mid]!;
    if (p.start <= offset) {
      best = p;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * A verbatim excerpt of `span` in the section's report, or null when the span does not lie inside
 * the report (a stale offset must never turn into a misquote). Highlights outside the span are dropped.
 */
export function makeExcerpt(
  view: CorpusView,
  section: MeetingSection,
  span: Span,
  highlights: readonly Span[] = [],
  language?: Language,
): Excerpt | null {
  const report = reportOf(view, section);
  if (!report) return null;
  const start = Math.max(0, Math.floor(span.start));
  const end = Math.min(report.text.length, Math.floor(span.end));
  if (!(end > start)) return null;
  const paragraph = paragraphAt(view, report.id, start);
  return {
    start,
    end,
    text: report.text.slice(start, end),
    file: report.file,
    meeting: meetingRef(section),
    paragraph: (paragraph?.index ?? 0) + 1,
    highlights: highlights.filter((h) => h.start >= start && h.end <= end && h.end > h.start).map((h) => ({ start: h.start, end: h.end })),
    language: language ?? paragraph?.language ?? section.meeting.language,
  };
}

/** Where `needle` occurs inside `[span.start, span.end)` of the report, case-insensitively. */
export function findAll(text: string, span: Span, needle: string): Span[] {
  const out: Span[] = [];
  if (!needle) return out;
  const hay = text.slice(span.start, span.end).toLowerCase();
  const n = needle.toLowerCase();
  // Lowercasing can change lengths for a few scripts; then offsets would lie, so give up on highlights.
  if (hay.length !== span.end - span.start || n.length !== needle.length) return out;
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length)) out.push({ start: span.start + i, end: span.start + i + n.length });
  return out;
}
