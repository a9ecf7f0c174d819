/** The reporter: "(Zhou Ruiqi)" closing the article, "记者 田甜", "Reporter: …". */
import type { RawSection } from '../split.js';
import type { Found } from './title.js';
import { isPlausibleName, isPlausibleHanName } from './names.js';

/** How many closing paragraphs may hold the byline. */
const BYLINE_PARAGRAPHS = 3;

const EN_PAREN = /[(（]\s*([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\s*[)）]\s*$/;
const EN_LABEL = /(?:^|[\s(（|])(?:Reporter|Correspondent|Written by|By)\s*[:：]?\s*([A-Z][a-z]+ [A-Z][a-z]+)(?![a-z])/;
/** 记者 before 通讯员: the reporter, not the correspondent, when both are named. */
const ZH_LABELS = [/(?:本报记者|记者)\s*[:：]?\s*([\u4e00-\u9fff]{2,6})/, /(?:通讯员|文\s*[/／]|撰稿)\s*[:：]?\s*([\u4e00-\u9fff]{2,6})/];
/** Words that follow a byline name: 田甜报道, 王芳摄. */
const ZH_BYLINE_WORD = /报道|摄影|摄|整理|编辑|通讯员|实习生|见习记者/;

export function extractReporter(text: string, section: RawSection, _language: 'en' | 'zh'): Found | null {
  const paras = section.paragraphs.slice(-BYLINE_PARAGRAPHS).reverse();
  for (const p of paras) {
    const s = text.slice(p.start, p.end);
    let m = EN_PAREN.exec(s);
    if (m && isPlausibleName(m[1]!)) return at(p.start, m, m[1]!);
    if (s.length <= 300) {
      m = EN_LABEL.exec(s);
      if (m && isPlausibleName(m[1]!)) return at(p.start, m, m[1]!);
    }
  }
  for (const re of ZH_LABELS) {
    for (const p of paras) {
      const s = text.slice(p.start, p.end);
      if (s.length > 300) continue;
      const m = re.exec(s);
      if (!m) continue;
      // "田甜报道", "田甜 通讯员 王芳": the name ends where the next byline word starts
      const run = m[1]!.split(ZH_BYLINE_WORD)[0]!;
      const name = [run, run.slice(0, 3), run.slice(0, 2)].find((n) => n.length >= 2 && n.length <= 4 && isPlausibleHanName(n));
      if (name) return at(p.start, m, name);
    }
  }
  return null;
}

function at(base: number, m: RegExpExecArray, value: string): Found {
  const start = base + m.index + m[0].indexOf(value);
  return { start, end: start + value.length, value };
}
