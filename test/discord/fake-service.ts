/**
 * A small in-test AnswerService returning fabricated answers (a test double: never used by product code).
 * Special inputs trigger behaviour the handler tests need: "boom" throws, "slow" blocks for `slowMs`,
 * "nothing" finds nothing, "hostile" returns report text full of mentions and markdown.
 */
import type {
  AnswerService,
  Excerpt,
  MeetingRef,
  MeetingsAnswer,
  PolicyAnswer,
  SearchAnswer,
  Suggestion,
  SummaryAnswer,
} from '../../src/answers/types.js';

export const MEETING: MeetingRef = {
  id: 'wuxi-2023-04-26-21st-executive-meeting',
  title: 'Wuxi 21st executive meeting',
  date: '2023-04-26',
  place: 'Wuxi',
  file: '000_dd81edec0bfeecd1.txt',
  language: 'en',
};

export const OTHER: MeetingRef = {
  id: 'qingpu-2024-01-05-investment-promotion-conference',
  title: 'Qingpu investment promotion conference',
  date: '2024-01-05',
  place: 'Qingpu',
  file: '004_567066f44cac4632.txt',
  language: 'en',
};

export const HOSTILE_TEXT = '@everyone look <@123> <@&456> ```x``` [click](javascript:alert(1)) \u202eevil';

function excerpt(text: string, paragraph = 4, meeting = MEETING): Excerpt {
  return { text, start: 100, end: 100 + text.length, file: meeting.file, meeting, paragraph, highlights: [{ start: 100, end: 104 }], language: 'en' };
}

export interface FakeService extends AnswerService {
  calls: Array<[string, unknown]>;
  slowMs: number;
}

function block(ms: number): void {
  // A synchronous service call that takes long: the event loop is blocked, as a heavy index query would block it.
  const until = Date.now() + ms;
  while (Date.now() < until) {
    /* busy */
  }
}

export function createFakeService(): FakeService {
  const calls: Array<[string, unknown]> = [];
  const svc: FakeService = {
    calls,
    slowMs: 1500,
    summarize(meeting) {
      calls.push(['summarize', meeting]);
      if (meeting === 'boom') throw new Error('index exploded');
      if (meeting === 'slow') block(svc.slowMs);
      if (meeting === 'nothing') return { kind: 'candidates', query: meeting, candidates: [] };
      if (meeting === 'ambiguous') return { kind: 'candidates', query: meeting, candidates: [MEETING, OTHER] };
      const text = meeting === 'hostile' ? HOSTILE_TEXT : 'The meeting reviewed the Action Plan for the business environment.';
      const answer: SummaryAnswer = {
        kind: 'summary',
        meeting: meeting === OTHER.id ? OTHER : MEETING,
        dateText: 'On April 26',
        body: 'municipal government',
        headline: null,
        chair: [{ name: 'Zhao Jianjun', role: 'Mayor', excerpt: null }],
        attendeeCount: 1,
        attendees: [{ name: 'Zhao Jianjun', role: 'Mayor', excerpt: null }],
        documents: [{ title: 'Action Plan', action: 'reviewed', meeting: MEETING, excerpt: null }],
        keyPoints: [excerpt(text)],
        topics: ['business environment'],
      };
      return answer;
    },
    attendees(meeting) {
      calls.push(['attendees', meeting]);
      if (!meeting.trim()) return { kind: 'notice', level: 'info', code: 'empty-query', message: 'Name a meeting or a person.' };
      return { kind: 'attendees', meeting: MEETING, chair: [{ name: 'Zhao Jianjun', role: 'Mayor', excerpt: excerpt('Mayor Zhao Jianjun presided.') }], present: [], mentioned: [], reporter: null };
    },
    person(name) {
      calls.push(['person', name]);
      return { kind: 'person', query: name, results: [{ meeting: MEETING, status: 'attended', name, role: null, excerpt: excerpt(`${name} attended.`) }] };
    },
    policies(req) {
      calls.push(['policies', req]);
      const page = req.page ?? 1;
      const answer: PolicyAnswer = {
        kind: 'policies',
        query: req.query ?? null,
        documents: [],
        mentions: [{ meeting: MEETING, excerpts: [excerpt(`policy passage on page ${page}`)] }],
        page: { page, pageCount: 2, total: 2 },
      };
      return answer;
    },
    search(query, req) {
      calls.push(['search', { query, ...req }]);
      const page = Math.min(3, Math.max(1, req?.page ?? 1));
      // Answers that change under a button: found at first, then gone / failing (reports deleted, index broken).
      const seen = calls.filter((c) => c[0] === 'search' && (c[1] as { query: string }).query === query).length;
      if (query === 'vanishing' && seen > 1) return { kind: 'search', query, hits: [], page: { page: 1, pageCount: 0, total: 0 } };
      if (query === 'explode-later' && seen > 1) throw new Error('index went away');
      if (query === 'nothing') return { kind: 'search', query, hits: [], page: { page: 1, pageCount: 0, total: 0 } };
      const answer: SearchAnswer = {
        kind: 'search',
        query,
        hits: [1, 2].map((i) => ({ excerpt: excerpt(`hit ${i} on page ${page} about ${query}`, i), score: 1 })),
        page: { page, pageCount: 3, total: 6 },
      };
      return answer;
    },
    meetings(req) {
      calls.push(['meetings', req]);
      const answer: MeetingsAnswer = { kind: 'meetings', filters: { ...req }, meetings: [MEETING], page: { page: 1, pageCount: 1, total: 1 } };
      return answer;
    },
    suggestMeetings(input) {
      calls.push(['suggestMeetings', input]);
      if (input === 'boom') throw new Error('suggest exploded');
      const many: Suggestion[] = Array.from({ length: 40 }, (_, i) => ({ name: `${'Very long meeting title '.repeat(6)}${i} · 2023-04-26 · Wuxi`, value: `meeting-${i}` }));
      return input ? many.filter((s) => s.value.includes(input)) : many;
    },
    suggestPeople(input) {
      calls.push(['suggestPeople', input]);
      return [{ name: 'He Ping · Secretary · 1 meeting', value: 'He Ping' }];
    },
    suggestPolicies(input) {
      calls.push(['suggestPolicies', input]);
      return [{ name: 'business environment', value: 'business environment' }];
    },
  };
  return svc;
}
