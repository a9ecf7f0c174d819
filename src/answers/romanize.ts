/**
 * Pinyin spellings of Chinese place names ("苏州" → "suzhou"), so an English query for a place finds the
 * Chinese report about it. People's names are the search layer's job (src/search/names.ts); this is only
 * for the short place field of a meeting.
 */
import { pinyin } from 'pinyin-pro';

const HAN_RUN = /\p{Script=Han}+/gu;

const MEMO_LIMIT = 50_000;
const memo = new Map<string, string[]>();

/** Each Han run of `text` as one toneless pinyin word, in lower case; [] when there is no Han text. */
export function placePinyin(text: string): string[] {
  if (!/\p{Script=Han}/u.test(text)) return [];
  // Places repeat across meetings and every list filter asks again; pinyin conversion is not cheap.
  const known = memo.get(text);
  if (known) return known;
  const out: string[] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    const syllables = pinyin(m[0], { toneType: 'none', type: 'array', v: true }) as string[];
    const word = syllables.join('').toLowerCase();
    if (/^[a-z]+$/.test(word)) out.push(word);
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, out);
  return out;
}
