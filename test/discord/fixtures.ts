/**
 * Test data builders for the Discord layer: fabricated answers (shapes of the `Answer` contract) and fast-check
 * arbitraries that produce long, odd and hostile report text.
 */
import fc from 'fast-check';
import type { Answer, Excerpt, MeetingRef, Page, PersonEntry } from '../../src/answers/types.js';
import { LIMITS } from '../../src/discord/limits.js';
import type { RenderedMessage } from '../../src/discord/render.js';

export const HOSTILE = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!42>',
  '<@&456>',
  '<#789>',
  '</summarize:1>',
  '<t:1700000000:R>',
  '```js\nalert(1)\n```',
  '`code`',
  '**bold**',
  '__under__',
  '~~strike~~',
  '||spoiler||',
  '[click](javascript:alert(1))',
  '[x](https://evil.example/)',
  '> quote',
  '# Heading',
  '-# subtext',
  '1. list',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u00ad',
  '👩‍👩‍👧‍👦',
  '🇨🇳',
  'مرحبا',
  'עברית',
  '会议指出，要坚持稳中求进工作总基调。',
  '<\u0301@123>',
  '*\u0301*',
  '\\',
  '\\*',
  '\n\n',
  '\t',
  '\ud800',
  'https://example.com/a_b_c',
  'word.Word',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom('the ', 'meeting ', 'business environment ', 'pointed out ', '。', ', ', ' ') },
  { weight: 1, arbitrary: fc.constant('x'.repeat(3000)) },
  { weight: 1, arbitrary: fc.constant('长'.repeat(2500)) },
);

export const hostileText = (maxPieces = 40) => fc.array(piece, { maxLength: maxPieces }).map((p) => p.join(''));

export const meetingRef: fc.Arbitrary<MeetingRef> = fc.record({
  id: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,60}$/), hostileText(3)),
  title: hostileText(8),
  date: fc.option(fc.constantFrom('2023-04-26', '2024-01-01', '1999-12-31'), { nil: null }),
  place: fc.option(hostileText(3), { nil: null }),
  file: fc.oneof(fc.constant('000_dd81edec0bfeecd1.txt'), hostileText(2)),
  language: fc.constantFrom('en' as const, 'zh' as const),
});

export const excerpt: fc.Arbitrary<Excerpt> = fc
  .record({
    text: hostileText(),
    base: fc.nat({ max: 100_000 }),
    meeting: meetingRef,
    paragraph: fc.integer({ min: 1, max: 999 }),
    hl: fc.array(fc.tuple(fc.integer({ min: -10, max: 4000 }), fc.integer({ min: 0, max: 200 })), { maxLength: 6 }),
    language: fc.constantFrom('en' as const, 'zh' as const),
  })
  .map(({ text, base, meeting, paragraph, hl, language }) => ({
    text,
    start: base,
    end: base + text.length,
    file: meeting.file,
    meeting,
    paragraph,
    highlights: hl.map(([s, len]) => ({ start: base + s, end: base + s + len })),
    language,
  }));

const person: fc.Arbitrary<PersonEntry> = fc.record({
  name: hostileText(3),
  role: fc.option(hostileText(4), { nil: null }),
  excerpt: fc.option(excerpt, { nil: null }),
});

const page: fc.Arbitrary<Page> = fc
  .record({ pageCount: fc.integer({ min: 1, max: 50 }), total: fc.nat({ max: 2000 }), p: fc.nat({ max: 60 }) })
  .map(({ pageCount, total, p }) => ({ page: Math.min(pageCount, p + 1), pageCount, total }));

const documentEntry = fc.record({
  title: hostileText(5),
  action: fc.option(fc.constantFrom('reviewed', 'adopted', 'issued', '审议'), { nil: null }),
  meeting: meetingRef,
  excerpt: fc.option(excerpt, { nil: null }),
});

export const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    kind: fc.constant('summary' as const),
    meeting: meetingRef,
    dateText: fc.option(hostileText(3), { nil: null }),
    body: fc.option(hostileText(3), { nil: null }),
    headline: fc.option(hostileText(6), { nil: null }),
    chair: fc.array(person, { maxLength: 3 }),
    attendeeCount: fc.nat({ max: 500 }),
    attendees: fc.array(person, { maxLength: 40 }),
    documents: fc.array(documentEntry, { maxLength: 12 }),
    keyPoints: fc.array(excerpt, { maxLength: 6 }),
    topics: fc.array(hostileText(2), { maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('attendees' as const),
    meeting: meetingRef,
    chair: fc.array(person, { maxLength: 3 }),
    present: fc.array(person, { maxLength: 40 }),
    mentioned: fc.array(person, { maxLength: 10 }),
    reporter: fc.option(person, { nil: null }),
  }),
  fc.record({
    kind: fc.constant('person' as const),
    query: hostileText(3),
    results: fc.array(
      fc.record({
        meeting: meetingRef,
        status: fc.constantFrom('chaired' as const, 'attended' as const, 'mentioned' as const, 'reported' as const),
        name: hostileText(2),
        role: fc.option(hostileText(3), { nil: null }),
        excerpt: fc.option(excerpt, { nil: null }),
      }),
      { maxLength: 30 },
    ),
  }),
  fc.record({
    kind: fc.constant('policies' as const),
    query: fc.option(hostileText(3), { nil: null }),
    documents: fc.array(documentEntry, { maxLength: 15 }),
    mentions: fc.array(fc.record({ meeting: meetingRef, excerpts: fc.array(excerpt, { maxLength: 5 }) }), { maxLength: 30 }),
    page,
  }),
  fc.record({
    kind: fc.constant('search' as const),
    query: hostileText(3),
    hits: fc.array(fc.record({ excerpt, score: fc.double({ noNaN: true }) }), { maxLength: 30 }),
    page,
  }),
  fc.record({
    kind: fc.constant('meetings' as const),
    filters: fc.record(
      {
        person: hostileText(2),
        place: hostileText(2),
        from: fc.constant('2023-01-01'),
        to: fc.constant('2023-12-31'),
        language: fc.constantFrom('en' as const, 'zh' as const),
      },
      { requiredKeys: [] },
    ),
    meetings: fc.array(meetingRef, { maxLength: 60 }),
    page,
  }),
  fc.record({ kind: fc.constant('candidates' as const), query: hostileText(3), candidates: fc.array(meetingRef, { maxLength: 30 }) }),
  fc.record({
    kind: fc.constant('notice' as const),
    level: fc.constantFrom('info' as const, 'error' as const),
    code: fc.constantFrom('empty-query' as const, 'query-too-long' as const, 'no-results' as const, 'no-meeting' as const, 'bad-input' as const, 'expired' as const, 'internal-error' as const),
    message: hostileText(4),
  }),
);

/** Every limit Discord enforces on a message; returns the violations (empty when the payload is valid). */
export function limitViolations(msg: RenderedMessage): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what);
  };
  check((msg.content ?? '').length <= LIMITS.content, 'content');
  check(msg.embeds.length <= LIMITS.embedsPerMessage, 'embed count');
  check(Boolean(msg.content) || msg.embeds.length > 0 || msg.components.length > 0, 'empty message');
  let total = 0;
  for (const e of msg.embeds) {
    check(Boolean(e.title || e.description || (e.fields ?? []).length), 'embed with nothing to show');
    check((e.title ?? '').length <= LIMITS.embedTitle, 'title');
    check((e.description ?? '').length <= LIMITS.embedDescription, 'description');
    check(e.description === undefined || e.description.length > 0, 'empty description');
    check((e.fields ?? []).length <= LIMITS.embedFields, 'field count');
    for (const f of e.fields ?? []) {
      check(f.name.length >= 1 && f.name.length <= LIMITS.fieldName, 'field name');
      check(f.value.length >= 1 && f.value.length <= LIMITS.fieldValue, 'field value');
      total += f.name.length + f.value.length;
    }
    check((e.footer?.text ?? '').length <= LIMITS.footerText, 'footer');
    check((e.author?.name ?? '').length <= LIMITS.authorName, 'author');
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
  }
  check(total <= LIMITS.embedTotal, `embed total ${total}`);
  check(msg.components.length <= LIMITS.actionRows, 'rows');
  const ids = new Set<string>();
  for (const row of msg.components) {
    check(row.components.length <= LIMITS.buttonsPerRow, 'buttons per row');
    for (const b of row.components) {
      if ('custom_id' in b) {
        check(b.custom_id.length <= LIMITS.customId, 'custom_id');
        check(!ids.has(b.custom_id), 'duplicate custom_id');
        ids.add(b.custom_id);
      }
      if ('label' in b && b.label !== undefined) check(b.label.length <= LIMITS.buttonLabel, 'label');
    }
  }
  check(JSON.stringify(msg.allowed_mentions) === JSON.stringify({ parse: [] }), 'allowed_mentions');
  return bad;
}

/** All markdown-rendered text of a message's embeds (footers are plain text in Discord: see `footerTexts`). */
export function embedTexts(msg: RenderedMessage): string[] {
  return msg.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);
}

export function footerTexts(msg: RenderedMessage): string[] {
  return msg.embeds.map((e) => e.footer?.text ?? '');
}

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u00ad\u061c]/;

/** Ways the text could ping, link, format or hide something it should not. Empty when safe. */
export function breakouts(text: string): string[] {
  const bad: string[] = [];
  // Backslash escapes render literally: stand them in with a neutral letter.
  const bare = text.replace(/\\[\s\S]/g, 'x');
  if (/[@<>[\]`|~_]/.test(bare)) bad.push(`unescaped markdown/mention char in ${JSON.stringify(bare.slice(0, 200))}`);
  if (INVISIBLE.test(text)) bad.push('invisible or bidi control character');
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) bad.push('lone surrogate');
  for (const line of bare.split('\n')) {
    const stars = line.replace(/\*\*/g, '').replace(/[^*]/g, '').length;
    const bolds = (line.match(/\*\*/g) ?? []).length;
    if (bolds % 2 !== 0) bad.push(`unbalanced bold in ${JSON.stringify(line.slice(0, 200))}`);
    if (stars % 2 !== 0) bad.push(`unbalanced italic in ${JSON.stringify(line.slice(0, 200))}`);
  }
  return bad;
}
