/**
 * The body that held the meeting ("Yunzhou Municipal Government", "Taoling Municipal Party Committee"),
 * read from the meeting's name first, then from a roundup heading, then from the organisation of the
 * first person named at the meeting.
 */
import type { Paragraph, Span } from '../types.js';
import type { RawSection } from '../split.js';
import type { Found } from './title.js';
import { sentenceAround } from './evidence.js';
import { ZH_MEETING_KINDS } from '../patterns.js';

export interface BodyInput {
  title: string;
  announcing: Found | null;
  place: string | null;
  heading: string | null;
  attendees: { name: string; role: string | null; pos: number }[];
  paragraphs: Paragraph[];
}

export interface FoundBody {
  value: string;
  span: Span;
}

function withPlace(org: string, place: string | null): string {
  if (!place) return org;
  const core = place.split(/[\s,]/)[0]!;
  return org.includes(core) ? org : `${core} ${org}`;
}

function titleCaseWords(s: string): string {
  return s.replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\b(Of|The|And)\b/g, (w) => w.toLowerCase());
}

export function extractBody(text: string, section: RawSection, language: 'en' | 'zh', input: BodyInput): FoundBody | null {
  const { title, place } = input;
  const titleEvidence = (): Span => {
    const idx = input.announcing ? input.announcing.start : section.span.start;
    return sentenceAround(input.paragraphs, idx, idx);
  };
  if (language === 'zh') {
    const name = input.announcing?.value ?? title;
    let org = name
      .replace(/第?[一二三四五六七八九十百\d]+届/, '')
      .replace(new RegExp(`(?:第[〇零一二三四五六七八九十百\\d]+次)?(?:\\d{4}年)?(?:扩大|全体|常务|专题|主任|主席)?(?:[(（][^)）]{1,6}[)）])?(?:${ZH_MEETING_KINDS})(?:召开)?$`), '')
      .replace(/(?:常委会|常务会)$/, '$&');
    // "龙潭区2024年招商引资工作推进会": what is left names a task, not a body; the convener's office says who.
    if (!org || org === name || !ZH_ORG_END.test(org)) return zhBodyFromRole(text, input) ?? null;
    if (/^(?:市|区|县)/.test(org) && place) org = joinZh(place, org);
    return { value: org, span: titleEvidence() };
  }
  // "Plenary Session of the 13th X Municipal Committee of the Communist Party of China"
  let m = /Plenary Session of the (?:\d+(?:st|nd|rd|th) )?(.+?)(?: and the |$)/.exec(title);
  if (m) {
    const org = m[1]!.replace(/ of the Communist Party of China$/, ' of the CPC');
    return { value: withPlace(org, place), span: titleEvidence() };
  }
  if (input.heading) return { value: input.heading, span: titleEvidence() };
  m = /\b((?:municipal|city|district|county|provincial) (?:people['’]s )?government)\b/i.exec(title);
  if (m) return { value: withPlace(titleCaseWords(m[1]!.toLowerCase()), place), span: titleEvidence() };
  // CPPCC and people's congress standing committees: "<Place> County CPPCC Standing Committee"
  m = /\b((?:[A-Z][a-z]+ )?(?:Municipal|District|County|City) (?:CPPCC|People['’]s Congress))\b/.exec(title);
  if (m) {
    const org = /Standing Committee/.test(title) ? `${m[1]!} Standing Committee` : m[1]!;
    return { value: withPlace(org, place), span: titleEvidence() };
  }
  m =
    /\b(Municipal|District|County|City) (?:Party Committee )?Standing Committee\b/i.exec(title) ??
    (/Standing Committee/.test(title) ? /\b(Municipal|District|County|City) Party Committee\b/i.exec(title) : null);
  if (m && !/Congress|CPPCC|Political Consultative/i.test(title)) {
    return { value: withPlace(`${titleCaseWords(m[1]!.toLowerCase())} Party Committee Standing Committee`, place), span: titleEvidence() };
  }
  m = /\b((?:Municipal|District|County|City) (?:CPPCC|Committee of the CPPCC|People['’]s Congress))(?: Standing Committee)?/i.exec(title);
  if (m) return { value: withPlace(m[0], place), span: titleEvidence() };
  // A national meeting names no place: its name is its body ("Central Economic Work Conference").
  if (!place) return /^[A-Z]/.test(title) ? { value: title, span: titleEvidence() } : null;
  // The organisation of the first person placed at the meeting.
  const first = [...input.attendees].sort((a, b) => a.pos - b.pos)[0];
  if (first?.role) {
    const r = first.role;
    let org: string | null = null;
    const om = /\b(?:Secretary|Deputy Secretary) of the ((?:Municipal|District|County|Provincial) Party Committee)\b/.exec(r);
    const short = /\b(Municipal|District|County|City) Party (?:Committee )?Secretary\b/.exec(r);
    if (om) org = om[1]!;
    else if (short) org = `${short[1] === 'City' ? 'Municipal' : short[1]!} Party Committee`;
    else if (/\bMayor\b/.test(r)) org = 'Municipal Government';
    else if (/\b(?:District Mayor|District Head)\b/.test(r)) org = 'District Government';
    if (org) return { value: withPlace(org, place), span: sentenceAround(input.paragraphs, first.pos, first.pos) };
  }
  return null;
}

/** What an organisation's name ends with; anything else left of the meeting noun is a task ("一季度经济运行"). */
const ZH_ORG_END = /(?:委员会|常委会|党委|党组|市委|区委|县委|省委|工委|政府|人大|政协|领导小组|工作组|小组|管委会|办公室|指挥部|局|厅|部|委|院|协会|商会|联合会|集团|公司)$/;

/** 松河县 + 县委 → 松河县委; 青阳 + 市政府 → 青阳市政府. */
function joinZh(place: string, org: string): string {
  return place.endsWith(org.charAt(0)) ? place + org.slice(1) : place + org;
}

function zhBodyFromRole(text: string, input: BodyInput): FoundBody | null {
  const first = [...input.attendees].sort((a, b) => a.pos - b.pos)[0];
  if (!first?.role || !input.place) return null;
  const party = /^(市委|区委|县委)/.exec(first.role);
  const gov = /(市长|区长|县长)/.exec(first.role);
  // the office's level must fit the place: a 县委书记 speaks for "松河县", not for the venue "上海"
  const level = (party?.[1] ?? gov?.[1] ?? '').charAt(0);
  if (!level || !text.includes(joinZh(input.place, level))) return null;
  let org: string | null = null;
  if (party) org = joinZh(input.place, party[1]!);
  else if (gov) org = joinZh(input.place, `${gov[1]!.charAt(0)}政府`);
  if (!org) return null;
  return { value: org, span: sentenceAround(input.paragraphs, first.pos, first.pos) };
}
