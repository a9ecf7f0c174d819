/** The search engine: paragraph chunks in one MiniSearch index, query alternatives, verification. See ./index.ts. */
import MiniSearch from 'minisearch';
import { Candidates, Retriever, type Slot } from './retrieve.js';
import type { Corpus, Language, MeetingSection, Report, Span } from '../corpus/types.js';
import { tokenize, tokenSpans, type Token } from './tokenize.js';
import { parseQuery, phraseUnit, type QueryProblem, type Unit } from './query.js';
import { termMatches, withinSpan } from './match.js';
import { buildExcerpt, type ExcerptWindow, type Mark } from './excerpt.js';
import { defaultGlossary, glossaryMatches, type Glossary } from './glossary.js';
import { EntityLookup, type MeetingEntry, type PersonEntry, type PolicyEntry, type Ranked } from './entities.js';
import { compactName, isHanName } from './names.js';
import {
  DEFAULT_LIMIT,
  MAX_ALTERNATIVES,
  MAX_FUZZY,
  MAX_LIMIT,
  MAX_VERIFY_CANDIDATES,
  MAX_VERIFY_CANDIDATES_ALT,
  VIA_WEIGHT,
} from './limits.js';

export type { MeetingEntry, PersonEntry, PolicyEntry, Ranked } from './entities.js';
export type { ExcerptWindow } from './excerpt.js';
export type { QueryProblem } from './query.js';

export type MatchedVia = 'direct' | 'glossary' | 'pinyin';

export interface SearchHit {
  meetingId: string;
  reportId: string;
  file: string;
  /** 0-based index among the report's kept paragraphs (citations print it 1-based). */
  paragraphIndex: number;
  /** Relative score in (0, 1]: the best hit of the user's own words is 1. */
  score: number;
  /** The language of the paragraph that matched. */
  language: Language;
  matchedVia: MatchedVia;
  excerpt: ExcerptWindow;
}

export interface SearchFilters {
  limit?: number;
  meetingIds?: string[];
  language?: Language;
  /** ISO dates, inclusive, against the meeting date; meetings without a date are excluded when set. */
  from?: string;
  to?: string;
  /** Case-insensitive substring of the meeting's place. */
  place?: string;
}

export interface SearchResultSet {
  hits: SearchHit[];
  problem: QueryProblem | null;
  /** 'and': every unit matched; 'or': the fallback; 'none': nothing searched or nothing found. */
  mode: 'and' | 'or' | 'none';
}

/** One indexed paragraph. */
export interface Chunk {
  id: string;
  reportId: string;
  file: string;
  meetingId: string;
  meetingTitle: string;
  date: string | null;
  place: string | null;
  language: Language;
  start: number;
  end: number;
  paragraphIndex: number;
  sentences: Span[];
}

export interface SearchOptions {
  glossary?: Glossary;
}

/** Bumped whenever tokenization, fields or chunking change: part of every snapshot key. */
export const SEARCH_CODE_VERSION = 'search-v2';

interface IndexDoc {
  id: string;
  text: string;
  title: string;
}

/** MiniSearch configuration shared by build, snapshot load and live updates. */
export function miniSearchOptions() {
  return {
    fields: ['text', 'title'],
    storeFields: [] as string[],
    // Our tokenizer already folds, splits and stems; at query time we hand MiniSearch finished terms.
    tokenize: (text: string) => tokenize(text),
    processTerm: (term: string) => term,
    searchOptions: {
      tokenize: (text: string) => [text],
      processTerm: (term: string) => term,
      boost: { text: 1, title: 0.5 },
      maxFuzzy: MAX_FUZZY,
    },
  };
}

interface Alternative {
  units: Unit[];
  via: MatchedVia;
}

export function chunkId(reportId: string, paragraphIndex: number): string {
  return `${reportId}#${paragraphIndex}`;
}

/** The chunks of one report's sections (one per kept paragraph). */
export function chunksOf(report: Pick<Report, 'id' | 'file'>, sections: MeetingSection[]): Chunk[] {
  const out: Chunk[] = [];
  const seen = new Set<number>();
  for (const s of sections) {
    for (const p of s.paragraphs) {
      if (seen.has(p.index)) continue; // a paragraph belongs to one meeting; guard against overlaps
      seen.add(p.index);
      out.push({
        id: chunkId(report.id, p.index),
        reportId: report.id,
        file: report.file,
        meetingId: s.meeting.id,
        meetingTitle: s.meeting.title,
        date: s.meeting.date,
        place: s.meeting.place,
        language: p.language,
        start: p.start,
        end: p.end,
        paragraphIndex: p.index,
        sentences: p.sentences,
      });
    }
  }
  return out;
}

export class DocketSearch {
  readonly ms: MiniSearch<IndexDoc>;
  private readonly chunks = new Map<string, Chunk>();
  private readonly chunkIdsByReport = new Map<string, string[]>();
  private readonly texts = new Map<string, string>();
  private readonly reports = new Map<string, Report>();
  private readonly sectionsByReport = new Map<string, MeetingSection[]>();
  readonly entities: EntityLookup;
  private readonly glossary: Glossary;
  private readonly retriever: Retriever;

  /** Use createSearch / loadOrBuildSearch. `ms` may come from a snapshot (already holding every chunk). */
  constructor(corpus: Corpus, options: SearchOptions = {}, ms?: MiniSearch<IndexDoc>) {
    this.glossary = options.glossary ?? defaultGlossary();
    this.entities = new EntityLookup(corpus.sections);
    this.ms = ms ?? new MiniSearch<IndexDoc>(miniSearchOptions());
    this.retriever = new Retriever(this.ms as MiniSearch<unknown>);
    const byReport = new Map<string, MeetingSection[]>();
    for (const s of corpus.sections) byReport.set(s.reportId, [...(byReport.get(s.reportId) ?? []), s]);
    const docs: IndexDoc[] = [];
    for (const r of corpus.reports) {
      this.reports.set(r.id, r);
      this.texts.set(r.id, r.text);
      this.sectionsByReport.set(r.id, byReport.get(r.id) ?? []);
      const chunks = chunksOf(r, byReport.get(r.id) ?? []);
      this.chunkIdsByReport.set(r.id, chunks.map((c) => c.id));
      for (const c of chunks) {
        this.chunks.set(c.id, c);
        if (!ms) docs.push({ id: c.id, text: r.text.slice(c.start, c.end), title: c.meetingTitle });
      }
    }
    if (!ms) this.ms.addAll(docs);
    // Entity tables (people, meetings, policies; pinyin for Han names) build on first use; warm them as soon as
    // the event loop is free so serving can start on the paragraph index alone (~0.2–0.8 s at 100k paragraphs).
    const warm = setImmediate(() => this.entities.warm());
    warm.unref?.();
  }

  get size(): number {
    return this.chunks.size;
  }

  reportText(reportId: string): string | undefined {
    return this.texts.get(reportId);
  }

  report(reportId: string): Report | undefined {
    return this.reports.get(reportId);
  }

  reportIds(): string[] {
    return [...this.reports.keys()];
  }

  /** The meeting sections indexed for a report (empty if none or unknown). */
  sectionsOf(reportId: string): MeetingSection[] {
    return this.sectionsByReport.get(reportId) ?? [];
  }

  chunk(id: string): Chunk | undefined {
    return this.chunks.get(id);
  }

  /** Swap one report's chunks and entities (live updates). */
  replaceReport(report: Report, sections: MeetingSection[]): void {
    this.removeReport(report.id);
    this.reports.set(report.id, report);
    this.texts.set(report.id, report.text);
    const own = sections.filter((s) => s.reportId === report.id);
    this.sectionsByReport.set(report.id, own);
    const chunks = chunksOf(report, own);
    this.chunkIdsByReport.set(report.id, chunks.map((c) => c.id));
    for (const c of chunks) this.chunks.set(c.id, c);
    this.ms.addAll(chunks.map((c) => ({ id: c.id, text: report.text.slice(c.start, c.end), title: c.meetingTitle })));
    this.retriever.invalidate();
    this.entities.replaceReport(report.id, own);
  }

  removeReport(reportId: string): void {
    const ids = this.chunkIdsByReport.get(reportId) ?? [];
    if (ids.length) this.ms.discardAll(ids);
    this.retriever.invalidate();
    for (const id of ids) this.chunks.delete(id);
    this.chunkIdsByReport.delete(reportId);
    this.texts.delete(reportId);
    this.reports.delete(reportId);
    this.sectionsByReport.delete(reportId);
    this.entities.removeReport(reportId);
  }

  findMeetings(text: string, limit = 10): Array<Ranked<MeetingEntry>> {
    return this.entities.findMeetings(text, limit);
  }

  findPeople(text: string, limit = 10): Array<Ranked<PersonEntry>> {
    return this.entities.findPeople(text, limit);
  }

  findPolicies(text: string, limit = 10): Array<Ranked<PolicyEntry>> {
    return this.entities.findPolicies(text, limit);
  }

  search(query: string, opts: SearchFilters = {}): SearchHit[] {
    return this.searchDetailed(query, opts).hits;
  }

  searchDetailed(query: string, opts: SearchFilters = {}): SearchResultSet {
    let parsed;
    try {
      parsed = parseQuery(typeof query === 'string' ? query : '');
    } catch {
      return { hits: [], problem: 'empty-query', mode: 'none' };
    }
    if (parsed.problem) return { hits: [], problem: parsed.problem, mode: 'none' };
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(Number(opts.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT));
    const filter = this.filterFor(opts);
    const alternatives = this.alternatives(parsed.units);
    const tokenCache = new Map<string, Token[]>();

    type Found = { chunk: Chunk; score: number; alt: Alternative };
    const best = new Map<string, Found>();
    for (const alt of alternatives) {
      const found = this.runAnd(alt, limit, filter, tokenCache);
      const top = found[0]?.score ?? 0;
      for (const f of found) {
        const score = (VIA_WEIGHT[alt.via] * f.score) / top;
        const prev = best.get(f.chunk.id);
        if (!prev || score > prev.score) best.set(f.chunk.id, { chunk: f.chunk, score, alt });
      }
    }
    let mode: SearchResultSet['mode'] = 'and';
    if (best.size === 0) {
      mode = 'or';
      const direct = alternatives[0]!;
      const found = this.runOr(direct, limit, filter, tokenCache);
      const top = found[0]?.score ?? 0;
      for (const f of found) best.set(f.chunk.id, { chunk: f.chunk, score: f.score / top, alt: direct });
      if (best.size === 0) mode = 'none';
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id)).slice(0, limit);
    const hits = ranked.map(({ chunk, score, alt }) => {
      const text = this.texts.get(chunk.reportId)!;
      const marks = this.marksFor(chunk, alt.units, tokenCache);
      return {
        meetingId: chunk.meetingId,
        reportId: chunk.reportId,
        file: chunk.file,
        paragraphIndex: chunk.paragraphIndex,
        score: Math.round(score * 1e4) / 1e4,
        language: chunk.language,
        matchedVia: alt.via,
        excerpt: buildExcerpt(text, chunk, marks),
      };
    });
    return { hits, problem: null, mode };
  }

  private filterFor(opts: SearchFilters): ((c: Chunk) => boolean) | null {
    const ids = opts.meetingIds?.length ? new Set(opts.meetingIds) : null;
    const place = opts.place ? compactName(opts.place) : null;
    if (!ids && !opts.language && !opts.from && !opts.to && !place) return null;
    return (c) => {
      if (ids && !ids.has(c.meetingId)) return false;
      if (opts.language && c.language !== opts.language) return false;
      if (opts.from && (!c.date || c.date < opts.from)) return false;
      if (opts.to && (!c.date || c.date > opts.to)) return false;
      if (place && !(c.place && compactName(c.place).includes(place))) return false;
      return true;
    };
  }

  /** The user's units, plus cross-lingual rewrites: glossary terms and person names in the other script. */
  private alternatives(units: Unit[]): Alternative[] {
    const direct = this.markNames(units);
    const alts: Alternative[] = [{ units: direct.units, via: 'direct' }];
    for (const p of direct.pinyin) {
      alts.push({ units: [...direct.units.slice(0, p.from), p.unit, ...direct.units.slice(p.to)], via: 'pinyin' });
    }
    const matches = glossaryMatches(direct.units, this.glossary);
    for (const m of matches) {
      for (const v of m.variants.slice(0, 2)) {
        const unit = phraseUnit(v);
        if (!unit) continue;
        alts.push({ units: [...direct.units.slice(0, m.from), unit, ...direct.units.slice(m.to)], via: 'glossary' });
      }
    }
    if (matches.length > 1) {
      // Every glossary term swapped at once: a wholly English query can then match a wholly Chinese paragraph.
      const swapped: Unit[] = [];
      let i = 0;
      for (const m of matches) {
        swapped.push(...direct.units.slice(i, m.from));
        const u = phraseUnit(m.variants[0]!);
        if (u) swapped.push(u);
        i = m.to;
      }
      swapped.push(...direct.units.slice(i));
      alts.push({ units: swapped, via: 'glossary' });
    }
    return alts.slice(0, MAX_ALTERNATIVES);
  }

  /**
   * Person names in the query become phrases (words adjacent, the canonical spelling, so "Zhao Jianjn" searches
   * "Zhao Jianjun"); a Han name ↔ its pinyin gives a 'pinyin' alternative. Exact-key lookups everywhere; the
   * typo-tolerant lookup only when the whole query is 2–3 words (a name query), to keep long queries fast.
   */
  private markNames(units: Unit[]): { units: Unit[]; pinyin: Array<{ from: number; to: number; unit: Unit }> } {
    const out: Unit[] = [];
    const pinyin: Array<{ from: number; to: number; unit: Unit }> = [];
    const single = (u: Unit | undefined) => !!u && !u.quoted && u.terms.length === 1 && u.terms[0]!.kind === 'latin';
    const nameQuery = units.length >= 2 && units.length <= 3 && units.every(single);
    let i = 0;
    while (i < units.length) {
      const u = units[i]!;
      if (u.terms[0]?.kind === 'han' && !u.quoted && isHanName(u.surface)) {
        const person = this.entities.findPeople(u.surface, 1)[0];
        if (person && person.score === 1 && person.item.pinyin) {
          const unit = phraseUnit(person.item.pinyin);
          if (unit) pinyin.push({ from: out.length, to: out.length + 1, unit });
        }
      }
      let matched = false;
      for (let len = Math.min(3, units.length - i); len >= 2 && !matched; len--) {
        const span = units.slice(i, i + len);
        if (!span.every(single)) continue;
        const text = span.map((s) => s.surface).join(' ');
        const person = this.entities.findPeople(text, 1)[0];
        const ok = person && (person.score === 1 || (nameQuery && len === units.length && person.score >= 0.6));
        if (!ok) continue;
        const p = person.item;
        if (p.pinyin) {
          const han = phraseUnit(p.name);
          const latin = phraseUnit(p.pinyin);
          if (han && latin) {
            pinyin.push({ from: out.length, to: out.length + 1, unit: han });
            out.push(latin);
          }
        } else {
          const canonical = phraseUnit(p.name);
          if (canonical) out.push(canonical);
        }
        i += len;
        matched = true;
      }
      if (!matched) {
        out.push(u);
        i++;
      }
    }
    return { units: out, pinyin };
  }

  private tokensOf(c: Chunk, cache: Map<string, Token[]>): Token[] {
    let t = cache.get(c.id);
    if (!t) {
      const text = this.texts.get(c.reportId) ?? '';
      t = tokenSpans(text.slice(c.start, c.end), c.start);
      cache.set(c.id, t);
    }
    return t;
  }

  /** Where a phrase unit occurs in the paragraph (token runs matching its terms in order). */
  private phraseOccurrences(tokens: Token[], unit: Unit): Span[] {
    const out: Span[] = [];
    const n = unit.terms.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = termMatches(tokens[i + k]!.term, unit.terms[k]!);
      if (ok) out.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
    }
    return out;
  }

  private unitInText(tokens: Token[], unit: Unit): boolean {
    if (unit.phrase) return this.phraseOccurrences(tokens, unit).length > 0;
    return tokens.some((t) => termMatches(t.term, unit.terms[0]!));
  }

  private marksFor(c: Chunk, units: Unit[], cache: Map<string, Token[]>): Mark[] {
    const tokens = this.tokensOf(c, cache);
    const marks: Mark[] = [];
    units.forEach((u, unit) => {
      if (u.phrase) for (const s of this.phraseOccurrences(tokens, u)) marks.push({ ...s, unit });
      else {
        const q = u.terms[0]!;
        for (const t of tokens) {
          if (!termMatches(t.term, q)) continue;
          // A lone Han character highlights itself, not the whole bigram it was found in.
          const span = q.within ? withinSpan(t.term, t.start, t.end, q.term) : t;
          if (span) marks.push({ start: span.start, end: span.end, unit });
        }
      }
    });
    return marks;
  }

  /** The distinct query terms of some units, as retrieval slots, and for each unit the indices of its slots. */
  private slotsOf(units: Unit[]): { slots: Slot[]; unitSlots: number[][] } {
    const keys = new Map<string, number>();
    const slots: Slot[] = [];
    const unitSlots = units.map((u) =>
      u.terms.map((t) => {
        const key = `${t.term}|${t.fuzzy}|${t.prefix}|${t.within ?? false}`;
        let i = keys.get(key);
        if (i === undefined) {
          i = slots.length;
          keys.set(key, i);
          slots.push(this.retriever.slot(t));
        }
        return i;
      }),
    );
    return { slots, unitSlots };
  }

  private acceptFor(filter: ((c: Chunk) => boolean) | null): ((doc: number) => boolean) | null {
    if (!filter) return null; // live documents always have a chunk (added and removed together)
    return (doc) => {
      const id = this.retriever.docId(doc);
      const c = id === undefined ? undefined : this.chunks.get(id);
      return !!c && filter(c);
    };
  }

  /** Every unit present in the paragraph text (phrases adjacent): the top `limit` in score order. */
  private runAnd(alt: Alternative, limit: number, filter: ((c: Chunk) => boolean) | null, cache: Map<string, Token[]>) {
    const out: Array<{ chunk: Chunk; score: number }> = [];
    const { slots } = this.slotsOf(alt.units);
    const needsCheck = alt.units.some((u) => u.phrase);
    const accept = this.acceptFor(filter);
    // Phrase checks reject some candidates: take the best few times `limit` first, everything only if that falls short.
    const first = this.retriever.andTop(slots, accept, needsCheck ? limit * 4 : limit);
    let found = first.found;
    let ranked = found.top(found.length);
    let checked = 0;
    const budget = alt.via === 'direct' ? MAX_VERIFY_CANDIDATES : MAX_VERIFY_CANDIDATES_ALT;
    for (let i = 0; i < ranked.length && out.length < limit && checked < budget; i++) {
      const at = ranked[i]!;
      const chunk = this.chunks.get(this.retriever.docId(found.docs[at]!) ?? '');
      if (chunk) {
        let ok = true;
        if (needsCheck) {
          checked++;
          const tokens = this.tokensOf(chunk, cache);
          ok = alt.units.every((u) => !u.phrase || this.unitInText(tokens, u));
        }
        if (ok) out.push({ chunk, score: found.scores[at]! });
      }
      if (i === ranked.length - 1 && !first.complete && out.length < limit && found === first.found) {
        // Same order as the top-k list, so positions already checked stay checked.
        found = this.retriever.and(slots, accept);
        ranked = found.top(found.length);
      }
    }
    return out;
  }

  /** OR fallback: keep paragraphs whose text satisfies at least half the units (at least one). */
  private runOr(alt: Alternative, limit: number, filter: ((c: Chunk) => boolean) | null, cache: Map<string, Token[]>) {
    const out: Array<{ chunk: Chunk; score: number }> = [];
    if (alt.units.length < 2) return out;
    const need = Math.ceil(alt.units.length / 2);
    // No typo tolerance here: with half the words missing already, a fuzzy near-miss ("quartet" → "quarter")
    // is noise, not a match.
    const units = alt.units.map((u) => ({ ...u, terms: u.terms.map((t) => ({ ...t, fuzzy: 0 })) }));
    alt = { ...alt, units };
    const { slots, unitSlots } = this.slotsOf(alt.units);
    const unitMasks = unitSlots.map((idx) => idx.reduce((m, i) => (i < 31 ? m | (1 << i) : m), 0));
    const { found, masks } = this.retriever.or(slots, this.acceptFor(filter));
    // Cheap pre-check on the slots present before tokenizing the paragraph for phrases.
    const kept = new Candidates();
    for (let i = 0; i < found.length; i++) {
      const mask = masks[i]!;
      let possible = 0;
      for (const m of unitMasks) if ((mask & m) === m) possible++;
      if (possible >= need) kept.push(found.docs[i]!, found.scores[i]! * (possible / alt.units.length));
    }
    const hasPhrase = alt.units.some((u) => u.phrase);
    const ranked = kept.top(hasPhrase ? kept.length : limit);
    let checked = 0;
    for (const at of ranked) {
      if (out.length >= limit || checked >= MAX_VERIFY_CANDIDATES) break;
      const chunk = this.chunks.get(this.retriever.docId(kept.docs[at]!) ?? '');
      if (!chunk) continue;
      if (hasPhrase) {
        checked++;
        const tokens = this.tokensOf(chunk, cache);
        const satisfied = alt.units.filter((u) => this.unitInText(tokens, u)).length;
        if (satisfied < need) continue;
      }
      out.push({ chunk, score: kept.scores[at]! });
    }
    return out;
  }
}

/** Build the index for a corpus (synchronous; ~seconds at 100k paragraphs — see bench/search.ts). */
export function createSearch(corpus: Corpus, options: SearchOptions = {}): DocketSearch {
  return new DocketSearch(corpus, options);
}


