/** The answer layer on the real seeds, against the hand labels in ../shared/spec/seed-labels.json. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus } from '../../src/corpus/types.js';
import { createSearch } from '../../src/search/index.js';
import { createAnswerService } from '../../src/answers/index.js';
import type { AnswerService, Excerpt, SummaryAnswer } from '../../src/answers/types.js';

interface Labels {
  files: Array<{ file: string; meetings: Array<{ title: string; place: string | null; policies: string[]; date: string | null }> }>;
}
const labels = JSON.parse(readFileSync('../shared/spec/seed-labels.json', 'utf8')) as Labels;
const norm = (s: string) => s.replace(/[“”"″]/g, '"').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

let corpus: Corpus;
let service: AnswerService;
beforeAll(async () => {
  corpus = await loadCorpus('seeds');
  service = createAnswerService({ corpus, search: createSearch(corpus) });
});

function verbatim(e: Excerpt | null | undefined): void {
  expect(e).toBeTruthy();
  const report = corpus.reports.find((r) => r.file === e!.file)!;
  expect(report.text.slice(e!.start, e!.end)).toBe(e!.text);
}

function summary(q: string): SummaryAnswer {
  const a = service.summarize(q);
  if (a.kind !== 'summary') throw new Error(`"${q}" gave ${a.kind}: ${JSON.stringify(a).slice(0, 300)}`);
  return a;
}

describe('meeting resolution on the seeds', () => {
  it.each([
    ['wuxi 21st', 'The municipal government held its 21st executive meeting'],
    ['苏州 自贸', '苏州自贸片区工作领导小组第五次全体会议召开'],
    ['Qinhuangdao plenary', '8th Plenary Session of the 13th Qinhuangdao Municipal Committee of the Communist Party of China'],
    ['Qinhuangdao', '8th Plenary Session of the 13th Qinhuangdao Municipal Committee of the Communist Party of China'],
    ['2023-04-26', 'The municipal government held its 21st executive meeting'],
    ['tongxiang standing committee', 'Municipal Standing Committee (expanded) meeting held'],
  ])('"%s" → %s', (q, title) => {
    expect(norm(summary(q).meeting.title)).toBe(norm(title));
  });

  it('resolves every meeting by its own id', () => {
    for (const s of corpus.sections) expect(summary(s.meeting.id).meeting.id).toBe(s.meeting.id);
  });

  it('an ambiguous name gives candidates; an unknown one gives none', () => {
    const wuxi = service.summarize('wuxi');
    expect(wuxi.kind).toBe('candidates');
    if (wuxi.kind === 'candidates') expect(wuxi.candidates.length).toBeGreaterThanOrEqual(2);
    expect(service.summarize('Atlantis budget hearing')).toEqual({ kind: 'candidates', query: 'Atlantis budget hearing', candidates: [] });
    // "suzhou" is the Chinese report's 苏州 (by pinyin) and Xiangcheng District, Suzhou.
    const suzhou = service.summarize('suzhou');
    expect(suzhou.kind === 'candidates' && suzhou.candidates.map((c) => c.place).sort()).toEqual(['Xiangcheng District, Suzhou', '苏州']);
  });
});

describe('summarize', () => {
  it('the Wuxi meeting: chair, five documents with their action, verbatim key points, printed date', () => {
    const s = summary('wuxi 21st');
    const label = labels.files[0]!.meetings[0]!;
    expect(s.chair.map((c) => c.name)).toEqual(['Zhao Jianjun']);
    verbatim(s.chair[0]!.excerpt);
    expect(s.meeting.date).toBe('2023-04-26');
    expect(s.dateText).toBe('On April 26');
    expect(s.documents.map((d) => norm(d.title))).toEqual(label.policies.map(norm));
    const action = (needle: string) => s.documents.find((d) => d.title.includes(needle))?.action;
    expect(action('Foreign Trade')).toMatch(/review/);
    expect(action('Action Plan')).toMatch(/discuss/);
    expect(action('House Expropriation')).toMatch(/review/);
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(s.keyPoints.length).toBeLessThanOrEqual(5);
    expect(s.keyPoints[0]!.text).toMatch(/^On April 26, Mayor Zhao Jianjun presided/);
    for (const k of s.keyPoints) verbatim(k);
    expect(s.keyPoints.filter((k) => /^The meeting (pointed out|emphasized)/.test(k.text)).length).toBeGreaterThanOrEqual(2);
    expect(s.topics).toEqual(expect.arrayContaining([expect.stringMatching(/foreign trade/i), expect.stringMatching(/business environment/i)]));
  });

  it('one meeting of the roundup uses only its own paragraphs', () => {
    const s = summary('Qinhuangdao');
    const section = corpus.sections.find((x) => x.meeting.id === s.meeting.id)!;
    for (const k of s.keyPoints) {
      verbatim(k);
      expect(k.start).toBeGreaterThanOrEqual(section.span.start);
      expect(k.end).toBeLessThanOrEqual(section.span.end);
    }
    expect(s.keyPoints.some((k) => /Shenzhen|Wuxi High-tech/.test(k.text))).toBe(false);
  });

  it('the Chinese report: printed date 昨天, key points led by the lede, 会议强调 among them', () => {
    const s = summary('苏州 自贸');
    expect(s.dateText).toBe('昨天');
    expect(summary('bazhong').dateText).toBe('on February 9th');
    expect(s.keyPoints[0]!.text.startsWith('昨天')).toBe(true);
    expect(s.keyPoints.some((k) => k.text.startsWith('会议强调'))).toBe(true);
    for (const k of s.keyPoints) verbatim(k);
    expect(s.topics).toContain('营商环境');
  });
});

describe('attendees and people', () => {
  it('Tongxiang: Xi Jinping and Yuan Jiajun only as mentioned', () => {
    const a = service.attendees('tongxiang standing committee');
    if (a.kind !== 'attendees') throw new Error(a.kind);
    const mentioned = a.mentioned.map((p) => p.name);
    expect(mentioned).toEqual(expect.arrayContaining(['Xi Jinping', 'Yuan Jiajun']));
    const present = [...a.chair, ...a.present].map((p) => p.name);
    expect(present).not.toContain('Xi Jinping');
    expect(present).not.toContain('Yuan Jiajun');
    expect(a.chair.map((p) => p.name)).toEqual(['Yu Huiyou']);
    for (const p of a.mentioned) if (p.excerpt) verbatim(p.excerpt);
  });

  it('"He Ping" attended the Bazhong conference, with the excerpt that places him', () => {
    const p = service.person('He Ping');
    if (p.kind !== 'person') throw new Error(p.kind);
    const bazhong = p.results.find((r) => r.meeting.place === 'Bazhong');
    expect(bazhong?.status).toBe('attended');
    verbatim(bazhong!.excerpt);
    expect(bazhong!.excerpt!.text).toMatch(/He Ping|he ping/);
  });

  it.each(['吴庆文', 'Wu Qingwen', 'wu qingwen', 'Wu Qingwn'])('"%s" → attended the Suzhou meeting', (q) => {
    const p = service.person(q);
    if (p.kind !== 'person') throw new Error(p.kind);
    expect(p.results.map((r) => [r.meeting.place, r.status])).toEqual([['苏州', 'attended']]);
    verbatim(p.results[0]!.excerpt);
  });

  it('"Zhao Jianjn" (typo) chaired the Wuxi meeting; a stranger is not found', () => {
    const p = service.person('Zhao Jianjn');
    expect(p.kind === 'person' && p.results.map((r) => r.status)).toEqual(['chaired']);
    expect(service.person('Nobody Atall')).toMatchObject({ kind: 'person', results: [] });
  });
});

describe('policies', () => {
  it('"business environment": Wuxi\'s Action Plan first, then mentions from Bazhong, Qingpu and the Chinese Suzhou report', () => {
    const p = service.policies({ query: 'business environment', perPage: 25 });
    if (p.kind !== 'policies') throw new Error(p.kind);
    expect(norm(p.documents[0]!.title)).toBe(norm('Wuxi City’s Action Plan for Optimizing the Business Environment Improvement 2023'));
    const places = p.mentions.map((g) => g.meeting.place ?? '');
    expect(places).toEqual(expect.arrayContaining(['Bazhong', '苏州']));
    expect(places.some((x) => x.startsWith('Qingpu'))).toBe(true);
    for (const g of p.mentions) for (const e of g.excerpts) verbatim(e);
    const zh = p.mentions.find((g) => g.meeting.language === 'zh');
    expect(zh?.excerpts.some((e) => e.text.includes('营商环境'))).toBe(true);
  });

  it('营商环境 (Chinese) also finds the English Action Plan through the glossary', () => {
    const p = service.policies({ query: '营商环境' });
    if (p.kind !== 'policies') throw new Error(p.kind);
    expect(p.documents.map((d) => norm(d.title))).toEqual([norm('Wuxi City’s Action Plan for Optimizing the Business Environment Improvement 2023')]);
    expect(p.mentions[0]?.meeting.language).toBe('zh');
  });

  it('"house expropriation" → the Work Plan', () => {
    const p = service.policies({ query: 'house expropriation' });
    if (p.kind !== 'policies') throw new Error(p.kind);
    expect(norm(p.documents[0]!.title)).toBe('Work Plan for House Expropriation in 2023');
    verbatim(p.documents[0]!.excerpt);
  });

  it('no query: the catalogue of every named document, paginated', () => {
    const total = labels.files.flatMap((f) => f.meetings.flatMap((m) => m.policies)).length;
    const first = service.policies({ perPage: 3 });
    if (first.kind !== 'policies') throw new Error(first.kind);
    expect(first.page.total).toBe(total);
    expect(first.documents).toHaveLength(3);
    const last = service.policies({ perPage: 3, page: first.page.pageCount });
    if (last.kind !== 'policies') throw new Error(last.kind);
    expect(last.documents.length).toBe(total - 3 * (first.page.pageCount - 1));
  });

  it('filters by meeting and date range', () => {
    const p = service.policies({ query: 'business environment', from: '2024-01-01', perPage: 25 });
    if (p.kind !== 'policies') throw new Error(p.kind);
    expect(p.documents).toEqual([]);
    expect(p.mentions.every((g) => (g.meeting.date ?? '') >= '2024-01-01')).toBe(true);
    const one = service.policies({ query: 'business environment', meeting: '苏州 自贸' });
    if (one.kind !== 'policies') throw new Error(one.kind);
    expect(one.mentions.map((g) => g.meeting.place)).toEqual(['苏州']);
  });
});

describe('search and meetings list', () => {
  it('search cites meeting, file and paragraph', () => {
    const s = service.search('integrated circuit');
    if (s.kind !== 'search') throw new Error(s.kind);
    expect(s.hits[0]!.excerpt.meeting.place).toBe('Wuxi');
    for (const h of s.hits) verbatim(h.excerpt);
  });

  it('meetings: newest first, undated last; filters by person, place, date, language', () => {
    const all = service.meetings({ perPage: 25 });
    if (all.kind !== 'meetings') throw new Error(all.kind);
    expect(all.page.total).toBe(corpus.sections.length);
    const dates = all.meetings.map((m) => m.date);
    const firstNull = dates.indexOf(null);
    const dated = dates.slice(0, firstNull < 0 ? dates.length : firstNull) as string[];
    expect([...dated].sort().reverse()).toEqual(dated);
    if (firstNull >= 0) expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
    const zh = service.meetings({ language: 'zh' });
    expect(zh.kind === 'meetings' && zh.meetings.map((m) => m.place)).toEqual(['苏州']);
    const he = service.meetings({ person: 'he ping' });
    expect(he.kind === 'meetings' && he.meetings.map((m) => m.place)).toEqual(['Bazhong']);
    const in2022 = service.meetings({ from: '2022-01-01', to: '2022-12-31' });
    expect(in2022.kind === 'meetings' && in2022.meetings.every((m) => m.date!.startsWith('2022'))).toBe(true);
    const suzhou = service.meetings({ place: 'Suzhou' });
    expect(suzhou.kind === 'meetings' && suzhou.meetings.length).toBe(2);
    const wuxi = service.meetings({ place: 'wuxi' });
    expect(wuxi.kind === 'meetings' && wuxi.meetings.length).toBe(2);
  });

  it('autocomplete: latest meetings for empty input, names carry date and place', () => {
    const latest = service.suggestMeetings('');
    expect(latest.length).toBe(Math.min(25, corpus.sections.length));
    expect(latest[0]!.name).toContain('2024-01-05');
    expect(service.suggestMeetings('qinhuangdao')[0]!.name).toMatch(/Qinhuangdao.*2023-12-25/);
    expect(service.suggestPeople('吴').map((s) => s.value)).toContain('吴庆文');
    expect(service.suggestPolicies('work plan').map((s) => s.value)).toContain('Work Plan for House Expropriation in 2023');
    // Glossary topics are offered only when the corpus mentions them.
    expect(service.suggestPolicies('营商').map((s) => s.value)).toContain('营商环境');
    expect(service.suggestPolicies('business env').map((s) => s.value)).toContain('business environment');
    expect(service.suggestPolicies('').length).toBe(25);
  });
});
