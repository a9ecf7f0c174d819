/**
 * Policy answers: named documents first (title, action, meeting, the sentence that names it), then
 * passages stating policy on the topic (from search), grouped by meeting. With no query: the catalogue.
 */
import type { MeetingSection } from '../corpus/types.js';
import { documentEntries } from './evidence.js';
import { type HitLike, hitExcerpt } from './hits.js';
import { cueScore } from './keypoints.js';
import type { CorpusView } from './refs.js';
import { newestFirst } from './resolve.js';
import type { DocumentEntry, Excerpt, MeetingRef } from './types.js';

/** Most excerpts shown per meeting in the mentions list. */
export const MENTIONS_PER_MEETING = 3;

export interface PolicyScope {
  /** Only this meeting (already resolved), or every meeting in range. */
  meeting?: MeetingSection;
  from?: string;
  to?: string;
}

export function inScope(section: MeetingSection, scope: PolicyScope): boolean {
  if (scope.meeting && section !== scope.meeting) return false;
  const d = section.meeting.date;
  if (scope.from && (d === null || d < scope.from)) return false;
  if (scope.to && (d === null || d > scope.to)) return false;
  return true;
}

export function scopedSections(view: CorpusView, scope: PolicyScope): MeetingSection[] {
  return view.corpus.sections.filter((s) => inScope(s, scope)).sort(newestFirst);
}

/** Every named document in scope, newest meeting first, in the order each report names them. */
export function catalogue(view: CorpusView, scope: PolicyScope): DocumentEntry[] {
  return scopedSections(view, scope).flatMap((s) => documentEntries(view, s));
}

/**
 * Documents whose title matches the query. A title holding every query term comes first (by how much of
 * the title the query covers), then the search layer's fuzzier title matches (`ranked`, best first).
 */
export function matchingDocuments(
  view: CorpusView,
  scope: PolicyScope,
  query: string,
  tokenize: (t: string) => string[],
  ranked: readonly string[],
  /** The same topic in other words (e.g. the glossary's other language): a title holding one matches too. */
  alternatives: readonly string[] = [],
): DocumentEntry[] {
  const terms = [...new Set(tokenize(query))];
  if (terms.length === 0) return [];
  const others = alternatives.map((a) => [...new Set(tokenize(a))]).filter((t) => t.length > 0);
  const scored: Array<{ doc: DocumentEntry; score: number }> = [];
  for (const doc of catalogue(view, scope)) {
    const titleTerms = new Set(tokenize(doc.title));
    const matched = terms.filter((t) => titleTerms.has(t)).length;
    const rank = ranked.findIndex((t) => t === doc.title);
    let score = 0;
    if (matched === terms.length) score = 2 + matched / Math.max(1, titleTerms.size);
    else if (others.some((alt) => alt.every((t) => titleTerms.has(t)))) score = 1.9;
    else if (rank >= 0) score = 1 + 1 / (2 + rank);
    if (score > 0) scored.push({ doc, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.doc);
}

/**
 * Passages on the topic, grouped by meeting: groups ordered by their best passage, passages by score.
 * A passage that states policy (the meeting's or a speaker's "must / emphasized / 要求") ranks a little higher.
 */
export function groupMentions(
  view: CorpusView,
  scope: PolicyScope,
  hits: readonly HitLike[],
  /** Excerpts already shown (the documents' own sentences): a mention repeating one adds nothing. */
  shown: readonly Excerpt[] = [],
): Array<{ meeting: MeetingRef; excerpts: Excerpt[]; best: number }> {
  const groups = new Map<string, { meeting: MeetingRef; items: Array<{ excerpt: Excerpt; score: number }> }>();
  const overlaps = (a: Excerpt, b: Excerpt) => a.file === b.file && a.start < b.end && b.start < a.end;
  for (const hit of hits) {
    const section = view.sections.get(hit.meetingId);
    if (!section || !inScope(section, scope)) continue;
    const excerpt = hitExcerpt(view, hit);
    if (!excerpt || shown.some((s) => overlaps(s, excerpt))) continue;
    // Bare 要 ("should") is in nearly every Chinese sentence, so only the stronger words count there.
    const stating = cueScore(excerpt.text) > 0 || /\b(?:must|should|necessary|need to)\b|必须|应当|务必/iu.test(excerpt.text);
    const score = hit.score * (stating ? 1.2 : 1);
    const g = groups.get(hit.meetingId) ?? { meeting: excerpt.meeting, items: [] };
    if (!g.items.some((i) => i.excerpt.start < excerpt.end && excerpt.start < i.excerpt.end)) g.items.push({ excerpt, score });
    groups.set(hit.meetingId, g);
  }
  return [...groups.values()]
    .map((g) => {
      const items = g.items.sort((a, b) => b.score - a.score);
      return { meeting: g.meeting, excerpts: items.slice(0, MENTIONS_PER_MEETING).map((i) => i.excerpt), best: items[0]?.score ?? 0 };
    })
    .sort((a, b) => b.best - a.best);
}
