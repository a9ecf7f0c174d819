/**
 * Snapshots: the built MiniSearch index persisted under a cache folder (`.cache/search/`, git-ignored), keyed by
 * a hash of every report's sha256, the chunk layout (paragraph offsets and meeting titles, so a change in the
 * corpus layer also invalidates), the MiniSearch options and SEARCH_CODE_VERSION. A valid snapshot is loaded;
 * anything else (missing, other key, corrupt) is rebuilt and rewritten. Never stale: the key covers every input.
 *
 * Format: stock `toJSON`/`loadJSON` spends most of its time in JSON.parse of ~millions of tiny objects and
 * parseInt of their keys. We write a lean binary layout instead — a small JSON header, the terms as one
 * NUL-joined string, and the postings as one Uint32Array — and hand MiniSearch terms whose postings maps are
 * built lazily from that array on first use (LazyFieldData). At 100k paragraphs: stock loadJSON ≈ 4–7 s, an eager
 * decode of this format ≈ 1–1.5 s, the lazy one ≈ 0.3 s (bench/search.ts prints the whole ready path).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { Corpus } from '../corpus/types.js';
import { tokenSpans } from './tokenize.js';
import { DocketSearch, SEARCH_CODE_VERSION, chunksOf, miniSearchOptions, type SearchOptions } from './engine.js';

const MAGIC = 'DKTS1';

/** MiniSearch internals we read and rebuild (stable across 7.x; guarded by the version check below). */
interface MiniSearchInternals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown } & Iterable<[string, Map<number, Map<number, number>>]>;
}

/**
 * How the tokenizer treats a fixed sample (stems, stop words, bigrams, folding): part of the key, so a tokenizer
 * change invalidates snapshots even if nobody bumps SEARCH_CODE_VERSION.
 */
const TOKENIZER_SAMPLE =
  'He Ping and the Policies of Promoting “Foreign Trade” in Wuxi City’s 2023 plan; ＦＵＬＬ width ﬁnance. ' +
  '苏州自贸片区优化营商环境,吸引外资。港 Ⅻ café naïve résumé';

export function snapshotKey(corpus: Corpus): string {
  const h = createHash('sha256');
  h.update(SEARCH_CODE_VERSION);
  h.update(JSON.stringify(tokenSpans(TOKENIZER_SAMPLE)));
  h.update(JSON.stringify(miniSearchOptions(), (_k, v: unknown) => (typeof v === 'function' ? String(v) : v)));
  const reports = [...corpus.reports].sort((a, b) => a.id.localeCompare(b.id));
  const byReport = new Map<string, Corpus['sections']>();
  for (const s of corpus.sections) byReport.set(s.reportId, [...(byReport.get(s.reportId) ?? []), s]);
  for (const r of reports) {
    h.update(`\n${r.id}\t${r.file}\t${r.sha256}\n`);
    for (const c of chunksOf(r, byReport.get(r.id) ?? [])) h.update(`${c.id}\t${c.start}\t${c.end}\t${c.meetingId}\t${c.meetingTitle}\n`);
  }
  return h.digest('hex').slice(0, 32);
}

/** Serialise an index to the lean binary layout. */
export function encodeIndex(ms: MiniSearch<unknown>): Buffer {
  const m = ms as unknown as MiniSearchInternals;
  const terms: string[] = [];
  const postings: number[] = [];
  for (const [term, fields] of m._index) {
    terms.push(term);
    postings.push(fields.size);
    for (const [fieldId, docs] of fields) {
      postings.push(fieldId, docs.size);
      for (const [doc, freq] of docs) postings.push(doc, freq);
    }
  }
  const fieldLength: number[] = [];
  for (const [doc, lens] of m._fieldLength) fieldLength.push(doc, ...lens);
  const header = JSON.stringify({
    magic: MAGIC,
    documentCount: m._documentCount,
    nextId: m._nextId,
    documentIds: [...m._documentIds],
    fieldIds: m._fieldIds,
    averageFieldLength: m._avgFieldLength,
    dirtCount: m._dirtCount,
    fieldCount: Object.keys(m._fieldIds).length,
    fieldLengthLen: fieldLength.length,
    postingsLen: postings.length,
  });
  const headerBuf = Buffer.from(header, 'utf8');
  const termsBuf = Buffer.from(terms.join('\u0000'), 'utf8');
  const nums = new Uint32Array(fieldLength.length + postings.length);
  nums.set(fieldLength, 0);
  nums.set(postings, fieldLength.length);
  const lens = Buffer.alloc(8);
  lens.writeUInt32LE(headerBuf.length, 0);
  lens.writeUInt32LE(termsBuf.length, 4);
  // Pad so the Uint32Array starts 4-byte aligned in the file.
  const pad = (4 - ((8 + headerBuf.length + termsBuf.length) % 4)) % 4;
  return Buffer.concat([lens, headerBuf, termsBuf, Buffer.alloc(pad), Buffer.from(nums.buffer, nums.byteOffset, nums.byteLength)]);
}

/** Rebuild an index from `encodeIndex` output. Throws on a malformed buffer (callers rebuild instead). */
export function decodeIndex(buf: Buffer): MiniSearch<unknown> {
  const headerLen = buf.readUInt32LE(0);
  const termsLen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLen)) as {
    magic: string; documentCount: number; nextId: number; documentIds: Array<[number, string]>;
    fieldIds: Record<string, number>; averageFieldLength: number[]; dirtCount: number; fieldCount: number;
    fieldLengthLen: number; postingsLen: number;
  };
  if (header.magic !== MAGIC) throw new Error('not a Docket search snapshot');
  const terms = buf.toString('utf8', 8 + headerLen, 8 + headerLen + termsLen).split('\u0000');
  const numStart = 8 + headerLen + termsLen;
  const aligned = numStart + ((4 - (numStart % 4)) % 4);
  const count = header.fieldLengthLen + header.postingsLen;
  if (buf.length - aligned !== count * 4) throw new Error('snapshot is truncated');
  // A private, aligned copy: terms decode from it lazily, long after the file buffer is gone.
  const copy = new Uint8Array(count * 4);
  copy.set(buf.subarray(aligned, aligned + count * 4));
  const nums = new Uint32Array(copy.buffer);

  const ms = MiniSearch.loadJS(
    {
      documentCount: header.documentCount, nextId: header.nextId, documentIds: {}, fieldIds: header.fieldIds,
      fieldLength: {}, averageFieldLength: header.averageFieldLength, storedFields: {}, dirtCount: header.dirtCount,
      index: [], serializationVersion: 2,
    },
    miniSearchOptions(),
  );
  const m = ms as unknown as MiniSearchInternals;
  for (const [short, id] of header.documentIds) {
    m._documentIds.set(short, id);
    m._idToShortId.set(id, short);
  }
  let p = 0;
  const fc = header.fieldCount;
  while (p < header.fieldLengthLen) {
    const doc = nums[p++]!;
    const lens: number[] = new Array(fc);
    for (let f = 0; f < fc; f++) lens[f] = nums[p++]!;
    m._fieldLength.set(doc, lens);
  }
  if (terms.length === 1 && terms[0] === '' && header.postingsLen === 0) terms.length = 0;
  for (const term of terms) {
    // Only walk the counts here; each term's maps are built on first use (LazyFieldData).
    const at = p;
    const nFields = nums[p++]!;
    for (let f = 0; f < nFields; f++) {
      p++;
      const nDocs = nums[p++]!;
      p += 2 * nDocs;
    }
    if (p > count) throw new Error('snapshot postings overrun');
    m._index.set(term, new LazyFieldData(nums, at));
  }
  if (p !== count) throw new Error('snapshot postings do not add up');
  return ms;
}

/**
 * One term's postings (field id → doc → term frequency) that fill themselves from the snapshot's Uint32Array on
 * first access. Building every term's maps up front is most of a load (millions of Map.set at 100k paragraphs);
 * lazily, start-up only walks the counts, and a query pays for the few terms it touches, once.
 * Every Map method MiniSearch or Docket uses goes through `load()` first.
 */
class LazyFieldData extends Map<number, Map<number, number>> {
  private src: Uint32Array | null;
  private readonly at: number;

  constructor(nums: Uint32Array, at: number) {
    super();
    this.src = nums;
    this.at = at;
  }

  private load(): void {
    const nums = this.src;
    if (!nums) return;
    this.src = null;
    let p = this.at;
    const nFields = nums[p++]!;
    for (let f = 0; f < nFields; f++) {
      const fieldId = nums[p++]!;
      const nDocs = nums[p++]!;
      const docs = new Map<number, number>();
      for (let d = 0; d < nDocs; d++) docs.set(nums[p++]!, nums[p++]!);
      super.set(fieldId, docs);
    }
  }

  override get(key: number) {
    this.load();
    return super.get(key);
  }
  override has(key: number) {
    this.load();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>) {
    this.load();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.load();
    return super.delete(key);
  }
  override clear() {
    this.src = null;
    super.clear();
  }
  override get size() {
    this.load();
    return super.size;
  }
  override forEach(cb: (v: Map<number, number>, k: number, m: Map<number, Map<number, number>>) => void, thisArg?: unknown) {
    this.load();
    super.forEach(cb, thisArg);
  }
  override entries() {
    this.load();
    return super.entries();
  }
  override keys() {
    this.load();
    return super.keys();
  }
  override values() {
    this.load();
    return super.values();
  }
  override [Symbol.iterator]() {
    this.load();
    return super[Symbol.iterator]();
  }
}

export interface SnapshotOptions extends SearchOptions {
  cacheDir: string;
  /** Told whether the snapshot was used, and why not. */
  onLog?: (message: string) => void;
}

export interface LoadInfo {
  source: 'snapshot' | 'built';
  key: string;
  file: string;
}

/** Load the snapshot for this corpus if valid, else build and write one. Cache I/O errors never fail the load. */
export async function loadOrBuildSearch(corpus: Corpus, options: SnapshotOptions): Promise<DocketSearch & { loadInfo?: LoadInfo }> {
  const key = snapshotKey(corpus);
  const dir = path.join(options.cacheDir, 'search');
  const file = path.join(dir, `${key}.bin`);
  const log = options.onLog ?? (() => {});
  try {
    const buf = await readFile(file);
    const ms = decodeIndex(buf);
    const s = new DocketSearch(corpus, options, ms as never) as DocketSearch & { loadInfo?: LoadInfo };
    if (s.ms.documentCount !== s.size) throw new Error(`snapshot holds ${s.ms.documentCount} chunks, corpus ${s.size}`);
    s.loadInfo = { source: 'snapshot', key, file };
    return s;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') log(`search snapshot ${file} not used: ${(err as Error).message}`);
  }
  const s = new DocketSearch(corpus, options) as DocketSearch & { loadInfo?: LoadInfo };
  s.loadInfo = { source: 'built', key, file };
  try {
    await saveSnapshot(s, dir, key);
  } catch (err) {
    log(`search snapshot not written: ${(err as Error).message}`);
  }
  return s;
}

/** Write atomically (temp file + rename) and drop older snapshots. */
export async function saveSnapshot(s: DocketSearch, dir: string, key: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${key}.bin`);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, encodeIndex(s.ms as MiniSearch<unknown>));
  await rename(tmp, file);
  for (const f of await readdir(dir)) {
    if (f !== `${key}.bin` && /^[0-9a-f]{32}\.bin$/.test(f)) await unlink(path.join(dir, f)).catch(() => {});
  }
  return file;
}
