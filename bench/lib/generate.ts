/**
 * A seeded generator of varied meeting reports, built from the seeds and the corpus fixtures:
 * paragraphs shuffled, people, places and dates swapped, languages mixed, some reports long.
 * Same seed → same corpus, so benchmark figures compare across runs and machines.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Rng = () => number;

/** mulberry32: small, fast, good enough for shuffling test data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

export function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

export interface SourceReport {
  file: string;
  text: string;
}

/** The seeds and fixture reports, read from the repo. */
export function loadSourceReports(root = process.cwd()): SourceReport[] {
  const out: SourceReport[] = [];
  for (const dir of ['seeds', 'test/fixtures/reports']) {
    const full = path.join(root, dir);
    let names: string[] = [];
    try {
      names = readdirSync(full);
    } catch {
      continue;
    }
    for (const f of names.filter((n) => /\.(txt|md)$/.test(n)).sort()) {
      out.push({ file: f, text: readFileSync(path.join(full, f), 'utf8') });
    }
  }
  return out;
}

const SURNAMES = ['Li', 'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Hu', 'Zhu', 'Gao', 'Lin', 'He', 'Guo', 'Ma', 'Luo'];
const GIVEN = ['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Jun', 'Yang', 'Yong', 'Yan', 'Jie', 'Tao', 'Ming', 'Chao', 'Xiulan', 'Xia', 'Guiying', 'Jianhua', 'Haiyan', 'Zhiqiang', 'Xiaoming'];
const HAN_SURNAMES = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗'.split('');
const HAN_GIVEN = ['伟', '芳', '敏', '静', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀兰', '霞', '桂英', '建华', '海燕', '志强', '晓明'];
const PLACES = ['Yunzhou', 'Taoling', 'Mingshui', 'Jinhe', 'Lanshan', 'Qiaolin', 'Songhe', 'Fenglin', 'Hexi', 'Baiyun', 'Shuangqiao', 'Longtan'];
const HAN_PLACES = ['青阳', '临川', '云州', '桃岭', '明水', '金河', '兰山', '桥林', '松河', '枫林'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function swapPeople(rng: Rng, text: string): string {
  const map = new Map<string, string>();
  let out = text.replace(/\b([A-Z][a-z]{1,5}) ([A-Z][a-z]{2,9})\b/g, (whole, a: string) => {
    if (!/^(?:[BCDFGHJKLMNPQRSTWXYZ]h?[aeiou])/.test(a) || /City|District|County|Party|Committee|Municipal/.test(whole)) return whole;
    if (rng() < 0.5) return whole;
    let v = map.get(whole);
    if (!v) {
      v = `${pick(rng, SURNAMES)} ${pick(rng, GIVEN)}`;
      map.set(whole, v);
    }
    return v;
  });
  out = out.replace(/(市长|书记|副市长|市领导|秘书长|组长)([\u4e00-\u9fff]{2,3})(?=主持|出席|参加|列席|、|,|，)/g, (_w, role: string) => {
    return `${role}${pick(rng, HAN_SURNAMES)}${pick(rng, HAN_GIVEN)}`;
  });
  return out;
}

function swapPlaces(rng: Rng, text: string): string {
  const target = pick(rng, PLACES);
  const hanTarget = pick(rng, HAN_PLACES);
  // the source's own main place, wherever it occurs
  const m = /\b([A-Z][a-z]{3,12})(?= City| District| County| Municipal)/.exec(text);
  let out = m ? text.split(m[1]!).join(target) : text;
  const z = /([\u4e00-\u9fff]{2})(?=市|自贸片区)/.exec(out);
  if (z && !/全市|本市|我市/.test(z[0])) out = out.split(z[1]!).join(hanTarget);
  return out;
}

function swapDates(rng: Rng, text: string): string {
  const year = 2019 + Math.floor(rng() * 7);
  return text
    .replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})\b/g, () => `${pick(rng, MONTHS)} ${1 + Math.floor(rng() * 28)}`)
    .replace(/\b20(1\d|2\d)\b/g, () => String(year))
    .replace(/(\d{1,2})月(\d{1,2})日/g, () => `${1 + Math.floor(rng() * 12)}月${1 + Math.floor(rng() * 28)}日`);
}

/** Split into blank-line blocks; keep the first few (title lines) in place and shuffle the body. */
function shuffleBody(rng: Rng, text: string): string {
  const blocks = text.split(/\n\s*\n/);
  const head = blocks.slice(0, 3);
  const body = shuffle(rng, blocks.slice(3));
  return [...head, ...body].join('\n\n');
}

export interface GenerateOptions {
  seed: number;
  /** Stop once the generated texts reach this many UTF-8 bytes. */
  targetBytes: number;
  sources?: SourceReport[];
}

export interface GeneratedReport {
  file: string;
  text: string;
}

/** Varied reports totalling at least `targetBytes`. Deterministic for a given seed and sources. */
export function generateReports(opts: GenerateOptions): GeneratedReport[] {
  const rng = createRng(opts.seed);
  const sources = opts.sources ?? loadSourceReports();
  if (sources.length === 0) throw new Error('no source reports to vary');
  const zhParagraphs = sources
    .filter((s) => /[\u4e00-\u9fff]{20}/.test(s.text))
    .flatMap((s) => s.text.split(/\n\s*\n/).filter((p) => p.length > 60));
  const out: GeneratedReport[] = [];
  let bytes = 0;
  for (let i = 0; bytes < opts.targetBytes; i++) {
    const src = pick(rng, sources);
    let text = src.text;
    if (rng() < 0.7) text = shuffleBody(rng, text);
    text = swapPeople(rng, text);
    text = swapPlaces(rng, text);
    if (rng() < 0.6) text = swapDates(rng, text);
    // mixed language: a Chinese paragraph quoted inside an English report
    if (rng() < 0.15 && zhParagraphs.length > 0 && !/[\u4e00-\u9fff]{20}/.test(text)) {
      text = `${text}\n\n${pick(rng, zhParagraphs)}`;
    }
    // a few long reports: the body repeated, as pages that carry a whole series
    if (rng() < 0.05) text = Array.from({ length: 5 + Math.floor(rng() * 20) }, () => text).join('\n\n');
    // a few reports on one line, sentences glued together ("word.Word")
    if (rng() < 0.1) text = text.replace(/\. (?=[A-Z])/g, '.').replace(/\n\s*\n/g, ' ');
    const file = `${String(i).padStart(6, '0')}_${src.file.replace(/\.(txt|md)$/, '')}.txt`;
    out.push({ file, text });
    bytes += Buffer.byteLength(text, 'utf8');
  }
  return out;
}

export function writeReports(dir: string, reports: GeneratedReport[]): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const r of reports) {
    writeFileSync(path.join(dir, r.file), r.text);
    bytes += Buffer.byteLength(r.text, 'utf8');
  }
  return bytes;
}
