/**
 * Who was there: per meeting (chair, present, mentioned only, reporter) and per person across all
 * meetings ("was X there?"). Every entry carries the sentence that places the person, when there is one.
 */
import type { MeetingSection } from '../corpus/types.js';
import { attendeeEntries, chairEntries, evidenceExcerpt, mentionedEntries, reporterEntry, sameName } from './evidence.js';
import { type CorpusView, meetingRef } from './refs.js';
import { newestFirst } from './resolve.js';
import type { AttendeesAnswer, PersonAnswer, PersonStatus } from './types.js';

export function attendeesOf(view: CorpusView, section: MeetingSection): AttendeesAnswer {
  const chairs = section.meeting.chair;
  return {
    kind: 'attendees',
    meeting: meetingRef(section),
    chair: chairEntries(view, section),
    present: attendeeEntries(view, section).filter((p) => !chairs.some((c) => sameName(c.name, p.name))),
    mentioned: mentionedEntries(view, section),
    reporter: reporterEntry(view, section),
  };
}

/**
 * Every meeting that names one of `names` (the canonical spellings the user's text matched), with the
 * strongest role found there: chaired > attended > reported > mentioned.
 */
export function personAcross(view: CorpusView, query: string, names: readonly string[]): PersonAnswer {
  const results: PersonAnswer['results'] = [];
  const sections = [...view.corpus.sections].sort(newestFirst);
  for (const section of sections) {
    const m = section.meeting;
    const hit = (n: string) => names.some((q) => sameName(q, n));
    const chair = m.chair.find((p) => hit(p.name));
    const attendee = m.attendees.find((p) => hit(p.name));
    const mentioned = m.mentioned.find(hit);
    const reporter = m.reporter && hit(m.reporter) ? m.reporter : undefined;
    let found: { status: PersonStatus; name: string; role: string | null; fields: Parameters<typeof evidenceExcerpt>[2] } | null = null;
    if (chair) found = { status: 'chaired', name: chair.name, role: chair.role, fields: ['chair', 'attendees'] };
    else if (attendee) found = { status: 'attended', name: attendee.name, role: attendee.role, fields: ['attendees'] };
    else if (reporter) found = { status: 'reported', name: reporter, role: null, fields: ['reporter'] };
    else if (mentioned) found = { status: 'mentioned', name: mentioned, role: null, fields: ['mentioned'] };
    if (!found) continue;
    results.push({
      meeting: meetingRef(section),
      status: found.status,
      name: found.name,
      role: found.role,
      excerpt: evidenceExcerpt(view, section, found.fields, found.name),
    });
  }
  return { kind: 'person', query, results };
}

/** Every distinct person name in the corpus (chair, attendees, mentioned, reporter). */
export function allPeople(view: CorpusView): string[] {
  const names: string[] = [];
  for (const s of view.corpus.sections) {
    const m = s.meeting;
    for (const n of [...m.attendees.map((p) => p.name), ...m.chair.map((p) => p.name), ...m.mentioned, ...(m.reporter ? [m.reporter] : [])]) {
      if (!names.some((x) => sameName(x, n))) names.push(n);
    }
  }
  return names;
}
