/**
 * Property: every excerpt in every answer — all service methods, all seeds, a few hundred random queries
 * (report words, names, ids, dates, random Unicode, hostile strings) — is verbatim with offsets into its report,
 * and every highlight lies inside its excerpt. No method throws.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus } from '../../src/corpus/types.js';
import { createSearch } from '../../src/search/index.js';
import { createAnswerService } from '../../src/answers/index.js';
import type { AnswerService, Excerpt } from '../../src/answers/types.js';

let corpus: Corpus;
let service: AnswerService;
let words: string[];
const failures: unknown[] = [];

beforeAll(async () => {
  corpus = await loadCorpus('seeds');
  service = createAnswerService({ corpus, search: createSearch(corpus), onError: (e) => failures.push(e) });
  const vocab = new Set<string>();
  for (const r of corpus.reports) {
    for (const m of r.text.matchAll(/[A-Za-z][A-Za-z’'-]{2,}|\p{Script=Han}{2,4}/gu)) vocab.add(m[0]);
  }
  for (const s of corpus.sections) {
    vocab.add(s.meeting.id);
    if (s.meeting.date) vocab.add(s.meeting.date);
    for (const p of s.meeting.attendees) vocab.add(p.name);
    for (const p of s.meeting.policies) vocab.add(p.title);
  }
  words = [...vocab];
});

function isExcerpt(x: unknown): x is Excerpt {
  return !!x && typeof x === 'object' && 'text' in x && 'start' in x && 'end' in x && 'file' in x && 'highlights' in x;
}

function excerptsIn(value: unknown, out: Excerpt[] = []): Excerpt[] {
  if (Array.isArray(value)) for (const v of value) excerptsIn(v, out);
  else if (value && typeof value === 'object') {
    if (isExcerpt(value)) out.push(value);
    for (const v of Object.values(value)) excerptsIn(v, out);
  }
  return out;
}

function checkAnswer(answer: unknown): number {
  const list = excerptsIn(answer);
  for (const e of list) {
    const report = corpus.reports.find((r) => r.file === e.file);
    expect(report, e.file).toBeDefined();
    expect(report!.text.slice(e.start, e.end)).toBe(e.text);
    expect(e.paragraph).toBeGreaterThanOrEqual(1);
    for (const h of e.highlights) {
      expect(h.start).toBeGreaterThanOrEqual(e.start);
      expect(h.end).toBeLessThanOrEqual(e.end);
      expect(h.end).toBeGreaterThan(h.start);
    }
  }
  return list.length;
}

function everyMethod(q: string): unknown[] {
  return [
    service.summarize(q),
    service.attendees(q),
    service.person(q),
    service.policies({ query: q }),
    service.policies({ meeting: q }),
    service.policies({ query: q, page: 2, perPage: 2 }),
    service.search(q),
    service.search(q, { language: 'zh' }),
    service.meetings({ person: q }),
    service.meetings({ place: q }),
    service.suggestMeetings(q),
    service.suggestPeople(q),
    service.suggestPolicies(q),
  ];
}

describe('every excerpt is verbatim', () => {
  it('over every meeting, by id', () => {
    let seen = 0;
    for (const s of corpus.sections) for (const a of everyMethod(s.meeting.id)) seen += checkAnswer(a);
    expect(seen).toBeGreaterThan(50);
  });

  it('over a few hundred random queries, for every service method', () => {
    const fromReports = fc.integer({ min: 0, max: 1_000_000 }).map((i) => words[i % words.length]!);
    const phrase = fc.array(fromReports, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
    const hostile = fc.constantFrom('', ' ', '\u200b', '"', '“unclosed', '@everyone', '🙂🙂', '\u202e', 'a'.repeat(5000), '2023-02-30', '营商', '*', '\\');
    const query = fc.oneof(
      { weight: 5, arbitrary: phrase },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
      { weight: 1, arbitrary: hostile },
      { weight: 1, arbitrary: fc.tuple(phrase, hostile).map(([a, b]) => `${b}${a}${b}`) },
    );
    let seen = 0;
    fc.assert(
      fc.property(query, (q) => {
        for (const a of everyMethod(q)) seen += checkAnswer(a);
      }),
      { numRuns: 300, seed: 4242 },
    );
    expect(seen).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
