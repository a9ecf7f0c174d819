/** The answer layer on the corpus helper's fixture reports (invented places and people): reports it was not tuned on. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus } from '../../src/corpus/types.js';
import { createSearch } from '../../src/search/index.js';
import { createAnswerService } from '../../src/answers/index.js';
import type { AnswerService } from '../../src/answers/types.js';

let corpus: Corpus;
let service: AnswerService;
beforeAll(async () => {
  corpus = await loadCorpus('test/fixtures/reports');
  service = createAnswerService({ corpus, search: createSearch(corpus) });
});

describe('answers over the fixture reports', () => {
  it('summarises every meeting with 1–5 verbatim key points, the lede first', () => {
    expect(corpus.sections.length).toBeGreaterThanOrEqual(8);
    for (const s of corpus.sections) {
      const a = service.summarize(s.meeting.id);
      if (a.kind !== 'summary') throw new Error(`${s.meeting.id}: ${a.kind}`);
      expect(a.keyPoints.length, s.meeting.id).toBeGreaterThanOrEqual(1);
      expect(a.keyPoints.length).toBeLessThanOrEqual(5);
      const report = corpus.reports.find((r) => r.id === s.reportId)!;
      for (const k of a.keyPoints) {
        expect(report.text.slice(k.start, k.end)).toBe(k.text);
        expect(k.start).toBeGreaterThanOrEqual(s.span.start);
        expect(k.end).toBeLessThanOrEqual(s.span.end);
      }
      const starts = a.keyPoints.map((k) => k.start);
      expect(starts[0]).toBe(Math.min(...starts));
      expect(a.attendeeCount).toBe(s.meeting.attendees.length);
      expect(a.documents.map((d) => d.title)).toEqual(s.meeting.policies.map((p) => p.title));
    }
  });

  it('finds every named attendee again by name, as chair or attendee of that meeting', () => {
    for (const s of corpus.sections) {
      for (const p of s.meeting.attendees) {
        const a = service.person(p.name);
        if (a.kind !== 'person') throw new Error(a.kind);
        const here = a.results.find((r) => r.meeting.id === s.meeting.id);
        expect(here?.status, `${p.name} @ ${s.meeting.id}`).toMatch(/^(chaired|attended)$/);
      }
    }
  });

  it('resolves every meeting from its title words', () => {
    for (const s of corpus.sections) {
      const a = service.summarize(s.meeting.title);
      const ok = a.kind === 'summary' ? a.meeting.id === s.meeting.id : a.kind === 'candidates' && a.candidates.some((c) => c.id === s.meeting.id);
      expect(ok, s.meeting.title).toBe(true);
    }
  });
});
