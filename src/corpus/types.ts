/**
 * The corpus contract: what every layer above (search, answers, rendering) may rely on.
 * All offsets are UTF-16 code-unit offsets into `Report.text`, the report file decoded exactly as
 * stored (no normalisation), so `report.text.slice(start, end)` is always the quoted excerpt.
 */

export type Language = 'en' | 'zh';

/** A half-open range `[start, end)` into `Report.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Report {
  /** Stable id derived from the file name (not its path), e.g. `000_dd81edec0bfeecd1`. */
  id: string;
  /** File name relative to the reports folder, e.g. `000_dd81edec0bfeecd1.txt`. */
  file: string;
  /** The decoded file, byte for byte as UTF-8 (BOM stripped only by offset, never by rewriting). */
  text: string;
  /** sha256 of the raw bytes; keys caches and snapshots. */
  sha256: string;
  /** Lines or blocks judged page clutter (navigation, share bars, comment forms, contact blocks, teasers). */
  removed: Removed[];
}

export interface Removed extends Span {
  reason: string;
}

export interface Paragraph extends Span {
  /** 0-based position among the report's kept paragraphs; citations print it 1-based. */
  index: number;
  language: Language;
  /** Sentences inside the paragraph, including ones repaired from "word.Word" joins. */
  sentences: Span[];
}

export interface Person {
  name: string;
  role: string | null;
}

export interface Policy {
  title: string;
  /** What the meeting did with it, as a lowercase verb: reviewed, discussed, issued, implement, studied, adopted… */
  action: string | null;
}

/** A verbatim quote supporting one extracted value. */
export interface Evidence extends Span {
  field: 'title' | 'headline' | 'date' | 'body' | 'place' | 'chair' | 'attendees' | 'mentioned' | 'reporter' | 'policies';
  /** The extracted value this supports (a name, a title, an ISO date…). */
  value: string;
  excerpt: string;
}

export interface Meeting {
  /** Stable, readable slug, unique in the corpus, e.g. `wuxi-2023-04-26-21st-executive-meeting`. */
  id: string;
  /** The report's file name. */
  file: string;
  title: string;
  headline: string | null;
  /** ISO `YYYY-MM-DD`, or null when the text does not say. Never invented. */
  date: string | null;
  body: string | null;
  place: string | null;
  language: Language;
  /** Who presided. Also listed in `attendees`. */
  chair: Person[];
  /** Everyone the text places at the meeting, chair included. */
  attendees: Person[];
  /** Named but not present: leaders quoted, speeches conveyed. Never also in `attendees`. */
  mentioned: string[];
  reporter: string | null;
  policies: Policy[];
  evidence: Evidence[];
}

/** A meeting plus where it lives in its report: what search and answers index and quote. */
export interface MeetingSection {
  meeting: Meeting;
  reportId: string;
  /** The meeting's region of the report. */
  span: Span;
  /** The report's kept paragraphs that belong to this meeting, in order. */
  paragraphs: Paragraph[];
}

export interface LoadWarning {
  file: string;
  message: string;
}

export interface Corpus {
  reports: Report[];
  sections: MeetingSection[];
  warnings: LoadWarning[];
}
