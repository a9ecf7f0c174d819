/**
 * Docket's extractive key-point ranker: picks 3–5 whole sentences of a meeting, verbatim.
 *
 * score = position prior (the lede and paragraph openings carry a report's structure)
 *       + cue phrases ("the meeting pointed out / emphasized / required", 会议指出/强调/要求: where
 *         these reports state decisions)
 *       + centrality (term overlap with the rest of the meeting, on the search tokenizer's terms)
 * then an MMR pass (maximal marginal relevance) drops sentences that repeat ones already chosen.
 * The lede always comes first; the rest follow in reading order. No headline is ever consulted.
 */

export interface SentenceCandidate {
  start: number;
  end: number;
  text: string;
  /** 0-based position of the sentence's paragraph among the meeting's body paragraphs. */
  paragraph: number;
  /** 0-based position of the sentence inside its paragraph. */
  sentence: number;
}

export interface RankOptions {
  tokenize: (text: string) => string[];
  /** Fewest / most key points (when enough sentences exist). */
  min?: number;
  max?: number;
}

export const KEY_POINTS_MIN = 3;
export const KEY_POINTS_MAX = 5;

const WEIGHTS = { position: 0.35, cue: 0.4, centrality: 0.25 } as const;
/** MMR trade-off: 1 = relevance only, 0 = novelty only. */
const MMR_LAMBDA = 0.7;
/** Sentences this similar to a chosen one are repeats, whatever their score. */
const DUPLICATE_SIMILARITY = 0.6;
/** Past the minimum, stop once the best remaining score falls below this share of the top score. */
const TAIL_CUTOFF = 0.45;
/** Fewer terms than this is a heading, a fragment or a list label, not a point. */
const MIN_TERMS = 6;

// A body (meeting, session…) doing something the report then states: the strongest cue.
const BODY_CUE_EN =
  /\b(?:the|this)\s+(?:\w+\s+){0,2}?(?:meeting|conference|session|plenary|forum|symposium)\s+(?:also\s+|further\s+|then\s+)?(?:pointed\s+out|emphasi[sz]ed|stressed|required|demanded|proposed|called\s+for|urged|noted|decided|agreed|deployed|reviewed|adopted|approved|heard|studied|discussed|put\s+forward)\b/i;
const BODY_CUE_ZH = /(?:会议|全会|会上|大会)(?:还|并|再次|进一步)?(?:指出|强调|要求|认为|提出|决定|部署|审议|听取|通过|明确|研究)/u;
// A speaker doing so ("X emphasized that", "他指出"): a cue, weaker than the body's.
const SPEAKER_CUE_EN = /\b(?:pointed\s+out|emphasi[sz]ed|stressed|required|called\s+for|urged|proposed|put\s+forward)\b(?:\s+that|\s*:)?/i;
const SPEAKER_CUE_ZH = /(?:指出|强调|要求|提出)[，,:：]?/u;
// Presiding, holding, attending: the lede-type facts (who, when, what).
const EVENT_CUE = /\b(?:presided\s+over|was\s+held|were\s+held|held\s+the|convened)\b|主持|召开|举行/iu;

export function cueScore(text: string): number {
  if (BODY_CUE_EN.test(text) || BODY_CUE_ZH.test(text)) return 1;
  if (SPEAKER_CUE_EN.test(text) || SPEAKER_CUE_ZH.test(text)) return 0.6;
  if (EVENT_CUE.test(text)) return 0.4;
  return 0;
}

/** A lede paragraph longer than this is a whole article run together (lost line breaks), not a lede. */
const LEDE_MAX_SENTENCES = 5;

export function positionScore(c: SentenceCandidate, sentencesInParagraph = 1): number {
  const byParagraph = 1 / (1 + 0.2 * c.paragraph);
  // News style: the lede paragraph as a whole summarises (who, when, what was stressed), so its later
  // sentences keep most of the weight; elsewhere a paragraph's opening sentence carries its point.
  if (c.paragraph === 0 && sentencesInParagraph <= LEDE_MAX_SENTENCES) return 1 / (1 + 0.15 * c.sentence);
  const bySentence = c.sentence === 0 ? 1 : 0.45 / (1 + 0.25 * c.sentence);
  return byParagraph * bySentence;
}

type Vector = Map<string, number>;

function vectorOf(terms: readonly string[]): Vector {
  const v: Vector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

export function cosine(a: Vector, b: Vector): number {
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) dot += x * (large.get(t) ?? 0);
  return dot / (na * nb);
}

export interface ScoredSentence {
  index: number;
  score: number;
  position: number;
  cue: number;
  centrality: number;
  terms: number;
}

/** Every candidate's score parts, in input order (exported for the benchmark and tests). */
export function scoreSentences(cands: readonly SentenceCandidate[], tokenize: RankOptions['tokenize']): { scored: ScoredSentence[]; vectors: Vector[] } {
  const vectors = cands.map((c) => vectorOf(tokenize(c.text)));
  // Document frequency damps terms every sentence shares ("necessary", 要), as tf-idf would.
  const df = new Map<string, number>();
  for (const v of vectors) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, cands.length);
  const weighted = vectors.map((v) => {
    const w: Vector = new Map();
    for (const [t, x] of v) w.set(t, x * Math.log(1 + n / (df.get(t) ?? 1)));
    return w;
  });
  const total: Vector = new Map();
  for (const w of weighted) for (const [t, x] of w) total.set(t, (total.get(t) ?? 0) + x);
  const raw = weighted.map((w) => {
    const rest: Vector = new Map();
    for (const [t, x] of total) {
      const left = x - (w.get(t) ?? 0);
      if (left > 1e-9) rest.set(t, left);
    }
    return cosine(w, rest);
  });
  const top = Math.max(1e-9, ...raw);
  const perParagraph = new Map<number, number>();
  for (const c of cands) perParagraph.set(c.paragraph, (perParagraph.get(c.paragraph) ?? 0) + 1);
  const scored = cands.map((c, index) => {
    const terms = vectors[index]?.size ?? 0;
    const position = positionScore(c, perParagraph.get(c.paragraph));
    const cue = cueScore(c.text);
    const centrality = (raw[index] ?? 0) / top;
    const fragment = terms < MIN_TERMS ? 0.25 : 1;
    const score = fragment * (WEIGHTS.position * position + WEIGHTS.cue * cue + WEIGHTS.centrality * centrality);
    return { index, score, position, cue, centrality, terms };
  });
  return { scored, vectors: weighted };
}

/**
 * Indices of the chosen key points: the lede first, the rest in reading order.
 * With fewer candidates than the minimum, every non-fragment candidate is returned.
 */
export function rankKeyPoints(cands: readonly SentenceCandidate[], opts: RankOptions): number[] {
  if (cands.length === 0) return [];
  const min = opts.min ?? KEY_POINTS_MIN;
  const max = Math.max(min, opts.max ?? KEY_POINTS_MAX);
  const { scored, vectors } = scoreSentences(cands, opts.tokenize);
  const usable = scored.filter((s) => s.terms >= MIN_TERMS);
  const pool = usable.length > 0 ? usable : scored;

  // The lede: the first real sentence of the meeting's text (who met, when, to do what).
  const lede = pool.reduce((a, b) => (cands[b.index]!.start < cands[a.index]!.start ? b : a));
  const chosen: ScoredSentence[] = [lede];
  const remaining = pool.filter((s) => s !== lede);
  const topScore = Math.max(...pool.map((s) => s.score));

  while (chosen.length < max && remaining.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < remaining.length; i++) {
      const s = remaining[i]!;
      const similarity = Math.max(...chosen.map((c) => cosine(vectors[s.index]!, vectors[c.index]!)));
      if (similarity >= DUPLICATE_SIMILARITY) continue;
      const value = MMR_LAMBDA * s.score - (1 - MMR_LAMBDA) * similarity;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    const pick = remaining[best]!;
    if (chosen.length >= min && pick.score < TAIL_CUTOFF * topScore) break;
    chosen.push(pick);
    remaining.splice(best, 1);
  }
  const [first, ...rest] = chosen;
  rest.sort((a, b) => cands[a.index]!.start - cands[b.index]!.start);
  return [first!, ...rest].map((s) => s.index);
}
