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
const HAN = /\p{Script=Han}/u;
/** MiniSearch's default weights for derived terms. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** At most this many prefix completions per term (the most frequent). */
const MAX_PREFIX_EXPANSIONS = 16;
/** Title matches add to the score at this weight (a hit must still match in its paragraph text). */
const TITLE_BOOST = 0.5;
/** Impact-ordered postings kept in memory at most (entries; 12 bytes each → ~24 MB). */
const IMPACT_CACHE_ENTRIES = 2_000_000;
/** Packing for impact sorting: impacts (< 4) at 2^-20 resolution times DOC_SPACE plus the doc id, exact below 2^53. */
const IMPACT_SCALE = 2 ** 20;
const DOC_SPACE = 2 ** 28;

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
    this.impacts = new WeakMap();
    this.maxImpacts = new WeakMap();
    this.bigramsByChar = null;
    this.cachedEntries = 0;
  }

  /**
   * Impact-ordered copies of the postings lists queries have used (docs by descending BM25 tf·length part), so
   * AND can walk the driver best-first and stop as soon as no remaining document can enter the top k (MaxScore).
   * Built on first use of a term (one sort), dropped on any index change, bounded by IMPACT_CACHE_ENTRIES.
   */
  private bigramsByChar: Map<string, string[]> | null = null;

  /** Index bigrams holding a Han character (built on first lone-character query, dropped on index change). */
  private hanTermsWith(ch: string): string[] {
    if (!this.bigramsByChar) {
      const map = new Map<string, string[]>();
      for (const [term] of this.m._index as unknown as Iterable<[string, FieldData]>) {
        const chars = [...term];
        if (chars.length !== 2 || !HAN.test(chars[0]!) || !HAN.test(chars[1]!)) continue;
        for (const c of new Set(chars)) {
          const list = map.get(c);
          if (list) list.push(term);
          else map.set(c, [term]);
        }
      }
      this.bigramsByChar = map;
    }
    return (this.bigramsByChar.get(ch) ?? []).filter((t) => this.m._index.get(t));
  }

  private impacts = new WeakMap<Map<number, number>, { docs: Int32Array; impact: Float64Array }>();
  private maxImpacts = new WeakMap<Map<number, number>, number>();
  private cachedEntries = 0;

  private impact(tf: number, norm: number): number {
    return BM25.d + (tf * (BM25.k + 1)) / (tf + norm);
  }

  private impactList(docs: Map<number, number>): { docs: Int32Array; impact: Float64Array } {
    let v = this.impacts.get(docs);
    if (!v) {
      // Native numeric sort of packed keys (impact rounded UP to 2^-20, then doc id) — no comparator calls.
      // Rounding up keeps every stored impact an upper bound, so early stopping stays exact.
      const n = docs.size;
      const keys = new Float64Array(n);
      let i = 0;
      for (const [doc, tf] of docs) {
        const q = Math.ceil(this.impact(tf, this.textNorm[doc] ?? BM25.k) * IMPACT_SCALE);
        keys[i++] = q * DOC_SPACE + (DOC_SPACE - 1 - doc); // ties: lower doc id first once reversed
      }
      keys.sort();
      const ids = new Int32Array(n);
      const imp = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        const key = keys[n - 1 - j]!;
        const q = Math.floor(key / DOC_SPACE);
        ids[j] = DOC_SPACE - 1 - (key - q * DOC_SPACE);
        imp[j] = q / IMPACT_SCALE;
      }
      v = { docs: ids, impact: imp };
      if (this.cachedEntries + n > IMPACT_CACHE_ENTRIES) {
        this.impacts = new WeakMap();
        this.cachedEntries = 0;
      }
      this.impacts.set(docs, v);
      this.cachedEntries += n;
      this.maxImpacts.set(docs, v.impact[0] ?? 0);
    }
    return v;
  }

  private maxImpact(docs: Map<number, number>, norms: Float64Array): number {
    let v = this.maxImpacts.get(docs);
    if (v === undefined) {
      v = 0;
      for (const [doc, tf] of docs) {
        const x = this.impact(tf, norms[doc] ?? BM25.k);
        if (x > v) v = x;
      }
      this.maxImpacts.set(docs, v);
    }
    return v;
  }

  /** The most a slot can add to any document's score. */
  private upperBound(slot: Slot, withText = true): number {
    let text = 0;
    if (withText) for (const s of slot.text) text = Math.max(text, s.weight * s.idf * this.maxImpact(s.docs, this.textNorm));
    let title = 0;
    for (const s of slot.title) title = Math.max(title, s.weight * s.idf * this.maxImpact(s.docs, this.titleNorm));
    return text + title;
  }

  /**
   * The exact top `k` of `and` (same scores, best first), walking the smallest slot in impact order and stopping
   * once even a perfect match on every other slot could not beat the k-th best. `complete` is false when it
   * stopped early (callers needing more than k fall back to `and`).
   */
  andTop(slots: Slot[], accept: ((doc: number) => boolean) | null, k: number): { found: Candidates; complete: boolean } {
    const order = [...slots].sort((a, b) => a.size - b.size);
    const driver = order[0];
    if (!driver || driver.size === 0 || driver.text.length !== 1 || k <= 0) {
      return { found: this.and(slots, accept), complete: true };
    }
    this.refresh();
    const rest = order.slice(1);
    const src = driver.text[0]!;
    const list = this.impactList(src.docs);
    const scale = src.weight * src.idf;
    let restBound = this.upperBound(driver, false);
    for (const s of rest) restBound += this.upperBound(s);
    const heapScore = new Float64Array(k);
    const heapDoc = new Int32Array(k);
    let size = 0;
    let complete = true;
    for (let i = 0; i < list.docs.length; i++) {
      if (size === k && scale * list.impact[i]! + restBound <= heapScore[0]!) {
        complete = false;
        break;
      }
      const doc = list.docs[i]!;
      if (this.live[doc] !== 1) continue;
      let ok = true;
      for (let r = 0; r < rest.length && ok; r++) ok = this.contains(rest[r]!, doc);
      if (!ok || (accept && !accept(doc))) continue;
      let score = 0;
      for (let r = 0; r < slots.length; r++) score += this.slotScore(slots[r]!, doc);
      if (size < k) {
        let j = size++;
        heapScore[j] = score;
        heapDoc[j] = doc;
        while (j > 0) {
          const p = (j - 1) >> 1;
          if (heapScore[p]! <= heapScore[j]!) break;
          swap(heapScore, heapDoc, p, j);
          j = p;
        }
      } else if (score > heapScore[0]!) {
        heapScore[0] = score;
        heapDoc[0] = doc;
        let j = 0;
        for (;;) {
          const l = 2 * j + 1;
          const r = l + 1;
          let m = j;
          if (l < k && heapScore[l]! < heapScore[m]!) m = l;
          if (r < k && heapScore[r]! < heapScore[m]!) m = r;
          if (m === j) break;
          swap(heapScore, heapDoc, m, j);
          j = m;
        }
      }
    }
    const found = new Candidates();
    for (let i = 0; i < size; i++) found.push(heapDoc[i]!, heapScore[i]!);
    return { found, complete };
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
    if (q.within) for (const term of this.hanTermsWith(q.term)) expansions.push([this.m._index.get(term)!, 1]);
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

  /**
   * Documents whose text holds any slot: candidates (doc, summed score) plus, per candidate position, which
   * slots matched (bit i = slot i; slots beyond 31 are ignored). Dense typed arrays, no per-document objects.
   */
  or(slots: Slot[], accept: ((doc: number) => boolean) | null): { found: Candidates; masks: Int32Array } {
    this.refresh();
    const n = this.live.length;
    const mask = new Int32Array(n);
    const score = new Float64Array(n);
    const touched: number[] = [];
    const rejected = accept ? new Uint8Array(n) : null;
    slots.forEach((slot, i) => {
      if (i >= 31) return;
      const bit = 1 << i;
      for (const src of slot.text) {
        for (const doc of src.docs.keys()) {
          if (this.live[doc] !== 1 || mask[doc]! & bit) continue;
          if (mask[doc] === 0) {
            if (rejected) {
              if (rejected[doc]) continue;
              if (!accept!(doc)) {
                rejected[doc] = 1;
                continue;
              }
            }
            touched.push(doc);
          }
          mask[doc]! |= bit;
          score[doc]! += this.slotScore(slot, doc);
        }
      }
    });
    const found = new Candidates();
    const masks = new Int32Array(touched.length);
    touched.forEach((doc, k) => {
      found.push(doc, score[doc]!);
      masks[k] = mask[doc]!;
    });
    return { found, masks };
  }
}

function swap(a: Float64Array, b: Int32Array, i: number, j: number): void {
  const x = a[i]!;
  a[i] = a[j]!;
  a[j] = x;
  const y = b[i]!;
  b[i] = b[j]!;
  b[j] = y;
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
