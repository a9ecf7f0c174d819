/**
 * Small in-memory lookups beside the paragraph index: meetings, people and policy titles, ranked, for autocomplete
 * and for the answers layer. Rebuilt per report on live updates (cheap: a few entries per meeting).
 */
import MiniSearch from 'minisearch';
import type { Language, MeetingSection } from '../corpus/types.js';
import { tokenize } from './tokenize.js';
import { parseQuery } from './query.js';
import { editDistance } from './match.js';
import { compactName, isHanName, romanizeHanName } from './names.js';

export interface MeetingEntry {
  id: string;
  reportId: string;
  file: string;
  title: string;
  headline: string | null;
  place: string | null;
  date: string | null;
  language: Language;
  /** Other names the meeting is known by: headline, body, place, date, the id as words. */
  aliases: string[];
}

export type PersonStatus = 'chaired' | 'attended' | 'mentioned' | 'reported';

export interface PersonEntry {
  name: string;
  /** Romanised form of a Han name ("Wu Qingwen"), else null. */
  pinyin: string | null;
  roles: string[];
  meetingIds: string[];
  appearances: Array<{ meetingId: string; reportId: string; status: PersonStatus; role: string | null }>;
}

export interface PolicyEntry {
  title: string;
  actions: string[];
  meetingIds: string[];
}

export interface Ranked<T> {
  item: T;
  score: number;
}

interface SmallDoc {
  id: string;
  title: string;
  aliases: string;
}

function smallIndex(): MiniSearch<SmallDoc> {
  return new MiniSearch<SmallDoc>({
    fields: ['title', 'aliases'],
    tokenize: (t) => tokenize(t),
    processTerm: (t) => t,
    searchOptions: { tokenize: (t) => [t], processTerm: (t) => t, boost: { title: 3 } },
  });
}

/** Search a small index with the same query rules as paragraphs (AND, then OR; fuzzy long Latin; prefix last). */
function searchSmall(ms: MiniSearch<SmallDoc>, text: string): Array<{ id: string; score: number }> {
  const parsed = parseQuery(text);
  if (parsed.problem) return [];
  const terms = parsed.units.flatMap((u) => u.terms);
  const queries = terms.map((t) => ({ queries: [t.term], fuzzy: t.fuzzy, prefix: t.prefix, maxFuzzy: 2 }));
  let res = ms.search({ combineWith: 'AND', queries });
  if (res.length === 0 && terms.length > 1) {
    const need = Math.ceil(terms.length / 2);
    res = ms.search({ combineWith: 'OR', queries }).filter((r) => r.queryTerms.length >= need);
  }
  return res.map((r) => ({ id: String(r.id), score: r.score }));
}

export class EntityLookup {
  private meetings = new Map<string, MeetingEntry>();
  private people = new Map<string, PersonEntry>();
  /** Comparison keys per person, computed once per rebuild (not per query). */
  private personKeys = new Map<PersonEntry, { keys: string[]; words: string[] }>();
  private policies = new Map<string, PolicyEntry>();
  private sectionsByReport = new Map<string, MeetingSection[]>();
  private meetingIndex = smallIndex();
  private policyIndex = smallIndex();
  private dirty = true;

  constructor(sections: MeetingSection[] = []) {
    for (const s of sections) this.sectionsByReport.set(s.reportId, [...(this.sectionsByReport.get(s.reportId) ?? []), s]);
  }

  replaceReport(reportId: string, sections: MeetingSection[]): void {
    if (sections.length) this.sectionsByReport.set(reportId, sections);
    else this.sectionsByReport.delete(reportId);
    this.dirty = true;
  }

  removeReport(reportId: string): void {
    this.sectionsByReport.delete(reportId);
    this.dirty = true;
  }

  /** Rebuild lazily: entity tables are tiny next to the paragraph index (one entry per meeting/person/title). */
  private ensure(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.meetings.clear();
    this.people.clear();
    this.policies.clear();
    this.meetingIndex = smallIndex();
    this.policyIndex = smallIndex();
    for (const sections of this.sectionsByReport.values()) for (const s of sections) this.addSection(s);
    this.personKeys.clear();
    for (const p of this.people.values()) {
      this.personKeys.set(p, { keys: personKeys(p), words: (p.pinyin ?? p.name).split(/\s+/).map(compactName) });
    }
    this.meetingIndex.addAll(
      [...this.meetings.values()].map((m) => ({ id: m.id, title: m.title, aliases: m.aliases.join(' \n ') })),
    );
    this.policyIndex.addAll([...this.policies.values()].map((p) => ({ id: p.title, title: p.title, aliases: '' })));
  }

  private addSection(s: MeetingSection): void {
    const m = s.meeting;
    const aliases = [m.headline, m.body, m.place, m.date, m.id.replace(/-/g, ' ')].filter((x): x is string => !!x);
    this.meetings.set(m.id, {
      id: m.id, reportId: s.reportId, file: m.file, title: m.title, headline: m.headline, place: m.place,
      date: m.date, language: m.language, aliases,
    });
    const chairNames = new Set(m.chair.map((p) => p.name));
    for (const p of m.chair) this.addPerson(p.name, p.role, m.id, s.reportId, 'chaired');
    for (const p of m.attendees) if (!chairNames.has(p.name)) this.addPerson(p.name, p.role, m.id, s.reportId, 'attended');
    for (const n of m.mentioned) this.addPerson(n, null, m.id, s.reportId, 'mentioned');
    if (m.reporter) this.addPerson(m.reporter, null, m.id, s.reportId, 'reported');
    for (const pol of m.policies) {
      const key = compactName(pol.title);
      if (!key) continue;
      const e = this.policies.get(key) ?? { title: pol.title, actions: [], meetingIds: [] };
      if (pol.action && !e.actions.includes(pol.action)) e.actions.push(pol.action);
      if (!e.meetingIds.includes(m.id)) e.meetingIds.push(m.id);
      this.policies.set(key, e);
    }
  }

  private addPerson(name: string, role: string | null, meetingId: string, reportId: string, status: PersonStatus): void {
    const key = compactName(name);
    if (!key) return;
    const e = this.people.get(key) ?? { name, pinyin: romanizeHanName(name), roles: [], meetingIds: [], appearances: [] };
    if (role && !e.roles.includes(role)) e.roles.push(role);
    if (!e.meetingIds.includes(meetingId)) e.meetingIds.push(meetingId);
    e.appearances.push({ meetingId, reportId, status, role });
    this.people.set(key, e);
  }

  /** Build the tables now (they are otherwise built on first use after a change). */
  warm(): void {
    this.ensure();
  }

  allMeetings(): MeetingEntry[] {
    this.ensure();
    return [...this.meetings.values()];
  }

  allPeople(): PersonEntry[] {
    this.ensure();
    return [...this.people.values()];
  }

  allPolicies(): PolicyEntry[] {
    this.ensure();
    return [...this.policies.values()];
  }

  meeting(id: string): MeetingEntry | undefined {
    this.ensure();
    return this.meetings.get(id);
  }

  findMeetings(text: string, limit = 10): Array<Ranked<MeetingEntry>> {
    this.ensure();
    const q = String(text ?? '').trim();
    if (!q) return [];
    const exact = this.meetings.get(q);
    const hits = searchSmall(this.meetingIndex, q);
    const top = hits[0]?.score ?? 1;
    const out: Array<Ranked<MeetingEntry>> = exact ? [{ item: exact, score: 1 }] : [];
    for (const h of hits) {
      const m = this.meetings.get(h.id);
      if (m && m !== exact) out.push({ item: m, score: (0.95 * h.score) / top });
    }
    return out.slice(0, Math.max(0, limit));
  }

  findPolicies(text: string, limit = 10): Array<Ranked<PolicyEntry>> {
    this.ensure();
    const q = String(text ?? '').trim();
    if (!q) return [];
    const hits = searchSmall(this.policyIndex, q);
    const top = hits[0]?.score ?? 1;
    const out: Array<Ranked<PolicyEntry>> = [];
    for (const h of hits) {
      const p = this.policies.get(compactName(h.id));
      if (p) out.push({ item: p, score: h.score / top });
    }
    return out.slice(0, Math.max(0, limit));
  }

  /**
   * People by name, tolerant of case, spacing, given-name-first order, Han ↔ pinyin, a prefix (autocomplete),
   * and one typo (two for names of 10+ letters): "Zhao Jianjn" → Zhao Jianjun.
   */
  findPeople(text: string, limit = 10): Array<Ranked<PersonEntry>> {
    this.ensure();
    const q = compactName(String(text ?? ''));
    if (!q || q.length > 64) return [];
    const words = String(text).trim().split(/\s+/).map(compactName).filter(Boolean);
    const out: Array<Ranked<PersonEntry>> = [];
    for (const p of this.people.values()) {
      const score = personScore(this.personKeys.get(p) ?? { keys: personKeys(p), words: [] }, q, words);
      if (score > 0) out.push({ item: p, score });
    }
    out.sort((a, b) => b.score - a.score || a.item.name.localeCompare(b.item.name));
    return out.slice(0, Math.max(0, limit));
  }
}

function personKeys(p: PersonEntry): string[] {
  const keys = [compactName(p.name)];
  const latin = p.pinyin ?? (isHanName(p.name) ? null : p.name);
  if (p.pinyin) keys.push(compactName(p.pinyin));
  if (latin) {
    const parts = latin.split(/\s+/);
    if (parts.length > 1) keys.push(compactName([...parts.slice(1), parts[0]].join(''))); // given name first
  }
  return keys;
}

function personScore(p: { keys: string[]; words: string[] }, q: string, words: string[]): number {
  let best = 0;
  for (const key of p.keys) {
    if (key === q) return 1;
    if (key.startsWith(q) && q.length >= 2) best = Math.max(best, 0.8 + (0.1 * q.length) / key.length);
    else if (isHanName(key) && key.includes(q)) best = Math.max(best, 0.6);
    if (q.length >= 5 && Math.abs(q.length - key.length) <= 2) {
      const allowed = key.length >= 10 ? 2 : 1;
      const d = editDistance(q, key, allowed);
      if (d <= allowed) best = Math.max(best, 0.75 - 0.1 * d);
    }
    // An unfinished name with a typo: compare with the key's prefix of the same length.
    if (best < 0.45 && q.length >= 5 && q.length < key.length && editDistance(q, key.slice(0, q.length), 1) <= 1) best = 0.45;
  }
  if (words.length === 1 && words[0]!.length >= 2 && p.words.includes(words[0]!)) best = Math.max(best, 0.7);
  return best;
}
