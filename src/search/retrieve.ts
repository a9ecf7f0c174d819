/**
 * Retrieval straight from MiniSearch's inverted index (its postings maps), for the answer path.
 *
 * Why not `MiniSearch#search`: it scores EVERY document matching ANY term, allocating a result object (with
 * `terms` and `match` arrays) per document per term, and only then intersects for AND. At 100k paragraphs a
 * common word matches tens of thousands of paragraphs, so one query costs 50–800 ms (bench/search.ts). Here AND
 * is driven by the rarest slot: we walk its postings and probe the others with Map.has, scoring only documents
 * that match every slot (BM25+, MiniSearch's own formula and parameters). The index itself — add, discard,
 * replace, serialisation — stays MiniSearch's.
 *
 * Expansions: a term that exists in the index is taken as typed; only a term absent from the index gets typo
 * tolerance (fuzzy, when the query parser allowed it) and, for the last term, prefix completions, capped to the
 * most frequent ones (short prefixes would otherwise pull in hundreds of terms).
 */
import type MiniSearch from 'minisearch';
import type { QueryTerm } from './match.js';

type FieldData = Map<number, Map<number, number>>;

export interface MiniSearchInternals {
  _index: {
    get(term: string): FieldData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldData, number]>;
  };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _fieldIds: Record<string, number>;
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** MiniSearch's default weights for derived terms. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** At most this many prefix completions per term (the most frequent). */
const MAX_PREFIX_EXPANSIONS = 16;
/** Title matches add to the score at this weight (a hit must still match in its paragraph text). */
const TITLE_BOOST = 0.5;

interface Source {
  docs: Map<number, number>;
  idf: number;
  weight: number;
}

/** One required query term, with its expansions, split by field. */
export interface Slot {
  text: Source[];
  title: Source[];
  /** Sum of text postings: the driver is the smallest slot. */
  size: number;
}

function idf(n: number, total: number): number {
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

export class Retriever {
  private readonly m: MiniSearchInternals;
  private readonly textId: number;
  private readonly titleId: number;
  /** Per short id: BM25 length normaliser k·(1 − b + b·len/avg) for text and title, and liveness (1 = indexed). */
  private textNorm = new Float64Array(0);
  private titleNorm = new Float64Array(0);
  private live = new Uint8Array(0);
  private stale = true;

  constructor(ms: MiniSearch<unknown>) {
    this.m = ms as unknown as MiniSearchInternals;
    this.textId = this.m._fieldIds['text']!;
    this.titleId = this.m._fieldIds['title']!;
  }

  /** Call after documents are added or discarded: the per-document tables are rebuilt on next use. */
  invalidate(): void {
    this.stale = true;
  }

  /** Typed per-document tables: one array read per document instead of two Map lookups. */
  private refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    let max = 0;
    for (const doc of this.m._documentIds.keys()) if (doc > max) max = doc;
    const n = max + 1;
    this.textNorm = new Float64Array(n);
    this.titleNorm = new Float64Array(n);
    this.live = new Uint8Array(n);
    const avgText = this.m._avgFieldLength[this.textId] || 1;
    const avgTitle = this.m._avgFieldLength[this.titleId] || 1;
    for (const doc of this.m._documentIds.keys()) {
      const lens = this.m._fieldLength.get(doc);
      this.textNorm[doc] = BM25.k * (1 - BM25.b + (BM25.b * (lens?.[this.textId] ?? 1)) / avgText);
      this.titleNorm[doc] = BM25.k * (1 - BM25.b + (BM25.b * (lens?.[this.titleId] ?? 1)) / avgTitle);
      this.live[doc] = 1;
    }
  }

  docId(short: number): string | undefined {
    return this.m._documentIds.get(short);
  }

  slot(q: QueryTerm): Slot {
    const total = this.m._documentCount;
    const expansions: Array<[FieldData, number]> = [];
    const exact = this.m._index.get(q.term);
    if (exact) expansions.push([exact, 1]);
    if (!exact && q.fuzzy > 0) {
      for (const [term, [data, distance]] of this.m._index.fuzzyGet(q.term, q.fuzzy)) {
        if (term !== q.term) expansions.push([data, FUZZY_WEIGHT * (1 - distance / (q.term.length + 1))]);
      }
    }
    // A word the index already holds is taken as finished: completing it would only add cost and noise.
    if (q.prefix && !exact) {
      const completions: Array<[FieldData, number, number]> = [];
      for (const [term, data] of this.m._index.atPrefix(q.term)) {
        if (term === q.term) continue;
        completions.push([data, PREFIX_WEIGHT * (q.term.length / term.length), data.get(this.textId)?.size ?? 0]);
      }
      completions.sort((a, b) => b[2] - a[2]);
      for (const [data, w] of completions.slice(0, MAX_PREFIX_EXPANSIONS)) expansions.push([data, w]);
    }
    const slot: Slot = { text: [], title: [], size: 0 };
    for (const [data, weight] of expansions) {
      const t = data.get(this.textId);
      if (t && t.size) {
        slot.text.push({ docs: t, idf: idf(t.size, total), weight });
        slot.size += t.size;
      }
      const h = data.get(this.titleId);
      if (h && h.size) slot.title.push({ docs: h, idf: idf(h.size, total), weight: weight * TITLE_BOOST });
    }
    return slot;
  }

  private fieldScore(sources: Source[], doc: number, norm: number): number {
    let best = 0;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      const tf = s.docs.get(doc);
      if (tf === undefined) continue;
      const sc = s.weight * s.idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
      if (sc > best) best = sc;
    }
    return best;
  }

  /** Score of one slot in one document (0: the slot is not in the document's text). */
  slotScore(slot: Slot, doc: number): number {
    this.refresh();
    const t = this.fieldScore(slot.text, doc, this.textNorm[doc] ?? BM25.k);
    if (t === 0) return 0;
    return t + (slot.title.length ? this.fieldScore(slot.title, doc, this.titleNorm[doc] ?? BM25.k) : 0);
  }

  private contains(slot: Slot, doc: number): boolean {
    for (const s of slot.text) if (s.docs.has(doc)) return true;
    return false;
  }

  /** Documents whose text holds every slot, with scores (unsorted). `accept` null = every live document. */
  and(slots: Slot[], accept: ((doc: number) => boolean) | null): Candidates {
    const out = new Candidates();
    if (slots.length === 0 || slots.some((s) => s.size === 0)) return out;
    this.refresh();
    const order = [...slots].sort((a, b) => a.size - b.size);
    const driver = order[0]!;
    const rest = order.slice(1);
    const live = this.live;
    // Several sources (fuzzy/prefix expansions) may list a document twice: a bitmap dedupes without hashing.
    const seen = driver.text.length > 1 ? new Uint8Array(live.length) : null;
    for (const src of driver.text) {
      for (const doc of src.docs.keys()) {
        if (live[doc] !== 1) continue;
        if (seen) {
          if (seen[doc]) continue;
          seen[doc] = 1;
        }
        let ok = true;
        for (let k = 0; k < rest.length && ok; k++) ok = this.contains(rest[k]!, doc);
        if (!ok || (accept && !accept(doc))) continue;
        let score = 0;
        for (let k = 0; k < slots.length; k++) score += this.slotScore(slots[k]!, doc);
        out.push(doc, score);
      }
    }
    return out;
  }

  /** Documents whose text holds any slot: per document the score and which slots matched (bit i = slot i). */
  or(slots: Slot[], accept: ((doc: number) => boolean) | null): Map<number, { score: number; mask: number }> {
    const out = new Map<number, { score: number; mask: number }>();
    this.refresh();
    slots.forEach((slot, i) => {
      if (i >= 31) return;
      for (const src of slot.text) {
        for (const doc of src.docs.keys()) {
          const cur = out.get(doc);
          if (cur) {
            if (cur.mask & (1 << i)) continue;
            cur.mask |= 1 << i;
            cur.score += this.slotScore(slot, doc);
          } else {
            if (this.live[doc] !== 1 || (accept && !accept(doc))) continue;
            out.set(doc, { score: this.slotScore(slot, doc), mask: 1 << i });
          }
        }
      }
    });
    return out;
  }
}

/** Candidate documents and scores in growable typed arrays (no object per candidate: less GC at 100k). */
export class Candidates {
  docs = new Int32Array(1024);
  scores = new Float64Array(1024);
  length = 0;

  push(doc: number, score: number): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.length * 2);
      docs.set(this.docs);
      const scores = new Float64Array(this.length * 2);
      scores.set(this.scores);
      this.docs = docs;
      this.scores = scores;
    }
    this.docs[this.length] = doc;
    this.scores[this.length] = score;
    this.length++;
  }

  /**
   * Positions of the best `k` candidates, best first (ties by lower doc id). Cheap for large sets: a threshold
   * from the k-th best of a min-heap pass, then only candidates at or above it are sorted.
   */
  top(k: number): number[] {
    const n = this.length;
    const all = n <= k;
    let threshold = -Infinity;
    if (!all) {
      const heap = new Float64Array(k); // min-heap of the k best scores so far
      let size = 0;
      for (let i = 0; i < n; i++) {
        const v = this.scores[i]!;
        if (size < k) {
          let j = size++;
          heap[j] = v;
          while (j > 0) {
            const p = (j - 1) >> 1;
            if (heap[p]! <= heap[j]!) break;
            [heap[p], heap[j]] = [heap[j]!, heap[p]!];
            j = p;
          }
        } else if (v > heap[0]!) {
          heap[0] = v;
          let j = 0;
          for (;;) {
            const l = 2 * j + 1;
            const r = l + 1;
            let m = j;
            if (l < k && heap[l]! < heap[m]!) m = l;
            if (r < k && heap[r]! < heap[m]!) m = r;
            if (m === j) break;
            [heap[m], heap[j]] = [heap[j]!, heap[m]!];
            j = m;
          }
        }
      }
      threshold = heap[0]!;
    }
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (this.scores[i]! >= threshold) idx.push(i);
    idx.sort((a, b) => this.scores[b]! - this.scores[a]! || this.docs[a]! - this.docs[b]!);
    return idx;
  }
}
