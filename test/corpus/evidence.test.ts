import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, loadCorpus, meetingRecord, parseReport } from '../../src/corpus/index.js';
import type { Corpus, Meeting } from '../../src/corpus/types.js';

let seeds: Corpus;
let fixtures: Corpus;
let all: Corpus;
beforeAll(async () => {
  seeds = await loadCorpus(path.resolve('seeds'));
  fixtures = await loadCorpus(path.resolve('test/fixtures/reports'));
  all = buildCorpus([...seeds.reports, ...fixtures.reports]);
});

/** Every extracted value that must be backed by evidence. */
function values(m: Meeting): [string, string][] {
  const out: [string, string][] = [['title', m.title]];
  if (m.headline) out.push(['headline', m.headline]);
  if (m.date) out.push(['date', m.date]);
  if (m.body) out.push(['body', m.body]);
  if (m.place) out.push(['place', m.place]);
  if (m.reporter) out.push(['reporter', m.reporter]);
  for (const c of m.chair) out.push(['chair', c.name]);
  for (const a of m.attendees) out.push(['attendees', a.name]);
  for (const n of m.mentioned) out.push(['mentioned', n]);
  for (const p of m.policies) out.push(['policies', p.title]);
  return out;
}

describe('evidence over the whole corpus (seeds + fixtures)', () => {
  it('every excerpt is exactly report.text.slice(start, end)', () => {
    let n = 0;
    for (const s of all.sections) {
      const report = all.reports.find((r) => r.id === s.reportId)!;
      for (const e of s.meeting.evidence) {
        expect(report.text.slice(e.start, e.end), `${s.meeting.id} ${e.field}`).toBe(e.excerpt);
        expect(e.end).toBeGreaterThan(e.start);
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  it('every extracted value has evidence, and names and dates appear in their excerpt', () => {
    for (const s of all.sections) {
      const m = s.meeting;
      for (const [field, value] of values(m)) {
        const ev = m.evidence.filter((e) => e.field === field && e.value === value);
        expect(ev.length, `${m.id}: ${field} ${value}`).toBeGreaterThan(0);
        if (field === 'chair' || field === 'attendees' || field === 'mentioned' || field === 'reporter') {
          // the name itself, or its garbled lowercase form, is quoted
          const flat = (s: string) => s.toLowerCase().replace(/\s+/g, ''); // "yan shu hong" backs "Yan Shuhong"
          expect(ev.some((e) => flat(e.excerpt).includes(flat(value))), `${m.id}: ${value}`).toBe(true);
        }
      }
    }
  });

  it('paragraphs and sentences are spans of the original text, inside their section', () => {
    for (const s of all.sections) {
      const report = all.reports.find((r) => r.id === s.reportId)!;
      for (const p of s.paragraphs) {
        expect(p.start).toBeGreaterThanOrEqual(s.span.start);
        expect(p.end).toBeLessThanOrEqual(s.span.end);
        expect(report.text.slice(p.start, p.end).trim()).toBe(report.text.slice(p.start, p.end));
        for (const x of p.sentences) {
          expect(x.start).toBeGreaterThanOrEqual(p.start);
          expect(x.end).toBeLessThanOrEqual(p.end);
        }
      }
    }
  });

  it('meeting ids are unique corpus-wide, with a suffix on collision', () => {
    const twice = buildCorpus([...seeds.reports, ...seeds.reports.map((r) => ({ ...r, id: `${r.id}-copy`, file: `copy-${r.file}` }))]);
    const ids = twice.sections.map((s) => s.meeting.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => /-2$/.test(id)).length).toBe(seeds.sections.length);
  });

  it('parseReport is pure: the same report gives the same meetings', () => {
    for (const r of seeds.reports) expect(parseReport(r)).toEqual(parseReport(r));
  });

  it('meetingRecord has exactly the documented fields', () => {
    const rec = meetingRecord(seeds.sections[0]!.meeting);
    expect(Object.keys(rec)).toEqual([
      'id', 'title', 'headline', 'date', 'body', 'place', 'language', 'chair', 'attendees', 'mentioned', 'reporter',
      'policies', 'file', 'evidence',
    ]);
  });
});
