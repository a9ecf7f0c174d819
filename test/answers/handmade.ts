/**
 * Small hand-made corpora for unit tests of the answer layer's pure pieces: reports written in the test,
 * paragraphs split on blank lines, sentences on a plain stop-character rule (enough for these texts).
 */
import type { Corpus, Evidence, Meeting, MeetingSection, Paragraph, Report, Span } from '../../src/corpus/types.js';

export interface MeetingSpec extends Partial<Omit<Meeting, 'evidence' | 'file'>> {
  id: string;
  title: string;
  /** Strings to quote as evidence: [field, value, exact substring of the report]. */
  evidence?: Array<[Evidence['field'], string, string]>;
  /** Substring of the report where this meeting's region starts / ends (default: whole report). */
  from?: string;
  until?: string;
}

function sentences(text: string, p: Span): Span[] {
  const out: Span[] = [];
  const re = /[^.!?。！？]+[.!?。！？]*/gu;
  const body = text.slice(p.start, p.end);
  for (const m of body.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = p.start + m.index + lead;
    const e = p.start + m.index + m[0].trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    out.push({ start, end, index: out.length, language: /\p{Script=Han}/u.test(m[0]) ? 'zh' : 'en', sentences: sentences(text, { start, end }) });
  }
  return out;
}

export function makeReport(id: string, text: string): Report {
  return { id, file: `${id}.txt`, text, sha256: id, removed: [] };
}

export function makeCorpus(docs: Array<{ id: string; text: string; meetings: MeetingSpec[] }>): Corpus {
  const reports: Report[] = [];
  const sections: MeetingSection[] = [];
  for (const doc of docs) {
    const report = makeReport(doc.id, doc.text);
    reports.push(report);
    const paragraphs = paragraphsOf(doc.text);
    for (const spec of doc.meetings) {
      const start = spec.from ? doc.text.indexOf(spec.from) : 0;
      const end = spec.until ? doc.text.indexOf(spec.until) : doc.text.length;
      if (start < 0 || end < 0) throw new Error(`bad region for ${spec.id}`);
      const evidence: Evidence[] = (spec.evidence ?? []).map(([field, value, quote]) => {
        const at = doc.text.indexOf(quote);
        if (at < 0) throw new Error(`evidence not in text: ${quote}`);
        return { field, value, excerpt: quote, start: at, end: at + quote.length };
      });
      const meeting: Meeting = {
        id: spec.id,
        file: report.file,
        title: spec.title,
        headline: spec.headline ?? null,
        date: spec.date ?? null,
        body: spec.body ?? null,
        place: spec.place ?? null,
        language: spec.language ?? 'en',
        chair: spec.chair ?? [],
        attendees: spec.attendees ?? [],
        mentioned: spec.mentioned ?? [],
        reporter: spec.reporter ?? null,
        policies: spec.policies ?? [],
        evidence,
      };
      sections.push({ meeting, reportId: report.id, span: { start, end }, paragraphs: paragraphs.filter((p) => p.start >= start && p.end <= end) });
    }
  }
  return { reports, sections, warnings: [] };
}
