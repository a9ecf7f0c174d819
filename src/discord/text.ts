/**
 * Report text → safe Discord markdown, within a length budget.
 *
 * Report text is untrusted: it can carry Discord markdown (```, **, ||), mentions (@everyone, <@123>, <@&456>),
 * masked links ([x](javascript:…)) and invisible characters (zero-width, bidi overrides) that hide or reorder text.
 * Everything here works on "units" (grapheme clusters), so a cut never splits an emoji, a surrogate pair or a
 * backslash escape, and bold markers always stay balanced.
 */

/** Characters Discord's markdown gives a meaning anywhere in a line. Line-start syntax (#, >, -, 1.) never
 *  reaches a line start here: whitespace is collapsed and callers always prefix report text with their own text. */
const MARKDOWN_SPECIAL = /[\\*_~`|<>[\]@]/g;

/**
 * Invisible or direction-changing code points: zero-width spaces/joiners, bidi embeddings, overrides and isolates,
 * word joiners, BOM, soft hyphen, Arabic letter mark, Mongolian vowel separator, tag characters, other C0/C1 controls.
 * Whitespace controls (\t \n \r) are folded into spaces separately.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0E\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WHITESPACE_RUN = /[\s\u2028\u2029\u3000]+/g;

export const ELLIPSIS = '…';

/** Visible, single-line text: invisible characters removed, lone surrogates replaced, whitespace collapsed. */
export function clean(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ');
}

/** Escape one visible unit for Discord markdown. */
function escapeUnit(unit: string): string {
  // Anywhere in the unit: a combining mark after "<" makes one grapheme of the two, but "<" still opens a mention.
  return unit.replace(MARKDOWN_SPECIAL, '\\$&');
}

/** Escape cleaned text so that it renders literally: no formatting, no mentions, no links, no code blocks. */
export function escapeMarkdown(text: string): string {
  let out = '';
  for (const unit of units(text)) out += escapeUnit(unit);
  return out;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function units(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** A run of report text, optionally bold (a matched term). */
export interface Segment {
  text: string;
  bold?: boolean;
}

interface Unit {
  raw: string;
  rendered: string;
  bold: boolean;
  space: boolean;
  /** A cut right after this unit is natural for scripts written without spaces (CJK, punctuation). */
  breakAfter: boolean;
}

const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\u3000-\u303F\uFF00-\uFFEF]/u;
const PUNCTUATION_BREAK = /[,;:.!?)\]}，。；：！？、）」』】]/u;

/**
 * Render segments as escaped markdown of at most `max` characters. Too long → cut at a word boundary
 * (or between CJK characters) and end with "…". Bold is applied only to visible, non-blank text.
 */
export function renderSegments(segments: readonly Segment[], max: number, opts: { escape?: boolean } = {}): string {
  const escape = opts.escape ?? true;
  if (max <= 0) return '';
  const list: Unit[] = [];
  let lastSpace = true; // leading whitespace is dropped
  // Every unit renders as at least one character, so more than max + 1 units can never be shown: stop there
  // (reports can be megabytes; a field value is 1024).
  outer: for (const seg of segments) {
    const text = clean(seg.text);
    for (const { segment: raw } of segmenter.segment(text)) {
      if (list.length > max) break outer;
      const space = raw === ' ';
      if (space && lastSpace) continue;
      lastSpace = space;
      list.push({
        raw,
        rendered: escape ? escapeUnit(raw) : raw,
        bold: Boolean(seg.bold) && !space,
        space,
        breakAfter: NO_SPACE_SCRIPT.test(raw) || PUNCTUATION_BREAK.test(raw),
      });
    }
  }
  while (list.length > 0 && list[list.length - 1]!.space) list.pop();
  // A space inside a matched phrase stays bold, so "**business environment**" is one run, not two.
  for (let i = 1; i < list.length - 1; i++) {
    const u = list[i]!;
    if (u.space && list[i - 1]!.bold && list[i + 1]!.bold) u.bold = true;
  }

  const full = joinUnits(list, list.length);
  if (full.length <= max) return full;
  if (max < ELLIPSIS.length + 1) return ELLIPSIS.slice(0, max);

  // Longest prefix whose rendering (plus the ellipsis) fits; rendering length grows with the prefix.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (joinUnits(list, mid).length + ELLIPSIS.length <= max) lo = mid;
    else hi = mid - 1;
  }
  let cut = lo;
  // Back off to a word boundary when one is reasonably close; otherwise (one huge "word", CJK) cut mid-run.
  const floor = Math.floor(lo * 0.6);
  for (let i = lo; i > floor; i--) {
    const next = list[i];
    const prev = list[i - 1];
    if (!prev) break;
    if ((next && next.space) || prev.space || prev.breakAfter) {
      cut = i;
      break;
    }
  }
  while (cut > 0 && list[cut - 1]!.space) cut--;
  return joinUnits(list, cut) + ELLIPSIS;
}

function joinUnits(list: readonly Unit[], count: number): string {
  let out = '';
  let inBold = false;
  for (let i = 0; i < count; i++) {
    const u = list[i]!;
    if (u.bold !== inBold) {
      out += '**';
      inBold = u.bold;
    }
    out += u.rendered;
  }
  if (inBold) out += '**';
  return out;
}

/** Escaped plain text within `max`. */
/** Cleaned (not escaped) text within `max`, cut at a word boundary: for places Discord shows without markdown
 *  (autocomplete choices, button labels, embed footers). */
export function visible(text: string, max: number): string {
  return renderSegments([{ text }], max, { escape: false });
}

export function plain(text: string, max: number): string {
  return renderSegments([{ text }], max);
}

/** Cut already-safe text of our own (labels, numbers) to `max`, never splitting a unit. */
export function cutOwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const unit of units(text)) {
    if (out.length + unit.length + ELLIPSIS.length > max) break;
    out += unit;
  }
  return out + ELLIPSIS;
}

/**
 * Split `text` (starting at absolute offset `base`) into plain and bold segments from absolute `highlights`.
 * Highlights outside the text are clipped; overlapping or touching ones merge.
 */
export function highlightSegments(text: string, base: number, highlights: ReadonlyArray<{ start: number; end: number }>): Segment[] {
  const spans = highlights
    .map((h) => ({ start: Math.max(0, h.start - base), end: Math.min(text.length, h.end - base) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const s of merged) {
    // Never split a surrogate pair: widen the bold span to whole code points.
    const start = isLowSurrogate(text, s.start) ? s.start - 1 : s.start;
    const end = isLowSurrogate(text, s.end) ? s.end + 1 : s.end;
    if (start < pos) continue;
    if (start > pos) out.push({ text: text.slice(pos, start) });
    out.push({ text: text.slice(start, end), bold: true });
    pos = end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff;
}

/** Keep whole items while they fit in `max` (joined by `sep`, lines by default); a dropped tail becomes one
 *  `more(n)` item. */
export function fitLines(lines: readonly string[], max: number, more: (dropped: number) => string, sep = '\n'): string {
  const joined = lines.join(sep);
  if (joined.length <= max) return joined;
  // Longest prefix that fits with the "more" item; lengths are additive, so no re-joining per attempt.
  let used = 0;
  let keep = 0;
  let best = -1;
  for (;;) {
    const tail = more(lines.length - keep);
    if (used + (keep > 0 ? sep.length : 0) + tail.length <= max) best = keep;
    if (keep >= lines.length) break;
    used += (keep > 0 ? sep.length : 0) + lines[keep]!.length;
    if (used > max) break;
    keep++;
  }
  if (best < 0) return cutOwn(more(lines.length), max);
  return [...lines.slice(0, best), more(lines.length - best)].join(sep);
}
