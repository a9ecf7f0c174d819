/** From a report's raw section to a Meeting: each field by its own rules, each with evidence. */
import type { Evidence, Meeting, Report } from '../types.js';
import type { RawSection } from '../split.js';
import { makeEvidence, sentenceAround, tidy } from './evidence.js';
import { headerTitle, meetingNameInHeading, meetingNameInSentence, type Found } from './title.js';
import { dominantYear, findDate, reportDate, type DateContext } from './date.js';
import { dominantPlaceEn, dominantPlaceZh, placeFromHeading, placeFromSubject, placeFromZhName } from './place.js';
import { meetingSlug } from './slug.js';
import { detectLanguage } from '../segment.js';
import { extractPeople } from './people.js';
import { extractPolicies } from './policies.js';
import { extractReporter } from './reporter.js';
import { extractBody } from './body.js';

export interface ReportContext {
  dates: DateContext;
}

export function reportContext(report: Report): ReportContext {
  const rd = reportDate(report.text);
  return { dates: { reportDate: rd?.iso ?? null, year: dominantYear(report.text) } };
}

/** Insert the place into a meeting name that lacks it ("… of the 7th Municipal Party Committee" → "… 7th Taoling Municipal …"). */
function qualifyWithPlace(title: string, place: string | null, heading: string | null): string {
  if (!place) return title;
  const core = place.split(/[\s,]/)[0]!;
  if (title.includes(core)) return title;
  const municipal = /\b(?:Municipal|District|County) (?:Party )?Committee\b/.exec(title);
  if (municipal) return `${title.slice(0, municipal.index)}${core} ${title.slice(municipal.index)}`;
  return `${heading ?? place} ${title}`;
}

export function extractMeeting(report: Report, section: RawSection, ctx: ReportContext): Meeting {
  const text = report.text;
  const evidence: Evidence[] = [];
  const paras = section.paragraphs;
  const language = detectLanguage(text, section.span);
  const lead = section.lead;
  const leadSentences = lead ? lead.sentences.slice(0, 3) : [];

  // --- title & headline
  let title: Found | null = null;
  let headline: Found | null = null;
  let titleFromSentence = false;
  if (section.kind === 'single') {
    const h = headerTitle(text, section);
    title = h.title;
    headline = h.headline;
  } else if (section.heading) {
    const hv = text.slice(section.heading.start, section.heading.end);
    if (placeFromHeading(hv) === null || /会|Conference|Meeting|Session/.test(hv)) {
      title = meetingNameInHeading(text, section.heading);
    }
  }
  let announcing: Found | null = null;
  for (const s of leadSentences) {
    announcing = meetingNameInSentence(text, s, language);
    if (announcing) break;
  }
  if (!title && announcing) {
    title = announcing;
    titleFromSentence = true;
  }
  if (!title) {
    const first = section.heading ?? section.header[0] ?? paras[0]!;
    const s = first.sentences[0] ?? first;
    title = { start: s.start, end: s.end, value: text.slice(s.start, s.end) };
  }
  if (headline && headline.start === title.start && headline.end === title.end) {
    // the title line doubles as the only header line: the next distinct one, if any, is the headline
    const next = section.header.find((p) => p.start > title!.start && text.slice(p.start, p.end) !== title!.value);
    headline = next ? { start: next.start, end: next.end, value: text.slice(next.start, next.end) } : null;
  }

  // --- place
  const headingText = section.heading ? text.slice(section.heading.start, section.heading.end) : null;
  let place: Found | null = null;
  const people = extractPeople(text, section, language);
  const nameWords = new Set<string>();
  for (const n of [...people.attendees, ...people.mentionedNames]) for (const w of n.name.split(/\s+/)) nameWords.add(w);
  if (section.heading && headingText) {
    const p = placeFromHeading(headingText);
    if (p && !/Conference|Meeting|Session|会议/.test(headingText)) {
      place = { start: section.heading.start, end: section.heading.end, value: p };
    }
  }
  if (!place && lead && language === 'en') {
    for (const s of leadSentences) if ((place = placeFromSubject(text, s))) break;
  }
  if (!place && language === 'zh') {
    place = placeFromZhName(title) ?? (announcing ? placeFromZhName(announcing) : null) ?? dominantPlaceZh(text, section.span);
  }
  if (!place && language === 'en') place = dominantPlaceEn(text, section.span, { nameWords });

  let titleValue = tidy(title.value);
  if (titleFromSentence && section.kind === 'roundup' && language === 'en') {
    titleValue = qualifyWithPlace(titleValue, place?.value ?? null, headingText && place ? headingText : null);
  }
  evidence.push(makeEvidence(text, 'title', titleValue, sentenceAround(paras, title.start, title.end)));
  if (headline) evidence.push(makeEvidence(text, 'headline', tidy(headline.value), headline));
  if (place) evidence.push(makeEvidence(text, 'place', place.value, sentenceAround(paras, place.start, place.end)));

  // --- date: the announcing sentences first, then any sentence saying when it was held
  let date = null as ReturnType<typeof findDate>;
  const dateScopes = [...leadSentences];
  if (section.heading) dateScopes.unshift(section.heading);
  for (const s of dateScopes) if ((date = findDate(text, s, ctx.dates))) break;
  if (!date) {
    for (const p of paras) {
      for (const s of p.sentences) {
        const t = text.slice(s.start, Math.min(s.end, s.start + 400));
        if (/\b(?:was|were) (?:held|convened) on\b|召开|举行/.test(t) && (date = findDate(text, s, ctx.dates))) break;
      }
      if (date) break;
    }
  }
  if (date) evidence.push(makeEvidence(text, 'date', date.iso, sentenceAround(paras, date.start, date.end)));

  // --- people, reporter, policies, body
  for (const e of people.evidence) evidence.push(e);
  const reporter = extractReporter(text, section, language);
  if (reporter) {
    evidence.push(makeEvidence(text, 'reporter', reporter.value, sentenceAround(paras, reporter.start, reporter.end)));
    // The byline names the reporter, who is neither at the meeting nor mentioned by it.
    people.mentioned = people.mentioned.filter((n) => n !== reporter.value);
    const drop = evidence.findIndex((e) => e.field === 'mentioned' && e.value === reporter.value);
    if (drop !== -1) evidence.splice(drop, 1);
  }
  const policies = extractPolicies(text, section, language);
  for (const p of policies) evidence.push(p.evidence);
  const body = extractBody(text, section, language, {
    title: titleValue,
    announcing,
    place: place?.value ?? null,
    heading: headingText && place && section.heading ? headingText : null,
    attendees: people.attendees,
    paragraphs: paras,
  });
  if (body) evidence.push(makeEvidence(text, 'body', body.value, body.span));

  const meeting: Meeting = {
    id: meetingSlug(place?.value ?? null, date?.iso ?? null, titleValue, report.id),
    file: report.file,
    title: titleValue,
    headline: headline ? tidy(headline.value) : null,
    date: date?.iso ?? null,
    body: body?.value ?? null,
    place: place?.value ?? null,
    language,
    chair: people.chair,
    attendees: people.attendees.map(({ name, role }) => ({ name, role })),
    mentioned: people.mentioned,
    reporter: reporter?.value ?? null,
    policies: policies.map((p) => p.policy),
    evidence,
  };
  return meeting;
}

