import { describe, expect, it } from 'vitest';
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
});
