/** Property: whatever the query, every excerpt is verbatim, with offsets and highlights inside it. */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus } from '../../src/corpus/types.js';
import { createSearch, type DocketSearch } from '../../src/search/index.js';
import { EXCERPT_MAX_CHARS } from '../../src/search/limits.js';

let corpus: Corpus;
let s: DocketSearch;
let words: string[];
beforeAll(async () => {
  corpus = await loadCorpus('seeds');
  s = createSearch(corpus);
  words = [...new Set(corpus.reports.flatMap((r) => r.text.match(/[\p{L}\p{N}]+/gu) ?? []))];
});

function check(query: string): void {
  let hits;
  expect(() => (hits = s.search(query, { limit: 20 })), JSON.stringify(query)).not.toThrow();
  for (const h of hits!) {
    const text = s.reportText(h.reportId)!;
    const e = h.excerpt;
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.text.length).toBeGreaterThan(0);
    expect(e.end - e.start).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    const chunk = s.chunk(`${h.reportId}#${h.paragraphIndex}`)!;
    expect(e.start).toBeGreaterThanOrEqual(chunk.start);
    expect(e.end).toBeLessThanOrEqual(chunk.end);
    for (const hl of e.highlights) {
      expect(hl.start).toBeGreaterThanOrEqual(e.start);
      expect(hl.end).toBeLessThanOrEqual(e.end);
      expect(hl.end).toBeGreaterThan(hl.start);
    }
    expect(Number.isFinite(h.score) && h.score > 0 && h.score <= 1).toBe(true);
  }
}

describe('excerpts are verbatim for any query', () => {
  it('queries built from report words, slices, quotes and random Unicode', () => {
    const word = fc.integer({ min: 0, max: 1_000_000 }).map((i) => words[i % words.length]!);
    const slice = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })).map(([i, n]) => {
      const t = corpus.reports[i % corpus.reports.length]!.text;
      const at = i % Math.max(1, t.length - n);
      return t.slice(at, at + n);
    });
    const part = fc.oneof(word, word, slice, fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('"', '“', '”', ' ', '\u200b', '😀', '。', 'Ⅻ', 'ﬁ'));
    const query = fc.array(part, { minLength: 1, maxLength: 6 }).map((ps) => ps.join(' '));
    fc.assert(fc.property(query, (q) => check(q)), { numRuns: 300, seed: 20240117 });
  });

  it('edge cases', () => {
    for (const q of ['', ' ', '"', '""', '“营商环境”', 'a'.repeat(10_000), '\uD800', '\u0000x', '营', 'Zhao', 'the']) check(q);
  });
});
