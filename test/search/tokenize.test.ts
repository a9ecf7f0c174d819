import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { tokenSpans, tokenize } from '../../src/search/tokenize.js';

describe('tokenize', () => {
  it('splits Han runs into overlapping bigrams and keeps a lone Han character', () => {
    expect(tokenize('优化营商环境')).toEqual(['优化', '化营', '营商', '商环', '环境']);
    expect(tokenize('港')).toEqual(['港']);
    expect(tokenize('自贸区FTZ建设')).toEqual(['自贸', '贸区', 'ftz', '建设']);
  });

  it('folds case, width and quotes, stems English and drops stop words', () => {
    expect(tokenize('The Policies of Promoting')).toEqual(['polici', 'promot']);
    expect(tokenize('ＦＯＲＥＩＧＮ　Trade')).toEqual(['foreign', 'trade']);
    expect(tokenize('Wuxi City’s plan')).toEqual(tokenize("Wuxi City's plan"));
    expect(tokenize('Wuxi City’s plan')).toEqual(['wuxi', 'citi', 'plan']);
  });

  it('keeps offsets into the original text, even through NFKC expansion and astral characters', () => {
    const text = '“ﬁnance” 😀 营商环境, Trade';
    for (const t of tokenSpans(text)) {
      expect(t.start).toBeGreaterThanOrEqual(0);
      expect(t.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
    }
    const fin = tokenSpans(text).find((t) => t.term === 'financ');
    expect(fin && text.slice(fin.start, fin.end)).toBe('ﬁnance');
    const hj = tokenSpans(text).find((t) => t.term === '环境')!;
    expect(text.slice(hj.start, hj.end)).toBe('环境');
    expect(tokenSpans('Trade', 100)[0]).toMatchObject({ start: 100, end: 105 });
  });

  it('treats emoji, zero-width and punctuation as separators, never throws', () => {
    expect(tokenize('😀\u200b\u200d!!!')).toEqual([]);
    expect(tokenize('foo\u200bbar')).toEqual(['foo', 'bar']);
    expect(tokenize('\uD800 lone surrogate')).toEqual(['lone', 'surrog']);
  });

  it('the ASCII fast path gives the same tokens and offsets as the general path', () => {
    // U+3000 (ideographic space) is a separator like " ", but forces every stretch through the general path.
    const general = (t: string) => tokenSpans(t.replace(/ /g, '\u3000'));
    for (const f of readdirSync('seeds')) {
      const t = readFileSync(`seeds/${f}`, 'utf8');
      expect(tokenSpans(t), f).toEqual(general(t));
    }
    const unit = fc.constantFrom(...'ab Z9\'`".,-é营商ﬁ'.split(''), '\u3000', '😀');
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), (t) => {
      expect(tokenSpans(t)).toEqual(general(t));
    }), { numRuns: 2000, seed: 7 });
  });
});
