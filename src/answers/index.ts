/**
 * The answer service every transport calls: free text in, plain data out (see ./types.ts).
 *
 *   createAnswerService({ corpus, search, onError? }): AnswerService
 *
 * `corpus` and `search` may be values or getters (live updates swap the corpus; lookups are rebuilt per
 * corpus value). `search` is the search layer's DocketSearch (only the `SearchPort` part is used).
 * Input hygiene happens once, in ./input.ts. No method throws on user input: an unexpected failure
 * becomes an 'internal-error' notice (and `onError` hears about it).
 */
import type { Corpus, Language } from '../corpus/types.js';
import { defaultGlossary } from '../search/glossary.js';
import { tokenize } from '../search/tokenize.js';
import { romanizeHanName } from '../search/names.js';
import { allPeople, attendeesOf, personAcross } from './attendees.js';
import type { HitLike } from './hits.js';
import { hitExcerpt } from './hits.js';
import { cleanDate, cleanInput, cleanOptional, cleanPaging, normalizeInput, notice } from './input.js';
import { filterMeetings } from './meetings.js';
import { paginate } from './page.js';
import { catalogue, groupMentions, matchingDocuments, type PolicyScope } from './policies.js';
import { type CorpusView, meetingRef, viewCorpus } from './refs.js';
import { MAX_CANDIDATES, newestFirst, resolveMeeting, type Resolution } from './resolve.js';
import { placePinyin } from './romanize.js';
import { summarizeSection } from './summarize.js';
import type {
  AnswerService,
  AttendeesAnswer,
  CandidatesAnswer,
  DocumentEntry,
  Excerpt,
  MeetingFilters,
  MeetingRef,
  MeetingsAnswer,
  NoticeAnswer,
  PageRequest,
  PersonAnswer,
  PolicyAnswer,
  SearchAnswer,
  Suggestion,
  SummaryAnswer,
} from './types.js';

/** The part of the search layer (`DocketSearch`) the answer layer uses. */
export interface SearchPort {
  search(query: string, opts?: { limit?: number; meetingIds?: string[]; language?: Language; from?: string; to?: string }): HitLike[];
  findMeetings(text: string, limit?: number): Array<{ item: { id: string }; score: number }>;
  findPeople(text: string, limit?: number): Array<{ item: { name: string; pinyin: string | null; meetingIds: string[] }; score: number }>;
  findPolicies(text: string, limit?: number): Array<{ item: { title: string }; score: number }>;
}

export interface AnswerDeps {
  corpus: Corpus | (() => Corpus);
  search: SearchPort | (() => SearchPort);
  /** Told about unexpected failures (which the caller sees as an 'internal-error' notice). */
  onError?: (err: unknown, where: string) => void;
}

export const PER_PAGE = { search: 5, policies: 5, meetings: 10 } as const;
/** Autocomplete lists hold at most this many choices (Discord's cap, and plenty for a human). */
export const MAX_SUGGESTIONS = 25;
/** Hits fetched from search before paginating (the search layer's own ceiling). */
const SEARCH_FETCH = 100;
/** A person match this close to the best one is the same query's answer too ("He" → He Ping, He Jinhu). */
const PERSON_TIE = 0.9;
const PERSON_MIN_SCORE = 0.6;

export function createAnswerService(deps: AnswerDeps): AnswerService {
  const getCorpus = typeof deps.corpus === 'function' ? deps.corpus : () => deps.corpus as Corpus;
  const getSearch = typeof deps.search === 'function' ? deps.search : () => deps.search as SearchPort;
  let lastCorpus: Corpus | null = null;
  let lastView: CorpusView | null = null;
  const view = (): CorpusView => {
    const c = getCorpus();
    if (c !== lastCorpus || !lastView) {
      lastCorpus = c;
      lastView = viewCorpus(c);
    }
    return lastView;
  };

  const topicTerms = (() => {
    let terms: string[][] | null = null;
    return () => (terms ??= defaultGlossary().entries.map((e) => [...e.en, ...e.zh]));
  })();

  const resolve = (text: string): Resolution =>
    resolveMeeting(view(), text, {
      tokenize,
      findMeetingIds: (t, limit) => getSearch().findMeetings(t, limit).map((r) => r.item.id),
    });

  const candidates = (query: string, r: Extract<Resolution, { kind: 'candidates' }>): CandidatesAnswer => ({
    kind: 'candidates',
    query,
    candidates: r.sections.map(meetingRef),
  });

  /** Canonical names the user's text stands for: exact spellings, typos, pinyin ↔ Han (the search layer's matcher). */
  const personNames = (text: string): string[] => {
    const ranked = getSearch().findPeople(text, MAX_SUGGESTIONS);
    const top = ranked[0]?.score ?? 0;
    if (top < PERSON_MIN_SCORE) return [];
    return ranked.filter((r) => r.score >= PERSON_TIE * top).map((r) => r.item.name);
  };

  const guard = <A>(where: string, fallback: () => A, fn: () => A): A => {
    try {
      return fn();
    } catch (err) {
      deps.onError?.(err, where);
      return fallback();
    }
  };
  const internal = (): NoticeAnswer => notice('internal-error', 'Something went wrong while answering; please try again.', 'error');

  const service: AnswerService = {
    summarize(meeting: string): SummaryAnswer | CandidatesAnswer | NoticeAnswer {
      return guard('summarize', internal, () => {
        const input = cleanInput(meeting, 'meeting');
        if (!input.ok) return input.notice;
        const r = resolve(input.text);
        if (r.kind === 'candidates') return candidates(input.text, r);
        return summarizeSection(view(), r.section, { tokenize, topicTerms: topicTerms() });
      });
    },

    attendees(meeting: string): AttendeesAnswer | CandidatesAnswer | NoticeAnswer {
      return guard('attendees', internal, () => {
        const input = cleanInput(meeting, 'meeting');
        if (!input.ok) return input.notice;
        const r = resolve(input.text);
        if (r.kind === 'candidates') return candidates(input.text, r);
        return attendeesOf(view(), r.section);
      });
    },

    person(name: string): PersonAnswer | NoticeAnswer {
      return guard('person', internal, () => {
        const input = cleanInput(name, 'name');
        if (!input.ok) return input.notice;
        return personAcross(view(), input.text, personNames(input.text));
      });
    },

    policies(req): PolicyAnswer | CandidatesAnswer | NoticeAnswer {
      return guard('policies', internal, () => {
        const query = cleanOptional(req?.query, 'policy or topic');
        if (!query.ok) return query.notice;
        const from = cleanDate(req?.from, 'from');
        if (!from.ok) return from.notice;
        const to = cleanDate(req?.to, 'to');
        if (!to.ok) return to.notice;
        const meetingText = cleanOptional(req?.meeting, 'meeting');
        if (!meetingText.ok) return meetingText.notice;
        const scope: PolicyScope = { from: from.date, to: to.date };
        if (meetingText.text) {
          const r = resolve(meetingText.text);
          if (r.kind === 'candidates') return candidates(meetingText.text, r);
          scope.meeting = r.section;
        }
        const v = view();
        const { page, perPage } = cleanPaging(req, PER_PAGE.policies);
        let documents: DocumentEntry[];
        let mentions: Array<{ meeting: MeetingRef; excerpts: Excerpt[] }> = [];
        if (!query.text) {
          documents = catalogue(v, scope);
        } else {
          const s = getSearch();
          const ranked = s.findPolicies(query.text, MAX_SUGGESTIONS).map((r) => r.item.title);
          documents = matchingDocuments(v, scope, query.text, tokenize, ranked, glossaryAlternatives(query.text, topicTerms()));
          const hits = s.search(query.text, {
            limit: SEARCH_FETCH,
            meetingIds: scope.meeting ? [scope.meeting.meeting.id] : undefined,
            from: scope.from,
            to: scope.to,
          });
          const shown = documents.flatMap((d) => (d.excerpt ? [d.excerpt] : []));
          mentions = groupMentions(v, scope, hits, shown).map(({ meeting, excerpts }) => ({ meeting, excerpts }));
        }
        if (documents.length === 0 && mentions.length === 0) {
          return notice('no-results', query.text ? `No policy or passage on "${query.text}" was found.` : 'No named policy documents in these reports.');
        }
        // One list to page through: documents first, then one entry per meeting's mentions.
        type Item = { doc: DocumentEntry } | { group: { meeting: MeetingRef; excerpts: Excerpt[] } };
        const items: Item[] = [...documents.map((doc) => ({ doc })), ...mentions.map((group) => ({ group }))];
        const p = paginate(items, page, perPage);
        return {
          kind: 'policies',
          query: query.text ?? null,
          documents: p.items.flatMap((i) => ('doc' in i ? [i.doc] : [])),
          mentions: p.items.flatMap((i) => ('group' in i ? [i.group] : [])),
          page: p.page,
        };
      });
    },

    search(query: string, req?: MeetingFilters & PageRequest): SearchAnswer | NoticeAnswer {
      return guard('search', internal, () => {
        const input = cleanInput(query, 'search query');
        if (!input.ok) return input.notice;
        const filters = cleanFilters(req);
        if ('kind' in filters) return filters;
        const v = view();
        let meetingIds: string[] | undefined;
        if (filters.person || filters.place) {
          meetingIds = filterMeetings(v, { person: filters.person, place: filters.place }, { personNames, placeForms: placePinyin }).map((s) => s.meeting.id);
          if (meetingIds.length === 0) return notice('no-results', 'No meeting matches those filters.');
        }
        const hits = getSearch().search(input.text, { limit: SEARCH_FETCH, meetingIds, language: filters.language, from: filters.from, to: filters.to });
        const quoted = hits.flatMap((h) => {
          const excerpt = hitExcerpt(v, h);
          return excerpt ? [{ excerpt, score: h.score }] : [];
        });
        if (quoted.length === 0) return notice('no-results', `Nothing in the reports matches "${input.text}".`);
        const { page, perPage } = cleanPaging(req, PER_PAGE.search);
        const p = paginate(quoted, page, perPage);
        return { kind: 'search', query: input.text, hits: p.items, page: p.page };
      });
    },

    meetings(req?: MeetingFilters & PageRequest): MeetingsAnswer | NoticeAnswer {
      return guard('meetings', internal, () => {
        const filters = cleanFilters(req);
        if ('kind' in filters) return filters;
        const list = filterMeetings(view(), filters, { personNames, placeForms: placePinyin });
        if (list.length === 0) return notice('no-results', 'No meeting matches those filters.');
        const { page, perPage } = cleanPaging(req, PER_PAGE.meetings);
        const p = paginate(list.map(meetingRef), page, perPage);
        return { kind: 'meetings', filters, meetings: p.items, page: p.page };
      });
    },

    suggestMeetings(input: string): Suggestion[] {
      return guard('suggestMeetings', () => [], () => {
        const v = view();
        const text = normalizeInput(input).toLowerCase();
        const table = meetingTable(v);
        const choose = (ids: string[]) => ids.slice(0, MAX_SUGGESTIONS).map((id) => meetingSuggestion(v, id));
        if (!text) return choose(table.map((row) => row.id));
        const ids: string[] = [];
        const add = (id: string) => {
          if (ids.length < MAX_SUGGESTIONS && !ids.includes(id)) ids.push(id);
        };
        for (const tier of [(f: string) => f === text, (f: string) => f.startsWith(text), (f: string) => f.includes(text)]) {
          for (const row of table) if (row.fields.some(tier)) add(row.id);
        }
        // Then the resolver's and the search layer's word-level (typo-tolerant) matches.
        const r = resolve(text);
        if (r.kind === 'one') add(r.section.meeting.id);
        else for (const s of r.sections) add(s.meeting.id);
        for (const m of getSearch().findMeetings(text, MAX_SUGGESTIONS)) if (v.sections.has(m.item.id)) add(m.item.id);
        return choose(ids);
      });
    },

    suggestPeople(input: string): Suggestion[] {
      return guard('suggestPeople', () => [], () => {
        const v = view();
        const text = normalizeInput(input);
        const names = text ? getSearch().findPeople(text, MAX_SUGGESTIONS).map((r) => r.item.name) : allPeople(v);
        return names.slice(0, MAX_SUGGESTIONS).map((name) => personSuggestion(v, name));
      });
    },

    suggestPolicies(input: string): Suggestion[] {
      return guard('suggestPolicies', () => [], () => {
        const v = view();
        const text = normalizeInput(input).toLowerCase();
        const titles = [...new Set(catalogue(v, {}).map((d) => d.title))];
        const out: string[] = [];
        const add = (t: string) => {
          if (out.length < MAX_SUGGESTIONS && !out.includes(t)) out.push(t);
        };
        const s = getSearch();
        if (text) {
          titles.filter((t) => t.toLowerCase().startsWith(text)).forEach(add);
          titles.filter((t) => t.toLowerCase().includes(text)).forEach(add);
          for (const r of s.findPolicies(text, MAX_SUGGESTIONS)) add(r.item.title);
        } else titles.forEach(add);
        topicsFor(v, topicTerms(), text, MAX_SUGGESTIONS - out.length, s).forEach(add);
        return out.map(textSuggestion);
      });
    },
  };
  return service;
}

function cleanFilters(req: (MeetingFilters & PageRequest) | undefined): MeetingFilters | NoticeAnswer {
  const person = cleanOptional(req?.person, 'person');
  if (!person.ok) return person.notice;
  const place = cleanOptional(req?.place, 'place');
  if (!place.ok) return place.notice;
  const from = cleanDate(req?.from, 'from');
  if (!from.ok) return from.notice;
  const to = cleanDate(req?.to, 'to');
  if (!to.ok) return to.notice;
  const language = req?.language;
  if (language !== undefined && language !== 'en' && language !== 'zh') {
    return notice('bad-input', 'Language must be "en" or "zh".', 'error');
  }
  const out: MeetingFilters = {};
  if (person.text) out.person = person.text;
  if (place.text) out.place = place.text;
  if (from.date) out.from = from.date;
  if (to.date) out.to = to.date;
  if (language) out.language = language;
  return out;
}

/** "Title · 2023-04-26 · Wuxi" — the date or "date not stated", and the place when known. */
function meetingSuggestion(v: CorpusView, id: string): Suggestion {
  const m = v.sections.get(id)!.meeting;
  return { name: [m.title, m.date ?? 'date not stated', m.place].filter(Boolean).join(' · '), value: m.id };
}

function personSuggestion(v: CorpusView, name: string): Suggestion {
  const meetings = v.corpus.sections.filter((s) => {
    const m = s.meeting;
    return [...m.attendees.map((p) => p.name), ...m.mentioned, m.reporter].includes(name);
  });
  const role = meetings.flatMap((s) => s.meeting.attendees.filter((p) => p.name === name).map((p) => p.role)).find(Boolean);
  const pinyin = romanizeHanName(name);
  const label = [pinyin ? `${name} (${pinyin})` : name, role, `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
  return { name: label, value: name };
}

function textSuggestion(text: string): Suggestion {
  return { name: text, value: text };
}

/** Every other wording of the query in the vocabulary groups whose terms include the query itself. */
function glossaryAlternatives(query: string, groups: readonly (readonly string[])[]): string[] {
  const key = tokenize(query).join(' ');
  if (!key) return [];
  return groups.filter((g) => g.some((t) => tokenize(t).join(' ') === key)).flat();
}

const meetingTables = new WeakMap<CorpusView, Array<{ id: string; fields: string[] }>>();

/** Meetings newest first with their lowercased searchable fields, once per corpus value (autocomplete runs per keystroke). */
function meetingTable(v: CorpusView): Array<{ id: string; fields: string[] }> {
  let table = meetingTables.get(v);
  if (!table) {
    table = [...v.corpus.sections].sort(newestFirst).map((s) => ({
      id: s.meeting.id,
      fields: [s.meeting.id, s.meeting.title, s.meeting.place, s.meeting.body, s.meeting.headline, s.meeting.date]
        .filter((f): f is string => !!f)
        .map((f) => f.toLowerCase()),
    }));
    meetingTables.set(v, table);
  }
  return table;
}

const topicPresence = new WeakMap<CorpusView, Map<string, boolean>>();

/**
 * Glossary topics worth suggesting: matching `text` (prefix first, then contains; all when empty) and
 * present in the corpus. Presence is asked of the search index one term at a time, only for the few
 * terms about to be shown, and remembered per corpus value — scanning every report for every glossary
 * term would cost seconds on a large corpus.
 */
function topicsFor(v: CorpusView, groups: readonly (readonly string[])[], text: string, want: number, search: SearchPort): string[] {
  let presence = topicPresence.get(v);
  if (!presence) topicPresence.set(v, (presence = new Map()));
  const terms = [...new Set(groups.flat())].filter((t) => t.length >= 2);
  const ordered = text
    ? [...terms.filter((t) => t.toLowerCase().startsWith(text)), ...terms.filter((t) => !t.toLowerCase().startsWith(text) && t.toLowerCase().includes(text))]
    : terms;
  const out: string[] = [];
  for (const t of ordered) {
    if (out.length >= want) break;
    let present = presence.get(t);
    if (present === undefined) {
      present = search.search(`"${t}"`, { limit: 1 }).length > 0;
      presence.set(t, present);
    }
    if (present) out.push(t);
  }
  return out;
}

export { MAX_CANDIDATES };
