import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Excerpt, MeetingRef, SearchAnswer } from '../../src/answers/types.js';
import { decodeButtonId } from '../../src/discord/custom-id.js';
import { FLAG_EPHEMERAL } from '../../src/discord/limits.js';
import { isPrivateOnly, renderAnswer, renderChoices, renderHelp } from '../../src/discord/render.js';
import { answer, breakouts, embedTexts, footerTexts, limitViolations } from './fixtures.js';

const wuxi: MeetingRef = {
  id: 'wuxi-2023-04-26-21st-executive-meeting',
  title: 'Wuxi 21st executive meeting',
  date: '2023-04-26',
  place: 'Wuxi',
  file: '000_dd81edec0bfeecd1.txt',
  language: 'en',
};

function ex(text: string, highlights: Array<[number, number]> = [], meeting: MeetingRef = wuxi, paragraph = 4): Excerpt {
  const start = 1000;
  return {
    text,
    start,
    end: start + text.length,
    file: meeting.file,
    meeting,
    paragraph,
    highlights: highlights.map(([s, e]) => ({ start: start + s, end: start + e })),
    language: meeting.language,
  };
}

function search(texts: string[], page = { page: 1, pageCount: 1, total: texts.length }): SearchAnswer {
  return { kind: 'search', query: 'business environment', hits: texts.map((t) => ({ excerpt: ex(t, [[0, 8]]), score: 1 })), page };
}

describe('renderAnswer: properties over random, hostile answers', () => {
  it('never exceeds a Discord limit, never pings, never breaks formatting', () => {
    fc.assert(
      fc.property(
        answer,
        fc.constantFrom('en-US', 'zh-CN', null),
        fc.constantFrom('private' as const, 'public' as const),
        fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{8}$/), { nil: undefined }),
        fc.option(fc.constantFrom('123456789012345678', '@everyone', '<@&1>'), { nil: undefined }),
        (a, locale, visibility, stateKey, sharedBy) => {
          const msg = renderAnswer(a, { locale, visibility, stateKey, sharedBy });
          expect(limitViolations(msg)).toEqual([]);
          for (const t of embedTexts(msg)) expect(breakouts(t)).toEqual([]);
          for (const t of footerTexts(msg)) expect(t).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/);
          // The only mention a message may hold is the sharer's, and allowed_mentions keeps it silent.
          if (msg.content) expect(msg.content).toMatch(/^(Shared by|由) <@\d+>( 分享)?$/);
          expect(msg.allowed_mentions).toEqual({ parse: [] });
          if (isPrivateOnly(a)) {
            expect(msg.flags! & FLAG_EPHEMERAL).toBe(FLAG_EPHEMERAL);
            // Never Share or paging buttons; a "which meeting?" list may offer its candidates.
            const actions = msg.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? decodeButtonId(b.custom_id)?.action : null)));
            if (a.kind === 'candidates' && a.candidates.length > 0 && stateKey) expect(new Set(actions)).toEqual(new Set(['pick']));
            else expect(actions).toEqual([]);
          }
          for (const row of msg.components) for (const b of row.components) expect('custom_id' in b && decodeButtonId(b.custom_id)).toBeTruthy();
          // Every quote is followed by a whole citation: meeting · date · file ¶paragraph.
          for (const t of embedTexts(msg)) {
            for (const m of t.matchAll(/”\n(— .*)$/gm)) expect(m[1]).toMatch(/ · (\d{4}-\d{2}-\d{2}|date not stated|日期未注明) · .* ¶\d+$/);
          }
          // Every excerpt shown keeps its citation: a search hit's field ends with its paragraph number.
          if (a.kind === 'search') {
            (msg.embeds[0]?.fields ?? []).forEach((f, i) => {
              expect(f.value.endsWith(`¶${a.hits[i]!.excerpt.paragraph}`)).toBe(true);
            });
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('renderAnswer: examples', () => {
  it('escapes mentions, code fences, masked links and strips invisible characters', () => {
    const hostile = 'Note @everyone and <@123> and <@&456>: ```rm -rf``` [click](javascript:alert(1)) a\u200bb \u202eevil';
    const msg = renderAnswer({ ...search([hostile]), hits: [{ excerpt: ex(hostile), score: 1 }] }, { stateKey: 'abcdefgh' });
    const value = msg.embeds[0]!.fields![0]!.value;
    expect(value).toContain('\\@everyone');
    expect(value).toContain('\\<\\@123\\>');
    expect(value).toContain('\\<\\@&456\\>');
    expect(value).toContain('\\`\\`\\`rm -rf\\`\\`\\`');
    expect(value).toContain('\\[click\\](javascript:alert(1))');
    expect(value).toContain('ab evil');
    expect(value).not.toMatch(/[\u200b\u202e]/);
  });

  it('bolds matched terms and cites meeting, date, file and paragraph', () => {
    const msg = renderAnswer(search(['business environment is improved']));
    const value = msg.embeds[0]!.fields![0]!.value;
    expect(value).toBe('“**business** environment is improved”\n— Wuxi 21st executive meeting · 2023-04-26 · 000\\_dd81edec0bfeecd1.txt ¶4');
  });

  it('says "date not stated" when the meeting has no date', () => {
    const undated = { ...wuxi, date: null };
    const a: SearchAnswer = { kind: 'search', query: 'q', hits: [{ excerpt: ex('some words', [], undated, 2), score: 1 }], page: { page: 1, pageCount: 1, total: 1 } };
    expect(renderAnswer(a).embeds[0]!.fields![0]!.value).toContain('· date not stated ·');
    expect(renderAnswer(a, { locale: 'zh-CN' }).embeds[0]!.fields![0]!.value).toContain('· 日期未注明 ·');
  });

  it('cuts long excerpts at a word boundary with an ellipsis and keeps the citation', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const msg = renderAnswer(search([words]));
    const value = msg.embeds[0]!.fields![0]!.value;
    expect(value.length).toBeLessThanOrEqual(1024);
    expect(value).toMatch(/word\d+…”\n— Wuxi/);
    expect(value).toContain('¶4');
  });

  it('private by default, with a Share button; public on request without it', () => {
    const priv = renderAnswer(search(['a b']), { stateKey: 'k1' });
    expect(priv.flags! & FLAG_EPHEMERAL).toBe(FLAG_EPHEMERAL);
    const ids = priv.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
    expect(ids).toEqual(['dk:share:k1:1']);
    const pub = renderAnswer(search(['a b']), { stateKey: 'k1', visibility: 'public' });
    expect((pub.flags ?? 0) & FLAG_EPHEMERAL).toBe(0);
    expect(pub.components).toEqual([]);
  });

  it('paged answers get Prev/Next, disabled at the ends', () => {
    const msg = renderAnswer(search(['a'], { page: 1, pageCount: 3, total: 11 }), { stateKey: 'k2' });
    const buttons = msg.components[0]!.components;
    expect(buttons.map((b) => ('custom_id' in b ? [b.custom_id, b.disabled] : null))).toEqual([
      ['dk:page:k2:0', true],
      ['dk:page:k2:2', false],
      ['dk:share:k2:1', false],
    ]);
    expect(msg.embeds[0]!.footer!.text).toBe('Page 1/3 · 11 results');
  });

  it('empty results and notices are private even when sharing was asked for', () => {
    const empty = renderAnswer(search([]), { visibility: 'public', stateKey: 'k3' });
    expect(empty.flags! & FLAG_EPHEMERAL).toBe(FLAG_EPHEMERAL);
    expect(empty.components).toEqual([]);
    const notice = renderAnswer({ kind: 'notice', level: 'error', code: 'empty-query', message: 'Type something' }, { visibility: 'public', locale: 'zh-CN' });
    expect(notice.flags! & FLAG_EPHEMERAL).toBe(FLAG_EPHEMERAL);
    expect(notice.embeds[0]!.description).toBe('请输入要查询的内容。');
  });

  it('Chinese labels for zh-CN', () => {
    const msg = renderAnswer(search(['甲乙'], { page: 1, pageCount: 2, total: 6 }), { locale: 'zh-CN', stateKey: 'k' });
    expect(msg.embeds[0]!.title).toBe('搜索：business environment');
    expect(msg.embeds[0]!.footer!.text).toBe('第 1/2 页 · 共 6 条');
    expect(msg.components[0]!.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['上一页', '下一页', '分享到频道']);
  });

  it('keeps the total under 6000 by dropping whole items, never a citation', () => {
    const long = 'x '.repeat(2000);
    const msg = renderAnswer(search(Array.from({ length: 25 }, () => long)));
    expect(limitViolations(msg)).toEqual([]);
    for (const f of msg.embeds[0]!.fields!) expect(f.value).toMatch(/¶4$/);
  });

  it('a long attendee list stays a comma list and says how many more', () => {
    const people = Array.from({ length: 300 }, (_, i) => ({ name: `Person Number${i}`, role: 'Deputy Director of the Bureau', excerpt: null }));
    const msg = renderAnswer({ kind: 'summary', meeting: wuxi, dateText: null, body: null, headline: null, chair: [], attendeeCount: 300, attendees: people, documents: [], keyPoints: [], topics: [] });
    const field = msg.embeds[0]!.fields!.find((f) => f.name === 'Attendees (300)')!;
    expect(field.value).toMatch(/^Person Number0 \(Deputy Director of the Bureau\), Person Number1 .*, … and \d+ more$/);
    expect(field.value.length).toBeLessThanOrEqual(1024);
  });

  it('help is private and within limits', () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const msg = renderHelp(locale);
      expect(limitViolations(msg)).toEqual([]);
      expect(msg.flags! & FLAG_EPHEMERAL).toBe(FLAG_EPHEMERAL);
    }
  });
});

describe('renderChoices', () => {
  it('≤ 25 choices, names 1–100, values ≤ 100, no duplicates, odd text cleaned', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 120 }) }), { maxLength: 60 }), (s) => {
        const out = renderChoices(s);
        expect(out.length).toBeLessThanOrEqual(25);
        expect(new Set(out.map((c) => c.value)).size).toBe(out.length);
        for (const c of out) {
          expect(c.name.length).toBeGreaterThanOrEqual(1);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeGreaterThanOrEqual(1);
          expect(c.value.length).toBeLessThanOrEqual(100);
          expect(s.some((x) => x.value === c.value)).toBe(true);
        }
      }),
    );
  });

  it('drops values too long to send rather than cutting an id', () => {
    expect(renderChoices([{ name: 'a', value: 'v'.repeat(101) }, { name: 'b\u200b', value: 'ok' }])).toEqual([{ name: 'b', value: 'ok' }]);
  });
});

describe('renderChoices keeps date and place', () => {
  it('shortens the title, not the date and place', () => {
    const name = `Wuxi High-tech Zone 2024 global "Investment and Talent Recruitment" work mobilization and deployment meeting · 2024-01-01 · Wuxi High-tech Zone`;
    const [c] = renderChoices([{ name, value: 'wuxi-high-tech' }]);
    expect(c!.name.length).toBeLessThanOrEqual(100);
    expect(c!.name).toMatch(/^Wuxi High-tech Zone 2024 global .*… · 2024-01-01 · Wuxi High-tech Zone$/);
  });
});
