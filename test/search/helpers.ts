/** Hand-made corpora for search tests (no dependency on the corpus layer's parsing). */
import { createHash } from 'node:crypto';
import type { Corpus, Language, Meeting, MeetingSection, Paragraph, Report, Span } from '../../src/corpus/types.js';

function sentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[^。！？.!?]+[。！？.!?]*/gu;
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(re)) {
    const s = span.start + m.index;
    const e = s + m[0].length;
    if (m[0].trim()) out.push({ start: s, end: e });
  }
  return out;
}

export function languageOf(text: string): Language {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return han > text.length / 4 ? 'zh' : 'en';
}

export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    if (!m[0].trim()) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    out.push({ ...span, index: out.length, language: languageOf(m[0]), sentences: sentences(text, span) });
  }
  return out;
}

export interface MeetingSpec extends Partial<Meeting> {
  id: string;
  title: string;
}

export function makeReport(id: string, text: string): Report {
  return { id, file: `${id}.txt`, text, sha256: createHash('sha256').update(text).digest('hex'), removed: [] };
}

export function meeting(spec: MeetingSpec, file: string, language: Language): Meeting {
  return {
    headline: null, date: null, body: null, place: null, chair: [], attendees: [], mentioned: [], reporter: null,
    policies: [], evidence: [], language, file, ...spec,
  };
}

/** One meeting per report, covering all its paragraphs. */
export function sectionOf(report: Report, spec: MeetingSpec): MeetingSection {
  const paragraphs = paragraphsOf(report.text);
  const language = languageOf(report.text);
  return {
    meeting: meeting(spec, report.file, language),
    reportId: report.id,
    span: { start: 0, end: report.text.length },
    paragraphs,
  };
}

export function makeCorpus(items: Array<{ id: string; text: string; meeting: MeetingSpec }>): Corpus {
  const reports = items.map((i) => makeReport(i.id, i.text));
  return { reports, sections: reports.map((r, k) => sectionOf(r, items[k]!.meeting)), warnings: [] };
}

export const SAMPLE = makeCorpus([
  {
    id: 'r1',
    text:
      'Mayor Lin Haoran presided over the 5th executive meeting of the city government.\n\n' +
      'The meeting reviewed the Action Plan for Optimizing the Business Environment and discussed foreign trade. ' +
      'It is necessary to promote foreign trade and stabilise exports.\n\n' +
      'Vice Mayor Qiu Mingde attended the meeting. The meeting studied policies on integrated circuits.',
    meeting: {
      id: 'east-exec-5', title: 'The city government held its 5th executive meeting', date: '2023-03-02', place: 'Eastport',
      chair: [{ name: 'Lin Haoran', role: 'Mayor' }],
      attendees: [{ name: 'Lin Haoran', role: 'Mayor' }, { name: 'Qiu Mingde', role: 'Vice Mayor' }],
      policies: [{ title: 'Action Plan for Optimizing the Business Environment', action: 'reviewed' }],
    },
  },
  {
    id: 'r2',
    text:
      '滨江自贸片区工作会议召开\n\n' +
      '昨天,滨江自贸片区工作领导小组会议召开。市委书记郑文涛主持会议并讲话,市长范志远出席会议。\n\n' +
      '会议强调,要持续优化营商环境,稳住外贸规模,保持吸引外资良好势头。\n\n' +
      '要更加重视自贸片区与北湾港联动,做强港口物流。',
    meeting: {
      id: 'binjiang-ftz', title: '滨江自贸片区工作会议召开', date: '2022-06-21', place: '滨江',
      chair: [{ name: '郑文涛', role: '市委书记' }],
      attendees: [{ name: '郑文涛', role: '市委书记' }, { name: '范志远', role: '市长' }],
    },
  },
]);
