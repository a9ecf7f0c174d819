/**
 * Named policy documents and what the meeting did with them. A policy is a quoted or Title-Case name
 * whose head noun is a kind of document (plan, measures, opinions, rules…); slogans, campaigns,
 * newspapers and brands in quotes have no such noun and are left out.
 */
import type { Evidence, Policy, Span } from '../types.js';
import type { RawSection } from '../split.js';
import { makeEvidence } from './evidence.js';

const DOC_EN =
  /\b(?:Plans?|Programmes?|Programs?|Measures|Opinions|Policies|Rules|Regulations|Provisions|Guidelines|Scheme|Methods|Outline|Decision|Notice|Circular|Measures|Strategy|Roadmap|Charter|Ordinance|Law|Standards)\b/;
const DOC_EN_ANYCASE = new RegExp(`^[\\s\\S]{0,200}${DOC_EN.source}`, 'i');
const DOC_ZH = /(?:方案|意见|办法|规定|规划|措施|条例|细则|计划|纲要|决定|通知|政策|预案|规则|守则|章程|制度|要点|清单|标准|指引|指南)$/;
/** A year range or draft note after the name: 《…方案(2024—2026年)》. */
const ZH_TRAILER = /\s*[(（][^)）]{1,20}[)）]\s*$/;

/** Verbs (lowercase base form in the Policy) that say what the meeting did with a document. */
const ACTIONS_EN: [RegExp, string][] = [
  [/\b(?:review|reviewed|reviewing|deliberated|deliberate)\b/i, 'reviewed'],
  [/\b(?:discuss|discussed|discussing)\b/i, 'discussed'],
  [/\b(?:adopt|adopted|passed|approve|approved)\b/i, 'adopted'],
  [/\b(?:issue|issued|released|release|promulgated|unveiled)\b/i, 'issued'],
  [/\b(?:implement|implementing|implemented|carry out)\b/i, 'implement'],
  [/\b(?:study|studied|studying|learn)\b/i, 'studied'],
  [/\b(?:convey|conveyed)\b/i, 'conveyed'],
  [/\b(?:formulate|formulated|draft|drafted)\b/i, 'formulated'],
  [/\b(?:heard|hear)\b/i, 'heard'],
  [/\b(?:introduce|introduced)\b/i, 'introduced'],
  [/\b(?:read out|announced|announce)\b/i, 'announced'],
];
const ACTIONS_EN_GLOBAL: [RegExp, string][] = ACTIONS_EN.map(([re, a]) => [new RegExp(re.source, 'gi'), a]);
const ACTIONS_ZH: [RegExp, string][] = [
  [/审议通过|通过/, 'adopted'],
  [/审议/, 'reviewed'],
  [/讨论/, 'discussed'],
  [/印发|发布|出台/, 'issued'],
  [/贯彻|落实|实施|执行/, 'implement'],
  [/学习|研究/, 'studied'],
  [/传达/, 'conveyed'],
];

const ACTIONS_ZH_GLOBAL: [RegExp, string][] = ACTIONS_ZH.map(([re, a]) => [new RegExp(re.source, 'g'), a]);

export interface FoundPolicy {
  policy: Policy;
  evidence: Evidence;
}

const HAS_QUOTE = /[“"”《]/;
// One opening mark, never a run: the content cannot start with a quote, so "“”Name”" still opens at the
// last mark, and a long run of marks costs O(n) instead of O(n²) backtracking.
const QUOTED = /[“"”]([^“”"″\n]{3,300})[”"″]|《([^《》\n]{2,120})》/g;

function isTitleCase(s: string): boolean {
  const ws = s.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  if (ws.length < 2) return false;
  const small = /^(?:of|on|for|and|the|in|to|a|an|at|by|with|from|about|into|under)$/;
  const caps = ws.filter((w) => /^[A-Z]/.test(w)).length;
  const lowerContent = ws.filter((w) => !/^[A-Z]/.test(w) && !small.test(w)).length;
  return caps >= 2 && lowerContent <= Math.floor(ws.length / 6);
}

function actionBefore(text: string, from: number, at: number, zh: boolean): string | null {
  const head = text.slice(Math.max(from, at - 300), at); // the verb sits close before the title
  if (zh) {
    // the clause before the title, other titles taken out: "审议并原则通过了《A》《B》" acts on both
    const clause = head.replace(/《[^》]*》/g, '').split(/[，,；;。]/).pop() ?? '';
    let best: { pos: number; action: string } | null = null;
    for (const [g, a] of ACTIONS_ZH_GLOBAL) {
      g.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = g.exec(clause))) if (!best || m.index > best.pos) best = { pos: m.index, action: a };
    }
    return best?.action ?? null;
  }
  // the nearest verb in the same clause before the title
  let best: { pos: number; action: string } | null = null;
  for (const [g, a] of ACTIONS_EN_GLOBAL) {
    g.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = g.exec(head))) if (!best || m.index > best.pos) best = { pos: m.index, action: a };
  }
  if (!best) return null;
  // a full stop between verb and title means another sentence
  return /[.;]\s/.test(head.slice(best.pos)) ? null : best.action;
}

function actionAfter(text: string, at: number, to: number): string | null {
  const tail = text.slice(at, Math.min(to, at + 40));
  const m = /^\s*(?:was|were|has been|have been|is|are)\s+(?:\w+ly\s+)?(\w+)/i.exec(tail);
  if (!m) return null;
  for (const [re, a] of ACTIONS_EN) if (re.test(m[1]!)) return a;
  return null;
}

/** Split "A and B were issued" when both halves are complete document titles. */
function splitTitles(s: string): string[] {
  const parts = s.split(/ and /);
  const out: string[] = [];
  let cur = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    const rest = parts.slice(i).join(' and ');
    const complete = /\b(?:Plans?|Measures|Opinions|Policies|Rules|Programmes?|Scheme|Provisions|Guidelines)\b.*\b(?:for|on|of|in|to)\b/.test(cur);
    if (complete && DOC_EN.test(parts[i]!) && /^[A-Z]/.test(parts[i]!) && DOC_EN.test(rest)) {
      out.push(cur);
      cur = parts[i]!;
    } else cur = `${cur} and ${parts[i]!}`;
  }
  out.push(cur);
  return out;
}

export function extractPolicies(text: string, section: RawSection, language: 'en' | 'zh'): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  const seen = new Set<string>();
  const add = (title: string, action: string | null, sentence: Span): void => {
    const t = title.replace(/\s+/g, ' ').trim();
    const key = t.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ policy: { title: t, action }, evidence: makeEvidence(text, 'policies', t, sentence) });
  };
  for (const p of section.paragraphs) {
    for (const sent of p.sentences) {
      const s = text.slice(sent.start, sent.end);
      QUOTED.lastIndex = 0;
      let m: RegExpExecArray | null;
      const quotedSpans: Span[] = [];
      const hasQuote = HAS_QUOTE.test(s);
      while (hasQuote && (m = QUOTED.exec(s))) {
        const inner = (m[1] ?? m[2])!.trim();
        const at = sent.start + m.index;
        quotedSpans.push({ start: m.index, end: m.index + m[0].length });
        const zh = m[2] !== undefined || /\p{Script=Han}/u.test(inner);
        let action: string | null;
        if (zh) {
          if (!DOC_ZH.test(inner.replace(ZH_TRAILER, ''))) continue;
          action = actionBefore(text, sent.start, at, true);
        } else {
          action = actionBefore(text, sent.start, at, false) ?? actionAfter(text, at + m[0].length, sent.end);
          if (isTitleCase(inner)) {
            if (!DOC_EN.test(inner)) continue;
          } else {
            // Garbled lowercase translation: a document word and something done with it.
            if (/[A-Z]/.test(inner) || !action || !DOC_EN_ANYCASE.test(inner)) continue;
          }
        }
        add(inner, action, sent);
      }
      if (language === 'en' && DOC_EN.test(s)) unquotedTitles(text, sent, s, quotedSpans, add);
    }
  }
  return found;
}

const ACTION_WORD = /\b(?:issued|reviewed|adopted|approved|released|discussed|passed|studied|deliberated|implement|implemented)\b/;

/** "Several Policies and Measures for … and … Work Plan for … were issued at the meeting." */
function unquotedTitles(
  text: string,
  sent: Span,
  s: string,
  quoted: Span[],
  add: (title: string, action: string | null, sentence: Span) => void,
): void {
  if (!ACTION_WORD.test(s)) return;
  const re = /((?:[A-Z][\w’'-]*|\d{4})(?:\s+(?:(?:of|on|for|and|the|in|to|a)\s+)*(?:[A-Z][\w’'-]*|\(\d{4}(?:-\d{4})?\)|\d{4}))+)\s+(?:was|were|has been|have been)\s+(?:\w+ly\s+)?(issued|reviewed|adopted|approved|released|discussed|passed|studied|deliberated)\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (quoted.some((q) => m!.index >= q.start && m!.index < q.end)) continue;
    const phrase = m[1]!;
    if (!DOC_EN.test(phrase)) continue;
    const action = actionAfter(text, sent.start + m.index + phrase.length, sent.end);
    for (const t of splitTitles(phrase)) if (DOC_EN.test(t) && isTitleCase(t)) add(t, action, sent);
  }
  const pre = /\b(?:reviewed|adopted|approved|issued|implement|implemented|discussed|studied|released|deliberated)\s+(?:the\s+)?((?:[A-Z][\w’'-]*)(?:\s+(?:(?:of|on|for|and|the|in|to|a)\s+)*(?:[A-Z][\w’'-]*|\(\d{4}(?:-\d{4})?\)|\d{4}))+)/g;
  while ((m = pre.exec(s))) {
    const phrase = m[1]!;
    const at = m.index + m[0].length - phrase.length;
    if (quoted.some((q) => at >= q.start && at < q.end)) continue;
    if (!DOC_EN.test(phrase)) continue;
    const action = actionBefore(text, sent.start, sent.start + at, false);
    for (const t of splitTitles(phrase)) if (DOC_EN.test(t) && isTitleCase(t)) add(t, action, sent);
  }
}
