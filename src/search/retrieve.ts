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

  constructor(ms: MiniSearch<unknown>) {
    this.m = ms as unknown as MiniSearchInternals;
    this.textId = this.m._fieldIds['text']!;
    this.titleId = this.m._fieldIds['title']!;
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

  private fieldScore(sources: Source[], doc: number, fieldId: number): number {
    let best = 0;
    for (const s of sources) {
      const tf = s.docs.get(doc);
      if (tf === undefined) continue;
      const len = this.m._fieldLength.get(doc)?.[fieldId] ?? 1;
      const avg = this.m._avgFieldLength[fieldId] || 1;
      const sc = s.weight * s.idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * len) / avg)));
      if (sc > best) best = sc;
    }
    return best;
  }

  /** Score of one slot in one document (0: the slot is not in the document's text). */
  slotScore(slot: Slot, doc: number): number {
    const t = this.fieldScore(slot.text, doc, this.textId);
    if (t === 0) return 0;
    return t + (slot.title.length ? this.fieldScore(slot.title, doc, this.titleId) : 0);
  }

  private contains(slot: Slot, doc: number): boolean {
    for (const s of slot.text) if (s.docs.has(doc)) return true;
    return false;
  }

  /** Documents whose text holds every slot, with scores (unsorted). `accept` null = every live document. */
  and(slots: Slot[], accept: ((doc: number) => boolean) | null): Array<{ doc: number; score: number }> {
    if (slots.length === 0 || slots.some((s) => s.size === 0)) return [];
    const order = [...slots].sort((a, b) => a.size - b.size);
    const driver = order[0]!;
    const rest = order.slice(1);
    const seen = driver.text.length > 1 ? new Set<number>() : null;
    const live = this.m._documentIds;
    const out: Array<{ doc: number; score: number }> = [];
    for (const src of driver.text) {
      for (const doc of src.docs.keys()) {
        if (seen) {
          if (seen.has(doc)) continue;
          seen.add(doc);
        }
        let ok = true;
        for (let k = 0; k < rest.length && ok; k++) ok = this.contains(rest[k]!, doc);
        if (!ok || !live.has(doc) || (accept && !accept(doc))) continue;
        let score = 0;
        for (let k = 0; k < slots.length; k++) score += this.slotScore(slots[k]!, doc);
        out.push({ doc, score });
      }
    }
    return out;
  }

  /** Documents whose text holds any slot: per document the score and which slots matched (bit i = slot i). */
  or(slots: Slot[], accept: ((doc: number) => boolean) | null): Map<number, { score: number; mask: number }> {
    const out = new Map<number, { score: number; mask: number }>();
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
            if (!this.m._documentIds.has(doc) || (accept && !accept(doc))) continue;
            out.set(doc, { score: this.slotScore(slot, doc), mask: 1 << i });
          }
        }
      }
    });
    return out;
  }
}

/** The top `k` by score (ties by doc), without sorting everything when k is small. */
export function topK<T extends { score: number }>(items: T[], k: number): T[] {
  if (items.length <= k * 4) return [...items].sort((a, b) => b.score - a.score);
  // Threshold from a sorted sample, then sort only the survivors (fall back to a full sort if too few).
  const sample = items.filter((_, i) => i % Math.ceil(items.length / 512) === 0).map((x) => x.score).sort((a, b) => b - a);
  const cut = sample[Math.min(sample.length - 1, Math.ceil((k * 4 * sample.length) / items.length))] ?? -Infinity;
  const kept = items.filter((x) => x.score >= cut);
  if (kept.length < k) return [...items].sort((a, b) => b.score - a.score);
  return kept.sort((a, b) => b.score - a.score);
}
