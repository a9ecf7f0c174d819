/**
 * The small eval behind "stem, not fuzzy" (tokenize.ts): inflected English queries on the seeds' English
 * paragraphs. Truth = paragraphs holding any listed form of the word (whole words, case-insensitive).
 * (A) Porter2 stems on both sides; (B) no stemming, fuzzy word match (1 edit, 2 from 8 letters — our fuzzy limits).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { tokenize } from '../../src/search/tokenize.js';
import { editDistance } from '../../src/search/match.js';

const FORMS: Record<string, string[]> = {
  policies: ['policy', 'policies'],
  promoting: ['promote', 'promotes', 'promoted', 'promoting'],
  investments: ['investment', 'investments'],
  enterprise: ['enterprise', 'enterprises'],
  measure: ['measure', 'measures'],
  developing: ['develop', 'develops', 'developed', 'developing'],
  industries: ['industry', 'industries'],
  implemented: ['implement', 'implements', 'implemented', 'implementing'],
  strengthening: ['strengthen', 'strengthens', 'strengthened', 'strengthening'],
  improves: ['improve', 'improves', 'improved', 'improving'],
  projects: ['project', 'projects'],
  markets: ['market', 'markets'],
};

/** Derived forms a searcher means too (promotion for promoting…): the "word family" truth. */
const DERIVED: Record<string, string[]> = {
  promoting: ['promotion', 'promotions'],
  investments: ['invest', 'invests', 'invested', 'investing'],
  developing: ['development', 'developments'],
  implemented: ['implementation'],
  improves: ['improvement', 'improvements'],
  markets: ['marketing'],
  measure: ['measured', 'measuring'],
  policies: [],
  enterprise: [],
  industries: [],
  strengthening: [],
  projects: [],
};

let paragraphs: string[] = [];
beforeAll(async () => {
  const c = await loadCorpus('seeds');
  paragraphs = c.sections.flatMap((s) => {
    const text = c.reports.find((r) => r.id === s.reportId)!.text;
    return s.paragraphs.filter((p) => p.language === 'en').map((p) => text.slice(p.start, p.end));
  });
});

function evaluate(matches: (paragraph: string, query: string) => boolean, family = false) {
  let tp = 0, fp = 0, fn = 0;
  for (const [query, inflections] of Object.entries(FORMS)) {
    const forms = family ? [...inflections, ...(DERIVED[query] ?? [])] : inflections;
    const re = new RegExp(`\\b(?:${forms.join('|')})\\b`, 'i');
    for (const p of paragraphs) {
      const truth = re.test(p);
      const got = matches(p, query);
      if (got && truth) tp++;
      else if (got) fp++;
      else if (truth) fn++;
    }
  }
  return { recall: tp / (tp + fn), precision: tp / Math.max(1, tp + fp) };
}

describe('stemming vs fuzzy for English inflections', () => {
  it('stemming wins: higher recall, and precise once derived forms (promotion, development) count', () => {
    const stemMatch = (p: string, q: string) => tokenize(p).includes(tokenize(q)[0]!);
    const fuzzyMatch = (p: string, q: string) => {
      const max = q.length >= 8 ? 2 : 1;
      return (p.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => editDistance(w, q, max) <= max);
    };
    const f = (x: { recall: number; precision: number }) => `recall ${x.recall.toFixed(2)} precision ${x.precision.toFixed(2)}`;
    const stem = evaluate(stemMatch);
    const fuzzy = evaluate(fuzzyMatch);
    const stemFamily = evaluate(stemMatch, true);
    const fuzzyFamily = evaluate(fuzzyMatch, true);
    console.log(`stem-eval, ${paragraphs.length} English seed paragraphs, ${Object.keys(FORMS).length} queries.` +
      ` Inflections: stem ${f(stem)}; fuzzy ${f(fuzzy)}. Word families: stem ${f(stemFamily)}; fuzzy ${f(fuzzyFamily)}`);
    expect(stem.recall).toBe(1);
    expect(stem.recall).toBeGreaterThan(fuzzy.recall);
    expect(stemFamily.recall).toBeGreaterThan(fuzzyFamily.recall);
    expect(stemFamily.precision).toBeGreaterThanOrEqual(0.95);
  });
});
