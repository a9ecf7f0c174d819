/** Person-name helpers: romanising Han names (pinyin-pro) and the compact keys names are compared by. */
import { pinyin } from 'pinyin-pro';
import { foldText } from './tokenize.js';

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
/** Two-character surnames (the common ones); everything else takes the first character as the surname. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 申屠 澹台 轩辕 百里 呼延'.split(' '),
);

export function isHanName(name: string): boolean {
  return HAN_NAME.test(name);
}

const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** 吴庆文 → "Wu Qingwen" (surname, then the given name as one word); null for non-Han names. */
export function romanizeHanName(name: string): string | null {
  if (!isHanName(name)) return null;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }) as string[];
  if (syllables.length !== [...name].length) return null;
  const surnameLen = name.length >= 3 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? 2 : 1;
  const surname = syllables.slice(0, surnameLen).join('');
  const given = syllables.slice(surnameLen).join('');
  return given ? `${cap(surname)} ${cap(given)}` : cap(surname);
}

/** Case, spacing, punctuation and width folded away: "Zhao  Jian-jun" → "zhaojianjun". */
export function compactName(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]/gu, '');
}
