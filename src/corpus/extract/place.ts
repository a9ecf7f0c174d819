/**
 * Where a meeting was held, at the level the text names: a roundup heading ("Songhe District, Yunzhou"),
 * the subject of "X held/will hold …", or the place name the meeting's text uses most.
 */
import type { Span } from '../types.js';
import type { Found } from './title.js';
import { pinyinSyllableCount } from './names.js';

/** Capitalised words that are never a place on their own. */
const NOT_PLACES = new Set([
  'Party', 'State', 'Central', 'City', 'Municipal', 'People', 'Government', 'Committee', 'China', 'Chinese', 'Today',
  'Council', 'Province', 'Provincial', 'District', 'County', 'World', 'National', 'General', 'Secretary', 'The', 'This',
  'Our', 'Its', 'His', 'Her', 'Their', 'Mayor', 'Bureau', 'Office', 'Year', 'New', 'High', 'Zone', 'Area', 'Park',
  'Conference', 'Meeting', 'Session', 'Group', 'Commission', 'Congress', 'Communist', 'CPC', 'CPPCC', 'Economic',
  'Development', 'Investment', 'Promotion', 'Work', 'Plan', 'Policy', 'Policies', 'Measures', 'Action', 'Standing',
  'Leading', 'Last', 'Next', 'Every', 'All', 'It', 'In', 'On', 'At', 'A', 'An', 'Xi', 'Deputy', 'Vice', 'Director',
]);


export interface PlaceOptions {
  /** Words that are parts of people's names found in the text. */
  nameWords: ReadonlySet<string>;
}

/** The place word used most in English text, from place-shaped contexts ("X City", "X's", "in X"). */
/** How much of a meeting's text to read for its place: the place is named early, and this bounds the cost. */
const PLACE_SAMPLE = 12_000;

export function dominantPlaceEn(text: string, span: Span, opts: PlaceOptions): Found | null {
  const s = text.slice(span.start, Math.min(span.end, span.start + PLACE_SAMPLE));
  const candidates = new Map<string, number>();
  const consider = (w: string | undefined): void => {
    if (!w || NOT_PLACES.has(w) || opts.nameWords.has(w) || w.length < 3) return;
    if (!/^[A-Z][a-z]+$/.test(w)) return;
    candidates.set(w, 0);
  };
  const re = /\b([A-Z][a-z]+)(?:\s+(City|District|County|Municipality|Province|Prefecture|Town|Township|Municipal|New Area)\b|[’']s\b)|\b(?:in|to) ([A-Z][a-z]+)\b(?!\s+[A-Z])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) consider(m[1] ?? m[3]);
  if (candidates.size === 0) return lowercasePlace(s, span);
  // one pass: how often each candidate word occurs anywhere in the section
  const wr = /[A-Z][a-z]+/g;
  while ((m = wr.exec(s))) {
    const c = candidates.get(m[0]);
    if (c !== undefined) candidates.set(m[0], c + 1);
  }
  let best = '';
  let n = 0;
  for (const [w, c] of candidates) if (c > n) [best, n] = [w, c];
  if (!best) return null;
  // A district or county is named with its level ("Jinhe District"); a city by its name alone.
  const suffixes = new Map<string, number>();
  const sr = new RegExp(`\\b${best}\\s+(District|County|New Area)\\b`, 'g');
  let total = 0;
  while ((m = sr.exec(s))) {
    suffixes.set(m[1]!, (suffixes.get(m[1]!) ?? 0) + 1);
    total++;
  }
  const cityLike = (s.match(new RegExp(`\\b${best}\\s+(?:City|Municipal)\\b`, 'g')) ?? []).length;
  let value = best;
  for (const [suffix, c] of suffixes) if (c === total && c > cityLike) value = `${best} ${suffix}`;
  const idx = s.indexOf(value);
  return { start: span.start + idx, end: span.start + idx + value.length, value };
}

/** All-lowercase machine translation: "qiaolin city", "lanshan county" → the romanised name, capitalised. */
function lowercasePlace(s: string, span: Span): Found | null {
  const counts = new Map<string, { n: number; at: number; suffix: string }>();
  const re = /\b([a-z]{4,14}) (city|county|district|municipal)\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const w = m[1]!;
    if (pinyinSyllableCount(w) !== 2) continue; // place names are two syllables: "qiaolin", "lanshan"
    const c = counts.get(w);
    if (c) c.n++;
    else counts.set(w, { n: 1, at: m.index, suffix: m[2]! });
  }
  let best: [string, { n: number; at: number; suffix: string }] | null = null;
  for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
  if (!best) return null;
  const [w, info] = best;
  const name = w.charAt(0).toUpperCase() + w.slice(1);
  const value = info.suffix === 'county' || info.suffix === 'district' ? `${name} ${info.suffix.charAt(0).toUpperCase()}${info.suffix.slice(1)}` : name;
  return { start: span.start + info.at, end: span.start + info.at + w.length, value };
}

/** A roundup heading that is a place ("Qiaolin City", "Songhe District, Yunzhou"). */
export function placeFromHeading(heading: string): string | null {
  const t = heading.trim();
  if (/\p{Script=Han}/u.test(t)) {
    // "二、临川市", "(三)青阳县": drop the list number
    const v = t.replace(/^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*/, '');
    if (v.length > 12 || v.length < 2 || /会/.test(v)) return null;
    return v.replace(/市$/, '');
  }
  if (t.length > 60 || !/^[A-Z]/.test(t)) return null;
  const words = t.replace(/,/g, '').split(/\s+/);
  if (words.length > 6) return null;
  if (!words.every((w) => /^[A-Z][\w’'-]*$/.test(w))) return null;
  return t.replace(/\s+City$/, '');
}

/** "Taoling will hold …", "Jinhe District held …": the subject of the announcing verb. */
export function placeFromSubject(text: string, span: Span): Found | null {
  const s = text.slice(span.start, Math.min(span.end, span.start + 400));
  const m = /(?:^|,\s+)((?:[A-Z][a-z]+)(?:\s(?:City|District|County|New Area|High-tech Zone|Province))?)\s+(?:will hold|held|holds|convened|convenes|hosted)\b/.exec(s);
  if (!m) return null;
  const word = m[1]!.split(/\s/)[0]!;
  if (NOT_PLACES.has(word)) return null;
  const value = m[1]!.replace(/\s+City$/, '');
  const start = span.start + m.index + m[0].indexOf(m[1]!);
  return { start, end: start + value.length, value };
}

/** Chinese: the place name opening a meeting or body name ("青阳市政府…" → 青阳, "临川自贸片区…" → 临川). */
export function placeFromZhName(name: Found): Found | null {
  const v = name.value.replace(/^中国\s*[(（][^)）]{1,6}[)）]/, '');
  const offset = name.value.length - v.length;
  const m = /^([\u4e00-\u9fff]{2,4}?)(?:市|区|县|自贸|高新|经开|开发区|新区|片区|工业园|省)/.exec(v);
  if (!m) return null;
  const value = m[1]!;
  if (/^(?:全市|全区|全县|本市|我市|市委|市政|区委|县委|省委)/.test(value)) return null;
  // the place as the text writes it, inside the meeting name
  const start = name.start + offset;
  return { start, end: start + value.length, value };
}

/** Two-character words before 市 that are not a city's name. */
const NOT_CITY = new Set(['全市', '本市', '我市', '城市', '各市', '该市', '副市', '省市', '县市', '都市', '上市', '超市', '股市', '楼市', '入市', '开市', '门市', '夜市', '集市', '街市', '地市', '市市', '坊市', '设市', '在市', '和市', '与市', '及市', '由市', '向市']);

/** Chinese: the city the text names most ("临川市…" three times → 临川). */
export function dominantPlaceZh(text: string, span: Span): Found | null {
  const s = text.slice(span.start, span.end);
  const counts = new Map<string, { n: number; at: number }>();
  const re = /([\u4e00-\u9fff]{2})市/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const w = m[1]!;
    if (NOT_CITY.has(w + '市') || NOT_CITY.has(w) || /[市区县省委的在和与及了是为对把将从]/.test(w)) continue;
    const c = counts.get(w);
    if (c) c.n++;
    else counts.set(w, { n: 1, at: m.index });
  }
  let best: [string, { n: number; at: number }] | null = null;
  for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
  if (!best) return null;
  return { start: span.start + best[1].at, end: span.start + best[1].at + 2, value: best[0] };
}

