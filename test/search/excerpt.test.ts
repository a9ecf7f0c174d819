import { describe, expect, it } from 'vitest';
import { buildExcerpt, mergeSpans } from '../../src/search/excerpt.js';
import { EXCERPT_MAX_CHARS } from '../../src/search/limits.js';
import { paragraphsOf } from './helpers.js';

const sentence = (i: number) => `Sentence number ${i} talks about ordinary municipal matters at some length here. `;

describe('buildExcerpt', () => {
  it('quotes a short paragraph whole, trimmed', () => {
    const text = 'Title\n  The meeting discussed foreign trade.  \nEnd';
    const [, p] = paragraphsOf(text);
    const e = buildExcerpt(text, p!, [{ start: text.indexOf('foreign'), end: text.indexOf('foreign') + 7, unit: 0 }]);
    expect(e.text).toBe('The meeting discussed foreign trade.');
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.highlights).toEqual([{ start: text.indexOf('foreign'), end: text.indexOf('foreign') + 7 }]);
  });

  it('centres a long paragraph on the densest cluster of distinct terms, snapped to sentences', () => {
    let body = '';
    for (let i = 0; i < 20; i++) body += sentence(i);
    body += 'Here foreign trade and the business environment meet. ';
    for (let i = 20; i < 40; i++) body += sentence(i);
    body += 'A lone mention of trade. ';
    const text = body.trimEnd();
    const [p] = paragraphsOf(text);
    const at = (w: string, from = 0) => text.indexOf(w, from);
    const marks = [
      { start: at('trade'), end: at('trade') + 5, unit: 1 },
      { start: at('foreign'), end: at('foreign') + 7, unit: 0 },
      { start: at('business'), end: at('business') + 8, unit: 2 },
      { start: text.lastIndexOf('trade'), end: text.lastIndexOf('trade') + 5, unit: 1 },
    ];
    const e = buildExcerpt(text, p!, marks);
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.text).toContain('Here foreign trade and the business environment meet.');
    expect(e.end - e.start).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(e.text).toMatch(/^[A-Z]/); // starts at a sentence
    expect(e.text).toMatch(/\.$/); // ends at one
    expect(e.highlights.map((h) => text.slice(h.start, h.end))).toEqual(['foreign', 'trade', 'business']);
  });

  it('snaps to word boundaries inside one very long sentence and never splits a surrogate pair', () => {
    const text = `${'word😀 '.repeat(120)}target ${'more😀 '.repeat(120)}`;
    const p = { start: 0, end: text.length, sentences: [{ start: 0, end: text.length }] };
    const t = text.indexOf('target');
    const e = buildExcerpt(text, p, [{ start: t, end: t + 6, unit: 0 }]);
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.end - e.start).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(e.text).toContain('target');
    expect(/^\s|\s$/.test(e.text)).toBe(false);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(e.text)).toBe(false);
  });

  it('merges overlapping Han bigram marks into one highlight', () => {
    expect(mergeSpans([{ start: 4, end: 6 }, { start: 0, end: 2 }, { start: 5, end: 7 }, { start: 1, end: 3 }])).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 7 },
    ]);
  });
});
