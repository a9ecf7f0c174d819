/**
 * Answers as plain text for terminals (CLI, offline console): every quote printed verbatim with its
 * citation. Discord rendering, with its limits and escaping, lives in src/discord/ — not here.
 */
import type { Answer, Excerpt, MeetingRef, Page, PersonEntry } from './types.js';

export function citation(e: Excerpt): string {
  return `— ${e.meeting.title} · ${e.meeting.date ?? 'date not stated'} · ${e.file} ¶${e.paragraph} [${e.start}–${e.end}]`;
}

function quote(e: Excerpt, indent = '    '): string {
  const text = e.text.replace(/\s*\n\s*/g, ' ');
  return `${indent}“${text}”\n${indent}${citation(e)}`;
}

export function meetingLine(m: MeetingRef): string {
  return `${m.title} · ${m.date ?? 'date not stated'}${m.place ? ` · ${m.place}` : ''} · ${m.id}`;
}

function people(label: string, list: PersonEntry[]): string[] {
  if (list.length === 0) return [`${label}: none named`];
  const out = [`${label}:`];
  for (const p of list) {
    out.push(`  ${p.name}${p.role ? ` (${p.role})` : ''}`);
    if (p.excerpt) out.push(quote(p.excerpt));
  }
  return out;
}

function pageLine(p: Page): string {
  return `page ${p.page} of ${p.pageCount} · ${p.total} item${p.total === 1 ? '' : 's'}`;
}

export function answerToText(a: Answer): string {
  const out: string[] = [];
  switch (a.kind) {
    case 'summary':
      out.push(a.meeting.title, `Meeting: ${a.meeting.id} (${a.meeting.file})`);
      out.push(`Date: ${a.meeting.date ?? 'not stated'}${a.dateText ? ` (printed: “${a.dateText}”)` : ''}`);
      if (a.headline) out.push(`Headline: ${a.headline}`);
      out.push(`Body: ${a.body ?? 'not stated'}`, `Place: ${a.meeting.place ?? 'not stated'}`);
      out.push(...people('Chair', a.chair));
      out.push(`Attendees (${a.attendeeCount}): ${a.attendees.map((p) => p.name).join(', ') || 'none named'}`);
      if (a.documents.length === 0) out.push('Documents: none named');
      else {
        out.push('Documents:');
        for (const d of a.documents) out.push(`  ${d.action ?? 'named'}: “${d.title}”`);
      }
      out.push('Key points:');
      a.keyPoints.forEach((k, i) => out.push(`  ${i + 1}.`, quote(k)));
      out.push(`Topics: ${a.topics.join('; ') || 'none found'}`);
      break;
    case 'attendees':
      out.push(meetingLine(a.meeting));
      out.push(...people('Chair', a.chair), ...people('Present', a.present), ...people('Mentioned only', a.mentioned));
      out.push(...people('Reporter', a.reporter ? [a.reporter] : []));
      break;
    case 'person':
      if (a.results.length === 0) out.push(`“${a.query}” is not named in any meeting.`);
      for (const r of a.results) {
        out.push(`${r.name} ${r.status} — ${meetingLine(r.meeting)}${r.role ? ` (${r.role})` : ''}`);
        if (r.excerpt) out.push(quote(r.excerpt));
      }
      break;
    case 'policies':
      out.push(a.query ? `Policies on “${a.query}”` : 'Named policy documents');
      for (const d of a.documents) {
        out.push(`  ${d.action ?? 'named'}: “${d.title}” — ${meetingLine(d.meeting)}`);
        if (d.excerpt) out.push(quote(d.excerpt, '      '));
      }
      for (const g of a.mentions) {
        out.push(`  Mentioned in ${meetingLine(g.meeting)}`);
        for (const e of g.excerpts) out.push(quote(e, '      '));
      }
      out.push(pageLine(a.page));
      break;
    case 'search':
      out.push(`Results for “${a.query}”`);
      a.hits.forEach((h, i) => out.push(`  ${i + 1}. (score ${h.score.toFixed(3)})`, quote(h.excerpt, '      ')));
      out.push(pageLine(a.page));
      break;
    case 'meetings':
      for (const m of a.meetings) out.push(`  ${meetingLine(m)}`);
      out.push(pageLine(a.page));
      break;
    case 'candidates':
      if (a.candidates.length === 0) out.push(`No meeting matches “${a.query}”.`);
      else {
        out.push(`“${a.query}” could mean:`);
        for (const m of a.candidates) out.push(`  ${meetingLine(m)}`);
        out.push('Ask again with the meeting id or more words.');
      }
      break;
    case 'notice':
      out.push(a.message);
      break;
  }
  return out.join('\n');
}

/** Exit code for a CLI printing this answer: 2 for bad input, 1 when nothing was found, else 0. */
export function exitCodeFor(a: Answer): number {
  if (a.kind === 'notice') return a.code === 'bad-input' || a.code === 'empty-query' || a.code === 'query-too-long' ? 2 : 1;
  if (a.kind === 'candidates') return a.candidates.length === 0 ? 1 : 0;
  if (a.kind === 'person') return a.results.length === 0 ? 1 : 0;
  return 0;
}

/** Print an answer as text or JSON to stdout and return the exit code. */
export function printAnswer(a: Answer, json: boolean): number {
  console.log(json ? JSON.stringify(a, null, 2) : answerToText(a));
  return exitCodeFor(a);
}
