/** Search on the real seeds, loaded by the corpus layer. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus, MeetingSection } from '../../src/corpus/types.js';
import { createSearch, type DocketSearch } from '../../src/search/index.js';
import { foldText } from '../../src/search/tokenize.js';

interface LabelMeeting { title: string; chair: Array<{ name: string }>; attendees: Array<{ name: string }>; policies?: string[] }
const labels = JSON.parse(readFileSync(path.resolve('..', 'shared', 'spec', 'seed-labels.json'), 'utf8')) as {
  files: Array<{ file: string; meetings: LabelMeeting[] }>;
};

let corpus: Corpus;
let s: DocketSearch;
beforeAll(async () => {
  corpus = await loadCorpus('seeds');
  s = createSearch(corpus);
});

const norm = (t: string) => foldText(t).replace(/[^\p{L}\p{N}]/gu, '');
/** The corpus meeting a labelled meeting became (same file, same title after folding). */
function sectionFor(file: string, title: string): MeetingSection {
  const inFile = corpus.sections.filter((x) => x.meeting.file === file);
  const found = inFile.find((x) => norm(x.meeting.title) === norm(title)) ?? inFile.find((x) => norm(x.meeting.title).includes(norm(title)) || norm(title).includes(norm(x.meeting.title)));
  if (!found) throw new Error(`no meeting "${title}" in ${file}: ${inFile.map((x) => x.meeting.title).join(' / ')}`);
  return found;
}
const text = (reportId: string) => corpus.reports.find((r) => r.id === reportId)!.text;

describe('search on the seeds', () => {
  it('finds each labelled chair and attendee\'s meeting first (English and Chinese names)', () => {
    let checked = 0;
    for (const f of labels.files) {
      for (const m of f.meetings) {
        const target = sectionFor(f.file, m.title).meeting.id;
        for (const p of [...m.chair, ...m.attendees]) {
          const hits = s.search(p.name);
          expect(hits[0]?.meetingId, `${p.name} → ${target}`).toBe(target);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('finds a Han name by its pinyin and the other way round', () => {
    const target = sectionFor('001_790c9300177d48f3.txt', '苏州自贸片区工作领导小组第五次全体会议召开').meeting.id;
    const hits = s.search('Wu Qingwen');
    expect(hits[0]).toMatchObject({ meetingId: target, matchedVia: 'pinyin', language: 'zh' });
    expect(hits[0]!.excerpt.highlights.map((h) => text(hits[0]!.reportId).slice(h.start, h.end))).toContain('吴庆文');
    expect(s.findPeople('wu qingwen')[0]!.item.name).toBe('吴庆文');
    expect(s.findPeople('Cao Lubao')[0]!.item.name).toBe('曹路宝');
  });

  it('finds each labelled policy title\'s meeting first', () => {
    let checked = 0;
    for (const f of labels.files) {
      for (const m of f.meetings) {
        const target = sectionFor(f.file, m.title).meeting.id;
        for (const title of m.policies ?? []) {
          expect(s.search(title)[0]?.meetingId, title).toBe(target);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('finds topic queries\' meeting first', () => {
    const cases: Array<[string, string, string]> = [
      ['digital reform', '003_607c365b1cbd75a4.txt', 'Municipal Standing Committee (expanded) meeting held'],
      ['house expropriation', '000_dd81edec0bfeecd1.txt', 'The municipal government held its 21st executive meeting'],
      ['integrated circuit industry', '000_dd81edec0bfeecd1.txt', 'The municipal government held its 21st executive meeting'],
      ['太仓港', '001_790c9300177d48f3.txt', '苏州自贸片区工作领导小组第五次全体会议召开'],
      ['low-altitude economy', '004_567066f44cac4632.txt', 'Central Economic Work Conference'],
    ];
    for (const [q, file, title] of cases) expect(s.search(q)[0]?.meetingId, q).toBe(sectionFor(file, title).meeting.id);
  });

  it('finds every Chinese paragraph holding 营商环境, 外资, 曹路宝, 自贸片区, 太仓港 (recall 1, precision ≥ 0.95)', () => {
    for (const term of ['营商环境', '外资', '曹路宝', '自贸片区', '太仓港']) {
      const truth = new Set<string>();
      for (const sec of corpus.sections) {
        for (const p of sec.paragraphs) {
          if (p.language === 'zh' && text(sec.reportId).slice(p.start, p.end).includes(term)) truth.add(`${sec.reportId}#${p.index}`);
        }
      }
      expect(truth.size, term).toBeGreaterThan(0);
      const got = s.search(term, { limit: 100, language: 'zh' }).map((h) => `${h.reportId}#${h.paragraphIndex}`);
      const tp = got.filter((g) => truth.has(g)).length;
      expect(tp / truth.size, `${term} recall`).toBe(1);
      expect(tp / got.length, `${term} precision`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('a lone Han character finds every paragraph holding it, highlighting just that character', () => {
    for (const ch of ['港', '资']) {
      const truth = new Set<string>();
      for (const sec of corpus.sections) {
        for (const p of sec.paragraphs) if (text(sec.reportId).slice(p.start, p.end).includes(ch)) truth.add(`${sec.reportId}#${p.index}`);
      }
      expect(truth.size, ch).toBeGreaterThan(0);
      const hits = s.search(ch, { limit: 100 });
      expect(new Set(hits.map((h) => `${h.reportId}#${h.paragraphIndex}`)), ch).toEqual(truth);
      for (const h of hits) for (const hl of h.excerpt.highlights) expect(text(h.reportId).slice(hl.start, hl.end)).toBe(ch);
    }
  });

  it('"business environment" also returns the Chinese Suzhou paragraph on 营商环境, marked as a glossary match', () => {
    const hits = s.search('business environment');
    const zh = hits.find((h) => h.language === 'zh');
    expect(zh).toBeDefined();
    expect(zh!.matchedVia).toBe('glossary');
    expect(zh!.file).toBe('001_790c9300177d48f3.txt');
    expect(zh!.excerpt.text).toContain('营商环境');
    expect(hits.some((h) => h.language === 'en' && h.matchedVia === 'direct')).toBe(true);
    // and the reverse: the Chinese term reaches English paragraphs
    expect(s.search('营商环境').some((h) => h.language === 'en' && h.matchedVia === 'glossary')).toBe(true);
  });

  it('"Zhao Jianjn" still finds Zhao Jianjun', () => {
    const hits = s.search('Zhao Jianjn');
    expect(hits[0]!.file).toBe('000_dd81edec0bfeecd1.txt');
    expect(hits[0]!.excerpt.highlights.map((h) => text(hits[0]!.reportId).slice(h.start, h.end))).toContain('Zhao Jianjun');
    expect(s.findPeople('Zhao Jianjn')[0]!.item.name).toBe('Zhao Jianjun');
    expect(s.findPeople('zhao  jianjun')[0]!.item.name).toBe('Zhao Jianjun');
  });

  it('returns nothing for a query with no match', () => {
    for (const q of ['qwxz blorft', 'zzyzx', '量子纠缠态', 'xylophone quartet']) expect(s.search(q), q).toEqual([]);
  });

  it('finds meetings and policies for autocomplete', () => {
    const wuxi = sectionFor('000_dd81edec0bfeecd1.txt', 'The municipal government held its 21st executive meeting').meeting.id;
    expect(s.findMeetings('21st executive meeting')[0]!.item.id).toBe(wuxi);
    expect(s.findMeetings('Qinhuangdao')[0]!.item.place).toBe('Qinhuangdao');
    expect(s.findPolicies('house expropriation')[0]!.item.title).toMatch(/House Expropriation/);
  });
});
