/**
 * Dates. A meeting's date comes from the sentences that announce it; a missing year is taken from the
 * report's own dates (publication line, then the years the text uses most); "yesterday"/昨天 is
 * resolved against the publication date. When the text does not give a day, the date is null.
 */
import type { Span } from '../types.js';
import { MONTHS, MONTH_NAMES_SRC } from '../patterns.js';

export interface FoundDate extends Span {
  iso: string;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function iso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

function addDays(date: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function parseIso(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/** Lines that state when the page was published, strongest first. */
const PUBLICATION_PATTERNS: RegExp[] = [
  /(?:Release date|Release time|Published(?: on| date)?|Publish date|Posted on|发布时间|发布日期|时间|日期)\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/gi,
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?:Published|Posted|\d+\s+By|By)\b/gim,
  /《[^》\n]{1,30}》\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
];
const BLOG_DATE = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\\s+(${MONTH_NAMES_SRC})\\s+(\\d{1,2}),\\s+(\\d{4})\\s*$`,
  'm',
);

/** The report's publication date, from its meta lines (which cleaning may have hidden, but the text keeps). */
/** Meta lines sit at the top or the bottom of a page; only those parts are searched. */
const META_WINDOW = 4000;

export function reportDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  const tailStart = Math.max(META_WINDOW, text.length - META_WINDOW);
  for (const re of PUBLICATION_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m.index > META_WINDOW && m.index < tailStart) {
        re.lastIndex = tailStart; // skip the body in one jump
        continue;
      }
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (valid(y, mo, d)) {
        best = { start: m.index, end: m.index + m[0].length, iso: iso({ y, m: mo, d }) };
        break;
      }
    }
    if (best !== null) return best;
  }
  const b = BLOG_DATE.exec(text);
  if (b) {
    const mo = MONTHS[b[1]!.replace('.', '').toLowerCase()];
    const y = Number(b[3]);
    const d = Number(b[2]);
    if (mo && valid(y, mo, d)) return { start: b.index, end: b.index + b[0].length, iso: iso({ y, m: mo, d }) };
  }
  return null;
}

/** The year the report talks about most (used when it has no publication date). Ties go to the earlier year. */
export function dominantYear(text: string): number | null {
  const counts = new Map<number, number>();
  const re = /(?<![\d.])((?:19|20)\d{2})(?![\d.])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y < best)) [best, n] = [y, c];
  return best;
}

export interface DateContext {
  /** Publication date of the report, ISO, if known. */
  reportDate: string | null;
  /** Fallback year when a date has no year and there is no publication date. */
  year: number | null;
}

const EN_MONTH_DAY = new RegExp(
  `\\b(${MONTH_NAMES_SRC})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`,
  'gi',
);
const EN_DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES_SRC})(?:,?\\s+(\\d{4}))?\\b`, 'gi');
const ISO_DATE = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g;
const ZH_DATE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const FIRST_DAY = /\b(?:the )?first day of (?:the year )?(\d{4})\b|\bNew Year'?s Day(?:,? (\d{4}))?/gi;
const RELATIVE_EN = /\b(the day before yesterday|yesterday|today|this morning|this afternoon)\b/gi;
const RELATIVE_ZH = /前天|昨天|昨日|今天|今日/g;

function resolveYear(m: number, d: number, ctx: DateContext): number | null {
  const rd = ctx.reportDate ? parseIso(ctx.reportDate) : null;
  if (rd) {
    // A meeting reported on 5 January that was held "on December 28" was held the year before.
    return m > rd.m || (m === rd.m && d > rd.d) ? rd.y - 1 : rd.y;
  }
  return ctx.year;
}

/** The first stated meeting date inside `span` (a sentence), or null. */
export function findDate(text: string, span: Span, ctx: DateContext): FoundDate | null {
  const s = text.slice(span.start, span.end);
  const found: FoundDate[] = [];
  const add = (index: number, len: number, y: number | null, m: number, d: number): void => {
    if (y === null || !valid(y, m, d)) return;
    found.push({ start: span.start + index, end: span.start + index + len, iso: iso({ y, m, d }) });
  };
  let m: RegExpExecArray | null;
  for (const re of [EN_MONTH_DAY, EN_DAY_MONTH]) {
    re.lastIndex = 0;
    while ((m = re.exec(s))) {
      const monthText = re === EN_MONTH_DAY ? m[1]! : m[2]!;
      const dayText = re === EN_MONTH_DAY ? m[2]! : m[1]!;
      // "May" is also a verb: only take it with a day right after it.
      const mo = MONTHS[monthText.replace('.', '').toLowerCase()];
      if (!mo) continue;
      // lowercase "may" is usually the verb; garbled text writes months in lowercase only after "on".
      if (monthText === 'may' && !/\bon\s+$/i.test(s.slice(0, m.index))) continue;
      const d = Number(dayText);
      const y = m[3] ? Number(m[3]) : resolveYear(mo, d, ctx);
      add(m.index, m[0].length, y, mo, d);
    }
  }
  ISO_DATE.lastIndex = 0;
  while ((m = ISO_DATE.exec(s))) add(m.index, m[0].length, Number(m[1]), Number(m[2]), Number(m[3]));
  ZH_DATE.lastIndex = 0;
  while ((m = ZH_DATE.exec(s))) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    add(m.index, m[0].length, m[1] ? Number(m[1]) : resolveYear(mo, d, ctx), mo, d);
  }
  FIRST_DAY.lastIndex = 0;
  while ((m = FIRST_DAY.exec(s))) {
    const y = m[1] ?? m[2];
    add(m.index, m[0].length, y ? Number(y) : resolveYear(1, 1, ctx), 1, 1);
  }
  const rd = ctx.reportDate ? parseIso(ctx.reportDate) : null;
  if (rd) {
    for (const re of [RELATIVE_EN, RELATIVE_ZH]) {
      re.lastIndex = 0;
      while ((m = re.exec(s))) {
        const w = m[0].toLowerCase();
        const offset = w.includes('before') || w === '前天' ? -2 : w.startsWith('yesterday') || w.startsWith('昨') ? -1 : 0;
        const t = addDays(rd, offset);
        add(m.index, m[0].length, t.y, t.m, t.d);
      }
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a.start - b.start);
  return found[0]!;
}
