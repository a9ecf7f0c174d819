/**
 * `summarize(meeting)`: a digest of one meeting built only from its own paragraphs — extracted fields
 * with their evidence, key points chosen by the ranker in keypoints.ts, and topics that occur verbatim.
 */
import type { MeetingSection, Paragraph } from '../corpus/types.js';
import { attendeeEntries, chairEntries, documentEntries } from './evidence.js';
import { type SentenceCandidate, rankKeyPoints } from './keypoints.js';
import { type CorpusView, makeExcerpt, meetingRef, reportOf } from './refs.js';
import type { Excerpt, SummaryAnswer } from './types.js';

export const MAX_TOPICS = 8;

export type TopicVocabulary = ReadonlyArray<string | readonly string[]>;

export interface SummaryTools {
  tokenize: (text: string) => string[];
  /**
   * Topic vocabulary (both languages), e.g. the search glossary: each entry a term or a group of synonyms
   * (counted together, shown once). Matched verbatim, case-insensitively.
   */
  topicTerms?: TopicVocabulary;
}

/** A paragraph that is a heading, not prose: short and without a sentence-final stop. */
function isHeading(text: string): boolean {
  const t = text.trim();
  const han = /\p{Script=Han}/u.test(t);
  const short = han ? t.length <= 40 : t.length <= 90;
  return short && !/[.!?。！？；;:：]["'”’」』)）]*$/u.test(t);
}

/**
 * The meeting's prose sentences, in order, as ranking candidates: its own paragraphs minus headings,
 * the title and the headline (a summary must not simply repeat them). Shared with the benchmark's Lead-3.
 */
export function bodySentences(view: CorpusView, section: MeetingSection): SentenceCandidate[] {
  const report = reportOf(view, section);
  if (!report) return [];
  const m = section.meeting;
  const out: SentenceCandidate[] = [];
  const same = (a: string, b: string | null) => b !== null && a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  let ordinal = 0;
  for (const p of section.paragraphs) {
    const text = report.text.slice(p.start, p.end);
    if (isHeading(text) || same(text, m.title) || same(text, m.headline)) continue;
    const spans = p.sentences.length > 0 ? p.sentences : [{ start: p.start, end: p.end }];
    let k = 0;
    for (const s of spans) {
      const start = Math.max(s.start, p.start);
      const end = Math.min(s.end, p.end);
      const sentence = report.text.slice(start, end);
      if (!/[\p{L}\p{N}]/u.test(sentence)) continue;
      out.push({ start, end, text: sentence, paragraph: ordinal, sentence: k++ });
    }
    if (k > 0) ordinal++;
  }
  return out;
}

const DATE_PHRASES = [
  /(?:(?:on|in)\s+)?(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?/i,
  /(?:on\s+)?\d{4}-\d{1,2}-\d{1,2}/i,
  /(?:on\s+)?the\s+(?:first|last)\s+day\s+of\s+\d{4}/i,
  /(?:at|by)\s+the\s+end\s+of\s+\d{4}/i,
  /\b(?:yesterday|today)\b/i,
  /(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上)?/u,
  /昨天|今天|前天|日前|近日/u,
];

/** The date as the report prints it, verbatim: the date phrase inside the date evidence (or the whole evidence when short). */
export function printedDate(excerpt: string): string | null {
  const t = excerpt.trim();
  let best: RegExpExecArray | null = null;
  for (const re of DATE_PHRASES) {
    const m = re.exec(t);
    if (m && (!best || m.index < best.index)) best = m;
  }
  if (best) return best[0].trim();
  return t.length > 0 && t.length <= 40 ? t : null;
}

function dateEvidence(view: CorpusView, section: MeetingSection): string | null {
  const ev = section.meeting.evidence.find((e) => e.field === 'date');
  if (!ev) return null;
  const report = reportOf(view, section);
  if (!report || report.text.slice(ev.start, ev.end) !== ev.excerpt) return null;
  return printedDate(ev.excerpt);
}

const TOPIC_STOP = new Set(
  ('a an and are as at be but by for from has have in into is it its of on or the their this to was were will with we ' +
    'all also more further necessary important work meeting meetings conference session year years city municipal ' +
    'must should need needs promote strengthen continue make carry do good job efforts effort accelerate').split(' '),
);

/** Recurring multi-word phrases (English) or four-character runs (Chinese) of the meeting, verbatim. */
function frequentPhrases(texts: readonly string[]): Array<{ phrase: string; count: number }> {
  const counts = new Map<string, { phrase: string; count: number }>();
  const bump = (key: string, phrase: string) => {
    const e = counts.get(key);
    if (e) e.count++;
    else counts.set(key, { phrase, count: 1 });
  };
  for (const text of texts) {
    for (const run of text.split(/[^\p{L}\p{N}\s'’-]+/u)) {
      const words = [...run.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].filter((w) => !/\p{Script=Han}/u.test(w[0]));
      for (let n = 2; n <= 3; n++) {
        for (let i = 0; i + n <= words.length; i++) {
          const slice = words.slice(i, i + n);
          const lower = slice.map((w) => w[0].toLowerCase());
          if (lower.some((w) => TOPIC_STOP.has(w) || w.length < 3 || /\d/.test(w))) continue;
          const first = slice[0]!;
          const last = slice[n - 1]!;
          bump(lower.join(' '), run.slice(first.index, last.index + last[0].length));
        }
      }
    }
    for (const han of text.matchAll(/\p{Script=Han}{4,}/gu)) {
      const s = han[0];
      for (let i = 0; i + 4 <= s.length; i++) bump(s.slice(i, i + 4), s.slice(i, i + 4));
    }
  }
  const chosen: Array<{ phrase: string; count: number }> = [];
  const ranked = [...counts.values()].filter((e) => e.count >= 3 || (e.count >= 2 && !/\p{Script=Han}/u.test(e.phrase)));
  ranked.sort((a, b) => b.count - a.count || b.phrase.length - a.phrase.length);
  for (const e of ranked) {
    const lower = e.phrase.toLowerCase();
    // Overlapping variants of a phrase already chosen ("integrated circuit" / "circuit industry") add nothing.
    if (chosen.some((c) => overlaps(c.phrase.toLowerCase(), lower))) continue;
    chosen.push(e);
  }
  return chosen;
}

function overlaps(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  if (/\p{Script=Han}/u.test(a)) {
    for (let k = 2; k < Math.min(a.length, b.length); k++) if (a.endsWith(b.slice(0, k)) || b.endsWith(a.slice(0, k))) return true;
    return false;
  }
  const wa = a.split(/\s+/);
  const wb = b.split(/\s+/);
  return wa.some((w) => wb.includes(w));
}

// Bodies, offices and document types are who met and what they passed, not what the meeting was about.
const INSTITUTION_EN =
  /\b(?:committee|government|session|conference|secretary|congress|bureau|office|department|district|zone|city|county|province|council|meeting|mayor|leader|group|policies|measures|opinions|plan|programme|program)s?$/i;
const INSTITUTION_ZH = /(?:委员会|常委会|政府|小组|会议|书记|市长|组长|领导|部门|文件)$/u;

function isInstitution(phrase: string, section: MeetingSection): boolean {
  if (INSTITUTION_EN.test(phrase) || INSTITUTION_ZH.test(phrase)) return true;
  const m = section.meeting;
  const own = [m.body, m.place, ...m.attendees.map((p) => p.role)].filter((x): x is string => !!x).join('\n').toLowerCase();
  return own.includes(phrase.toLowerCase());
}

/** Topics: vocabulary terms occurring in the meeting's text (most frequent first), then recurring phrases. */
export function topicsOf(view: CorpusView, section: MeetingSection, topicTerms: TopicVocabulary = []): string[] {
  const report = reportOf(view, section);
  if (!report) return [];
  const texts = section.paragraphs.map((p: Paragraph) => report.text.slice(p.start, p.end));
  const lowerTexts = texts.map((t) => t.toLowerCase());
  const occurrences = (term: string): { phrase: string | null; count: number } => {
    const needle = term.toLowerCase();
    let count = 0;
    let phrase: string | null = null;
    if (needle.length < 2) return { phrase, count };
    lowerTexts.forEach((lt, i) => {
      for (let at = lt.indexOf(needle); at >= 0; at = lt.indexOf(needle, at + needle.length)) {
        // Whole words only for Latin terms ("trade" must not match inside "trademark").
        const before = lt[at - 1];
        const after = lt[at + needle.length];
        if (/[a-z]/.test(needle[0]!) && before !== undefined && /[\p{L}\p{N}]/u.test(before)) continue;
        if (/[a-z]/.test(needle[needle.length - 1]!) && after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue;
        count++;
        // Prefer an occurrence written as the vocabulary writes it (lower case), not inside a Title Case name.
        const seen = texts[i]!.slice(at, at + needle.length);
        if (phrase === null || (phrase !== term && seen === term)) phrase = seen;
      }
    });
    return { phrase, count };
  };
  const hits: Array<{ phrase: string; count: number }> = [];
  for (const entry of topicTerms) {
    const group = typeof entry === 'string' ? [entry] : entry;
    let total = 0;
    let best: { phrase: string | null; count: number } = { phrase: null, count: 0 };
    for (const term of group) {
      const o = occurrences(term);
      total += o.count;
      if (o.count > best.count) best = o;
    }
    // A two-character Chinese term (开放, 创新) is a broad word more than a topic: it counts half.
    const weight = best.phrase && /^\p{Script=Han}{1,2}$/u.test(best.phrase) ? 0.5 : 1;
    if (best.phrase !== null && total > 0) hits.push({ phrase: best.phrase, count: total * weight });
  }
  hits.sort((a, b) => b.count - a.count || b.phrase.length - a.phrase.length);
  const out: string[] = [];
  const add = (phrase: string) => {
    const lower = phrase.toLowerCase();
    if (out.length >= MAX_TOPICS || isInstitution(phrase, section)) return;
    if (!out.some((o) => o.toLowerCase().includes(lower) || lower.includes(o.toLowerCase()))) out.push(phrase);
  };
  for (const h of hits) add(h.phrase);
  for (const f of frequentPhrases(texts)) add(f.phrase);
  return out;
}

export function keyPointsOf(view: CorpusView, section: MeetingSection, tools: SummaryTools): Excerpt[] {
  const cands = bodySentences(view, section);
  return rankKeyPoints(cands, { tokenize: tools.tokenize })
    .map((i) => cands[i]!)
    .map((c) => makeExcerpt(view, section, c))
    .filter((e): e is Excerpt => e !== null);
}

export function summarizeSection(view: CorpusView, section: MeetingSection, tools: SummaryTools): SummaryAnswer {
  const m = section.meeting;
  const attendees = attendeeEntries(view, section);
  return {
    kind: 'summary',
    meeting: meetingRef(section),
    dateText: dateEvidence(view, section),
    body: m.body,
    headline: m.headline,
    chair: chairEntries(view, section),
    attendeeCount: attendees.length,
    attendees,
    documents: documentEntries(view, section),
    keyPoints: keyPointsOf(view, section, tools),
    topics: topicsOf(view, section, tools.topicTerms),
  };
}
