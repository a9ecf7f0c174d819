/**
 * Meeting resolution: the user's free text ("wuxi 21st", "苏州 自贸", "Qinhuangdao plenary", an id,
 * "2023-04-26") → one meeting, or a short ranked candidate list, or none. Ambiguity is an answer.
 *
 * Each query term (search tokenizer: stems, Han bigrams) is looked up in the meeting's fields, weighted
 * by field (a title or place says more than a name in the attendee list) and by rarity across meetings
 * (every meeting is a "meeting"; only one is in Qinhuangdao). One meeting wins outright when it alone
 * accounts for every term, or clearly outscores the others that do.
 */
import type { MeetingSection } from '../corpus/types.js';
import type { CorpusView } from './refs.js';
import { placePinyin } from './romanize.js';

export const MAX_CANDIDATES = 5;
/** A runner-up within this share of the winner's score makes the query ambiguous. */
const AMBIGUITY_RATIO = 0.8;
/** A partial match must cover at least this share of the query's (rarity-weighted) terms to be offered. */
const CANDIDATE_COVERAGE = 0.5;

const FIELD_WEIGHTS = { id: 1, title: 1, place: 1, body: 0.8, headline: 0.6, people: 0.7, policies: 0.4, date: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

export interface ResolveTools {
  tokenize: (text: string) => string[];
  /** The search layer's fuzzy meeting lookup (typos, pinyin), best first; used when exact terms fail. */
  findMeetingIds?: (text: string, limit: number) => string[];
}

export type Resolution = { kind: 'one'; section: MeetingSection } | { kind: 'candidates'; sections: MeetingSection[] };

interface MeetingTerms {
  section: MeetingSection;
  fields: Map<Field, Set<string>>;
}

const termCache = new WeakMap<CorpusView, Map<ResolveTools['tokenize'], MeetingTerms[]>>();

function meetingTerms(view: CorpusView, tokenize: ResolveTools['tokenize']): MeetingTerms[] {
  let byTokenizer = termCache.get(view);
  if (!byTokenizer) termCache.set(view, (byTokenizer = new Map()));
  const cached = byTokenizer.get(tokenize);
  if (cached) return cached;
  const out = view.corpus.sections.map((section) => {
    const m = section.meeting;
    const text: Record<Field, string> = {
      id: m.id.replace(/[-_]+/g, ' '),
      title: m.title,
      place: [m.place ?? '', ...placePinyin(m.place ?? '')].join(' '),
      body: m.body ?? '',
      headline: m.headline ?? '',
      people: [...m.attendees.map((p) => p.name), ...m.mentioned, m.reporter ?? ''].join(' \n '),
      policies: m.policies.map((p) => p.title).join(' \n '),
      date: m.date ?? '',
    };
    const fields = new Map<Field, Set<string>>();
    for (const f of Object.keys(text) as Field[]) fields.set(f, new Set(tokenize(text[f])));
    return { section, fields };
  });
  byTokenizer.set(tokenize, out);
  return out;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date written in the query (2023-04-26, 2023/4/26, 2023年4月26日, April 26, 2023) as ISO, or a month
 * (2023-04, 2023年4月, April 2023) as `YYYY-MM`, and the rest of the text. Meetings match by prefix.
 */
export function dateInQuery(text: string): { date: string; rest: string } | null {
  const day = dayInQuery(text);
  if (day) return day;
  const pad = (n: number) => String(n).padStart(2, '0');
  const cut = (m: RegExpExecArray) => (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).trim();
  const numeric = /(?<![\d-])(\d{4})\s*(?:-|\/|年)\s*(\d{1,2})\s*月?(?![\d-])/u.exec(text);
  if (numeric && Number(numeric[2]) >= 1 && Number(numeric[2]) <= 12) return { date: `${numeric[1]}-${pad(Number(numeric[2]))}`, rest: cut(numeric) };
  const named = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (named) return { date: `${named[2]}-${pad(MONTHS.indexOf(named[1]!.toLowerCase()) + 1)}`, rest: cut(named) };
  return null;
}

function dayInQuery(text: string): { date: string; rest: string } | null {
  const iso = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/u.exec(text);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      return { date: `${y}-${pad(mo)}-${pad(d)}`, rest: (text.slice(0, iso.index) + ' ' + text.slice(iso.index + iso[0].length)).trim() };
    }
  }
  const named = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (named) {
    const mo = MONTHS.indexOf(named[1]!.toLowerCase()) + 1;
    const d = Number(named[2]);
    if (d >= 1 && d <= 31) {
      return { date: `${named[3]}-${pad(mo)}-${pad(d)}`, rest: (text.slice(0, named.index) + ' ' + text.slice(named.index + named[0].length)).trim() };
    }
  }
  return null;
}

interface Scored {
  entry: MeetingTerms;
  score: number;
  coverage: number;
  complete: boolean;
}

export function resolveMeeting(view: CorpusView, query: string, tools: ResolveTools): Resolution {
  const sections = view.corpus.sections;
  const lowered = query.trim().toLowerCase();
  const byId = sections.find((s) => s.meeting.id.toLowerCase() === lowered);
  if (byId) return { kind: 'one', section: byId };

  const dated = dateInQuery(query);
  let entries = meetingTerms(view, tools.tokenize);
  let rest = query;
  if (dated) {
    entries = entries.filter((e) => e.section.meeting.date?.startsWith(dated.date));
    rest = dated.rest;
    if (entries.length === 0) return { kind: 'candidates', sections: [] };
  }
  const terms = [...new Set(tools.tokenize(rest))];
  if (terms.length === 0) {
    if (!dated) return { kind: 'candidates', sections: [] };
    return entries.length === 1 ? { kind: 'one', section: entries[0]!.section } : { kind: 'candidates', sections: entries.slice(0, MAX_CANDIDATES).map((e) => e.section) };
  }

  // Rarity over ALL meetings, so a date filter does not make common words look rare.
  const all = meetingTerms(view, tools.tokenize);
  const idf = new Map<string, number>();
  for (const t of terms) {
    const df = all.filter((e) => [...e.fields.values()].some((set) => set.has(t))).length;
    idf.set(t, Math.log(1 + all.length / Math.max(1, df)));
  }
  const possible = terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);

  const scored: Scored[] = entries.map((entry) => {
    let score = 0;
    let covered = 0;
    let matched = 0;
    for (const t of terms) {
      let best = 0;
      for (const [field, set] of entry.fields) if (set.has(t)) best = Math.max(best, FIELD_WEIGHTS[field]);
      if (best > 0) {
        matched++;
        covered += idf.get(t) ?? 0;
        score += best * (idf.get(t) ?? 0);
      }
    }
    return { entry, score, coverage: possible > 0 ? covered / possible : 0, complete: matched === terms.length };
  });
  scored.sort((a, b) => b.score - a.score || newestFirst(a.entry.section, b.entry.section));

  const complete = scored.filter((s) => s.complete && s.score > 0);
  const [top, second] = complete;
  if (top && (!second || second.score < AMBIGUITY_RATIO * top.score)) return { kind: 'one', section: top.entry.section };
  if (complete.length > 1) return { kind: 'candidates', sections: complete.slice(0, MAX_CANDIDATES).map((s) => s.entry.section) };

  // Nothing accounts for every term: offer good partial matches, then the search layer's fuzzy guesses.
  const offered: MeetingSection[] = scored.filter((s) => s.coverage >= CANDIDATE_COVERAGE).map((s) => s.entry.section);
  if (tools.findMeetingIds) {
    const allowed = new Set(entries.map((e) => e.section.meeting.id));
    for (const id of tools.findMeetingIds(query, MAX_CANDIDATES)) {
      const s = view.sections.get(id);
      if (s && allowed.has(id) && !offered.includes(s)) offered.push(s);
    }
  }
  return { kind: 'candidates', sections: offered.slice(0, MAX_CANDIDATES) };
}

/** Newest first, undated last; ties by title so lists are stable. */
export function newestFirst(a: MeetingSection, b: MeetingSection): number {
  const da = a.meeting.date;
  const db = b.meeting.date;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  }
  return a.meeting.title.localeCompare(b.meeting.title) || a.meeting.id.localeCompare(b.meeting.id);
}
