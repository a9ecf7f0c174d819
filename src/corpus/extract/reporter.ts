/** The reporter: "(Zhou Ruiqi)" closing the article, "记者 田甜", "Reporter: …". */
import type { RawSection } from '../split.js';
import type { Found } from './title.js';
import { isPlausibleName, isPlausibleHanName } from './names.js';

export function extractReporter(text: string, section: RawSection, language: 'en' | 'zh'): Found | null {
  const paras = section.paragraphs;
  // The byline sits at the end: look at the last few paragraphs only.
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 3); i--) {
    const p = paras[i]!;
    const s = text.slice(p.start, p.end);
    let m = /[(（]\s*([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\s*[)）]\s*$/.exec(s);
    if (m && isPlausibleName(m[1]!)) return at(p.start, m, 1);
    m = /(?:^|[\s(（])(?:Reporter|Correspondent|Written by|By)\s*[:：]?\s*([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\s*[)）]?\s*$/.exec(s);
    if (m && isPlausibleName(m[1]!)) return at(p.start, m, 1);
    m = /(?:^|[\s(（|｜])(?:记者|本报记者|通讯员|文\/|文)\s*[:：]?\s*([\u4e00-\u9fff]{2,4})(?:\s|[)）]|$)/.exec(s);
    if (m && isPlausibleHanName(m[1]!)) return at(p.start, m, 1);
    if (language === 'zh' && i === paras.length - 1) continue;
  }
  return null;
}

function at(base: number, m: RegExpExecArray, group: number): Found {
  const v = m[group]!;
  const start = base + m.index + m[0].indexOf(v);
  return { start, end: start + v.length, value: v };
}
