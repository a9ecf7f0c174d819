import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpus, parseReport, reportFromBytes } from '../../src/corpus/index.js';
import type { Report } from '../../src/corpus/types.js';

function report(text: string): Report | null {
  const r = reportFromBytes('x.txt', Buffer.from(text, 'utf8'));
  return r.ok ? r.report : null;
}

function checkSections(r: Report): void {
  const sections = parseReport(r);
  for (const s of sections) {
    expect(s.span.start).toBeGreaterThanOrEqual(0);
    expect(s.span.end).toBeLessThanOrEqual(r.text.length);
    for (const e of s.meeting.evidence) expect(r.text.slice(e.start, e.end)).toBe(e.excerpt);
    if (s.meeting.date !== null) expect(s.meeting.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const n of s.meeting.mentioned) expect(s.meeting.attendees.map((a) => a.name)).not.toContain(n);
  }
}

const seedTexts = readdirSync('seeds').map((f) => readFileSync(path.join('seeds', f), 'utf8'));

describe('nothing crashes on odd input', () => {
  it('arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const r = report(s);
        if (r) checkSections(r);
      }),
      { numRuns: 200 },
    );
  });

  it('pieces of real reports cut and glued at random', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seedTexts),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 30 }),
        (text, a, b, glue) => {
          const i = a % text.length;
          const j = b % text.length;
          const r = report(text.slice(0, Math.min(i, j)) + glue + text.slice(Math.max(i, j)));
          if (r) checkSections(r);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a meeting written with odd characters, lone surrogates and control characters', () => {
    const text = 'On May 3,\u0000 the city\uD800 held its 4th executive meeting.\u200B Mayor Li\u0301 Wei presided over the meeting. “”“';
    const r = report(text);
    expect(r).toBeNull(); // NUL byte: refused as binary, with a warning, not parsed
    const r2 = report(text.replace('\u0000', ''))!;
    checkSections(r2);
    expect(buildCorpus([r2]).sections.length).toBe(1);
  });
});
