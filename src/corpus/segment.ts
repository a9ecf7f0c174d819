/**
 * Paragraphs and sentences, as spans into the original text. Sentences are found by a single
 * left-to-right scan (no backtracking regexes), which also repairs "word.Word" joins left by
 * machine translation.
 */
import type { Language, Paragraph, Removed, Span } from './types.js';
import { splitLines } from './clean.js';

/** Han ideographs (CJK unified, extension A, compatibility). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

/** Chinese when Han characters carry the text (one Han char weighs about as much as a short English word). */
export function detectLanguage(text: string, span: Span = { start: 0, end: text.length }): Language {
  let han = 0;
  let latin = 0;
  const end = Math.min(span.end, span.start + 1000); // a sample is enough to tell
  for (let i = span.start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) han++;
    else if (isLatinLetter(c)) latin++;
  }
  return han * 3 >= latin && han > 0 ? 'zh' : 'en';
}

const CLOSER_CODES = new Set([...'”’"\'」』）)】》″'].map((c) => c.charCodeAt(0)));
const CLOSERS = { has: (c: string): boolean => CLOSER_CODES.has(c.charCodeAt(0)) };
const ZH_TERMINALS = new Set(['。', '！', '？', '；']);
/** Characters that can end a sentence (。！？；… . ! ?): everything else is skipped without a closer look. */
function mayEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x2026;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'vs', 'gov', 'govt', 'dept', 'fig', 'inc', 'ltd', 'co', 'corp',
  'jr', 'sr', 'gen', 'col', 'lt', 'capt', 'hon', 'rev', 'approx', 'vol', 'art', 'para', 'pp', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'rm', 'tel', 'ext', 'est', 'ave', 'rd',
]);

/** Second halves of "a.b" that mean a domain name or file, not two sentences. */
const DOTTED_TAILS = new Set([
  'com', 'cn', 'org', 'net', 'gov', 'edu', 'int', 'io', 'uk', 'info', 'html', 'htm', 'php', 'asp', 'aspx', 'pdf',
  'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'gif', 'txt', 'md', 'js', 'ts', 'json', 'xml', 'zip', 'hk', 'tw',
]);

/** The run of letters immediately before position i (exclusive). */
function wordBefore(text: string, i: number, min: number): string {
  let s = i;
  while (s > min && isLatinLetter(text.charCodeAt(s - 1))) s--;
  return text.slice(s, i);
}
function wordAfter(text: string, i: number, max: number): string {
  let e = i;
  while (e < max && isLatinLetter(text.charCodeAt(e))) e++;
  return text.slice(i, e);
}

/** The whitespace-delimited token around position i looks like a URL or e-mail address. */
function inUrl(text: string, i: number, min: number, max: number): boolean {
  let s = i;
  while (s > min && !isWhite(text.charCodeAt(s - 1)) && i - s < 200) s--;
  let e = i;
  while (e < max && !isWhite(text.charCodeAt(e)) && e - i < 200) e++;
  const token = text.slice(s, e);
  return /:\/\/|www\.|@|\//i.test(token);
}

/** Does the full stop at i end a sentence? `after` is the first index after the stop and any closing quotes. */
function fullStopEnds(text: string, i: number, after: number, span: Span, language: Language): boolean {
  let q = i;
  while (q > span.start && CLOSERS.has(text[q - 1]!)) q--;
  const prev = wordBefore(text, q, span.start);
  const prevChar = i > span.start ? text.charCodeAt(i - 1) : 0;
  const nextChar = text.charCodeAt(i + 1);
  if (isDigit(prevChar) && isDigit(nextChar)) return false; // 3.5, 2023.04
  if (after >= span.end) return true;
  const c = text.charCodeAt(after);
  const lowerPrev = prev.toLowerCase();
  const initial = prev.length === 1 && isUpper(prev.charCodeAt(0)); // J. Smith, U.S.
  if (isWhite(c)) {
    let k = after;
    while (k < span.end && isWhite(text.charCodeAt(k))) k++;
    if (k >= span.end) return true;
    const n = text.charCodeAt(k);
    if (ABBREVIATIONS.has(lowerPrev) || initial) return false;
    if (lowerPrev.length === 1 && text.charCodeAt(i - 2) === 46) return false; // e.g. i.e.
    if (isLower(n)) return language === 'en' && prev.length >= 2 && !/^(?:etc)$/.test(lowerPrev) ? true : false;
    return true;
  }
  if (isHan(c)) return true;
  if (isUpper(c)) {
    // "word.Word": a join left by machine translation.
    if (initial || ABBREVIATIONS.has(lowerPrev) || prev.length === 0) return false;
    if (inUrl(text, i, span.start, span.end)) return false;
    return true;
  }
  if (isLower(c) && language === 'en') {
    // "word.word" in all-lowercase machine translation; not domains, files or abbreviations.
    const next = wordAfter(text, after, span.end);
    if (prev.length < 2 || next.length < 2) return false;
    if (ABBREVIATIONS.has(lowerPrev) || DOTTED_TAILS.has(next.toLowerCase())) return false;
    if (inUrl(text, i, span.start, span.end)) return false;
    return true;
  }
  return false;
}

/**
 * Sentences inside `span`, trimmed, in order. Pure. Chinese ends at 。！？；… ; English at . ! ? with care
 * for abbreviations, initials, decimals, URLs, and with "word.Word" joins split.
 */
export function sentenceSpans(text: string, span: Span, language: Language): Span[] {
  const out: Span[] = [];
  let start = span.start;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isWhite(text.charCodeAt(s))) s++;
    while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  const skipClosers = (j: number): number => {
    while (j < span.end && CLOSERS.has(text[j]!)) j++;
    return j;
  };
  for (let i = span.start; i < span.end; i++) {
    if (!mayEnd(text.charCodeAt(i))) continue;
    const ch = text[i]!;
    if (ZH_TERMINALS.has(ch)) {
      let j = i + 1;
      while (j < span.end && (ZH_TERMINALS.has(text[j]!) || text[j] === '!' || text[j] === '?')) j++;
      j = skipClosers(j);
      push(j);
      i = j - 1;
    } else if (ch === '…' || (ch === '.' && text[i + 1] === '.' && text[i + 2] === '.')) {
      let j = i;
      while (j < span.end && (text[j] === '…' || text[j] === '.')) j++;
      j = skipClosers(j);
      let k = j;
      while (k < span.end && isWhite(text.charCodeAt(k))) k++;
      const n = k < span.end ? text.charCodeAt(k) : 0;
      if (k >= span.end || isHan(n) || (k > j && isUpper(n)) || (language === 'zh' && ch === '…')) push(j);
      i = j - 1;
    } else if (ch === '!' || ch === '?' || ch === '！' || ch === '？') {
      const j = skipClosers(i + 1);
      const n = j < span.end ? text.charCodeAt(j) : 0;
      if (j >= span.end || isWhite(n) || isUpper(n) || isHan(n)) {
        push(j);
        i = j - 1;
      }
    } else if (ch === '.') {
      const j = skipClosers(i + 1);
      if (fullStopEnds(text, i, j, span, language)) {
        push(j);
        i = j - 1;
      }
    }
  }
  push(span.end);
  return out;
}

const TERMINAL_AT_END = /[.。!?！？;；:：”"」』…]$/;

/**
 * The report's kept paragraphs: blank-line separated blocks, each further split at lines that end a
 * sentence or are headings; hard-wrapped lines are joined. Lines inside removed clutter are skipped.
 */
export function paragraphSpans(text: string, removed: readonly Removed[]): Paragraph[] {
  const lines = splitLines(text);
  const spans: Span[] = [];
  let current: Span | null = null;
  let prevLine = '';
  let r = 0; // removed spans are sorted: walk them alongside the lines
  for (const line of lines) {
    while (r < removed.length && removed[r]!.end < line.start) r++;
    const cut = line.trimmed !== '' && isInsideRemoved(removed, r, line.start, line.end);
    if (line.trimmed === '' || cut) {
      if (current) spans.push(current);
      current = null;
      prevLine = '';
      continue;
    }
    if (current && continuesParagraph(prevLine, line.trimmed)) {
      current.end = line.end;
    } else {
      if (current) spans.push(current);
      current = { start: line.start, end: line.end };
    }
    prevLine = line.trimmed;
  }
  if (current) spans.push(current);
  return spans.map((s, index) => {
    const language = detectLanguage(text, s);
    return { start: s.start, end: s.end, index, language, sentences: sentenceSpans(text, s, language) };
  });
}

function isInsideRemoved(removed: readonly Removed[], from: number, start: number, end: number): boolean {
  for (let i = from; i < removed.length; i++) {
    const r = removed[i]!;
    if (r.start > end) break;
    if (start >= r.start && end <= r.end) return true;
  }
  return false;
}

/** A hard-wrapped line: the previous one is long, does not end a sentence, and this one carries on. */
function continuesParagraph(prev: string, next: string): boolean {
  if (TERMINAL_AT_END.test(prev)) return false;
  const n = next.charCodeAt(0);
  const p = prev.charCodeAt(prev.length - 1);
  if (isHan(p) && isHan(n)) return prev.length >= 30;
  if (isLower(n)) return prev.length >= 40;
  return prev.length >= 60 && (isLower(p) || p === 44 /* , */ || p === 45 /* - */);
}
