import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/search/index.js';
import { createAnswerService } from '../../src/answers/index.js';
import { MAX_INPUT_LENGTH } from '../../src/answers/input.js';
import { corpus } from './sample.js';

const search = createSearch(corpus);
const errors: unknown[] = [];
const service = createAnswerService({ corpus, search, onError: (e) => errors.push(e) });

describe('answer service over a hand-made corpus', () => {
  it('summarizes a resolved meeting and offers candidates when ambiguous', () => {
    const s = service.summarize('lanfeng 7th');
    expect(s.kind).toBe('summary');
    const c = service.summarize('2023-05-09');
    expect(c.kind).toBe('candidates');
    if (c.kind === 'candidates') expect(c.candidates.map((m) => m.place).sort()).toEqual(['Hedong', '河东']);
    expect(service.summarize('zebra carnival')).toEqual({ kind: 'candidates', query: 'zebra carnival', candidates: [] });
  });

  it('refuses empty and overlong input with notices, never throwing', () => {
    for (const bad of ['', '   ', '\u200b\u200b', '!!!']) expect(service.summarize(bad)).toMatchObject({ kind: 'notice', code: 'empty-query' });
    expect(service.search('x'.repeat(MAX_INPUT_LENGTH + 5))).toMatchObject({ kind: 'notice', code: 'query-too-long' });
    expect(service.meetings({ from: '2023-13-01' })).toMatchObject({ kind: 'notice', code: 'bad-input' });
    expect(service.meetings({ language: 'fr' as never })).toMatchObject({ kind: 'notice', code: 'bad-input' });
    expect(errors).toEqual([]);
  });

  it('finds a person by Han name and by pinyin, with a one-letter typo', () => {
    for (const q of ['马启云', 'Ma Qiyun', 'ma qiyn', 'MA  QIYUN']) {
      const p = service.person(q);
      expect(p.kind, q).toBe('person');
      if (p.kind === 'person') expect(p.results.map((r) => r.status), q).toContain('chaired');
    }
    const none = service.person('Zorro Quux');
    expect(none).toMatchObject({ kind: 'person', results: [] });
  });

  it('answers policy questions: named documents first, then mentions; catalogue without a query', () => {
    const p = service.policies({ query: 'river clean-up' });
    expect(p.kind).toBe('policies');
    if (p.kind !== 'policies') return;
    expect(p.documents[0]?.title).toBe('Lanfeng River Clean-up Plan (2024-2026)');
    expect(p.mentions.length).toBeGreaterThan(0);
    const all = service.policies({});
    if (all.kind !== 'policies') throw new Error(all.kind);
    expect(all.documents.map((d) => d.title)).toEqual(['Lanfeng River Clean-up Plan (2024-2026)', 'Measures for Supporting Small Traders']);
    expect(service.policies({ query: 'river', meeting: 'hedong standing committee' }).kind).toBe('notice');
    expect(service.policies({ query: 'river', meeting: '2023-05-09' }).kind).toBe('candidates');
  });

  it('searches with filters and paginates', () => {
    const s = service.search('flood control');
    expect(s.kind).toBe('search');
    if (s.kind !== 'search') return;
    expect(s.hits.every((h) => h.excerpt.meeting.id.startsWith('hedong'))).toBe(true);
    const zh = service.search('flood control', { language: 'zh' });
    if (zh.kind === 'search') expect(zh.hits.every((h) => h.excerpt.language === 'zh')).toBe(true);
    expect(service.search('flood control', { place: 'Lanfeng' }).kind).toBe('notice');
    const page = service.search('river', { perPage: 1, page: 99 });
    if (page.kind === 'search') expect(page.page.page).toBe(page.page.pageCount);
  });

  it('lists meetings newest first with filters', () => {
    const all = service.meetings();
    expect(all.kind === 'meetings' && all.meetings.map((m) => m.date)).toEqual(['2024-03-03', '2023-05-09', '2023-05-09']);
    const byPerson = service.meetings({ person: 'Su Lan' });
    expect(byPerson.kind === 'meetings' && byPerson.meetings.map((m) => m.id)).toEqual(['hedong-2023-05-09-standing-committee']);
    expect(service.meetings({ place: 'Atlantis' })).toMatchObject({ kind: 'notice', code: 'no-results' });
  });

  it('autocompletes meetings (latest first when empty; exact, prefix, contains tiers), people and policies', () => {
    const latest = service.suggestMeetings('');
    expect(latest[0]).toEqual({ name: 'The municipal government held its 7th executive meeting · 2024-03-03 · Lanfeng', value: 'lanfeng-2024-03-03-7th-executive-meeting' });
    expect(service.suggestMeetings('河东')[0]?.value).toBe('hedong-zh-2023-05-09-changweihui');
    expect(service.suggestMeetings('hed').map((s) => s.value)).toEqual(expect.arrayContaining(['hedong-2023-05-09-standing-committee']));
    expect(service.suggestPeople('ma q').map((s) => s.value)).toContain('Ma Qiyun');
    expect(service.suggestPolicies('measures')[0]?.value).toBe('Measures for Supporting Small Traders');
    expect(service.suggestPolicies('').length).toBeGreaterThan(0);
    for (const f of [service.suggestMeetings, service.suggestPeople, service.suggestPolicies]) {
      expect(f('\u0000'.repeat(5000)).length).toBeLessThanOrEqual(25);
    }
  });

  it('turns an internal failure into an error notice', () => {
    const broken = createAnswerService({
      corpus,
      search: () => {
        throw new Error('index gone');
      },
      onError: (e) => errors.push(e),
    });
    expect(broken.search('river')).toMatchObject({ kind: 'notice', code: 'internal-error', level: 'error' });
    expect(broken.suggestPeople('ma')).toEqual([]);
    expect(errors).toHaveLength(2);
  });
});
