/**
 * The one tokenizer for Docket, used when indexing AND when querying, so both sides agree.
 *
 * - Each code point is normalised on its own (quote unification, NFKC, lower case) so every token keeps the
 *   UTF-16 offsets of the ORIGINAL text: highlights and phrase checks point into the report as stored.
 * - Words are runs of letters/digits/marks (\p{L}\p{N}\p{M}); Han characters always break a run, so
 *   "自贸区FTZ" is two runs. An apostrophe between letters stays in the word (Porter2 strips the possessive).
 * - Han runs become overlapping character bigrams (营商环境 → 营商 商环 环境); a lone Han character is itself.
 *   Bigrams give Chinese recall without a dictionary; adjacency (phrases) is checked in the text afterwards.
 * - English words are Porter2-stemmed. Stem vs fuzzy was decided by test/search/stem-eval.test.ts (12 inflected
 *   queries over the 76 English seed paragraphs): stemming recall 1.00 vs fuzzy-only (1–2 edits, no stem) 0.69; on
 *   word families (promotion for "promoting", development for "developing") stem precision 0.97 vs fuzzy 0.94 at
 *   recall 1.00 vs 0.60. Fuzzy stays only as typo tolerance for long Latin terms absent from the index.
 * - A small English stop list is dropped at both ends: AND queries must not fail on "the" or "of".
 */
import stem from 'wink-porter2-stemmer';

export type TokenKind = 'latin' | 'han' | 'other';

export interface Token {
  /** The indexed form: stem, bigram, or normalised word. */
  term: string;
  /** UTF-16 offsets into the text that was tokenized (plus any base offset given). */
  start: number;
  end: number;
  kind: TokenKind;
}

/** Function words only. Never a word that is also a common romanised surname ("He", "An", "Yu"…): "He Ping". */
const STOP_WORDS = new Set(
  ('a and are as at be but by for from had has have her his i if in into is it its of on or our she so ' +
    'such that the their them then there these they this to was were which will with we you').split(' '),
);

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const LATIN_WORD = /^[a-z]+$/;
/** Quotes that users and reports mix freely; unified before anything else. */
const QUOTE_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\uFF07': "'", '`': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
  '\uFF02': '"', '\u300C': '"', '\u300D': '"', '\u300E': '"', '\u300F': '"',
};

/** Normalise one code point: quotes unified, NFKC, lower case (fold). May return 0..n characters. */
export function foldChar(ch: string): string {
  const q = QUOTE_MAP[ch];
  if (q !== undefined) return q;
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return ch.toLowerCase();
  return ch.normalize('NFKC').toLowerCase();
}

/** Normalise a whole string the same way (for comparisons that need no offsets). */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

/** Stem a folded Latin word (cached: the vocabulary is small, the calls are many). */
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = LATIN_WORD.test(word) ? stem(word) : word;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The term a folded word run indexes as, or null for stop words / empty. */
export function wordTerm(folded: string): { term: string; kind: TokenKind } | null {
  // Apostrophes stay inside the run only to let the stemmer see "city's"; the term never keeps them.
  let w = folded;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  w = w.replace(/'/g, '');
  if (w.length === 0 || STOP_WORDS.has(w)) return null;
  if (LATIN_WORD.test(w)) return { term: stemWord(w), kind: 'latin' };
  return { term: w, kind: 'other' };
}

interface Run {
  kind: 'han' | 'word';
  /** Folded characters, and for each the original [start, end). */
  chars: string[];
  starts: number[];
  ends: number[];
}

type CharKind = 'han' | 'word' | 'apos' | null;

/** Folded form and kind of each non-ASCII code point, cached: reports reuse a small alphabet. */
const CHAR_CACHE = new Map<number, Array<[string, CharKind]>>();
const CHAR_CACHE_LIMIT = 100_000;

function classify(f: string): CharKind {
  return HAN.test(f) ? 'han' : WORD.test(f) ? 'word' : f === "'" ? 'apos' : null;
}

function foldedKinds(cp: number, ch: string): Array<[string, CharKind]> {
  let v = CHAR_CACHE.get(cp);
  if (!v) {
    v = [...foldChar(ch)].map((f) => [f, classify(f)] as [string, CharKind]);
    if (CHAR_CACHE.size >= CHAR_CACHE_LIMIT) CHAR_CACHE.clear();
    CHAR_CACHE.set(cp, v);
  }
  return v;
}

/** Split text into folded runs, remembering original offsets. ASCII takes a fast path (no regex, no NFKC). */
function runs(text: string, base: number): Run[] {
  const out: Run[] = [];
  let cur: Run | null = null;
  const push = (kind: CharKind, f: string, start: number, end: number): void => {
    if (kind === 'apos') {
      // Kept only inside a word run; a trailing one is trimmed when the run is emitted.
      if (cur && cur.kind === 'word') {
        cur.chars.push(f);
        cur.starts.push(start);
        cur.ends.push(end);
      }
      return;
    }
    if (kind === null) {
      if (cur) out.push(cur);
      cur = null;
      return;
    }
    if (!cur || cur.kind !== kind) {
      if (cur) out.push(cur);
      cur = { kind, chars: [], starts: [], ends: [] };
    }
    cur.chars.push(f);
    cur.starts.push(start);
    cur.ends.push(end);
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) push('word', text[i]!, base + i, base + i + 1);
      else if (c >= 65 && c <= 90) push('word', String.fromCharCode(c + 32), base + i, base + i + 1);
      else if (c === 39 || c === 96) push('apos', "'", base + i, base + i + 1);
      else push(null, '', 0, 0);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    // NFKC may expand one code point to several characters (e.g. "ﬁ", "㍿"); all map to its span.
    for (const [f, kind] of foldedKinds(cp, text.slice(i, i + len))) push(kind, f, base + i, base + i + len);
    i += len;
  }
  if (cur) out.push(cur);
  return out;
}

function trimApostrophes(run: Run): void {
  while (run.chars.length && run.chars[run.chars.length - 1] === "'") {
    run.chars.pop();
    run.starts.pop();
    run.ends.pop();
  }
}

/** Tokens with original offsets (`base` is added, so a paragraph slice can report absolute offsets). */
export function tokenSpans(text: string, base = 0): Token[] {
  const out: Token[] = [];
  // Fast path: most report text is ASCII words between ASCII separators. Such a stretch is handled with one
  // slice + toLowerCase; any stretch holding a non-ASCII character goes through the general per-character path.
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 0x80 && !isAsciiWordChar(c)) {
      i++;
      continue;
    }
    let j = i;
    let ascii = true;
    while (j < n) {
      c = text.charCodeAt(j);
      if (c < 0x80) {
        if (!isAsciiWordChar(c)) break;
      } else ascii = false;
      j++;
    }
    if (ascii) emitAscii(text, i, j, base, out);
    else emitRuns(text.slice(i, j), base + i, out);
    i = j;
  }
  return out;
}

/** Letters, digits and the apostrophes (' and `) that may sit inside a word. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 96;
}

function emitAscii(text: string, i: number, j: number, base: number, out: Token[]): void {
  while (i < j && (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 96)) i++;
  while (j > i && (text.charCodeAt(j - 1) === 39 || text.charCodeAt(j - 1) === 96)) j--;
  if (i >= j) return;
  const w = wordTerm(text.slice(i, j).toLowerCase().replace(/`/g, "'"));
  if (w) out.push({ term: w.term, start: base + i, end: base + j, kind: w.kind });
}

function emitRuns(text: string, base: number, out: Token[]): void {
  for (const run of runs(text, base)) {
    if (run.kind === 'han') {
      const n = run.chars.length;
      if (n === 1) {
        out.push({ term: run.chars[0]!, start: run.starts[0]!, end: run.ends[0]!, kind: 'han' });
        continue;
      }
      for (let k = 0; k + 1 < n; k++) {
        out.push({ term: run.chars[k]! + run.chars[k + 1]!, start: run.starts[k]!, end: run.ends[k + 1]!, kind: 'han' });
      }
      continue;
    }
    trimApostrophes(run);
    if (run.chars.length === 0) continue;
    const w = wordTerm(run.chars.join(''));
    if (!w) continue;
    out.push({ term: w.term, start: run.starts[0]!, end: run.ends[run.ends.length - 1]!, kind: w.kind });
  }
}

/** Just the terms: what MiniSearch indexes. */
export function tokenize(text: string): string[] {
  return tokenSpans(text).map((t) => t.term);
}
