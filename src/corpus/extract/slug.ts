/** Readable, stable ids: place, date and the meeting's name, as ASCII words. */
import { pinyin } from 'pinyin-pro';

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'its', 'held', 'was', 'were', 'is', 'on', 'in', 'at', 'to', 'for', 'city', 'municipal']);

export function asciiWords(s: string): string[] {
  let t = s;
  if (/\p{Script=Han}/u.test(t)) {
    // the slug keeps a few words only: romanise just the start
    t = pinyin(t.slice(0, 24), { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ');
  }
  return t
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export function meetingSlug(place: string | null, date: string | null, title: string, fallback: string): string {
  const parts: string[] = [];
  if (place) parts.push(...asciiWords(place).slice(0, 4));
  if (date) parts.push(date);
  const placeWords = new Set(parts);
  const titleWords = asciiWords(title).filter((w) => !STOP.has(w) && !placeWords.has(w));
  parts.push(...titleWords.slice(0, 6));
  const slug = parts.join('-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '');
  return slug || asciiWords(fallback).join('-') || 'meeting';
}
