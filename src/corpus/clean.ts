/**
 * Page clutter detection. Rules look at whole lines (and a few multi-line blocks) and record what they
 * would remove with a reason; the text itself is never rewritten, so every offset downstream still
 * points into the original file.
 */
import type { Removed, Span } from './types.js';

interface Line extends Span {
  /** The line without surrounding whitespace. */
  trimmed: string;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl > to) nl = to;
    let s = start;
    let e = nl;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    lines.push({ start: s, end: e, trimmed: text.slice(s, e) });
    if (nl >= to) break;
    start = nl + 1;
  }
  return lines;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b;
}

/** Short lines only: clutter is never a long paragraph, and bounding the length keeps the regexes cheap. */
const SHORT = 160;

interface LineRule {
  reason: string;
  test: RegExp;
  maxLength?: number;
}

const LINE_RULES: LineRule[] = [
  { reason: 'navigation link', test: /^(?:返回|回到)\S{0,12}(?:首页|主页)$|^(?:Back to|Return to) (?:home|homepage|top)$/i },
  { reason: 'breadcrumb', test: /^(?:当前位置|您的位置|您当前的位置|你的位置|位置|You are here)\s*[:：]/i },
  { reason: 'breadcrumb', test: /^(?:首页|Home)\s*(?:>|»|›|\/|＞)/i },
  {
    reason: 'language switcher',
    test: /^(?:(?:繁體|繁体|简体|簡體|English|ENGLISH|EN|中文|日语|日本語|한국어|Русский|无障碍|關懷版|关怀版|长者模式|适老化)\s*[|｜/]?\s*){2,}$/,
  },
  { reason: 'share buttons', test: /^(?:分享到|分享至)\s*[:：]?.{0,40}$|^Share(?: this(?: article| page| post)?)?(?: on| to| via)?\s*[:：].{0,40}$/i, maxLength: 60 },
  { reason: 'print/close links', test: /(?:打印(?:此页|本页|文章)|关闭(?:窗口|本页)|Print (?:this )?page|Close (?:this )?window)/i, maxLength: 60 },
  { reason: 'page meta line', test: /^(?:时间|发布时间|日期|来源|作者|浏览量|浏览次数|点击数|字号|编辑)\s*[:：].*[|｜]/ },
  { reason: 'page meta line', test: /^(?:发布时间|发布日期|来源|信息来源|作者|责任编辑|编辑)\s*[:：]/, maxLength: 60 },
  { reason: 'page meta line', test: /^\[?字号[:：]?\s*(?:大|中|小)/ },
  { reason: 'release date line', test: /^(?:Release date|Release time|Publish(?:ed)? (?:date|time|on)|Posted on|Date)\s*[:：]/i, maxLength: 80 },
  { reason: 'source line', test: /^(?:Source of information|Source|Information source|Author|Editor)\s*[:：|｜]/i, maxLength: 100 },
  { reason: 'publication line', test: /^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?:Published|Posted)\b/i, maxLength: 80 },
  { reason: 'byline', test: /^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d+)?\s+By\b.{0,40}$/i },
  { reason: 'byline', test: /^(?:Posted|Written|Published) by\s.{1,40}$/i },
  {
    reason: 'blog date line',
    test: /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}$/,
  },
  { reason: 'blog label line', test: /^Showing posts (?:with|from) label\b|^Show all posts$|^Labels?:\s/i },
  { reason: 'blog navigation', test: /^(?:Newer Posts?|Older Posts?|Home|Subscribe to:.*|Post Comments \(Atom\)|Read more|Continue reading.*|Related posts?:?)$/i },
  { reason: 'comment form', test: /^(?:Leave a (?:Reply|Comment)|Post a Comment|\d+ comments?:?|No comments:?|Cancel reply)\b/i, maxLength: 80 },
  { reason: 'comment form', test: /Your email address will not be published|Required fields are marked/i },
  { reason: 'comment form', test: /This site uses Akismet|Learn how your comment data is processed/i },
  { reason: 'comment form', test: /^(?:Comment|Name|Email|Website)\s*\*?$|^Save my name, email|^Post Comment$/i },
  { reason: 'newspaper edition line', test: /^《[^》]{1,30}》\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第?\s*[A-Z]?\d{0,3}\s*版)?(?:[:：].{0,20})?$/ },
  { reason: 'newspaper edition line', test: /^\(?(?:原载|来源)[:：]?\s*《[^》]{1,30}》.{0,30}\)?$/ },
  { reason: 'copyright line', test: /^(?:Copyright|©|版权所有)/i, maxLength: 120 },
];

const CONTACT_LINE =
  /^(?:Address|Add|Tel|Telephone|Phone|Fax|E-?mail|Website|Postcode|Post code|Zip(?: code)?|Contact(?: person)?|地址|电话|联系电话|传真|邮编|邮箱|网址|联系人)\s*[:：]/i;

/** A line that ends mid-word with an ellipsis: the cut-off preview of another post. */
const TRUNCATED = /[\p{L}\p{N}](?:\.{3}|…)$/u;

/** Find the clutter in a report. Pure; sorted by position; spans never overlap. */
export function findClutter(text: string): Removed[] {
  const removed: Removed[] = [];
  if (text.charCodeAt(0) === 0xfeff) removed.push({ start: 0, end: 1, reason: 'byte order mark' });
  const lines = splitLines(text);
  const marked = new Array<string | null>(lines.length).fill(null);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = stripMarkdown(line.trimmed);
    if (t === '' || t.length > 400) continue;
    for (const rule of LINE_RULES) {
      if (t.length > (rule.maxLength ?? SHORT)) continue;
      if (rule.test.test(t)) {
        marked[i] = rule.reason;
        break;
      }
    }
  }

  // Contact blocks: a run of Address/Tel/Fax lines (blank lines between allowed), plus the organisation
  // name line heading it.
  for (let i = 0; i < lines.length; i++) {
    if (!CONTACT_LINE.test(lines[i]!.trimmed)) continue;
    let j = i;
    let count = 0;
    let last = i;
    while (j < lines.length) {
      const t = lines[j]!.trimmed;
      if (t === '') {
        j++;
        continue;
      }
      if (CONTACT_LINE.test(t) && t.length <= 200) {
        count++;
        last = j;
        j++;
        continue;
      }
      break;
    }
    if (count >= 2) {
      for (let k = i; k <= last; k++) if (lines[k]!.trimmed !== '') marked[k] = 'contact block';
      const head = previousNonBlank(lines, i);
      if (head !== -1 && marked[head] === null && isHeadingLike(lines[head]!.trimmed)) marked[head] = 'contact block';
    }
    i = last;
  }

  // Trailing teaser: the last non-blank line is a cut-off preview ("… recen..."); its title line above
  // (same opening words) goes with it.
  const lastIdx = previousNonBlank(lines, lines.length);
  const teaserLine = lastIdx !== -1 ? lines[lastIdx]!.trimmed : '';
  // A teaser is a short preview below the article, never the article itself (a report on one line).
  const hasOtherText = lines.some((l, k) => k !== lastIdx && l.trimmed.length > 0 && marked[k] === null);
  if (lastIdx !== -1 && marked[lastIdx] === null && teaserLine.length <= 400 && hasOtherText && TRUNCATED.test(teaserLine)) {
    marked[lastIdx] = 'teaser of another post';
    const prev = previousNonBlank(lines, lastIdx);
    if (prev !== -1 && marked[prev] === null) {
      const a = lines[prev]!.trimmed;
      const b = lines[lastIdx]!.trimmed;
      const n = Math.min(24, a.length);
      if (n >= 8 && b.startsWith(a.slice(0, n))) marked[prev] = 'teaser of another post';
    }
  }

  for (let i = 0; i < lines.length; i++) {
    const reason = marked[i];
    if (reason) removed.push({ start: lines[i]!.start, end: lines[i]!.end, reason });
  }
  return removed;
}

/** "## Title", "> quote", "**Source:** x": the words without Markdown marks (for matching only). */
export function stripMarkdown(t: string): string {
  return t
    .replace(/^(?:#{1,6}\s+|>\s*|[-*+]\s+(?=\S))/, '')
    .replace(/\*\*|__/g, '')
    .trim();
}

function previousNonBlank(lines: Line[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (lines[k]!.trimmed !== '') return k;
  return -1;
}

/** A short line without sentence punctuation at its end: a title, a heading, an organisation name. */
export function isHeadingLike(t: string): boolean {
  if (t.length === 0 || t.length > 120) return false;
  return !/[.。!?！？;；:：,，]$/.test(t);
}
