import { describe, expect, it } from 'vitest';
import { rougeRecall, rougeUnits } from '../../src/answers/rouge.js';

describe('rougeUnits', () => {
  it('lowercases English words, drops punctuation, splits Han per character', () => {
    expect(rougeUnits('The Meeting, pointed-out!')).toEqual(['the', 'meeting', 'pointed', 'out']);
    expect(rougeUnits('营商环境 and 2023')).toEqual(['营', '商', '环', '境', 'and', '2023']);
  });
});

describe('rougeRecall', () => {
  it('is 1 for identical text and 0 for disjoint text', () => {
    expect(rougeRecall('foreign trade policy', 'foreign trade policy', 1)).toBe(1);
    expect(rougeRecall('foreign trade policy', 'foreign trade policy', 2)).toBe(1);
    expect(rougeRecall('river lakes', 'foreign trade', 1)).toBe(0);
  });
  it('computes clipped unigram and bigram recall', () => {
    // reference unigrams: the, cat, sat, on, the, mat (6); candidate has "the" once, cat, mat
    expect(rougeRecall('the cat and a mat', 'the cat sat on the mat', 1)).toBeCloseTo(3 / 6);
    // reference bigrams: the cat, cat sat, sat on, on the, the mat (5); candidate has "the cat"
    expect(rougeRecall('the cat and a mat', 'the cat sat on the mat', 2)).toBeCloseTo(1 / 5);
  });
  it('scores Chinese per character', () => {
    expect(rougeRecall('优化营商环境', '营商环境', 1)).toBe(1);
    expect(rougeRecall('营商', '营商环境', 1)).toBeCloseTo(0.5);
    expect(rougeRecall('营商', '营商环境', 2)).toBeCloseTo(1 / 3);
  });
  it('is 0 against an empty reference', () => {
    expect(rougeRecall('anything', '', 1)).toBe(0);
    expect(rougeRecall('anything', '  ,. ', 2)).toBe(0);
  });
});
