/**
 * People: who chaired, who the text places at the meeting (with the role it gives them), and who is
 * only named (leaders quoted, speeches conveyed). English and Chinese have separate rules; both read
 * lists like "City leaders A, B and C attended" and "Name, role, Name, role … attended".
 */
import type { Evidence, Person, Span } from '../types.js';
import type { RawSection } from '../split.js';
import { makeEvidence } from './evidence.js';
import { hanSurnameLength, isPlausibleHanName, isPlausibleName } from './names.js';

export interface PeopleResult {
  chair: Person[];
  attendees: (Person & { pos: number })[];
  mentioned: string[];
  mentionedNames: { name: string }[];
  evidence: Evidence[];
}

interface Hit extends Person {
  pos: number;
  chair: boolean;
  sentence: Span;
}

/** People the texts quote or whose thought is studied: named, never placed at a local meeting. */
const MENTION_ROLE = /General Secretary|^(?:State |Chinese )?President$|^Premier$|总书记|国家主席/i;

export function extractPeople(text: string, section: RawSection, language: 'en' | 'zh'): PeopleResult {
  const hits: Hit[] = [];
  const mentions: { name: string; sentence: Span }[] = [];
  if (language === 'zh') zhPeople(text, section, hits, mentions);
  else enPeople(text, section, hits, mentions);

  // Merge by name: first position wins the order, the first stated role wins, chair if ever chair.
  const byName = new Map<string, Hit>();
  for (const h of hits.sort((a, b) => a.pos - b.pos)) {
    if (h.role && MENTION_ROLE.test(h.role)) {
      mentions.push({ name: h.name, sentence: h.sentence });
      continue;
    }
    const prev = byName.get(h.name);
    if (!prev) byName.set(h.name, { ...h });
    else {
      if (!prev.role && h.role) prev.role = h.role;
      if (h.chair) prev.chair = true;
    }
  }
  const evidence: Evidence[] = [];
  const attendees = [...byName.values()];
  for (const a of attendees) {
    evidence.push(makeEvidence(text, 'attendees', a.name, a.sentence));
    if (a.chair) {
      const s = hits.find((h) => h.name === a.name && h.chair)?.sentence ?? a.sentence;
      evidence.push(makeEvidence(text, 'chair', a.name, s));
    }
  }
  const mentioned: string[] = [];
  for (const m of mentions) {
    if (byName.has(m.name) || mentioned.includes(m.name)) continue;
    mentioned.push(m.name);
    evidence.push(makeEvidence(text, 'mentioned', m.name, m.sentence));
  }
  return {
    chair: attendees.filter((a) => a.chair).map((a) => ({ name: a.name, role: a.role })),
    attendees: attendees.map((a) => ({ name: a.name, role: a.role, pos: a.pos })),
    mentioned,
    mentionedNames: mentioned.map((name) => ({ name })),
    evidence,
  };
}

// ---------------------------------------------------------------- English

const ROLE_WORDS = new Set([
  'leader', 'leaders', 'member', 'members', 'secretary', 'secretaries', 'mayor', 'mayors', 'director', 'directors',
  'chairman', 'chairmen', 'chairwoman', 'chairperson', 'deputy', 'vice', 'head', 'heads', 'governor', 'commissioner',
  'president', 'general', 'party', 'municipal', 'district', 'county', 'city', 'provincial', 'standing', 'committee',
  'executive', 'official', 'officials', 'comrade', 'comrades', 'magistrate', 'chief', 'minister', 'principal',
  'delegate', 'deputies', 'representative',
]);
const CONNECTOR = new Set(['of', 'the', 'and']);

/** A role word, singular or plural ("magistrates", "secretaries"). */
function isRoleWord(lw: string): boolean {
  return ROLE_WORDS.has(lw) || ROLE_WORDS.has(lw.replace(/ies$/, 'y')) || ROLE_WORDS.has(lw.replace(/e?s$/, '')) || ROLE_WORDS.has(lw.replace(/s$/, ''));
}

const CHAIR_VERB = /\b(?:presided over|presides over|presiding over|chaired|chairs|presided)\b/i;
const ATTEND_VERB = /\b(?:attended|attend|attends|were present at|was present at|were present|was present|participated in)\b(?! by)/i;
const SPEECH_VERB =
  /\b(?:made an? (?:important |concluding |keynote |mobilization )?(?:speech|report|deployment)|delivered an? (?:important |keynote )?speech|gave an? (?:important )?speech|made specific (?:arrangements|requirements|deployments)|put forward (?:specific |clear )?requirements|emphasized|emphasised|stressed|pointed out|spoke at|addressed the (?:meeting|conference)|read out|briefed)\b/i;

interface Tok extends Span {
  w: string;
}

function words(text: string, span: Span): Tok[] {
  const out: Tok[] = [];
  const re = /[A-Za-z][A-Za-z’'-]*/g;
  const s = text.slice(span.start, span.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, w: m[0] });
  return out;
}

interface CasedName {
  name: string;
  start: number;
  end: number;
}

/** Properly cased names in a span, minus garbled joins ("Fan Jingwenhe" when "Fan Jingwen" is also named). */
function casedNames(text: string, span: Span): CasedName[] {
  const s = text.slice(span.start, span.end);
  const found: CasedName[] = [];
  // Two capitalised words side by side; the lookahead lets "Secretary Feng Yuqing" try "Feng Yuqing" too.
  const re = /(?<![A-Za-z])([A-Z][a-z]{0,6}) (?=([A-Z][a-z]{1,11})(?![a-z]))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const name = `${m[1]!} ${m[2]!}`;
    if (isPlausibleName(name)) found.push({ name, start: span.start + m.index, end: span.start + m.index + name.length });
  }
  const names = new Set(found.map((f) => f.name));
  return found.filter((f) => ![...names].some((n) => n !== f.name && f.name.startsWith(n) && f.name.length > n.length));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Plural list roles become singular ("City leaders A and B" → "City leader"). */
function singular(role: string): string {
  // the head word of a list role: "Deputy county magistrates" → "… magistrate"
  const last = /([A-Za-z]+)$/.exec(role)?.[1] ?? '';
  const lw = last.toLowerCase();
  if (lw.length > 3 && lw !== 'congress' && /s$/.test(lw) && !ROLE_WORDS.has(lw) && isRoleWord(lw)) {
    const one = ROLE_WORDS.has(lw.replace(/ies$/, 'y')) && /ies$/.test(lw) ? last.replace(/ies$/, 'y') : last.replace(/s$/, '');
    role = role.slice(0, role.length - last.length) + one;
  }
  return role
    .replace(/\b(Vice |Deputy )?(Mayor|Director|Member|Leader|Secretarie|Head|Official|Governor|Commissioner)s\b/gi, (m) =>
      m.replace(/ies$/, 'y').replace(/s$/, ''),
    )
    .replace(/\bleaders\b/g, 'leader')
    .replace(/\bChairmen\b/g, 'Chairman')
    .replace(/\bSecretarie\b/g, 'Secretary');
}

/** Short forms machine translation leaves, in the form the reports spell out elsewhere. */
const CANONICAL_ROLES: [RegExp, string][] = [
  [/^(?:municipal |city )?party secretary$/i, 'Secretary of the Municipal Party Committee'],
  [/^district party secretary$/i, 'Secretary of the District Party Committee'],
  [/^county party secretary$/i, 'Secretary of the County Party Committee'],
  [/^(?:deputy|vice) mayor$/i, 'Vice Mayor'],
  [/^mayor$/i, 'Mayor'],
];

export function normaliseRole(raw: string): string | null {
  let r = raw
    .replace(/\s+/g, ' ')
    .replace(/^(?:and|the|by|of|while|with)\s+/i, '')
    .replace(/\s+(?:and|the|of)$/i, '')
    .trim();
  if (!r || !/[A-Za-z]/.test(r)) return null;
  if (!/[A-Z]/.test(r)) {
    // Written in lowercase by machine translation: the canonical form, or the words in Title Case.
    for (const [re, canon] of CANONICAL_ROLES) if (re.test(r)) return canon;
    return r.replace(/\b([a-z])([a-z]*)/g, (_w, a: string, b: string) => (/^(?:of|the|and)$/.test(a + b) ? a + b : a.toUpperCase() + b));
  }
  // "Secretary General of CPC Municipal Committee" → "… of the CPC Municipal Committee"
  r = r.replace(/\bof (?=(?:CPC|Municipal|Provincial|District|County|City)\b)/g, 'of the ');
  // "Mayor of the Municipal Government" says no more than "Mayor".
  r = r.replace(/\b(Mayor|District Mayor|County Magistrate) of the (?:Municipal|City|District|County) (?:People['’]s )?Government\b/gi, '$1');
  return capitalise(singular(r));
}

/** Role words right before a name, back to the clause boundary ("Secretary of the Municipal Party Committee"). */
function roleBefore(text: string, clauseStart: number, nameStart: number): string | null {
  const toks = words(text, { start: clauseStart, end: nameStart });
  let first = toks.length;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    const gap = text.slice(t.end, i === toks.length - 1 ? nameStart : toks[i + 1]!.start);
    if (/[,.;:!?()“”"]/.test(gap)) break;
    const lw = t.w.toLowerCase();
    if (/^[A-Z]/.test(t.w) || isRoleWord(lw) || (CONNECTOR.has(lw) && i > 0)) first = i;
    else break;
  }
  if (first >= toks.length) return null;
  const startTok = toks[first]!;
  if (/^(?:On|In|At|During|While|According|After|Before|When|And)$/.test(startTok.w)) return null;
  // "Comrade" is a form of address, not an office.
  let role = text.slice(startTok.start, toks[toks.length - 1]!.end).replace(/^(?:Comrades?|comrades?)\b\s*/, '');
  // "Members of the Standing Committee and Vice Mayor A": a group, then A's own office.
  if (/^(?:Members|Leaders|Heads|Officials|Comrades|Responsible)\b/i.test(role) && / and (?=[A-Z])/.test(role)) {
    role = role.slice(role.lastIndexOf(' and ') + 5);
  }
  return role ? normaliseRole(role) : null;
}

const NOT_ROLE_CHUNK = /^(?:On|In|At|During|While|According|After|Before|When|This|That|It|We|They|There)\b|^(?:responsible|relevant|leaders? of|heads? of|main|principal|comrades)/i;

/**
 * Parse "A, role, B, role" / "Role A, B and C" / "Role A and Role B" lists in a clause. `chair` marks
 * the first person ("Presided over by A, …") or the last one (the subject right before "presided over").
 */
function parseList(
  text: string,
  clause: Span,
  known: readonly CasedName[],
  chair: 'first' | 'last' | null,
  sentence: Span,
  out: Hit[],
): void {
  const s = text.slice(clause.start, clause.end);
  const chunks: Span[] = [];
  const re = /,\s*|;\s*|，|、/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    chunks.push({ start: clause.start + last, end: clause.start + m.index });
    last = m.index + m[0].length;
  }
  chunks.push({ start: clause.start + last, end: clause.end });
  const people: { hit: Hit; ownRole: boolean }[] = [];
  let pendingNoRole: Hit[] = [];
  for (const c of chunks) {
    const names = known.filter((n) => n.start >= c.start && n.end <= c.end);
    if (names.length === 0) {
      const t = text.slice(c.start, c.end).trim();
      if (
        pendingNoRole.length === 1 &&
        t.length > 0 &&
        t.length < 160 &&
        !NOT_ROLE_CHUNK.test(t) &&
        /^(?:[A-Z]|(?:deputy|vice|director|chairman|secretary|mayor|member|head|party|executive)\b)/i.test(t)
      ) {
        pendingNoRole[0]!.role = normaliseRole(t);
        pendingNoRole = [];
      }
      continue;
    }
    // Each name takes the role written right before it; "A and B" after one role share it.
    const fresh: Hit[] = [];
    let from = c.start;
    for (const n of names) {
      const role = roleBefore(text, from, n.start);
      const hit: Hit = { name: n.name, role, pos: n.start, chair: false, sentence };
      fresh.push(hit);
      people.push({ hit, ownRole: role !== null });
      from = n.end;
    }
    pendingNoRole = fresh.filter((h) => h.role === null);
    if (pendingNoRole.length !== fresh.length) pendingNoRole = [];
  }
  // Names listed after a shared role with no role of their own ("City leaders A, B and C").
  let shared: string | null = null;
  for (const p of people) {
    if (p.ownRole) shared = p.hit.role;
    else if (!p.hit.role && shared) p.hit.role = shared;
  }
  if (chair === 'first' && people[0]) people[0].hit.chair = true;
  if (chair === 'last' && people.length > 0) people[people.length - 1]!.hit.chair = true;
  for (const p of people) out.push(p.hit);
}

function enPeople(text: string, section: RawSection, hits: Hit[], mentions: { name: string; sentence: Span }[]): void {
  const all = casedNames(text, section.span);
  const known = new Set(all.map((n) => n.name));
  const lowerNames = [...known].map((n) => n.toLowerCase());
  let k = 0; // names and sentences are both in text order: walk them together
  for (const p of section.paragraphs) {
    for (const sent of p.sentences) {
      while (k < all.length && all[k]!.start < sent.start) k++;
      let e = k;
      while (e < all.length && all[e]!.start < sent.end) e++;
      const inSentence = all.slice(k, e);
      const s = text.slice(sent.start, sent.end);
      if (s.length > 3000) continue;
      // Most sentences name nobody: skip them unless a name appears in garbled lowercase.
      if (inSentence.length === 0 && !lowerNames.some((n) => s.includes(n)) && !LOWER_ATTEND.test(s)) continue;
      // "Presided over by A, role, B, role … attended the meeting."
      const by = /\b(?:Presided over by|Chaired by|presided over by|chaired by)\s+/.exec(s);
      const att = ATTEND_VERB.exec(s);
      if (by) {
        const from = sent.start + by.index + by[0].length;
        const to = att && att.index > by.index ? sent.start + att.index : sent.end;
        parseList(text, { start: from, end: to }, inSentence, 'first', sent, hits);
        continue;
      }
      // "The forum was attended by Vice Mayor A, Secretary General B and …"
      const attBy = /\b(?:was|were) attended by\s+|\b(?:Also present|Present|Attending)(?: at the (?:meeting|conference|session))?(?: the (?:meeting|conference|session))? (?:were|was)\s+/.exec(s);
      if (attBy) {
        const from = sent.start + attBy.index + attBy[0].length;
        parseList(text, { start: from, end: sent.end }, inSentence, null, sent, hits);
      }
      const chair = CHAIR_VERB.exec(s);
      if (chair) {
        const clauseStart = lastBoundary(s, chair.index);
        parseList(text, { start: sent.start + clauseStart, end: sent.start + chair.index }, inSentence, 'last', sent, hits);
        // "While presiding over the meeting, Name analysed …"
        const after = /^presiding over the (?:meeting|conference|session),\s*/i.exec(s.slice(chair.index));
        if (after) {
          const rest = { start: sent.start + chair.index + after[0].length, end: sent.end };
          const n = inSentence.find((x) => x.start >= rest.start && x.start - rest.start < 3);
          if (n) hits.push({ name: n.name, role: null, pos: n.start, chair: true, sentence: sent });
        }
      }
      if (att) {
        const clauseStart = chair && chair.index < att.index ? chair.index + chair[0].length : 0;
        const from = sent.start + afterClauseVerb(s, clauseStart);
        parseList(text, { start: from, end: sent.start + att.index }, inSentence, null, sent, hits);
      }
      const sp = SPEECH_VERB.exec(s);
      if (sp && !chair && !att) {
        const clauseStart = lastBoundary(s, sp.index, true);
        parseList(text, { start: sent.start + clauseStart, end: sent.start + sp.index }, inSentence, null, sent, hits);
      }
      // Garbled lowercase mentions of a name written properly elsewhere: "county party secretary zhang weihao attended".
      if ((att || chair) && /[a-z] [a-z]/.test(s)) {
        for (const n of known) {
          const lower = n.toLowerCase();
          for (let idx = s.indexOf(lower); idx !== -1; idx = s.indexOf(lower, idx + 1)) {
            if (/[A-Za-z]/.test(s[idx - 1] ?? '') || /[A-Za-z]/.test(s[idx + lower.length] ?? '')) continue;
            const after = s.slice(idx + lower.length, idx + lower.length + 30);
            const v = /^\s+(?:to\s+)?(?:(attend(?:ed|s)?)|(presid(?:ed|es|e) over|chair(?:ed|s)?))\b/i.exec(after);
            if (!v) continue;
            const pre = /((?:(?:municipal|city|district|county|party|deputy|vice|executive)\s+)*(?:secretary|mayor|director|chairman|governor|magistrate|head))\s+$/i.exec(
              s.slice(Math.max(0, idx - 60), idx),
            );
            hits.push({ name: n, role: pre ? normaliseRole(pre[1]!) : null, pos: sent.start + idx, chair: !!v[2], sentence: sent });
          }
        }
        // Names the text only ever writes in lowercase, between an office and the verb:
        // "county magistrate he yuting presided over" → He Yuting.
        LOWER_ROLE_NAME_VERB.lastIndex = 0;
        let lm: RegExpExecArray | null;
        while ((lm = LOWER_ROLE_NAME_VERB.exec(s))) {
          const name = lowercaseName(lm[2]!, lm[3]!, lm[4]);
          if (!name || known.has(name) || known.has(lowercaseName(lm[2]!, lm[3]!, undefined) ?? '')) continue;
          const at = lm.index + lm[0].indexOf(lm[2]!, lm[1]!.length);
          hits.push({ name, role: normaliseRole(lm[1]!), pos: sent.start + at, chair: !!lm[6], sentence: sent });
        }
      }
    }
  }
  for (const n of all) {
    const sentence = sentenceOf(section, n.start);
    mentions.push({ name: n.name, sentence });
  }
}

const LOWER_ATTEND = /\b(?:attend|attended|attends|presided|presides|chaired)\b/;
const LOWER_ROLE_NAME_VERB =
  /\b((?:(?:municipal|city|district|county|party|deputy|vice|executive)\s+)*(?:secretary|mayor|director|chairman|governor|magistrate|head))\s+([a-z]{1,6})\s+([a-z]{1,7})(?:\s+(?!to\b)([a-z]{1,6}))?\s+(?:to\s+)?(?:(attend(?:ed|s)?)|(presid(?:ed|es|e) over|chair(?:ed|s)?))\b/g;

/** "zhang weihao" / "zhang wei hao" → "Zhang Weihao" when it is a plausible romanised name. */
function lowercaseName(sur: string, a: string, b: string | undefined): string | null {
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const given = b ? a + b : a;
  const name = `${cap(sur)} ${cap(given)}`;
  return isPlausibleName(name) ? name : null;
}

/** Start of the clause that ends at `at`: after the last full stop/semicolon (and colon), never mid-list. */
function lastBoundary(s: string, at: number, speech = false): number {
  const head = s.slice(0, at);
  const m = speech ? /^[\s\S]*(?:[;:]|\bthat\b)\s*/.exec(head) : /^[\s\S]*[;:]\s*/.exec(head);
  return m ? m[0].length : 0;
}

function afterClauseVerb(s: string, from: number): number {
  if (from === 0) return lastBoundary(s, s.length);
  // skip the chair clause up to the next comma or "and"
  const rest = s.slice(from);
  const m = /^[^,;]*[,;]\s*/.exec(rest);
  return from + (m ? m[0].length : 0);
}

function sentenceOf(section: RawSection, pos: number): Span {
  for (const p of section.paragraphs) {
    if (pos < p.start || pos >= p.end) continue;
    for (const s of p.sentences) if (pos >= s.start && pos < s.end) return s;
    return p;
  }
  return { start: pos, end: pos };
}

// ---------------------------------------------------------------- Chinese

const ZH_TITLE =
  /(?:党组书记|副书记|书记|副市长|市长|副区长|区长|副县长|县长|副组长|组长|副主任|主任|副主席|主席|秘书长|副部长|部长|副局长|局长|厅长|处长|常委|委员|院长|检察长|领导|负责人|总经理|董事长|行长|校长|会长|理事长|主委|政委|镇长|乡长|社长|总编辑|巡视员|调研员|总监|代表)$/;
const ZH_ATTEND = /(?:主持召开|主持|出席|参加|列席|到会|致辞|作(?:了)?(?:重要)?讲话|发表(?:重要)?讲话|作(?:具体)?部署)/;
const ZH_CHAIR = /^(?:主持召开|主持)/;
const ZH_MENTION =
  /([\u4e00-\u9fff]{2,4}?)(?=新时代中国特色社会主义思想|同志为核心|总书记|同志在|重要讲话|重要指示|重要论述)/g;

/** "县委书记钱志远推介松河投资环境并": an office and a name opening a longer clause. */
function leadingRoleName(item: string): { role: string; name: string } | null {
  const re = new RegExp(ZH_TITLE.source.replace(/\$$/, ''), 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(item))) {
    const end = m.index + m[0].length;
    for (const len of [3, 2]) {
      const name = item.slice(end, end + len);
      // the name is followed by a verb-like continuation, never by another office word
      if (name.length === len && isPlausibleHanName(name) && !ZH_TITLE.test(item.slice(0, end + len))) {
        return { role: item.slice(0, end), name };
      }
    }
  }
  return null;
}

/** Split "市政府秘书长陈羔" into role and name; null when the item is not role+name. */
function splitRoleName(item: string): { role: string; name: string } | null {
  for (const len of [3, 2, 4]) {
    if (item.length < len) continue;
    const name = item.slice(item.length - len);
    const role = item.slice(0, item.length - len);
    if (!isPlausibleHanName(name)) continue;
    if (role === '' || ZH_TITLE.test(role)) {
      if (len === 4 && hanSurnameLength(name) !== 2) continue;
      return { role, name };
    }
  }
  return null;
}

/** "市委副书记、市长何立明" / "市领导冯海涛、曾秀英、蒋志远": role+name items separated by 、. */
function zhList(text: string, region: Span, sent: Span, out: Hit[]): void {
  let pendingRoles: string[] = [];
  let lastRole: string | null = null;
  let regionText = text.slice(region.start, region.end);
  let pos = region.start;
  // "会议由市长孙立新主持": the chair follows 由.
  const by = regionText.lastIndexOf('由');
  if (by !== -1) {
    pos += by + 1;
    regionText = regionText.slice(by + 1);
  }
  for (const item of regionText.split('、')) {
    // "王五等出席会议": 等 closes the list; "贺敏应邀列席": words between the name and the verb go
    const trimmed = item.trim().replace(/(?:等|应邀|也|均|分别|一同|共同|同志)+$/, '');
    const rn = splitRoleName(trimmed) ?? leadingRoleName(trimmed);
    if (rn) {
      const role: string | null = rn.role ? [...pendingRoles, rn.role].join('、') : lastRole;
      const start = pos + item.indexOf(rn.name, rn.role.length);
      out.push({ name: rn.name, role, pos: start, chair: false, sentence: sent });
      if (rn.role) lastRole = role;
      pendingRoles = [];
    } else if (ZH_TITLE.test(trimmed) && trimmed.length <= 20) {
      pendingRoles.push(trimmed);
    } else {
      pendingRoles = [];
      lastRole = null;
    }
    pos += item.length + 1;
  }
}

function zhPeople(text: string, section: RawSection, hits: Hit[], mentions: { name: string; sentence: Span }[]): void {
  for (const p of section.paragraphs) {
    for (const sent of p.sentences) {
      const s = text.slice(sent.start, sent.end);
      ZH_MENTION.lastIndex = 0;
      let mm: RegExpExecArray | null;
      while ((mm = ZH_MENTION.exec(s))) {
        // the longest plausible name ending right before the marker
        const cand = mm[1]!;
        for (let k = 0; k < cand.length - 1; k++) {
          const n = cand.slice(k);
          if (isPlausibleHanName(n) && (n.length === 3 || k === cand.length - 2)) {
            mentions.push({ name: n, sentence: sent });
            break;
          }
        }
      }
      // Clause by clause: a clause with 出席/参加/列席 takes the list clauses before it ("市领导A、B,
      // 秘书长C,…参加会议"); a clause with 主持 names its chair itself.
      let pending: Span[] = [];
      const clauseRe = /[^,，;；]+/g;
      let cm: RegExpExecArray | null;
      while ((cm = clauseRe.exec(s))) {
        const clause = { start: sent.start + cm.index, end: sent.start + cm.index + cm[0].length };
        const verb = ZH_ATTEND.exec(cm[0]);
        if (!verb) {
          pending.push(clause);
          continue;
        }
        const isChair = ZH_CHAIR.test(verb[0]);
        const own = { start: clause.start, end: clause.start + verb.index };
        const regions = isChair ? [own] : [...pending, own];
        const people: Hit[] = [];
        for (const r of regions) zhList(text, r, sent, people);
        if (isChair && people.length > 0) people[people.length - 1]!.chair = true;
        hits.push(...people);
        pending = [];
      }
    }
  }
}
