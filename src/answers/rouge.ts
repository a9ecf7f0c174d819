/**
 * A small ROUGE-N recall scorer for the summary benchmark. English is scored on lowercased word
 * tokens, Chinese per Han character (the usual practice for Chinese ROUGE: no segmenter to disagree
 * with). Punctuation is ignored. Recall = clipped n-gram overlap / n-grams in the reference.
 */

/** Units to count: lowercased Latin/digit words, and every Han character on its own. */
export function rougeUnits(text: string): string[] {
  const units: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(/\p{Script=Han}|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    units.push(m[0].replace(/’/g, "'"));
  }
  return units;
}

function ngrams(units: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= units.length; i++) {
    const key = units.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N recall of `candidate` against `reference`; 0 when the reference has no n-grams. */
export function rougeRecall(candidate: string, reference: string, n: number): number {
  const ref = ngrams(rougeUnits(reference), n);
  let total = 0;
  for (const c of ref.values()) total += c;
  if (total === 0) return 0;
  const cand = ngrams(rougeUnits(candidate), n);
  let hit = 0;
  for (const [gram, c] of ref) hit += Math.min(c, cand.get(gram) ?? 0);
  return hit / total;
}
