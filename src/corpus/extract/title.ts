/**
 * Meeting titles and headlines. A single report's title is its page title line (the one that names a
 * meeting); a roundup meeting's title is the meeting name in the sentence that announces it, qualified
 * with the place when the name alone does not say where.
 */
import type { Span } from '../types.js';
import type { RawSection } from '../split.js';
import { MEETING_NOUN_EN, MEETING_NOUN_EN_SRC, MEETING_NOUN_ZH, ZH_MEETING_KINDS } from '../patterns.js';
import { namesMeeting } from '../split.js';

export interface Found extends Span {
  value: string;
  /** The value joins words that are not adjacent in the text (a place put before a meeting name). */
  qualified?: boolean;
}

const PURPOSE_AFTER_HELD = new RegExp(
  `^([\\s\\S]*?\\b${MEETING_NOUN_EN_SRC}s?\\b(?:\\s*\\([^)]{1,30}\\))?)\\s+(?:was |were |is |are )?(?:held|convened|opened)\\s+(?:to|for|in order to|with|and|on|at)\\b`,
  'i',
);

/**
 * "… Conference signs 36 projects", "… held a meeting to study …": the meeting's name, then what it did.
 * Prepositions ("Conference on rural revitalization") stay part of the name.
 */
const NAME_THEN_PREDICATE = new RegExp(
  `^([\\s\\S]*?\\b${MEETING_NOUN_EN_SRC}\\b(?:\\s*\\([^)]{1,30}\\))?)\\s+(?:(?:to|in order to)\\s+[a-z]+|(?!(?:on|of|for|and|in|at|was|were|is|are|held)\\b)[a-z]+s)\\b\\s+\\S`,
  'i',
);

/** A header line without Markdown heading marks or bold ("## Title" → "Title"), offsets moved to match. */
function unmark(text: string, p: Span): Found {
  let start = p.start;
  let end = p.end;
  const lead = /^(?:#{1,6}\s+|\*\*|__)/.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  const trail = /(?:\*\*|__|\s+#+)$/.exec(text.slice(start, end));
  if (trail) end -= trail[0].length;
  return { start, end, value: text.slice(start, end) };
}

/** The title and headline of a single report, from its header lines. */
export function headerTitle(text: string, section: RawSection): { title: Found | null; headline: Found | null } {
  const lines = section.header.map((p) => unmark(text, p));
  let title: Found | null = null;
  let titleLine: Found | null = null;
  for (const l of lines) {
    const lang = /\p{Script=Han}/u.test(l.value) ? 'zh' : 'en';
    if (!namesMeeting(l.value, lang)) continue;
    titleLine = l;
    if (lang === 'zh') {
      // "…会议召开 某某主持并讲话 某某出席": the part naming the meeting.
      let pos = l.start;
      for (const part of l.value.split(/(\s+)/)) {
        if (part.trim() !== '' && MEETING_NOUN_ZH.test(part)) {
          title = { start: pos, end: pos + part.length, value: part };
          break;
        }
        pos += part.length;
      }
    } else {
      const m = PURPOSE_AFTER_HELD.exec(l.value) ?? NAME_THEN_PREDICATE.exec(l.value);
      title = m ? { start: l.start, end: l.start + m[1]!.length, value: m[1]! } : l;
    }
    break;
  }
  if (!title) title = null;
  let headline: Found | null = null;
  for (const l of lines) {
    if (titleLine && l.start === titleLine.start) continue;
    if (titleLine && l.value === titleLine.value) continue;
    if (title && l.value === title.value) continue;
    headline = l;
    break;
  }
  if (!headline && titleLine && title && title.end - title.start < titleLine.end - titleLine.start) headline = titleLine;
  if (!title && lines[0]) {
    // No header line names a meeting: the caller will look in the body; keep the first line as headline.
    headline = lines[0];
  }
  return { title, headline };
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', '&', 'de']);

/** The Title-Case run ending at `end` (exclusive), e.g. "Central Economic Work Conference". */
function titleCaseRunBefore(text: string, from: number, end: number): number {
  let start = end;
  let pos = end;
  const words = text.slice(from, end).split(/(\s+)/);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    pos -= w.length;
    if (/^\s+$/.test(w) || w === '') continue;
    if (/^[\p{Lu}\d“"(]/u.test(w)) start = pos;
    else if (CONNECTORS.has(w.toLowerCase()) && i > 0) continue;
    else break;
  }
  return start;
}

const NOUN_GLOBAL = new RegExp(`\\b${MEETING_NOUN_EN_SRC}\\b`, 'g');

/** A meeting name in a heading: "Central Economic Work Conference sets the tone" → the Title-Case run. */
export function meetingNameInHeading(text: string, span: Span): Found | null {
  const s = text.slice(span.start, span.end);
  if (/\p{Script=Han}/u.test(s)) {
    const m = new RegExp(`[^\\s,，。]{2,40}?(?:${ZH_MEETING_KINDS})`).exec(s);
    return m ? { start: span.start + m.index, end: span.start + m.index + m[0].length, value: m[0] } : null;
  }
  NOUN_GLOBAL.lastIndex = 0;
  const m = NOUN_GLOBAL.exec(s);
  if (!m) return null;
  const end = span.start + m.index + m[0].length;
  const start = titleCaseRunBefore(text, span.start, end);
  if (start >= end - m[0].length) return null;
  return { start, end, value: text.slice(start, end) };
}

const ZH_NAME_THEN_HELD = new RegExp(
  `([^\\s,，。；;、:：]{2,60}?(?:${ZH_MEETING_KINDS})+)(?:\\([^)]{1,10}\\))?(?:在[^,，。]{1,20})?(?:召开|举行|开幕)`,
);
const ZH_HELD_THEN_NAME = new RegExp(`(?:召开|举行)了?([^,，。；;、]{2,60}?(?:${ZH_MEETING_KINDS})+)`);
/** "青阳市召开…": a place as the subject of 召开, used to name a meeting that does not say where. */
const ZH_PLACE_SUBJECT = /([\u4e00-\u9fff]{2,8}(?:市|区|县|省|州|新区|开发区|高新区))$/;

const CUT_EN = /\s(?:at|on|in|to|with|from|via|by|during|under|where|which|when)\s|[,.;:!?]/;

/** The meeting named in an announcing sentence, or null. */
export function meetingNameInSentence(text: string, span: Span, language: 'en' | 'zh'): Found | null {
  const s = text.slice(span.start, Math.min(span.end, span.start + 1000));
  const at = (index: number, value: string): Found => {
    // trim spaces and a leading article
    const lead = /^\s*(?:the\s+|its\s+|a\s+|an\s+)?/i.exec(value)![0].length;
    const v = value.slice(lead).replace(/\s+$/, '');
    return { start: span.start + index + lead, end: span.start + index + lead + v.length, value: v };
  };
  if (language === 'zh') {
    let m = ZH_NAME_THEN_HELD.exec(s);
    if (m) return at(m.index, m[1]!);
    m = ZH_HELD_THEN_NAME.exec(s);
    if (m) {
      const found = at(m.index + m[0].length - m[1]!.length, m[1]!);
      const before = s.slice(0, m.index).split(/[,，;；。]/).pop() ?? '';
      const subject = ZH_PLACE_SUBJECT.exec(before);
      if (subject && !found.value.includes(subject[1]!.replace(/(?:市|区|县|省|州)$/, ''))) {
        return { ...found, value: subject[1]! + found.value, qualified: true };
      }
      return found;
    }
    return null;
  }
  const candidates: Found[] = [];
  // "At the 2024 … Conference, …"
  let m = /\b(?:At|During) (the [^,.;:]{3,300})/.exec(s);
  if (m && MEETING_NOUN_EN.test(m[1]!)) candidates.push(at(m.index + m[0].length - m[1]!.length, m[1]!));
  // "… held the 2024 … Conference." / "… will hold the … at the end of 2023"
  m = /\b(?:held|hold|holds|convened|convene|convenes|opened)\s+((?:the|its|a|an)\s[\s\S]{3,300})/i.exec(s);
  if (m) {
    const rest = m[1]!;
    const cut = CUT_EN.exec(rest.slice(4));
    const phrase = cut ? rest.slice(0, 4 + cut.index) : rest;
    if (MEETING_NOUN_EN.test(phrase)) candidates.push(at(m.index + m[0].length - rest.length, phrase));
  }
  // "…, the 8th Plenary Session of … was held"
  m = /(?:^|[,;:]\s*)([^,;:]{3,400}?)\s+(?:was|were|is|are|will be|has been|have been)\s+(?:held|convened|opened)\b/.exec(s);
  if (m) {
    let phrase = m[1]!;
    let offset = m.index + m[0].indexOf(phrase);
    // "On the first day of 2024, the A and the B meeting were held": keep from the part naming a meeting.
    const parts = phrase.split(/ and the /);
    let skip = 0;
    for (const part of parts) {
      if (MEETING_NOUN_EN.test(part)) break;
      skip += part.length + ' and the '.length;
    }
    if (skip > 0 && skip < phrase.length) {
      phrase = phrase.slice(skip);
      offset += skip;
    }
    if (MEETING_NOUN_EN.test(phrase) && !/^(?:On|In|At)\b/.test(phrase)) candidates.push(at(offset, phrase));
  }
  // "X presided over the 21st executive meeting of the municipal government"
  m = /\b(?:presided over|chaired|attended)\s+(the\s[\s\S]{3,200})/i.exec(s);
  if (m) {
    const rest = m[1]!;
    const cut = /\s(?:to|and|at|on|with|where)\s|[,.;:]/.exec(rest.slice(4));
    const phrase = cut ? rest.slice(0, 4 + cut.index) : rest;
    if (MEETING_NOUN_EN.test(phrase)) candidates.push(at(m.index + m[0].length - rest.length, phrase));
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0]!;
}
