/**
 * Answer → Discord message JSON (raw API shape), within every limit in `limits.ts`.
 *
 * Layout rule: each quoted excerpt travels as one "item" together with its citation, and items are only ever
 * kept or dropped whole, so no excerpt is shown without meeting, date and paragraph. Report text always goes
 * through `text.ts` (cleaned, escaped, cut at a word boundary); our own labels do not need escaping.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import type {
  Answer,
  AttendeesAnswer,
  CandidatesAnswer,
  DocumentEntry,
  Excerpt,
  MeetingRef,
  MeetingsAnswer,
  NoticeAnswer,
  Page,
  PersonAnswer,
  PersonEntry,
  PolicyAnswer,
  SearchAnswer,
  Suggestion,
  SummaryAnswer,
} from '../answers/types.js';
import { encodeButtonId } from './custom-id.js';
import { labelsFor, type Labels } from './labels.js';
import { FLAG_EPHEMERAL, FLAG_SUPPRESS_EMBEDS, LIMITS } from './limits.js';
import { clean, cutOwn, fitLines, highlightSegments, plain, renderSegments, visible } from './text.js';

export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
  flags?: number;
  allowed_mentions: { parse: [] };
}

export interface RenderOptions {
  locale?: string | null;
  /** Requested visibility; private-only answers (errors, empty results, clarifications) stay private anyway. */
  visibility?: 'private' | 'public';
  /** State key for Prev/Next and Share buttons; without it the message has no buttons. */
  stateKey?: string;
  /** User id of whoever shared a private result into the channel. */
  sharedBy?: string;
}

const COLOR = { answer: 0x3b82f6, info: 0x64748b, error: 0xdc2626 } as const;

/** Room kept under the 6000 total for footers and rounding, so item budgets rarely need the safety net. */
const TOTAL_BUDGET = LIMITS.embedTotal - 400;
/** Longest meeting title inside a citation; the embed title shows it in full. */
const CITE_TITLE_MAX = 90;

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** Answers that must never be posted publicly: refusals, errors, empty results and "which meeting?". */
export function isPrivateOnly(answer: Answer): boolean {
  switch (answer.kind) {
    case 'notice':
    case 'candidates':
      return true;
    case 'search':
      return answer.hits.length === 0;
    case 'meetings':
      return answer.meetings.length === 0;
    case 'person':
      return answer.results.length === 0;
    case 'policies':
      return answer.documents.length === 0 && answer.mentions.length === 0;
    default:
      return false;
  }
}

export function pageOf(answer: Answer): Page | null {
  return answer.kind === 'search' || answer.kind === 'meetings' || answer.kind === 'policies' ? answer.page : null;
}

export function renderAnswer(answer: Answer, opts: RenderOptions = {}): RenderedMessage {
  const L = labelsFor(opts.locale);
  const privateOnly = isPrivateOnly(answer);
  const isPrivate = privateOnly || opts.visibility !== 'public';
  const embed = draftFor(answer, L);
  const components: Array<APIActionRowComponent<APIButtonComponent>> = [];
  const page = pageOf(answer);
  if (opts.stateKey && answer.kind === 'candidates' && answer.candidates.length > 0) {
    components.push(...pickRows(answer, opts.stateKey, L));
  }
  if (opts.stateKey && !privateOnly) {
    const buttons: APIButtonComponent[] = [];
    if (page && page.pageCount > 1) {
      buttons.push(
        button(L.previous, encodeButtonId({ action: 'page', key: opts.stateKey, page: page.page - 1 }), page.page <= 1, 2),
        button(L.next, encodeButtonId({ action: 'page', key: opts.stateKey, page: page.page + 1 }), page.page >= page.pageCount, 2),
      );
    }
    if (isPrivate) {
      buttons.push(button(L.share, encodeButtonId({ action: 'share', key: opts.stateKey, page: page?.page ?? 1 }), false, 1));
    }
    if (buttons.length > 0) components.push({ type: 1, components: buttons.slice(0, LIMITS.buttonsPerRow) });
  }
  const content = opts.sharedBy && /^\d{1,25}$/.test(opts.sharedBy) ? cutOwn(L.sharedBy(`<@${opts.sharedBy}>`), LIMITS.content) : undefined;
  return finish({ content, embeds: [embed], components, flags: isPrivate ? FLAG_EPHEMERAL : 0 }, L);
}

/** A private error / info line of our own (e.g. "this page has expired"). */
export function renderNotice(text: string, level: 'info' | 'error', locale?: string | null): RenderedMessage {
  return finish(
    {
      embeds: [{ description: cutOwn(text, LIMITS.embedDescription), color: level === 'error' ? COLOR.error : COLOR.info }],
      components: [],
      flags: FLAG_EPHEMERAL,
    },
    labelsFor(locale),
  );
}

export function renderHelp(locale?: string | null): RenderedMessage {
  const L = labelsFor(locale);
  const draft: Draft = {
    title: L.help.title,
    description: [L.help.intro],
    fields: L.help.commands.map(([name, text]) => ({ name, items: [text] })),
    footer: L.help.privacy,
    color: COLOR.info,
  };
  return finish({ embeds: [draft], components: [], flags: FLAG_EPHEMERAL }, L);
}

/** Autocomplete choices: ≤ 25, names 1–100 visible characters, values ≤ 100 (dropped, not cut: a cut id is wrong). */
export function renderChoices(suggestions: readonly Suggestion[]): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  const seen = new Set<string>();
  for (const s of suggestions) {
    if (out.length >= LIMITS.autocompleteChoices) break;
    const value = s.value;
    if (value.length === 0 || value.length > LIMITS.choiceValue || seen.has(value)) continue;
    const name = choiceName(s.name, value);
    seen.add(value);
    out.push({ name, value });
  }
  return out;
}

/**
 * Choice names are plain text (no markdown): cleaned, not escaped. A name built as "title · date · place" keeps its
 * date and place when too long; the title gives way, cut at a word.
 */
function choiceName(name: string, value: string): string {
  const text = clean(name).trim() || clean(value).trim() || '?';
  if (text.length <= LIMITS.choiceName) return text;
  const parts = text.split(' · ');
  const tail = parts.slice(1).join(' · ');
  if (parts.length > 1 && tail.length <= LIMITS.choiceName / 2) {
    return `${visible(parts[0]!, LIMITS.choiceName - tail.length - 3)} · ${tail}`;
  }
  return visible(text, LIMITS.choiceName);
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts: an embed whose description and field values are lists of items, fitted at the end.

interface DraftField {
  name: string;
  items: string[];
  inline?: boolean;
  /** How items are joined (default one per line); a comma list stays a comma list when cut. */
  sep?: string;
}

interface Draft {
  title?: string;
  description: string[];
  fields: DraftField[];
  footer?: string;
  color: number;
}

function draftFor(answer: Answer, L: Labels): Draft {
  switch (answer.kind) {
    case 'summary':
      return summaryDraft(answer, L);
    case 'attendees':
      return attendeesDraft(answer, L);
    case 'person':
      return personDraft(answer, L);
    case 'policies':
      return policiesDraft(answer, L);
    case 'search':
      return searchDraft(answer, L);
    case 'meetings':
      return meetingsDraft(answer, L);
    case 'candidates':
      return candidatesDraft(answer, L);
    case 'notice':
      return noticeDraft(answer, L);
  }
}

function dateOf(m: MeetingRef, L: Labels): string {
  return m.date ? plain(m.date, 20) : L.dateNotStated;
}

/** "— Wuxi 21st executive meeting · 2023-04-26 · 000_dd81edec0bfeecd1.txt ¶4" */
function citation(ex: Excerpt, L: Labels, titleMax = CITE_TITLE_MAX, fileMax = 60): string {
  return `— ${plain(ex.meeting.title, titleMax)} · ${dateOf(ex.meeting, L)} · ${plain(ex.file, fileMax)} ¶${ex.paragraph}`;
}

/** The excerpt, matched terms in bold, in quotation marks, followed by its citation — within `max`. */
function quote(ex: Excerpt, max: number, L: Labels, lead = ''): string {
  // In a tight budget the citation's meeting title and file name shorten first, so the quote keeps some room.
  const avail = max - lead.length;
  const cite = citation(ex, L, Math.max(12, Math.min(CITE_TITLE_MAX, Math.floor(avail / 2) - 80)), Math.max(12, Math.min(60, Math.floor(avail / 4))));
  const room = max - lead.length - cite.length - 3; // “ ” \n
  const body = renderSegments(highlightSegments(ex.text, ex.start, ex.highlights), Math.max(room, 1));
  return cutOwn(`${lead}“${body}”\n${cite}`, max);
}

function meetingLine(m: MeetingRef, L: Labels, max: number): string {
  const place = m.place ? plain(m.place, 60) : L.placeNotStated;
  const tail = ` · ${dateOf(m, L)} · ${place} · ${L.meetingId}${L.colon}${plain(m.id, 100)}`;
  return cutOwn(`**${plain(m.title, Math.max(20, max - tail.length - 4))}**${tail}`, max);
}

function personText(p: PersonEntry): string {
  const name = plain(p.name, 80);
  return p.role ? `${name} (${plain(p.role, 120)})` : name;
}

/** Characters each of `count` items may use once `used` characters are spoken for. */
function perItem(count: number, used: number, cap: number): number {
  return Math.max(120, Math.min(cap, Math.floor((TOTAL_BUDGET - used) / Math.max(1, count)) - 1));
}

function namesLength(names: readonly string[]): number {
  return names.reduce((n, s) => n + s.length, 0);
}

function footerFor(page: Page, L: Labels): string {
  return L.pageFooter(page.page, page.pageCount, page.total);
}

function summaryDraft(a: SummaryAnswer, L: Labels): Draft {
  const m = a.meeting;
  const facts: string[] = [];
  const dateText = a.dateText ? `${plain(a.dateText, 80)}${m.date ? ` (${plain(m.date, 20)})` : ''}` : m.date ? plain(m.date, 20) : L.dateNotStated;
  facts.push(`**${L.date}**${L.colon}${dateText}`);
  facts.push(`**${L.place}**${L.colon}${m.place ? plain(m.place, 120) : L.placeNotStated}`);
  if (a.body) facts.push(`**${L.body}**${L.colon}${plain(a.body, 200)}`);
  const headline = a.headline && clean(a.headline).trim() !== clean(m.title).trim() ? plain(a.headline, 400) : '';
  if (headline) facts.push(`*${headline}*`);

  const fields: DraftField[] = [
    { name: L.chair, items: a.chair.length ? a.chair.map(personText) : [L.none], inline: true },
    {
      name: L.attendees(a.attendeeCount),
      items: a.attendees.length ? a.attendees.map(personText) : [L.none],
      sep: ', ',
    },
  ];
  if (a.documents.length) fields.push({ name: L.documents, items: a.documents.map((d) => documentLine(d, 300)) });
  if (a.topics.length) fields.push({ name: L.topics, items: a.topics.map((t) => plain(t, 60)), sep: ' · ' });

  const used = fields.reduce((n, f) => n + Math.min(LIMITS.fieldValue, f.items.join(f.sep ?? '\n').length) + f.name.length, 0) + 400;
  const budget = Math.min(LIMITS.embedDescription - 400, TOTAL_BUDGET - used);
  const each = Math.max(160, Math.floor(budget / Math.max(1, a.keyPoints.length)) - 8);
  const points = a.keyPoints.map((ex, i) => quote(ex, each, L, `${i + 1}. `));
  return {
    title: plain(m.title, LIMITS.embedTitle),
    description: [...facts, '', `**${L.keyPoints}**`, ...(points.length ? points : [L.none])],
    fields,
    footer: `${L.meetingId}${L.colon}${clean(m.id)} · ${clean(m.file)}`,
    color: COLOR.answer,
  };
}

function documentLine(d: DocumentEntry, max: number): string {
  const action = d.action ? ` — ${plain(d.action, 40)}` : '';
  return cutOwn(`• **${plain(d.title, Math.max(40, max - action.length - 6))}**${action}`, max);
}

function attendeesDraft(a: AttendeesAnswer, L: Labels): Draft {
  const m = a.meeting;
  const names = (list: PersonEntry[]) => (list.length ? list.map(personText) : [L.none]);
  const fields: DraftField[] = [
    { name: L.chair, items: names(a.chair), inline: true, sep: ', ' },
    { name: L.reporter, items: a.reporter ? [personText(a.reporter)] : [L.none], inline: true },
    { name: `${L.present} (${a.present.length})`, items: names(a.present), sep: ', ' },
    { name: L.mentionedOnly, items: names(a.mentioned), sep: ', ' },
  ];
  // Each distinct excerpt once, with the names it supports.
  const seen = new Map<string, { ex: Excerpt; who: string[] }>();
  for (const p of [...a.chair, ...a.present, ...a.mentioned, ...(a.reporter ? [a.reporter] : [])]) {
    if (!p.excerpt) continue;
    const k = `${p.excerpt.file}:${p.excerpt.start}:${p.excerpt.end}`;
    const entry = seen.get(k) ?? { ex: p.excerpt, who: [] };
    if (!entry.who.includes(p.name)) entry.who.push(p.name);
    seen.set(k, entry);
  }
  const evidence = [...seen.values()];
  const used = fields.reduce((n, f) => n + Math.min(LIMITS.fieldValue, f.items.join(f.sep ?? '\n').length) + f.name.length, 0) + 400;
  const each = Math.max(160, Math.floor(Math.min(LIMITS.embedDescription - 200, TOTAL_BUDGET - used) / Math.max(1, evidence.length)) - 4);
  return {
    title: plain(`${L.attendeesOf}: ${m.title}`, LIMITS.embedTitle),
    description: [
      `${dateOf(m, L)} · ${m.place ? plain(m.place, 120) : L.placeNotStated}`,
      ...(evidence.length ? ['', `**${L.evidence}**`] : []),
      ...evidence.map((e) => {
        const lead = `${plain(e.who.join(', '), 150)}: `;
        return quote(e.ex, each + lead.length, L, lead);
      }),
    ],
    fields,
    footer: `${L.meetingId}${L.colon}${clean(m.id)} · ${clean(m.file)}`,
    color: COLOR.answer,
  };
}

function personDraft(a: PersonAnswer, L: Labels): Draft {
  if (a.results.length === 0) return { description: [plain(L.personNotFound(a.query), 500)], fields: [], color: COLOR.info };
  const shown = a.results.slice(0, LIMITS.embedFields);
  const names = shown.map((r) => `${plain(r.meeting.title, 200)} · ${dateOf(r.meeting, L)}`);
  const each = perItem(shown.length, 300 + namesLength(names), LIMITS.fieldValue);
  const fields = shown.map((r, i) => {
    const head = `**${L.status[r.status]}** — ${plain(r.name, 80)}${r.role ? ` (${plain(r.role, 120)})` : ''}`;
    return {
      name: names[i]!,
      items: [
        r.excerpt
          ? quote(r.excerpt, Math.min(LIMITS.fieldValue, each + head.length + 1), L, `${head}\n`)
          : `${head}\n${L.meetingId}${L.colon}${plain(r.meeting.id, 100)}`,
      ],
    };
  });
  return {
    title: plain(L.personTitle(a.query), LIMITS.embedTitle),
    description: [],
    fields,
    footer: a.results.length > shown.length ? L.more(a.results.length - shown.length) : undefined,
    color: COLOR.answer,
  };
}

function policiesDraft(a: PolicyAnswer, L: Labels): Draft {
  if (a.documents.length === 0 && a.mentions.length === 0) {
    return { description: [L.noResults], fields: [], footer: footerFor(a.page, L), color: COLOR.info };
  }
  const groups = a.mentions.slice(0, LIMITS.embedFields);
  const names = groups.map((g) => `${L.mentions}: ${plain(g.meeting.title, 150)} · ${dateOf(g.meeting, L)}`);
  const docLines = a.documents.map((d) => `${documentLine(d, 200)} · ${plain(d.meeting.title, 80)} · ${dateOf(d.meeting, L)}`);
  const excerptCount = groups.reduce((n, g) => n + g.excerpts.length, 0) + a.documents.filter((d) => d.excerpt).length;
  const each = perItem(excerptCount, 300 + namesLength(names) + namesLength(docLines), 900);
  const docs = a.documents.map((d, i) => (d.excerpt ? quote(d.excerpt, each + docLines[i]!.length + 1, L, `${docLines[i]!}\n`) : docLines[i]!));
  const fields = groups.map((g, i) => ({
    name: names[i]!,
    items: g.excerpts.map((ex) => quote(ex, Math.min(each, LIMITS.fieldValue), L)),
  }));
  return {
    title: plain(L.policiesTitle(a.query), LIMITS.embedTitle),
    description: docs.length ? [`**${L.namedDocuments}**`, ...docs] : [],
    fields,
    footer: footerFor(a.page, L),
    color: COLOR.answer,
  };
}

function searchDraft(a: SearchAnswer, L: Labels): Draft {
  if (a.hits.length === 0) {
    return { title: plain(L.searchTitle(a.query), LIMITS.embedTitle), description: [L.noResults], fields: [], color: COLOR.info };
  }
  const shown = a.hits.slice(0, LIMITS.embedFields);
  // Names share the total with the excerpts: the more hits, the shorter each meeting title.
  const nameMax = Math.max(40, Math.min(200, Math.floor(TOTAL_BUDGET / 3 / Math.max(1, shown.length))));
  const names = shown.map((h) => plain(h.excerpt.meeting.title, nameMax));
  const each = perItem(shown.length, 300 + namesLength(names) + shown.length * 6, LIMITS.fieldValue);
  // Number hits across pages; the page size is not in the answer, so infer it from the totals.
  const perPage = Math.max(a.hits.length, Math.ceil(a.page.total / Math.max(1, a.page.pageCount)));
  const first = (a.page.page - 1) * perPage;
  const fields = shown.map((h, i) => ({
    name: `${first + i + 1}. ${names[i]!}`,
    items: [quote(h.excerpt, each, L)],
  }));
  return {
    title: plain(L.searchTitle(a.query), LIMITS.embedTitle),
    description: [],
    fields,
    footer: footerFor(a.page, L),
    color: COLOR.answer,
  };
}

function meetingsDraft(a: MeetingsAnswer, L: Labels): Draft {
  const f = a.filters;
  const parts = [
    f.person ? plain(f.person, 80) : null,
    f.place ? plain(f.place, 80) : null,
    f.from || f.to ? `${f.from ? plain(f.from, 20) : '…'} – ${f.to ? plain(f.to, 20) : '…'}` : null,
    f.language ? L.language[f.language] : null,
  ].filter((p): p is string => p !== null);
  const header = parts.length ? [`**${L.filters}**${L.colon}${parts.join(' · ')}`] : [];
  if (a.meetings.length === 0) return { title: L.meetingsTitle, description: [...header, L.noResults], fields: [], color: COLOR.info };
  return {
    title: L.meetingsTitle,
    description: [...header, ...a.meetings.map((m) => `• ${meetingLine(m, L, 400)}`)],
    fields: [],
    footer: footerFor(a.page, L),
    color: COLOR.answer,
  };
}

/** Candidates that get a button (two rows); the rest are listed only. */
const PICK_BUTTONS = 10;

function pickRows(a: CandidatesAnswer, key: string, L: Labels): Array<APIActionRowComponent<APIButtonComponent>> {
  const buttons = a.candidates.slice(0, PICK_BUTTONS).map((m, i) => {
    // Labels are plain text (no markdown): cleaned, not escaped.
    const date = ` · ${m.date ?? L.dateNotStated}`;
    const label = `${i + 1}. ${visible(m.title, LIMITS.buttonLabel - date.length - 4)}${date}`;
    return button(label, encodeButtonId({ action: 'pick', key, page: i }), false, 2);
  });
  const rows: Array<APIActionRowComponent<APIButtonComponent>> = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) rows.push({ type: 1, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  return rows;
}

function candidatesDraft(a: CandidatesAnswer, L: Labels): Draft {
  if (a.candidates.length === 0) return { description: [plain(L.noMeeting(a.query), 600)], fields: [], color: COLOR.info };
  return {
    title: L.candidatesTitle,
    description: [plain(L.candidatesIntro(a.query), 600), ...a.candidates.map((m, i) => `${i + 1}. ${meetingLine(m, L, 400)}`)],
    fields: [],
    color: COLOR.info,
  };
}

function noticeDraft(a: NoticeAnswer, L: Labels): Draft {
  // Notices may echo the user's input, so they are escaped like report text.
  // An empty or all-invisible message still needs visible text: fall back to the code.
  return { description: [plain(L.notice(a), 1000) || a.code], fields: [], color: a.level === 'error' ? COLOR.error : COLOR.info };
}

// ---------------------------------------------------------------------------------------------------------------
// Fitting

function button(label: string, customId: string, disabled: boolean, style: 1 | 2): APIButtonComponent {
  return { type: 2, style, label: cutOwn(label, LIMITS.buttonLabel), custom_id: customId, disabled };
}

function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function buildEmbed(d: Draft, L: Labels, valueCaps: Map<DraftField | 'description', number>, keepFields: number = LIMITS.embedFields): APIEmbed {
  const more = (n: number) => L.more(n);
  const embed: APIEmbed = { color: d.color };
  if (d.title) embed.title = cutOwn(d.title, LIMITS.embedTitle);
  const desc = fitLines(d.description, valueCaps.get('description') ?? LIMITS.embedDescription, more);
  if (desc.trim()) embed.description = desc;
  const fields: APIEmbedField[] = [];
  const shown = d.fields.slice(0, Math.min(keepFields, LIMITS.embedFields));
  for (const f of shown) {
    const value = fitLines(f.items, valueCaps.get(f) ?? LIMITS.fieldValue, more, f.sep);
    fields.push({ name: cutOwn(f.name.trim() || '—', LIMITS.fieldName), value: value.trim() ? value : '—', ...(f.inline ? { inline: true } : {}) });
  }
  if (fields.length) embed.fields = fields;
  const dropped = d.fields.length - shown.length;
  const footer = [d.footer, dropped > 0 ? L.more(dropped) : undefined].filter(Boolean).join(' · ');
  if (footer) embed.footer = { text: cutOwn(footer, LIMITS.footerText) };
  return embed;
}

/**
 * Turn drafts into embeds and enforce the per-message total: while over, the largest block (description or a field
 * value) gives up whole items. Then components and content are capped. Every message carries
 * `allowed_mentions: { parse: [] }`.
 */
function finish(
  msg: { content?: string; embeds: Array<Draft | APIEmbed>; components: Array<APIActionRowComponent<APIButtonComponent>>; flags: number },
  L: Labels,
): RenderedMessage {
  const embeds: APIEmbed[] = [];
  for (const e of msg.embeds.slice(0, LIMITS.embedsPerMessage)) {
    if (!isDraft(e)) {
      embeds.push(e);
      continue;
    }
    const caps = new Map<DraftField | 'description', number>();
    let keep = Math.min(e.fields.length, LIMITS.embedFields);
    let embed = buildEmbed(e, L, caps, keep);
    const others = embeds.reduce((n, x) => n + embedLength(x), 0);
    for (let guard = 0; others + embedLength(embed) > LIMITS.embedTotal && guard < 500; guard++) {
      const over = others + embedLength(embed) - LIMITS.embedTotal;
      // Shrink the biggest list (description or a field of several items) by whole items; when no list is left
      // to shrink, drop whole fields from the end (a single excerpt is never cut away from its citation).
      let target: DraftField | 'description' | null = null;
      let size = 0;
      if (e.description.length > 1 && (embed.description?.length ?? 0) > 0) {
        target = 'description';
        size = embed.description!.length;
      }
      e.fields.slice(0, keep).forEach((f, i) => {
        const len = embed.fields?.[i]?.value.length ?? 0;
        if (f.items.length > 1 && len > size && len > L.more(f.items.length).length) {
          size = len;
          target = f;
        }
      });
      if (target !== null) caps.set(target, Math.max(0, size - over));
      else if (keep > 0) keep--;
      else caps.set('description', Math.max(0, (embed.description?.length ?? 0) - over));
      embed = buildEmbed(e, L, caps, keep);
    }
    embeds.push(embed);
  }
  const components = msg.components.slice(0, LIMITS.actionRows).map((row) => ({ ...row, components: row.components.slice(0, LIMITS.buttonsPerRow) }));
  let flags = msg.flags;
  const content = msg.content ? cutOwn(msg.content, LIMITS.content) : undefined;
  // Our content never carries report links, but if it ever holds a URL with no embed of ours, no preview.
  if (content && /https?:\/\//i.test(content) && embeds.length === 0) flags |= FLAG_SUPPRESS_EMBEDS;
  const out: RenderedMessage = { embeds, components, allowed_mentions: { parse: [] } };
  if (content) out.content = content;
  if (flags) out.flags = flags;
  return out;
}

function isDraft(e: Draft | APIEmbed): e is Draft {
  return Array.isArray((e as Draft).description);
}
