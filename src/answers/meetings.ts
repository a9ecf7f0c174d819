/**
 * The meetings list: filtered by person, place, date range and language; newest first, undated last.
 * A date-range filter drops undated meetings: the text does not say when they were, so we cannot say they fit.
 */
import type { MeetingSection } from '../corpus/types.js';
import { sameName } from './evidence.js';
import type { CorpusView } from './refs.js';
import { newestFirst } from './resolve.js';
import type { MeetingFilters } from './types.js';

export interface MeetingFilterTools {
  /** Canonical person names the user's text stands for (typos, pinyin ↔ Han handled by the search layer). */
  personNames: (text: string) => string[];
  /** Alternative spellings of a place (e.g. pinyin of a Han place name), folded to lower case. */
  placeForms?: (place: string) => string[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function placeMatches(section: MeetingSection, place: string, tools: Pick<MeetingFilterTools, 'placeForms'>): boolean {
  const want = fold(place);
  const compact = want.replace(/\s+/g, '');
  const m = section.meeting;
  const fields = [m.place, m.body, m.title].filter((f): f is string => !!f);
  for (const f of fields) {
    const forms = [fold(f), ...(tools.placeForms?.(f) ?? [])];
    if (forms.some((x) => x.includes(want) || x.replace(/\s+/g, '').includes(compact))) return true;
  }
  return false;
}

export function filterMeetings(view: CorpusView, filters: MeetingFilters, tools: MeetingFilterTools): MeetingSection[] {
  let list = [...view.corpus.sections];
  if (filters.language) list = list.filter((s) => s.meeting.language === filters.language);
  if (filters.from) list = list.filter((s) => s.meeting.date !== null && s.meeting.date >= filters.from!);
  if (filters.to) list = list.filter((s) => s.meeting.date !== null && s.meeting.date <= filters.to!);
  if (filters.place) list = list.filter((s) => placeMatches(s, filters.place!, tools));
  if (filters.person) {
    const names = tools.personNames(filters.person);
    list = list.filter((s) => {
      const m = s.meeting;
      const all = [...m.attendees.map((p) => p.name), ...m.chair.map((p) => p.name), ...m.mentioned, ...(m.reporter ? [m.reporter] : [])];
      return all.some((n) => names.some((q) => sameName(q, n)));
    });
  }
  return list.sort(newestFirst);
}
