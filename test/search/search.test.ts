import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/search/index.js';
import { SAMPLE } from './helpers.js';

const s = createSearch(SAMPLE);
const textOf = (reportId: string) => SAMPLE.reports.find((r) => r.id === reportId)!.text;
const highlighted = (h: ReturnType<typeof s.search>[number]) =>
  h.excerpt.highlights.map((x) => textOf(h.reportId).slice(x.start, x.end));

describe('search on a hand-made corpus', () => {
  it('ANDs the words and returns verbatim excerpts with highlights', () => {
    const hits = s.search('promoting exports');
    expect(hits).toHaveLength(1);
    const h = hits[0]!;
    expect(h).toMatchObject({ meetingId: 'east-exec-5', paragraphIndex: 1, matchedVia: 'direct', language: 'en' });
    expect(textOf(h.reportId).slice(h.excerpt.start, h.excerpt.end)).toBe(h.excerpt.text);
    expect(highlighted(h)).toEqual(['promote', 'exports']);
  });

  it('requires quoted phrases to be adjacent and in order', () => {
    expect(s.search('"foreign trade"').filter((h) => h.matchedVia === 'direct')).toHaveLength(1);
    expect(s.search('"trade foreign"')).toEqual([]);
  });

  it('falls back to OR only when AND finds nothing, and returns nothing for nonsense', () => {
    expect(s.searchDetailed('trade zzzzqqq')).toMatchObject({ mode: 'or' });
    expect(s.search('trade zzzzqqq')[0]!.meetingId).toBe('east-exec-5');
    expect(s.search('xyzzy plugh')).toEqual([]);
    expect(s.search('qqqq')).toEqual([]);
  });

  it('finds Chinese terms inside sentences, Han runs adjacent only', () => {
    const hits = s.search('外资');
    expect(hits.map((h) => h.paragraphIndex)).toEqual([2]);
    expect(s.search('自贸片区').map((h) => h.paragraphIndex).sort()).toEqual([0, 1, 3]);
    expect(s.search('环境营商')).toEqual([]); // same bigram-ish letters, wrong order
  });

  it('expands through the glossary both ways and says so', () => {
    const en = s.search('business environment');
    expect(en.map((h) => [h.meetingId, h.matchedVia, h.language])).toEqual([
      ['east-exec-5', 'direct', 'en'],
      ['binjiang-ftz', 'glossary', 'zh'],
    ]);
    expect(highlighted(en[1]!)).toEqual(['营商环境']);
    const zh = s.search('营商环境');
    expect(zh.map((h) => h.matchedVia)).toEqual(['direct', 'glossary']);
  });

  it('matches person names adjacently, with typos, and Han names by pinyin', () => {
    expect(s.search('Lin Haoran').map((h) => h.paragraphIndex)).toEqual([0]);
    expect(s.search('Lin Haoram').map((h) => h.paragraphIndex)).toEqual([0]);
    const py = s.search('Zheng Wentao');
    expect(py.map((h) => [h.meetingId, h.matchedVia])).toEqual([['binjiang-ftz', 'pinyin']]);
    expect(highlighted(py[0]!)).toEqual(['郑文涛']);
  });

  it('prefix-matches only the last word', () => {
    expect(s.search('integrat').length).toBe(1);
    expect(s.search('integrat circuits').length).toBe(1); // fuzzy, not prefix, saves the first word
    // "inte" is not the last word (no prefix) and too short for fuzzy, so AND fails and OR keeps "circuits"
    expect(s.searchDetailed('inte circuits').mode).toBe('or');
  });

  it('filters by meeting, language, dates and place, and honours limit', () => {
    expect(s.search('business environment', { language: 'zh' }).map((h) => h.language)).toEqual(['zh']);
    expect(s.search('business environment', { meetingIds: ['east-exec-5'] })).toHaveLength(1);
    expect(s.search('business environment', { from: '2023-01-01' }).map((h) => h.meetingId)).toEqual(['east-exec-5']);
    expect(s.search('business environment', { to: '2022-12-31' }).map((h) => h.meetingId)).toEqual(['binjiang-ftz']);
    expect(s.search('business environment', { place: 'eastPORT' })).toHaveLength(1);
    expect(s.search('自贸片区', { limit: 2 })).toHaveLength(2);
  });

  it('refuses bad queries with a reason instead of throwing', () => {
    for (const q of ['', '   ', '!!!', '😀\u200b\u200d', '\u0000']) {
      expect(s.searchDetailed(q)).toMatchObject({ hits: [], problem: 'empty-query' });
    }
    expect(s.searchDetailed('trade '.repeat(2000))).toMatchObject({ hits: [], problem: 'query-too-long' });
    expect(s.searchDetailed(undefined as unknown as string).hits).toEqual([]);
  });

  it('live-swaps a report: replace and remove', () => {
    const t = createSearch(SAMPLE);
    t.removeReport('r2');
    expect(t.search('外资')).toEqual([]);
    expect(t.findPeople('郑文涛')).toEqual([]);
    const r2 = SAMPLE.reports[1]!;
    t.replaceReport(r2, [SAMPLE.sections[1]!]);
    expect(t.search('外资')).toHaveLength(1);
    expect(t.findPeople('郑文涛')[0]!.item.name).toBe('郑文涛');
  });
});

describe('entity lookups', () => {
  it('finds people despite case, spacing, order and one typo', () => {
    for (const q of ['lin haoran', 'LinHaoran', 'Haoran Lin', 'Lin Haoram', 'lin hao']) {
      expect(s.findPeople(q)[0]?.item.name, q).toBe('Lin Haoran');
    }
    expect(s.findPeople('Zheng Wentao')[0]!.item.name).toBe('郑文涛');
    expect(s.findPeople('文涛')[0]!.item.name).toBe('郑文涛');
    expect(s.findPeople('Nobody Here')).toEqual([]);
  });

  it('finds meetings and policy titles', () => {
    expect(s.findMeetings('executive meeting')[0]!.item.id).toBe('east-exec-5');
    expect(s.findMeetings('自贸片区')[0]!.item.id).toBe('binjiang-ftz');
    expect(s.findMeetings('binjiang-ftz')[0]!.item.id).toBe('binjiang-ftz');
    expect(s.findPolicies('business environment plan')[0]!.item.title).toMatch(/Business Environment/);
    expect(s.findMeetings('')).toEqual([]);
  });
});
