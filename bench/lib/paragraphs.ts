/**
 * Seeded synthetic corpus for the search benchmark: paragraphs assembled from the seeds' own sentences
 * (English and Chinese), with names, places and policy titles swapped in from pools drawn from the seed labels
 * plus generated romanised/Han names, so term statistics look like real reports. Same seed → same corpus.
 * Builds `Corpus` objects directly (sections of ~20 paragraphs): the search bench measures search, not parsing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Corpus, Language, MeetingSection, Paragraph, Report, Span } from '../../src/corpus/types.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export interface Pools {
  en: string[];
  zh: string[];
  namesEn: string[];
  namesZh: string[];
  placesEn: string[];
  placesZh: string[];
  policies: string[];
  titlesEn: string[];
  titlesZh: string[];
}

const SURNAMES = 'Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo'.split(' ');
const GIVEN = 'Jianjun Pengling Huiyou Zhidong Rongguo Wei Ping Qiang Min Jing Lei Yang Fang Hui Tao Bin Xin Yu Hong Jun'.split(' ');
const HAN_SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'];
const HAN_GIVEN = [...'建军鹏玲辉友志东荣国伟平强敏静磊洋芳涛斌新宇红俊庆文路宝'];
const PLACES_EN = ['Wuxi', 'Suzhou', 'Bazhong', 'Tongxiang', 'Qingpu', 'Xiangcheng', 'Qinhuangdao', 'Shenzhen', 'Jiaxing', 'Nantong', 'Yangzhou', 'Hefei'];
const PLACES_ZH = ['苏州', '无锡', '南通', '常州', '扬州', '太仓', '昆山', '嘉兴', '湖州', '合肥'];

/** Pools from the seeds (sentences) and the hand labels (names, titles, policies). */
export function loadPools(seedsDir = 'seeds', labelsFile = path.resolve('..', 'shared', 'spec', 'seed-labels.json')): Pools {
  const en: string[] = [];
  const zh: string[] = [];
  for (const f of readdirSync(seedsDir).sort()) {
    const text = readFileSync(path.join(seedsDir, f), 'utf8');
    for (const line of text.split('\n')) {
      const han = (line.match(/\p{Script=Han}/gu) ?? []).length;
      const isZh = han > line.length / 4;
      const parts = isZh ? line.split(/(?<=[。！？；])/u) : line.split(/(?<=[.!?])\s*/u);
      for (const p of parts) {
        const s = p.trim();
        if (s.length >= (isZh ? 12 : 40) && s.length <= 400) (isZh ? zh : en).push(s);
      }
    }
  }
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as {
    files: Array<{ meetings: Array<{ title: string; attendees: Array<{ name: string }>; policies?: string[] }> }>;
  };
  const namesEn = new Set<string>();
  const namesZh = new Set<string>();
  const policies = new Set<string>();
  const titlesEn: string[] = [];
  const titlesZh: string[] = [];
  for (const f of labels.files) {
    for (const m of f.meetings) {
      (/\p{Script=Han}/u.test(m.title) ? titlesZh : titlesEn).push(m.title);
      for (const a of m.attendees) (/\p{Script=Han}/u.test(a.name) ? namesZh : namesEn).add(a.name);
      for (const p of m.policies ?? []) policies.add(p);
    }
  }
  const r = rng(7);
  for (let i = 0; i < 300; i++) namesEn.add(`${pick(r, SURNAMES)} ${pick(r, GIVEN)}`);
  for (let i = 0; i < 300; i++) namesZh.add(pick(r, HAN_SURNAMES) + pick(r, HAN_GIVEN) + pick(r, HAN_GIVEN));
  return {
    en, zh, namesEn: [...namesEn], namesZh: [...namesZh], placesEn: PLACES_EN, placesZh: PLACES_ZH,
    policies: [...policies], titlesEn, titlesZh,
  };
}

function englishParagraph(r: () => number, p: Pools): string {
  const n = 1 + Math.floor(r() * 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(pick(r, p.en));
  const roll = r();
  if (roll < 0.3) parts.push(`${pick(r, ['Mayor', 'Vice Mayor', 'Secretary'])} ${pick(r, p.namesEn)} attended the meeting in ${pick(r, p.placesEn)}.`);
  else if (roll < 0.45) parts.push(`The meeting reviewed the “${pick(r, p.policies)}”.`);
  return parts.join(' ');
}

function chineseParagraph(r: () => number, p: Pools): string {
  const n = 1 + Math.floor(r() * 3);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, p.zh);
  if (r() < 0.35) s += `市领导${pick(r, p.namesZh)}、${pick(r, p.namesZh)}出席${pick(r, p.placesZh)}会议。`;
  return s;
}

/** A corpus with about `paragraphs` paragraphs; ~1 in 4 reports is Chinese. */
export function syntheticCorpus(paragraphs: number, seed = 42, pools = loadPools()): Corpus {
  const r = rng(seed);
  const reports: Report[] = [];
  const sections: MeetingSection[] = [];
  let made = 0;
  let k = 0;
  while (made < paragraphs) {
    const language: Language = r() < 0.25 ? 'zh' : 'en';
    const count = Math.min(paragraphs - made, 10 + Math.floor(r() * 20));
    const title = language === 'zh' ? `${pick(r, pools.placesZh)}${pick(r, pools.titlesZh)}` : `${pick(r, pools.placesEn)} ${pick(r, pools.titlesEn)}`;
    let text = `${title}\n\n`;
    const paras: Paragraph[] = [];
    for (let i = 0; i < count; i++) {
      const body = language === 'zh' ? chineseParagraph(r, pools) : englishParagraph(r, pools);
      const span: Span = { start: text.length, end: text.length + body.length };
      const sentences: Span[] = [];
      const re = language === 'zh' ? /[^。！？；]+[。！？；]?/gu : /[^.!?]+[.!?]?\s*/gu;
      for (const m of body.matchAll(re)) if (m[0].trim()) sentences.push({ start: span.start + m.index, end: span.start + m.index + m[0].trimEnd().length });
      paras.push({ ...span, index: i, language, sentences });
      text += `${body}\n\n`;
    }
    const id = `syn_${String(k).padStart(6, '0')}`;
    const file = `${id}.txt`;
    reports.push({ id, file, text, sha256: createHash('sha256').update(text).digest('hex'), removed: [] });
    const year = 2020 + Math.floor(r() * 5);
    const date = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const chair = language === 'zh' ? pick(r, pools.namesZh) : pick(r, pools.namesEn);
    sections.push({
      reportId: id,
      span: { start: 0, end: text.length },
      paragraphs: paras,
      meeting: {
        id: `${id}-meeting`, file, title, headline: null, date, body: null,
        place: language === 'zh' ? pick(r, pools.placesZh) : pick(r, pools.placesEn), language,
        chair: [{ name: chair, role: null }], attendees: [{ name: chair, role: null }], mentioned: [], reporter: null,
        policies: r() < 0.3 ? [{ title: pick(r, pools.policies), action: 'reviewed' }] : [], evidence: [],
      },
    });
    made += count;
    k++;
  }
  return { reports, sections, warnings: [] };
}


const TOPICS = [
  'foreign trade', 'business environment', 'investment promotion', 'integrated circuit industry', 'digital reform',
  'high-quality development', 'industrial chain', 'new energy vehicles', 'effective investment', 'foreign capital',
  '营商环境', '外资', '自贸片区', '太仓港', '招商引资', '高质量发展', '开放型经济', '制度创新',
  '"foreign trade"', 'promoting exports', 'policies measures', 'econmic devlopment', 'investmnt promotion',
  'xyzzy plugh', 'the of and', 'digital eco', 'foreign-funded enterprises headquarters', 'Zhao Jianjn',
];

/** Realistic queries: topics (English and Chinese), names, typos, phrases, nonsense, random word combinations. */
export function benchQueries(pools: Pools, n: number, seed = 3): string[] {
  const r = rng(seed);
  const words = pools.en.join(' ').split(/[^A-Za-z]+/).filter((w) => w.length > 3);
  const out: string[] = [...TOPICS];
  while (out.length < n) {
    const roll = r();
    if (roll < 0.25) out.push(pools.namesEn[Math.floor(r() * pools.namesEn.length)]!);
    else if (roll < 0.35) out.push(pools.namesZh[Math.floor(r() * pools.namesZh.length)]!);
    else if (roll < 0.45) {
      const s = pools.zh[Math.floor(r() * pools.zh.length)]!;
      const at = Math.floor(r() * Math.max(1, s.length - 4));
      out.push(s.slice(at, at + 2 + Math.floor(r() * 3)));
    } else {
      const k = 1 + Math.floor(r() * 3);
      out.push(Array.from({ length: k }, () => words[Math.floor(r() * words.length)]!).join(' '));
    }
  }
  return out;
}

