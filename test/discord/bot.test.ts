/**
 * Handler tests: the real bot (`startBot`, a real discord.js Client) against the local Discord emulator over
 * loopback, commands registered with the real deploy function, a fabricated answer service.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deployCommands } from '../../scripts/deploy-commands.js';
import type { StoredAnswer } from '../../src/discord/command.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { FLAG_EPHEMERAL } from '../../src/discord/limits.js';
import { createLogger } from '../../src/discord/log.js';
import { createStateStore } from '../../src/discord/state.js';
import { startEmulator, type Emulator } from '../../src/dev/emulator/index.js';
import { createFakeService, type FakeService } from './fake-service.js';
import { breakouts, limitViolations } from './fixtures.js';

type Msg = ReturnType<Emulator['messages']>[number];
type Json = Record<string, unknown>;

let emulator: Emulator;
let bot: RunningBot;
let service: FakeService;
let clock = Date.now();
const logs: string[] = [];

const embedsOf = (m: Msg) => m.embeds as Json[];
const fieldsOf = (m: Msg) => ((embedsOf(m)[0]?.fields as Json[] | undefined) ?? []) as Array<{ name: string; value: string }>;
const buttonsOf = (m: Msg) => (m.components as Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>).flatMap((r) => r.components);
const isPrivate = (m: Msg) => (m.flags & FLAG_EPHEMERAL) !== 0;

function asRendered(m: Msg) {
  return { content: m.content, embeds: m.embeds, components: m.components, flags: m.flags, allowed_mentions: m.allowed_mentions } as never;
}

beforeAll(async () => {
  emulator = await startEmulator();
  const registered = await deployCommands({ token: emulator.botToken, clientId: emulator.applicationId, guildId: emulator.defaultGuildId, apiUrl: emulator.apiUrl });
  expect(registered.map((c) => c.name)).toEqual(['summarize', 'attendees', 'policy', 'search', 'meetings', 'help']);
  service = createFakeService();
  bot = await startBot(
    { token: emulator.botToken, apiUrl: emulator.apiUrl },
    service,
    { log: createLogger({ write: (l) => logs.push(l), secrets: [emulator.botToken] }), store: createStateStore<StoredAnswer>({ now: () => clock, ttlMs: 60_000 }) },
  );
  await emulator.waitForBot();
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await emulator?.close();
});

beforeEach(() => {
  service.calls.length = 0;
  logs.length = 0;
});

describe('slash commands through the real client', () => {
  it('summarize: defers privately, then edits in the answer with a Share button; nothing can ping', async () => {
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'wuxi' } });
    expect(r.callback.type).toBe(5);
    const msg = await r.waitForOriginal();
    expect(service.calls).toEqual([['summarize', 'wuxi']]);
    expect(isPrivate(msg)).toBe(true);
    expect(embedsOf(msg)[0]!.title).toBe('Wuxi 21st executive meeting');
    expect(String(embedsOf(msg)[0]!.description)).toContain('— Wuxi 21st executive meeting · 2023-04-26 · 000\\_dd81edec0bfeecd1.txt ¶4');
    expect(buttonsOf(msg).map((b) => b.label)).toEqual(['Share to channel']);
    expect(msg.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(asRendered(msg))).toEqual([]);
  });

  it('share:true answers publicly, without a Share button', async () => {
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'wuxi', share: true } });
    const msg = await r.waitForOriginal();
    expect(isPrivate(msg)).toBe(false);
    expect(buttonsOf(msg)).toEqual([]);
  });

  it('share:true with nothing found: the public placeholder goes, the answer comes privately', async () => {
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'nothing', share: true } });
    const [follow] = await r.waitForFollowUps(1);
    expect(isPrivate(follow!)).toBe(true);
    expect(String(embedsOf(follow!)[0]!.description)).toContain('No meeting matches “nothing”');
    await emulator.waitUntil(() => (r.original() === undefined ? true : undefined), { what: 'placeholder deleted' });
    expect(emulator.messages().filter((m) => m.interactionId === r.interactionId && !isPrivate(m))).toEqual([]);
  });

  it('hostile report text arrives escaped, and Discord pings nobody', async () => {
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'hostile', share: true } });
    const msg = await r.waitForOriginal();
    expect(msg.pings).toEqual({ everyone: false, users: [], roles: [] });
    const description = String(embedsOf(msg)[0]!.description);
    expect(description).toContain('“**\\@eve**ryone look');
    expect(description).toContain('\\<\\@123\\>');
    expect(breakouts(description)).toEqual([]);
  });

  it('a slow answer is deferred first: acknowledged well inside the deadline, answered later', async () => {
    service.slowMs = 1500;
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'slow' } });
    expect(r.callback.type).toBe(5);
    expect(r.ackMs).toBeLessThan(1000);
    const msg = await r.waitForOriginal(undefined, { timeoutMs: 10_000 });
    expect(embedsOf(msg)[0]!.title).toBe('Wuxi 21st executive meeting');
    expect(emulator.deadlineMisses).toEqual([]);
  });

  it('an error inside a handler: exactly one private error message, one log line, and the bot keeps answering', async () => {
    const before = emulator.messages().length;
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'boom', share: true } });
    await emulator.waitUntil(() => (r.followUps().length > 0 && r.original() === undefined ? true : undefined), { what: 'error follow-up' });
    const mine = emulator.messages().slice(before).filter((m) => m.interactionId === r.interactionId);
    expect(mine).toHaveLength(1);
    expect(isPrivate(mine[0]!)).toBe(true);
    expect(String(embedsOf(mine[0]!)[0]!.description)).toMatch(/Something went wrong/);
    expect(logs.filter((l) => l.includes(' error '))).toHaveLength(1);
    expect(logs.join('\n')).toContain('index exploded');
    expect(logs.join('\n')).not.toContain(emulator.botToken);

    const again = await emulator.command({ name: 'summarize', options: { meeting: 'wuxi' } });
    expect(embedsOf(await again.waitForOriginal())[0]!.title).toBe('Wuxi 21st executive meeting');
  });

  it('when Discord itself fails (5xx on every edit), the failure is logged and the bot keeps answering', async () => {
    emulator.failNext({ route: /\/webhooks\//, status: 500, method: 'PATCH', times: 8 });
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'wuxi' } });
    expect(r.callback.type).toBe(5);
    await emulator.waitUntil(() => (logs.some((l) => l.includes('could not send the error message')) ? true : undefined), { what: 'warn line', timeoutMs: 15_000 });
    expect(logs.filter((l) => l.includes('interaction failed'))).toHaveLength(1);
    const again = await emulator.command({ name: 'summarize', options: { meeting: 'wuxi' } });
    expect(embedsOf(await again.waitForOriginal())[0]!.title).toBe('Wuxi 21st executive meeting');
  }, 30_000);

  it('a private error after a private defer is an edit of the placeholder', async () => {
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'boom' } });
    const msg = await r.waitForOriginal();
    expect(isPrivate(msg)).toBe(true);
    expect(String(embedsOf(msg)[0]!.description)).toMatch(/Something went wrong/);
    expect(r.followUps()).toEqual([]);
  });

  it('attendees: a meeting, or a person alone', async () => {
    const byMeeting = await (await emulator.command({ name: 'attendees', options: { meeting: 'wuxi' } })).waitForOriginal();
    expect(fieldsOf(byMeeting).find((f) => f.name === 'Chair')?.value).toBe('Zhao Jianjun (Mayor)');
    const byPerson = await (await emulator.command({ name: 'attendees', options: { person: 'He Ping' } })).waitForOriginal();
    expect(embedsOf(byPerson)[0]!.title).toBe('Meetings with He Ping');
    expect(fieldsOf(byPerson)[0]!.value).toMatch(/^\*\*attended\*\* — He Ping\n“\*\*He P\*\*ing attended\.”\n— Wuxi/);
    const neither = await (await emulator.command({ name: 'attendees', options: { share: true } })).waitForFollowUps(1);
    expect(isPrivate(neither[0]!)).toBe(true);
  });

  it('policy and meetings pass their filters to the service', async () => {
    await (await emulator.command({ name: 'policy', options: { query: 'business environment', from: '2023-01-01', to: '2023-12-31' } })).waitForOriginal();
    expect(service.calls).toContainEqual(['policies', { query: 'business environment', meeting: undefined, from: '2023-01-01', to: '2023-12-31', page: 1 }]);
    await (await emulator.command({ name: 'meetings', options: { place: 'Wuxi', language: 'en' } })).waitForOriginal();
    expect(service.calls).toContainEqual(['meetings', { place: 'Wuxi', language: 'en', page: 1 }]);
  });

  it('help answers at once (no defer), privately', async () => {
    const r = await emulator.command({ name: 'help' });
    expect(r.callback.type).toBe(4);
    const msg = r.original()!;
    expect(isPrivate(msg)).toBe(true);
    expect(String(embedsOf(msg)[0]!.title)).toContain('Docket');
  });

  it('zh-CN users get Chinese labels', async () => {
    const msg = await (await emulator.command({ name: 'search', options: { query: '营商环境' }, locale: 'zh-CN' })).waitForOriginal();
    expect(embedsOf(msg)[0]!.title).toBe('搜索：营商环境');
    expect((embedsOf(msg)[0]!.footer as Json).text).toBe('第 1/3 页 · 共 6 条');
    expect(buttonsOf(msg).map((b) => b.label)).toEqual(['上一页', '下一页', '分享到频道']);
  });
});

describe('autocomplete', () => {
  it('meeting: at most 25 choices, names ≤ 100, stable ids as values', async () => {
    const r = await emulator.autocomplete({ name: 'summarize', option: 'meeting', value: '' });
    expect(r.choices).toHaveLength(25);
    for (const c of r.choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(String(c.value)).toMatch(/^meeting-\d+$/);
    }
  });

  it('person and policy options suggest from their own lists', async () => {
    expect((await emulator.autocomplete({ name: 'attendees', option: 'person', value: 'he' })).choices).toEqual([{ name: 'He Ping · Secretary · 1 meeting', value: 'He Ping' }]);
    expect((await emulator.autocomplete({ name: 'policy', option: 'query', value: 'bus' })).choices).toEqual([{ name: 'business environment', value: 'business environment' }]);
    expect(service.calls.map((c) => c[0])).toEqual(['suggestPeople', 'suggestPolicies']);
  });

  it('a failing suggestion answers an empty list and logs once', async () => {
    const r = await emulator.autocomplete({ name: 'summarize', option: 'meeting', value: 'boom' });
    expect(r.choices).toEqual([]);
    expect(logs.filter((l) => l.includes('autocomplete failed'))).toHaveLength(1);
  });
});

describe('buttons', () => {
  it('Next and Prev redraw the same message with the other page', async () => {
    const r = await emulator.command({ name: 'search', options: { query: 'trade' } });
    const first = await r.waitForOriginal();
    expect(fieldsOf(first)[0]!.value).toContain('on page 1');
    const next = buttonsOf(first).find((b) => b.label === 'Next')!;
    expect(buttonsOf(first).find((b) => b.label === 'Previous')!.disabled).toBe(true);
    await emulator.click({ message: first, customId: next.custom_id });
    const second = await emulator.waitUntil(() => {
      const m = emulator.message(first.id);
      return m && fieldsOf(m)[0]?.value.includes('on page 2') ? m : undefined;
    });
    expect(fieldsOf(second)[0]!.name).toBe('3. Wuxi 21st executive meeting');
    expect((embedsOf(second)[0]!.footer as Json).text).toBe('Page 2/3 · 6 results');
    expect(isPrivate(second)).toBe(true);
    expect(service.calls).toContainEqual(['search', { query: 'trade', page: 2 }]);
    const prev = buttonsOf(second).find((b) => b.label === 'Previous')!;
    await emulator.click({ message: second, customId: prev.custom_id });
    await emulator.waitUntil(() => (fieldsOf(emulator.message(first.id)!)[0]?.value.includes('on page 1') ? true : undefined));
  });

  it('Share to channel posts a NEW public message with the same answer and "Shared by", pinging nobody', async () => {
    const r = await emulator.command({ name: 'policy', options: { query: 'business environment' } });
    const priv = await r.waitForOriginal();
    const share = buttonsOf(priv).find((b) => b.label === 'Share to channel')!;
    const click = await emulator.click({ message: priv, customId: share.custom_id, user: { id: '190000000000000777', username: 'alice' } });
    const pub = await click.waitForOriginal();
    expect(pub.id).not.toBe(priv.id);
    expect(isPrivate(pub)).toBe(false);
    expect(pub.content).toBe('Shared by <@190000000000000777>');
    expect(pub.pings).toEqual({ everyone: false, users: [], roles: [] });
    expect(embedsOf(pub)).toEqual(embedsOf(priv));
    expect(buttonsOf(pub).map((b) => b.label)).toEqual(['Previous', 'Next']);
    // The private original is untouched.
    expect(emulator.message(priv.id)!.embeds).toEqual(priv.embeds);
  });

  it('"which meeting?": a click on a candidate answers for it, in place of the list', async () => {
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'ambiguous' } });
    const list = await r.waitForOriginal();
    expect(isPrivate(list)).toBe(true);
    expect(embedsOf(list)[0]!.title).toBe('Which meeting?');
    const picks = buttonsOf(list);
    expect(picks.map((b) => b.label)).toEqual(['1. Wuxi 21st executive meeting · 2023-04-26', '2. Qingpu investment promotion conference · 2024-01-05']);
    await emulator.click({ message: list, customId: picks[1]!.custom_id });
    const answered = await emulator.waitUntil(() => {
      const m = emulator.message(list.id);
      return m && embedsOf(m)[0]?.title === 'Qingpu investment promotion conference' ? m : undefined;
    });
    expect(service.calls).toContainEqual(['summarize', 'qingpu-2024-01-05-investment-promotion-conference']);
    expect(isPrivate(answered)).toBe(true);
    expect(buttonsOf(answered).map((b) => b.label)).toEqual(['Share to channel']);
  });

  it('"which meeting?" after share:true comes privately, and a pick edits that private message', async () => {
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'ambiguous', share: true } });
    const [list] = await r.waitForFollowUps(1);
    expect(isPrivate(list!)).toBe(true);
    await emulator.click({ message: list!, customId: buttonsOf(list!)[0]!.custom_id });
    const answered = await emulator.waitUntil(() => {
      const m = emulator.message(list!.id);
      return m && embedsOf(m)[0]?.title === 'Wuxi 21st executive meeting' ? m : undefined;
    });
    expect(isPrivate(answered)).toBe(true);
  });

  it('sharing a result that is now empty: the public placeholder goes, the notice comes privately', async () => {
    const priv = await (await emulator.command({ name: 'search', options: { query: 'vanishing' } })).waitForOriginal();
    const share = buttonsOf(priv).find((b) => b.label === 'Share to channel')!;
    const click = await emulator.click({ message: priv, customId: share.custom_id });
    const [notice] = await click.waitForFollowUps(1);
    expect(isPrivate(notice!)).toBe(true);
    expect(String(embedsOf(notice!)[0]!.description)).toBe('Nothing found.');
    await emulator.waitUntil(() => (click.original() === undefined ? true : undefined), { what: 'public placeholder deleted' });
    expect(emulator.messages().filter((m) => m.interactionId === click.interactionId && !isPrivate(m))).toEqual([]);
  });

  it('an error behind a button: one private error, the clicked message untouched, one log line', async () => {
    const priv = await (await emulator.command({ name: 'search', options: { query: 'explode-later' } })).waitForOriginal();
    const next = buttonsOf(priv).find((b) => b.label === 'Next')!;
    const click = await emulator.click({ message: priv, customId: next.custom_id });
    const [err] = await click.waitForFollowUps(1);
    expect(isPrivate(err!)).toBe(true);
    expect(String(embedsOf(err!)[0]!.description)).toMatch(/Something went wrong/);
    expect(emulator.message(priv.id)!.embeds).toEqual(priv.embeds);
    expect(logs.filter((l) => l.includes('interaction failed'))).toHaveLength(1);

    const share = buttonsOf(priv).find((b) => b.label === 'Share to channel')!;
    const shareClick = await emulator.click({ message: priv, customId: share.custom_id });
    await shareClick.waitForFollowUps(1);
    await emulator.waitUntil(() => (shareClick.original() === undefined ? true : undefined), { what: 'public placeholder deleted' });
  });

  it('an expired page says so, privately', async () => {
    const r = await emulator.command({ name: 'search', options: { query: 'trade' } });
    const msg = await r.waitForOriginal();
    clock += 61_000;
    try {
      const click = await emulator.click({ message: msg, customId: buttonsOf(msg).find((b) => b.label === 'Next')!.custom_id });
      const reply = await click.waitForOriginal();
      expect(isPrivate(reply)).toBe(true);
      expect(String(embedsOf(reply)[0]!.description)).toBe('This page has expired. Run the command again.');
      expect(fieldsOf(emulator.message(msg.id)!)[0]!.value).toContain('on page 1');
    } finally {
      clock -= 61_000;
    }
  });
});
