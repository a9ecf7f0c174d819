/** How a document token is judged to match a query term: the same rule for phrase checks and highlights. */

export interface QueryTerm {
  term: string;
  /** Maximum edit distance allowed (0 = exact). */
  fuzzy: number;
  prefix: boolean;
  /** A lone Han character: also matches inside the bigrams that hold it (营 in 营商, 经营). */
  within?: boolean;
}

/** For a lone Han character query: where it sits in a matching token (bigram), or null. */
export function withinSpan(docTerm: string, start: number, end: number, ch: string): { start: number; end: number } | null {
  if (docTerm === ch) return { start, end };
  if (docTerm.startsWith(ch)) return { start, end: start + ch.length };
  if (docTerm.endsWith(ch)) return { start: end - ch.length, end };
  return null;
}

/** Optimal string alignment distance, with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

export function termMatches(docTerm: string, q: QueryTerm): boolean {
  if (docTerm === q.term) return true;
  if (q.prefix && docTerm.startsWith(q.term)) return true;
  if (q.within && (docTerm.startsWith(q.term) || docTerm.endsWith(q.term))) return true;
  // Like MiniSearch: prefix and fuzzy are separate ways to match, never combined.
  return q.fuzzy > 0 && editDistance(docTerm, q.term, q.fuzzy) <= q.fuzzy;
}
