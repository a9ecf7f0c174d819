/**
 * Excerpts: the best ~240-character window of a paragraph around the matched terms, snapped to sentence (or else
 * word) boundaries, quoted VERBATIM: `text === reportText.slice(start, end)`, highlights inside `[start, end)`.
 */
import type { Span } from '../corpus/types.js';
import { EXCERPT_MAX_CHARS, EXCERPT_TARGET_CHARS } from './limits.js';

export interface ExcerptWindow extends Span {
  text: string;
  highlights: Span[];
}

/** A matched span, labelled with the query unit it satisfies (windows covering more distinct units win). */
export interface Mark extends Span {
  unit: number;
}

export interface ParagraphLike extends Span {
  sentences?: Span[];
}

/** Characters a window may be cut after (whitespace, CJK and Latin punctuation). */
const BOUNDARY = /[\s,.;:!?，。；：！？、）)」』”’…]/u;
/** How far a cut may move to find a boundary. */
const SNAP_REACH = 30;

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Merge overlapping marks (Han bigrams overlap by one character) and sort them. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function trimWindow(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (start < end && isLowSurrogate(text, start)) start--;
  if (end < text.length && end > start && isLowSurrogate(text, end)) end++;
  return [start, end];
}

/** Pick the run of marks that fits the target width and covers the most distinct units (then the most marks). */
function bestCluster(marks: Mark[]): [number, number] {
  let best: [number, number] = [0, 0];
  let bestKey = [-1, -1];
  for (let i = 0; i < marks.length; i++) {
    const units = new Set<number>();
    let j = i;
    for (; j < marks.length && marks[j]!.end - marks[i]!.start <= EXCERPT_TARGET_CHARS; j++) units.add(marks[j]!.unit);
    const key = [units.size, j - i];
    if (key[0]! > bestKey[0]! || (key[0] === bestKey[0] && key[1]! > bestKey[1]!)) {
      bestKey = key;
      best = [i, Math.max(i, j - 1)];
    }
  }
  return best;
}

function snapStart(text: string, start: number, floor: number, ceil: number): number {
  if (start <= floor) return floor;
  for (let k = start; k > Math.max(floor, start - SNAP_REACH); k--) if (BOUNDARY.test(text[k - 1]!)) return k;
  for (let k = start; k < Math.min(ceil, start + SNAP_REACH); k++) if (BOUNDARY.test(text[k - 1]!)) return k;
  return start;
}

function snapEnd(text: string, end: number, floor: number, ceil: number): number {
  if (end >= ceil) return ceil;
  for (let k = end; k < Math.min(ceil, end + SNAP_REACH); k++) if (BOUNDARY.test(text[k]!)) return /\s/u.test(text[k]!) ? k : k + 1;
  for (let k = end; k > Math.max(floor, end - SNAP_REACH); k--) if (BOUNDARY.test(text[k]!)) return /\s/u.test(text[k]!) ? k : k + 1;
  return end;
}

/** Sentences that overlap `[start, end)`, as one span, or null if none are known. */
function sentenceCover(sentences: Span[] | undefined, start: number, end: number): Span | null {
  if (!sentences || sentences.length === 0) return null;
  const inside = sentences.filter((s) => s.end > start && s.start < end);
  if (inside.length === 0) return null;
  return { start: inside[0]!.start, end: inside[inside.length - 1]!.end };
}

/** Grow a sentence span with neighbouring sentences while it stays within the target width. */
function growSentences(sentences: Span[], cover: Span): Span {
  let { start, end } = cover;
  const idxStart = sentences.findIndex((s) => s.start === start);
  const idxEnd = sentences.findIndex((s) => s.end === end);
  let a = idxStart;
  let b = idxEnd;
  for (;;) {
    const next = sentences[b + 1];
    const prev = sentences[a - 1];
    if (next && next.end - start <= EXCERPT_TARGET_CHARS) {
      b++;
      end = next.end;
    } else if (prev && end - prev.start <= EXCERPT_TARGET_CHARS) {
      a--;
      start = prev.start;
    } else break;
  }
  return { start, end };
}

/**
 * The excerpt for one paragraph. `marks` are absolute spans of matched terms (any order, may overlap); with none,
 * the paragraph's opening is quoted.
 */
export function buildExcerpt(reportText: string, paragraph: ParagraphLike, marks: Mark[]): ExcerptWindow {
  const pStart = Math.max(0, Math.min(paragraph.start, reportText.length));
  const pEnd = Math.max(pStart, Math.min(paragraph.end, reportText.length));
  const inPara = marks
    .filter((m) => m.start >= pStart && m.end <= pEnd && m.end > m.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let start: number;
  let end: number;
  if (pEnd - pStart <= EXCERPT_MAX_CHARS) {
    [start, end] = [pStart, pEnd];
  } else {
    let focus: Span;
    if (inPara.length === 0) focus = { start: pStart, end: pStart };
    else {
      const [i, j] = bestCluster(inPara);
      focus = { start: inPara[i]!.start, end: Math.max(...inPara.slice(i, j + 1).map((m) => m.end)) };
    }
    const cover = sentenceCover(paragraph.sentences, focus.start, Math.max(focus.end, focus.start + 1));
    if (cover && cover.end - cover.start <= EXCERPT_MAX_CHARS && cover.start >= pStart && cover.end <= pEnd) {
      ({ start, end } = growSentences(paragraph.sentences!, cover));
    } else {
      const width = Math.min(EXCERPT_TARGET_CHARS, pEnd - pStart);
      const lead = Math.max(0, Math.floor((width - (focus.end - focus.start)) / 3));
      start = Math.max(pStart, focus.start - lead);
      end = Math.min(pEnd, start + Math.max(width, focus.end - start));
      start = Math.max(pStart, Math.min(start, end - width));
      start = snapStart(reportText, start, pStart, Math.min(focus.start, pEnd));
      end = snapEnd(reportText, end, Math.max(focus.end, start), pEnd);
      if (end - start > EXCERPT_MAX_CHARS) end = start + EXCERPT_MAX_CHARS;
    }
  }
  [start, end] = trimWindow(reportText, start, end);
  const highlights = mergeSpans(inPara).filter((h) => h.start >= start && h.end <= end);
  return { text: reportText.slice(start, end), start, end, highlights };
}
