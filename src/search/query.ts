/**
 * Query parsing: free text → units. A unit is one word, or a phrase whose terms must be adjacent in the text
 * ("quoted phrases", Han runs of 3+ characters, person names). Everything is tokenized by ./tokenize.ts.
 */
import { foldChar, tokenSpans, type Token } from './tokenize.js';
import type { QueryTerm } from './match.js';
import {
  FUZZY_MIN_LENGTH,
  FUZZY_TWO_EDITS_LENGTH,
  MAX_QUERY_CHARS,
  MAX_QUERY_UNITS,
  PREFIX_MIN_LENGTH,
} from './limits.js';

export interface QueryUnitTerm extends QueryTerm {
  kind: Token['kind'];
}

export interface Unit {
  terms: QueryUnitTerm[];
  /** Terms must appear adjacent and in order (checked against the text). */
  phrase: boolean;
  /** The unit as the user typed it (original characters). */
  surface: string;
  quoted: boolean;
}

export type QueryProblem = 'empty-query' | 'query-too-long';

export interface ParsedQuery {
  units: Unit[];
  problem: QueryProblem | null;
}

/** Typo tolerance for a term: Latin terms of FUZZY_MIN_LENGTH+ get 1 edit, FUZZY_TWO_EDITS_LENGTH+ get 2. */
export function fuzzyFor(term: string, kind: Token['kind']): number {
  if (kind !== 'latin' || term.length < FUZZY_MIN_LENGTH) return 0;
  return term.length >= FUZZY_TWO_EDITS_LENGTH ? 2 : 1;
}

function toTerm(t: Token): QueryUnitTerm {
  return { term: t.term, kind: t.kind, fuzzy: fuzzyFor(t.term, t.kind), prefix: false };
}

/** Split the query into quoted and unquoted segments (unified quotes; an unmatched quote is plain text). */
function segments(query: string): Array<{ text: string; start: number; quoted: boolean }> {
  const quotePos: number[] = [];
  for (let i = 0; i < query.length; i++) if (foldChar(query[i]!) === '"') quotePos.push(i);
  const out: Array<{ text: string; start: number; quoted: boolean }> = [];
  let cursor = 0;
  for (let k = 0; k + 1 < quotePos.length; k += 2) {
    const open = quotePos[k]!;
    const close = quotePos[k + 1]!;
    if (open > cursor) out.push({ text: query.slice(cursor, open), start: cursor, quoted: false });
    out.push({ text: query.slice(open + 1, close), start: open + 1, quoted: true });
    cursor = close + 1;
  }
  if (cursor < query.length) out.push({ text: query.slice(cursor), start: cursor, quoted: false });
  return out;
}

/** Group tokens of an unquoted segment: each word alone; overlapping Han bigrams of one run together. */
function groupTokens(tokens: Token[], query: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'han') {
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.kind === 'han' && tokens[j]!.start < tokens[j - 1]!.end) j++;
      const run = tokens.slice(i, j);
      units.push({
        terms: run.map(toTerm),
        phrase: run.length > 1,
        surface: query.slice(run[0]!.start, run[run.length - 1]!.end),
        quoted: false,
      });
      i = j;
      continue;
    }
    units.push({ terms: [toTerm(t)], phrase: false, surface: query.slice(t.start, t.end), quoted: false });
    i++;
  }
  return units;
}

export function parseQuery(query: string): ParsedQuery {
  if (typeof query !== 'string') return { units: [], problem: 'empty-query' };
  if (query.length > MAX_QUERY_CHARS) return { units: [], problem: 'query-too-long' };
  const units: Unit[] = [];
  for (const seg of segments(query)) {
    const tokens = tokenSpans(seg.text, seg.start);
    if (tokens.length === 0) continue;
    if (seg.quoted) {
      units.push({
        terms: tokens.map(toTerm),
        phrase: tokens.length > 1,
        surface: query.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end),
        quoted: true,
      });
    } else {
      units.push(...groupTokens(tokens, query));
    }
  }
  if (units.length === 0) return { units, problem: 'empty-query' };
  if (units.length > MAX_QUERY_UNITS) return { units: [], problem: 'query-too-long' };
  // A lone Han character (typed alone, not inside a longer run) is looked for inside every bigram holding it.
  for (const u of units) {
    const t = u.terms[0]!;
    if (u.terms.length === 1 && t.kind === 'han' && [...t.term].length === 1) t.within = true;
  }
  // Autocomplete: the last word may be unfinished — unless the user ended it (space, quote, punctuation).
  const last = units[units.length - 1]!;
  const endsOpen = /[\p{L}\p{N}]$/u.test(query);
  if (endsOpen && !last.quoted && !last.phrase) {
    const t = last.terms[0]!;
    if (t.kind !== 'han' && t.term.length >= PREFIX_MIN_LENGTH) t.prefix = true;
  }
  return { units, problem: null };
}

/** Units of a fixed text (glossary term, pinyin name) as ONE phrase, exact terms, no prefix. */
export function phraseUnit(text: string): Unit | null {
  const tokens = tokenSpans(text);
  if (tokens.length === 0) return null;
  // A fixed text (not typed by the user): no typo tolerance, or "Xu Qingyu" would also match "Xu Qingwu".
  return { terms: tokens.map((t) => ({ ...toTerm(t), fuzzy: 0 })), phrase: tokens.length > 1, surface: text, quoted: false };
}
