import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus, Meeting, Person } from '../../src/corpus/types.js';
import { norm } from './helpers.js';

/** Our own reports in the kinds Docket meets, each with the meetings a careful reader finds in it. */
const dir = path.resolve('test/fixtures/reports');

interface Expected {
  title: string;
  headline: string | null;
  date: string | null;
  body: string | null;
  place: string | null;
  language: 'en' | 'zh';
  chair: Person[];
  attendees: Person[];
  mentioned: string[];
  reporter: string | null;
  policies: { title: string; action: string | null }[];
  not_policies?: string[];
  removed?: string[];
}

const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => ({
    report: readdirSync(dir).find((r) => r === f.replace('.expected.json', '.txt') || r === f.replace('.expected.json', '.md'))!,
    expected: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Expected[],
  }));

const people = (ps: Person[]) => ps.map((p) => ({ name: p.name, role: norm(p.role) }));

let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus(dir);
});
const meetingsOf = (file: string): Meeting[] => corpus.sections.filter((s) => s.meeting.file === file).map((s) => s.meeting);

describe('fixture reports', () => {
  it('has at least eight fixtures, each with a report', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) expect(c.report).toBeDefined();
    expect(corpus.warnings).toEqual([]);
  });

  for (const { report, expected } of cases) {
    describe(report, () => {
      it(`holds ${expected.length} meeting(s)`, () => {
        expect(meetingsOf(report).map((m) => norm(m.title))).toEqual(expected.map((e) => norm(e.title)));
      });
      expected.forEach((e, i) => {
        describe(`meeting ${i + 1}`, () => {
          const m = () => meetingsOf(report)[i]!;
          it('headline', () => expect(norm(m().headline)).toBe(norm(e.headline)));
          it('date', () => expect(m().date).toBe(e.date));
          it('body', () => expect(norm(m().body)).toBe(norm(e.body)));
          it('place', () => expect(m().place).toBe(e.place));
          it('language', () => expect(m().language).toBe(e.language));
          it('chair', () => expect(people(m().chair)).toEqual(people(e.chair)));
          it('attendees', () => expect(people(m().attendees)).toEqual(people(e.attendees)));
          it('mentioned', () => {
            expect([...m().mentioned].sort()).toEqual([...e.mentioned].sort());
            for (const n of m().mentioned) expect(m().attendees.map((a) => a.name)).not.toContain(n);
          });
          it('reporter', () => expect(m().reporter).toBe(e.reporter));
          it('policies', () => {
            expect(m().policies.map((p) => ({ title: norm(p.title), action: p.action }))).toEqual(
              e.policies.map((p) => ({ title: norm(p.title), action: p.action })),
            );
            const titles = m().policies.map((p) => norm(p.title)!.toLowerCase());
            for (const np of e.not_policies ?? []) expect(titles.some((t) => t.includes(np.toLowerCase()))).toBe(false);
          });
        });
      });
      const removed = expected[0]?.removed;
      if (removed) {
        it('removes the page clutter, by rule, without touching the text', () => {
          const r = corpus.reports.find((x) => x.file === report)!;
          expect(r.removed.map((x) => r.text.slice(x.start, x.end))).toEqual(removed);
          for (const x of r.removed) expect(x.reason).not.toBe('');
          expect(r.text).toBe(readFileSync(path.join(dir, report), 'utf8'));
        });
      }
    });
  }
});
