/** Building verbatim evidence, and finding the sentence that holds a position. */
import type { Evidence, Paragraph, Span } from '../types.js';

export function makeEvidence(text: string, field: Evidence['field'], value: string, span: Span): Evidence {
  return { field, value, start: span.start, end: span.end, excerpt: text.slice(span.start, span.end) };
}

/** The sentence (or, failing that, the paragraph) containing [start,end). */
export function sentenceAround(paragraphs: readonly Paragraph[], start: number, end = start): Span {
  for (const p of paragraphs) {
    if (start < p.start || start >= p.end) continue;
    for (const s of p.sentences) if (start >= s.start && start < s.end) {
      return { start: s.start, end: Math.max(s.end, Math.min(end, p.end)) };
    }
    return { start: p.start, end: p.end };
  }
  return { start, end };
}

/** Collapse runs of whitespace; unify quotes. Used to compare and print values, never to slice. */
export function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
