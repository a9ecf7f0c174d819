import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/search/tokenize.js';
import { attendeesOf, personAcross } from '../../src/answers/attendees.js';
import { cleanDate, cleanInput, cleanPaging, MAX_INPUT_LENGTH, normalizeInput } from '../../src/answers/input.js';
import { cueScore, positionScore, rankKeyPoints, type SentenceCandidate } from '../../src/answers/keypoints.js';
import { filterMeetings } from '../../src/answers/meetings.js';
import { paginate } from '../../src/answers/page.js';
import { viewCorpus } from '../../src/answers/refs.js';
import { dateInQuery, resolveMeeting } from '../../src/answers/resolve.js';
import { placePinyin } from '../../src/answers/romanize.js';
import { bodySentences, printedDate, summarizeSection } from '../../src/answers/summarize.js';
import { corpus, LANFENG } from './sample.js';

const view = viewCorpus(corpus);
const section = (id: string) => view.sections.get(id)!;
const lanfeng = section('lanfeng-2024-03-03-7th-executive-meeting');

describe('input hygiene', () => {
  it('trims, applies NFKC, drops control and zero-width characters', () => {
    expect(normalizeInput('  Ｗｕｘｉ\u200b\u0007 \n 21st  ')).toBe('Wuxi 21st');
    expect(normalizeInput(42)).toBe('');
  });
  it('refuses empty, punctuation-only and too long input with a notice', () => {
    const empty = cleanInput('  \u200b ');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.notice.code).toBe('empty-query');
    const punct = cleanInput('?!…');
    expect(!punct.ok && punct.notice.code).toBe('empty-query');
    const long = cleanInput('a'.repeat(MAX_INPUT_LENGTH + 1));
    expect(!long.ok && long.notice.code).toBe('query-too-long');
    expect(cleanInput('a'.repeat(MAX_INPUT_LENGTH))).toEqual({ ok: true, text: 'a'.repeat(MAX_INPUT_LENGTH) });
  });
  it('accepts real calendar dates only', () => {
    expect(cleanDate('2024-2-29', 'from')).toEqual({ ok: true, date: '2024-02-29' });
    expect(cleanDate('2023-02-29', 'from').ok).toBe(false);
    expect(cleanDate('yesterday', 'from').ok).toBe(false);
    expect(cleanDate(' ', 'from')).toEqual({ ok: true, date: undefined });
  });
  it('clamps paging', () => {
    expect(cleanPaging({ page: -3, perPage: 1000 }, 5)).toEqual({ page: 1, perPage: 25 });
    expect(cleanPaging(undefined, 5)).toEqual({ page: 1, perPage: 5 });
  });
});

describe('paginate', () => {
  it('clamps out-of-range pages and reports totals', () => {
    const items = [1, 2, 3, 4, 5];
    expect(paginate(items, 2, 2)).toEqual({ items: [3, 4], page: { page: 2, pageCount: 3, total: 5 } });
    expect(paginate(items, 9, 2).items).toEqual([5]);
    expect(paginate([], 3, 2)).toEqual({ items: [], page: { page: 1, pageCount: 1, total: 0 } });
  });
});

describe('resolveMeeting', () => {
  const tools = { tokenize };
  it('resolves an exact id, a place plus ordinal, a Chinese fragment and a date', () => {
    expect(resolveMeeting(view, 'LANFENG-2024-03-03-7th-executive-meeting', tools)).toMatchObject({ kind: 'one', section: lanfeng });
    expect(resolveMeeting(view, 'lanfeng 7th', tools)).toMatchObject({ kind: 'one', section: lanfeng });
    expect(resolveMeeting(view, '河东 常委会', tools)).toMatchObject({ kind: 'one', section: section('hedong-zh-2023-05-09-changweihui') });
    expect(resolveMeeting(view, '2024-03-03', tools)).toMatchObject({ kind: 'one', section: lanfeng });
  });
  it('answers ambiguity with candidates and nonsense with none', () => {
    const both = resolveMeeting(view, '2023-05-09', tools);
    expect(both.kind).toBe('candidates');
    if (both.kind === 'candidates') expect(both.sections).toHaveLength(2);
    expect(resolveMeeting(view, 'zebra carnival', tools)).toEqual({ kind: 'candidates', sections: [] });
    expect(resolveMeeting(view, '1999-01-01', tools)).toEqual({ kind: 'candidates', sections: [] });
  });
  it('reads dates written several ways', () => {
    expect(dateInQuery('2023年5月9日 河东')).toEqual({ date: '2023-05-09', rest: '河东' });
    expect(dateInQuery('hedong May 9, 2023')?.date).toBe('2023-05-09');
    expect(dateInQuery('hedong 7th')).toBeNull();
    expect(dateInQuery('May 2023 hedong')).toEqual({ date: '2023-05', rest: 'hedong' });
    expect(dateInQuery('2023年5月')?.date).toBe('2023-05');
    expect(dateInQuery('2023-05')?.date).toBe('2023-05');
    expect(dateInQuery('2023-13')).toBeNull();
  });
  it('narrows by month', () => {
    expect(resolveMeeting(view, 'March 2024', tools)).toMatchObject({ kind: 'one', section: lanfeng });
    expect(resolveMeeting(view, '2023-05 河东', tools)).toMatchObject({ kind: 'one', section: section('hedong-zh-2023-05-09-changweihui') });
  });
});

describe('key points', () => {
  it('scores the meeting\'s own cue phrases above a speaker\'s and plain sentences', () => {
    expect(cueScore('The meeting pointed out that rivers matter.')).toBe(1);
    expect(cueScore('会议强调，要把防汛工作放在首位。')).toBe(1);
    expect(cueScore('He stressed that rivers matter.')).toBeGreaterThan(0);
    expect(cueScore('Officials toured the wetlands.')).toBe(0);
  });
  it('picks the lede first, then cue sentences in reading order, skipping filler', () => {
    const summary = summarizeSection(view, lanfeng, { tokenize });
    const texts = summary.keyPoints.map((k) => k.text);
    expect(texts[0]).toMatch(/^On March 3, Mayor Tian Haoran presided/);
    expect(texts.slice(1).every((t) => t.startsWith('The meeting'))).toBe(true);
    expect(texts).toHaveLength(4);
    expect(texts).not.toContain('Officials toured the wetlands.');
    for (const k of summary.keyPoints) expect(LANFENG.slice(k.start, k.end)).toBe(k.text);
  });
  it('weights the lede paragraph as a whole, unless it is a run-together article', () => {
    const at = (paragraph: number, sentence: number) => ({ start: 0, end: 1, text: '', paragraph, sentence });
    expect(positionScore(at(0, 0), 3)).toBe(1);
    expect(positionScore(at(0, 2), 3)).toBeGreaterThan(positionScore(at(1, 1), 3));
    expect(positionScore(at(0, 2), 3)).toBeGreaterThan(2 * positionScore(at(0, 2), 40));
    expect(positionScore(at(3, 1), 3)).toBeLessThan(positionScore(at(3, 0), 3));
  });

  it('removes near-duplicates (MMR)', () => {
    const mk = (text: string, paragraph: number): SentenceCandidate => ({ start: paragraph * 1000, end: paragraph * 1000 + text.length, text, paragraph, sentence: 0 });
    const cands = [
      mk('On June 1, the committee met to discuss harbour dredging and port fees for local fishing fleets.', 0),
      mk('The meeting pointed out that harbour dredging must finish before the typhoon season begins this year.', 1),
      mk('The meeting pointed out that harbour dredging must finish before the typhoon season begins this year, too.', 2),
      mk('The meeting emphasized that port fees for small fishing boats should be halved for two years.', 3),
    ];
    const picked = rankKeyPoints(cands, { tokenize, min: 1, max: 5 });
    expect(picked).toContain(1);
    expect(picked).not.toContain(2);
    expect(picked[0]).toBe(0);
  });
  it('never offers the title or headline as a sentence', () => {
    const pool = bodySentences(view, lanfeng).map((c) => c.text);
    expect(pool).not.toContain('The municipal government held its 7th executive meeting');
    expect(pool).not.toContain('Speed up the river clean-up and support small traders');
  });
});

describe('summary fields', () => {
  it('quotes the printed date and lists chair, documents with action and topics', () => {
    const s = summarizeSection(view, lanfeng, { tokenize, topicTerms: ['river clean-up', 'wetlands', 'harbour'] });
    expect(s.dateText).toBe('On March 3');
    expect(s.chair.map((c) => c.name)).toEqual(['Tian Haoran']);
    expect(s.chair[0]!.excerpt?.highlights.map((h) => LANFENG.slice(h.start, h.end))).toEqual(['Tian Haoran']);
    expect(s.documents.map((d) => [d.title, d.action])).toEqual([
      ['Lanfeng River Clean-up Plan (2024-2026)', 'reviewed'],
      ['Measures for Supporting Small Traders', 'discussed'],
    ]);
    expect(s.documents[0]!.excerpt?.text).toBe('review the "Lanfeng River Clean-up Plan (2024-2026)"');
    expect(s.documents[1]!.excerpt).toBeNull();
    expect(s.topics.slice(0, 2)).toEqual(['river clean-up', 'wetlands']);
    expect(s.topics).not.toContain('harbour');
    expect(s.topics).toContain('small traders');
  });
  it('prints dates as written', () => {
    expect(printedDate('On the morning of May 27, the meeting was held')).toBe('On the morning of May 27');
    expect(printedDate('昨天,中国(江苏)自由贸易试验区苏州片区工作领导小组第五次全体会议召开。')).toBe('昨天');
    expect(printedDate('On the first day of 2024, the meeting was held')).toBe('On the first day of 2024');
    expect(printedDate('The meeting was held with great success and much applause from everyone present')).toBeNull();
  });
});

describe('attendees and people', () => {
  it('separates chair, present, mentioned and reporter', () => {
    const a = attendeesOf(view, section('hedong-2023-05-09-standing-committee'));
    expect(a.chair.map((p) => p.name)).toEqual(['Ma Qiyun']);
    expect(a.present.map((p) => p.name)).toEqual(['Su Lan', 'Ke Wen']);
    expect(a.present[0]!.excerpt?.text).toBe('Deputy heads Su Lan and Ke Wen attended the meeting.');
    expect(a.mentioned).toEqual([expect.objectContaining({ name: 'Bao Rui' })]);
    expect(a.reporter).toBeNull();
    expect(attendeesOf(view, lanfeng).reporter?.excerpt?.text).toBe('(Lu Min)');
  });
  it('finds a person across meetings with the strongest status per meeting', () => {
    const p = personAcross(view, 'ma qiyun', ['Ma Qiyun', '马启云']);
    expect(p.results.map((r) => [r.meeting.id, r.status])).toEqual([
      ['hedong-2023-05-09-standing-committee', 'chaired'],
      ['hedong-zh-2023-05-09-changweihui', 'chaired'],
    ]);
    expect(personAcross(view, 'bao rui', ['Bao Rui']).results.map((r) => r.status)).toEqual(['mentioned']);
    expect(personAcross(view, 'nobody', ['Nobody Here']).results).toEqual([]);
  });
});

describe('placePinyin', () => {
  it('spells each Han run as one pinyin word', () => {
    expect(placePinyin('河东')).toEqual(['hedong']);
    expect(placePinyin('Lanfeng')).toEqual([]);
    expect(placePinyin('河东 (新区)')).toEqual(['hedong', 'xinqu']);
  });
});

describe('meetings list', () => {
  const tools = { personNames: (t: string) => [t] };
  it('filters by date, place, language and person; newest first; undated dropped by ranges', () => {
    expect(filterMeetings(view, {}, tools).map((s) => s.meeting.id)).toEqual([
      'lanfeng-2024-03-03-7th-executive-meeting',
      'hedong-2023-05-09-standing-committee',
      'hedong-zh-2023-05-09-changweihui',
    ]);
    expect(filterMeetings(view, { from: '2024-01-01' }, tools)).toEqual([lanfeng]);
    expect(filterMeetings(view, { to: '2023-12-31', language: 'zh' }, tools).map((s) => s.meeting.id)).toEqual(['hedong-zh-2023-05-09-changweihui']);
    expect(filterMeetings(view, { place: 'HEDONG' }, tools)).toHaveLength(1);
    expect(filterMeetings(view, { person: 'su  lan' }, tools).map((s) => s.meeting.id)).toEqual(['hedong-2023-05-09-standing-committee']);
  });
});
