/**
 * Splitting a report into meetings. A report is one meeting unless it reads like a roundup: at least
 * two places where a meeting starts, one of them under a short heading (a place or a meeting name).
 */
import type { Paragraph, Span } from './types.js';
import { ANAPHORIC_EN, ANAPHORIC_ZH, HELD_EN, HELD_ZH, MEETING_NOUN_EN, MEETING_NOUN_EN_SINGULAR, MEETING_NOUN_ZH } from './patterns.js';

export interface RawSection {
  kind: 'single' | 'roundup';
  span: Span;
  paragraphs: Paragraph[];
  /** Single reports: the page's title lines before the first body paragraph. */
  header: Paragraph[];
  /** Roundups: the short heading that opens this meeting's part, if any. */
  heading: Paragraph | null;
  /** The first body paragraph (usually the one announcing the meeting). */
  lead: Paragraph | null;
}

const HEADING_MAX = { en: 200, zh: 80 } as const;
const SUBHEADING_MAX = { en: 90, zh: 30 } as const;

export function paragraphText(text: string, p: Span): string {
  return text.slice(p.start, p.end);
}

/** Title lines, headings: short, no sentence punctuation at the end. */
export function isHeading(text: string, p: Paragraph, max: number = HEADING_MAX[p.language]): boolean {
  const len = p.end - p.start;
  if (len > max) return false;
  if (p.sentences.length > 1 && len > 60) return false;
  const last = text[p.end - 1] ?? '';
  return !/[.。!?！？;；:：,，]/.test(last);
}

export function namesMeeting(s: string, language: 'en' | 'zh'): boolean {
  return language === 'zh' ? MEETING_NOUN_ZH.test(s) : MEETING_NOUN_EN.test(s);
}

/** The opening sentences of a paragraph announce a meeting ("On May 3, X held …", "At the … Conference, …"). */
export function announcesMeeting(text: string, p: Paragraph): boolean {
  const first = p.sentences.slice(0, 2);
  for (const s of first) {
    const t = text.slice(s.start, Math.min(s.end, s.start + 600));
    if (p.language === 'zh') {
      if (ANAPHORIC_ZH.test(t)) continue;
      if (MEETING_NOUN_ZH.test(t) && HELD_ZH.test(t)) return true;
    } else {
      if (ANAPHORIC_EN.test(t)) continue;
      if (!MEETING_NOUN_EN_SINGULAR.test(t)) continue;
      // "At the 2024 … Conference, …" names one; "At the meeting, …" refers back to the report's own.
      if (/^(?:At|During) the\b(?!\s+(?:meeting|conference|session|plenary session|plenary|forum|symposium)\b)/i.test(t)) return true;
      if (HELD_EN.test(t) && !/\b(?:meeting|conference|session) held that\b/i.test(t)) return true;
    }
  }
  return false;
}

/** A heading that is a meeting's proper name ("Central Economic Work Conference sets the tone"), not "Meeting requirements". */
function headingNamesMeeting(t: string, language: 'en' | 'zh'): boolean {
  if (language === 'zh') {
    const m = MEETING_NOUN_ZH.exec(t);
    return m !== null && m.index >= 4;
  }
  return /(?:^|\s)(?:[A-Z0-9][\w’'-]*\s+)(?:(?:of|the|and|for|on)\s+|[A-Z0-9][\w’'-]*\s+)*(?:Conference|Meeting|Session|Forum|Symposium|Congress|Assembly|Seminar)\b/.test(t);
}

interface Start {
  index: number;
  heading: Paragraph | null;
}

export function splitMeetings(text: string, paragraphs: Paragraph[]): RawSection[] {
  if (paragraphs.length === 0) return [];
  let h = 0;
  while (h < paragraphs.length - 1 && isHeading(text, paragraphs[h]!)) h++;
  const header = paragraphs.slice(0, h);
  const body = paragraphs.slice(h);

  const starts: Start[] = [];
  for (let i = 0; i < body.length; i++) {
    const p = body[i]!;
    const next = body[i + 1];
    if (isHeading(text, p, SUBHEADING_MAX[p.language])) {
      if (!next || isHeading(text, next, SUBHEADING_MAX[next.language])) continue;
      const pt = paragraphText(text, p);
      if (announcesMeeting(text, next) || headingNamesMeeting(pt, p.language)) {
        starts.push({ index: i, heading: p });
        i++; // the announcing paragraph belongs to this start
      }
      continue;
    }
    if (announcesMeeting(text, p)) starts.push({ index: i, heading: null });
  }

  const isRoundup = starts.length >= 2 && starts.some((s) => s.heading !== null);
  if (!isRoundup) {
    const first = paragraphs[0]!;
    const last = paragraphs[paragraphs.length - 1]!;
    return [
      {
        kind: 'single',
        span: { start: first.start, end: last.end },
        paragraphs,
        header,
        heading: null,
        lead: body[0] ?? null,
      },
    ];
  }

  const sections: RawSection[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    let endIdx = k + 1 < starts.length ? starts[k + 1]!.index : body.length;
    // A heading directly above the next start is a group heading ("Meetings in other cities"), not content.
    while (endIdx - 1 > s.index + 1 && isHeading(text, body[endIdx - 1]!, SUBHEADING_MAX[body[endIdx - 1]!.language])) {
      endIdx--;
    }
    const paras = body.slice(s.index, endIdx);
    const first = paras[0]!;
    const last = paras[paras.length - 1]!;
    sections.push({
      kind: 'roundup',
      span: { start: first.start, end: last.end },
      paragraphs: paras,
      header: [],
      heading: s.heading,
      lead: s.heading ? (paras[1] ?? null) : first,
    });
  }
  return sections;
}
