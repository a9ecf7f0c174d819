/**
 * From the corpus's extracted values to answer entries: each person or document with the verbatim
 * sentence that supports it (the meeting's `Evidence`), re-anchored as an `Excerpt`.
 */
import type { Evidence, MeetingSection, Person } from '../corpus/types.js';
import { compactName } from '../search/names.js';
import type { DocumentEntry, Excerpt, PersonEntry } from './types.js';
import { type CorpusView, findAll, makeExcerpt, meetingRef, reportOf } from './refs.js';

/** Names compare by the search layer's compact key: case, width, spacing, punctuation folded away. */
export function sameName(a: string, b: string): boolean {
  return compactName(a) === compactName(b);
}

function findEvidence(section: MeetingSection, fields: Evidence['field'][], value: string): Evidence | undefined {
  const ev = section.meeting.evidence.filter((e) => fields.includes(e.field));
  return ev.find((e) => e.value === value) ?? ev.find((e) => sameName(e.value, value)) ?? ev.find((e) => e.excerpt.includes(value));
}

/** The evidence for `value` as an excerpt, with `value` highlighted where it occurs. Null when there is none. */
export function evidenceExcerpt(view: CorpusView, section: MeetingSection, fields: Evidence['field'][], value: string): Excerpt | null {
  const ev = findEvidence(section, fields, value);
  if (!ev) return null;
  const report = reportOf(view, section);
  if (!report || report.text.slice(ev.start, ev.end) !== ev.excerpt) return null;
  return makeExcerpt(view, section, ev, findAll(report.text, ev, value));
}

export function personEntry(view: CorpusView, section: MeetingSection, person: Person, fields: Evidence['field'][]): PersonEntry {
  return { name: person.name, role: person.role, excerpt: evidenceExcerpt(view, section, fields, person.name) };
}

export function chairEntries(view: CorpusView, section: MeetingSection): PersonEntry[] {
  return section.meeting.chair.map((p) => personEntry(view, section, p, ['chair', 'attendees']));
}

export function attendeeEntries(view: CorpusView, section: MeetingSection): PersonEntry[] {
  const chairs = section.meeting.chair;
  return section.meeting.attendees.map((p) =>
    personEntry(view, section, p, chairs.some((c) => sameName(c.name, p.name)) ? ['attendees', 'chair'] : ['attendees']),
  );
}

export function mentionedEntries(view: CorpusView, section: MeetingSection): PersonEntry[] {
  return section.meeting.mentioned.map((name) => ({ name, role: null, excerpt: evidenceExcerpt(view, section, ['mentioned'], name) }));
}

export function reporterEntry(view: CorpusView, section: MeetingSection): PersonEntry | null {
  const name = section.meeting.reporter;
  return name ? { name, role: null, excerpt: evidenceExcerpt(view, section, ['reporter'], name) } : null;
}

export function documentEntries(view: CorpusView, section: MeetingSection): DocumentEntry[] {
  return section.meeting.policies.map((p) => ({
    title: p.title,
    action: p.action,
    meeting: meetingRef(section),
    excerpt: evidenceExcerpt(view, section, ['policies'], p.title),
  }));
}
