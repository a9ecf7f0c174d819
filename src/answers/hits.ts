/**
 * Search hits (from src/search) → answer excerpts. A hit whose text no longer matches its report
 * (a stale index after a live edit) is dropped rather than quoted: a citation must never lie.
 */
import type { Language, Span } from '../corpus/types.js';
import { type CorpusView, makeExcerpt } from './refs.js';
import type { Excerpt } from './types.js';

/** The part of the search layer's `SearchHit` the answer layer reads. */
export interface HitLike {
  meetingId: string;
  score: number;
  language: Language;
  excerpt: { text: string; start: number; end: number; highlights: Span[] };
}

export function hitExcerpt(view: CorpusView, hit: HitLike): Excerpt | null {
  const section = view.sections.get(hit.meetingId);
  if (!section) return null;
  const e = makeExcerpt(view, section, hit.excerpt, hit.excerpt.highlights, hit.language);
  return e && e.text === hit.excerpt.text ? e : null;
}
