/**
 * Answers are plain data: what Docket says, before any transport decides how to show it.
 * Every quoted string is an `Excerpt`, verbatim from a report; nothing here is generated prose.
 */
import type { Language, Span } from '../corpus/types.js';

/** Enough about a meeting to name and cite it. */
export interface MeetingRef {
  id: string;
  title: string;
  date: string | null;
  place: string | null;
  file: string;
  language: Language;
}

/** A verbatim quote: `reportText(file).slice(start, end) === text`. */
export interface Excerpt extends Span {
  text: string;
  file: string;
  meeting: MeetingRef;
  /** 1-based paragraph number within the report, for the citation. */
  paragraph: number;
  /** Matched terms, as absolute offsets into the report (inside `[start, end)`). */
  highlights: Span[];
  /** Which language matched, for cross-lingual search results. */
  language: Language;
}

export interface Page {
  /** 1-based. */
  page: number;
  pageCount: number;
  total: number;
}

export interface PersonEntry {
  name: string;
  role: string | null;
  /** The sentence that places or names them, when the report has one. */
  excerpt: Excerpt | null;
}

export interface DocumentEntry {
  title: string;
  action: string | null;
  meeting: MeetingRef;
  excerpt: Excerpt | null;
}

export interface SummaryAnswer {
  kind: 'summary';
  meeting: MeetingRef;
  /** The date as the report prints it, e.g. "On April 26" or "昨天"; null when it does not say. */
  dateText: string | null;
  body: string | null;
  headline: string | null;
  chair: PersonEntry[];
  attendeeCount: number;
  attendees: PersonEntry[];
  documents: DocumentEntry[];
  keyPoints: Excerpt[];
  topics: string[];
}

export interface AttendeesAnswer {
  kind: 'attendees';
  meeting: MeetingRef;
  chair: PersonEntry[];
  present: PersonEntry[];
  mentioned: PersonEntry[];
  reporter: PersonEntry | null;
}

export type PersonStatus = 'chaired' | 'attended' | 'mentioned' | 'reported';

export interface PersonAnswer {
  kind: 'person';
  query: string;
  /** Empty: the person is not found in any meeting. */
  results: Array<{ meeting: MeetingRef; status: PersonStatus; name: string; role: string | null; excerpt: Excerpt | null }>;
}

export interface PolicyAnswer {
  kind: 'policies';
  query: string | null;
  /** Named policy documents matching the query (or all of them, with no query). */
  documents: DocumentEntry[];
  /** Passages stating policy on the topic, grouped by meeting, best first. */
  mentions: Array<{ meeting: MeetingRef; excerpts: Excerpt[] }>;
  page: Page;
}

export interface SearchAnswer {
  kind: 'search';
  query: string;
  hits: Array<{ excerpt: Excerpt; score: number }>;
  page: Page;
}

export interface MeetingsAnswer {
  kind: 'meetings';
  filters: MeetingFilters;
  meetings: MeetingRef[];
  page: Page;
}

/** The user's text named no single meeting. */
export interface CandidatesAnswer {
  kind: 'candidates';
  query: string;
  /** Best first; empty when nothing matches ("no meeting matches"). */
  candidates: MeetingRef[];
}

/** A user-facing refusal: bad input, empty query, nothing found. */
export interface NoticeAnswer {
  kind: 'notice';
  level: 'info' | 'error';
  /** A key for localisation plus the English text; renderers may translate by key. */
  code: 'empty-query' | 'query-too-long' | 'no-results' | 'no-meeting' | 'bad-input' | 'expired' | 'internal-error';
  message: string;
}

export type Answer =
  | SummaryAnswer
  | AttendeesAnswer
  | PersonAnswer
  | PolicyAnswer
  | SearchAnswer
  | MeetingsAnswer
  | CandidatesAnswer
  | NoticeAnswer;

export interface MeetingFilters {
  person?: string;
  place?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  language?: Language;
}

/** An autocomplete suggestion: `name` is shown (≤ 100 chars is the renderer's job), `value` is a stable id or text. */
export interface Suggestion {
  name: string;
  value: string;
}

export interface PageRequest {
  /** 1-based; out-of-range pages clamp. */
  page?: number;
  /** Defaults chosen by the answer layer. */
  perPage?: number;
}

/**
 * What every transport (gateway bot, HTTP endpoint, CLI, console) calls. Pure over an in-memory
 * corpus and index: no I/O, no Discord types. Free text in, plain answers out; never throws on user input.
 */
export interface AnswerService {
  summarize(meeting: string): SummaryAnswer | CandidatesAnswer | NoticeAnswer;
  attendees(meeting: string): AttendeesAnswer | CandidatesAnswer | NoticeAnswer;
  person(name: string): PersonAnswer | NoticeAnswer;
  policies(req: { query?: string; meeting?: string; from?: string; to?: string } & PageRequest): PolicyAnswer | CandidatesAnswer | NoticeAnswer;
  search(query: string, req?: MeetingFilters & PageRequest): SearchAnswer | NoticeAnswer;
  meetings(req?: MeetingFilters & PageRequest): MeetingsAnswer | NoticeAnswer;
  suggestMeetings(input: string): Suggestion[];
  suggestPeople(input: string): Suggestion[];
  suggestPolicies(input: string): Suggestion[];
}
