import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus, Meeting } from '../../src/corpus/types.js';
import { norm } from './helpers.js';

interface LabelPerson {
  name: string;
  role: string;
}
interface LabelMeeting {
  title: string;
  headline?: string;
  body?: string;
  place?: string | null;
  date?: string | null;
  chair: LabelPerson[];
  attendees: LabelPerson[];
  mentioned: string[];
  reporter: string | null;
  policies: string[];
  not_policies?: string[];
}
interface LabelFile {
  file: string;
  language: 'en' | 'zh';
  noise: string[];
  meetings: LabelMeeting[];
}

const labels = JSON.parse(
  readFileSync(path.resolve('..', 'shared', 'spec', 'seed-labels.json'), 'utf8'),
) as { files: LabelFile[] };

let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus(path.resolve('seeds'));
});

function meetingsOf(file: string): Meeting[] {
  return corpus.sections.filter((s) => s.meeting.file === file).map((s) => s.meeting);
}

const people = (ps: { name: string; role: string | null }[]) =>
  ps.map((p) => ({ name: p.name, role: norm(p.role) }));

describe('seeds against seed-labels.json', () => {
  it('loads every seed without warnings and finds ten meetings', () => {
    expect(corpus.warnings).toEqual([]);
    expect(corpus.reports).toHaveLength(labels.files.length);
    expect(corpus.sections).toHaveLength(labels.files.reduce((n, f) => n + f.meetings.length, 0));
  });

  for (const f of labels.files) {
    describe(f.file, () => {
      it('removes the labelled page clutter that is quoted literally, and keeps the text intact', () => {
        const r = corpus.reports.find((x) => x.file === f.file)!;
        const flat = (x: string) => x.replace(/\s+/g, ' '); // labels write NBSP as a space
        const removed = r.removed.map((x) => flat(r.text.slice(x.start, x.end)));
        let checked = 0;
        for (const n of f.noise) {
          const prefix = flat(n.replace(/\s*\.\.\.$/, '').trim());
          if (!flat(r.text).includes(prefix)) continue; // a description ("blog date line"), not a quote
          expect(removed.some((x) => x.startsWith(prefix)), n).toBe(true);
          checked++;
        }
        if (f.file.startsWith('001')) expect(checked).toBe(6);
        expect(readFileSync(path.resolve('seeds', f.file), 'utf8')).toBe(r.text);
        // and the meetings' paragraphs never include removed text
        for (const s of corpus.sections.filter((x) => x.meeting.file === f.file)) {
          for (const p of s.paragraphs) for (const x of r.removed) expect(p.end <= x.start || p.start >= x.end).toBe(true);
        }
      });
      it(`has ${f.meetings.length} meeting(s) in order`, () => {
        expect(meetingsOf(f.file).map((m) => norm(m.title))).toEqual(f.meetings.map((m) => norm(m.title)));
      });
      f.meetings.forEach((label, i) => {
        describe(`meeting ${i + 1}: ${label.title.slice(0, 50)}`, () => {
          const get = () => meetingsOf(f.file)[i]!;
          it('title, headline, body, place, language', () => {
            const m = get();
            expect(norm(m.title)).toBe(norm(label.title));
            if ('headline' in label) expect(norm(m.headline)).toBe(norm(label.headline));
            if ('body' in label) expect(norm(m.body)).toBe(norm(label.body));
            if ('place' in label) expect(m.place).toBe(label.place);
            expect(m.language).toBe(f.language);
          });
          it('date', () => {
            expect(get().date).toBe(label.date ?? null);
          });
          it('chair and attendees with roles (chair included)', () => {
            const m = get();
            expect(people(m.chair)).toEqual(people(label.chair));
            expect(people(m.attendees)).toEqual(people(label.attendees));
            for (const c of m.chair) expect(m.attendees.map((a) => a.name)).toContain(c.name);
          });
          it('mentioned, never also an attendee', () => {
            const m = get();
            expect([...m.mentioned].sort()).toEqual([...label.mentioned].sort());
            for (const n of m.mentioned) expect(m.attendees.map((a) => a.name)).not.toContain(n);
          });
          it('reporter', () => {
            expect(get().reporter).toBe(label.reporter);
          });
          it('policies, and none of not_policies', () => {
            const m = get();
            expect(m.policies.map((p) => norm(p.title))).toEqual(label.policies.map((p) => norm(p)));
            const titles = m.policies.map((p) => norm(p.title)!.toLowerCase());
            for (const np of label.not_policies ?? []) {
              expect(titles.some((t) => t.includes(norm(np)!.toLowerCase()))).toBe(false);
            }
            for (const p of m.policies) expect(p.action).toMatch(/^[a-z]+$/);
          });
        });
      });
    });
  }

  it('gives every meeting a unique readable id', () => {
    const ids = corpus.sections.map((s) => s.meeting.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('does not turn the roundup intro, contact blocks or teaser into meetings', () => {
    const text = corpus.reports.find((r) => r.file.startsWith('004'))!.text;
    for (const s of corpus.sections.filter((x) => x.meeting.file.startsWith('004'))) {
      const slice = text.slice(s.span.start, s.span.end);
      expect(slice).not.toMatch(/Tel: 86-758|Moving the factory|Entering 2024/);
    }
  });
});
