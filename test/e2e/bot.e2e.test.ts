import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import type { AnswerService } from '../../src/answers/types.js';
import { labelsFor } from '../../src/discord/labels.js';
import type { Json, StoredMessage } from '../../src/dev/emulator/index.js';
import { deployCommands } from '../../scripts/deploy-commands.js';
import { startE2E, type E2E } from './harness.js';

const en = labelsFor('en-US');
const zh = labelsFor('zh-CN');
const isEphemeral = (m: StoredMessage) => (m.flags & MessageFlags.Ephemeral) !== 0;
const text = (m: StoredMessage) => [m.content, ...m.embeds.map((e) => JSON.stringify(e))].join('\n');
const buttons = (m: StoredMessage) => m.components.flatMap((r) => (r['components'] as Json[]) ?? []);
const button = (m: StoredMessage, label: string) => buttons(m).find((b) => b['label'] === label);

/**
 * The quoted excerpts of a rendered answer, back to plain text: lines `“…”` (optionally numbered) in descriptions and
 * field values, with Discord markdown escaping and **highlights** undone, split where the renderer cut with "…".
 */
function quotedExcerpts(m: StoredMessage): string[] {
  const blocks = m.embeds.flatMap((e) => [String(e['description'] ?? ''), ...((e['fields'] as Json[] | undefined) ?? []).map((f) => String(f['value'] ?? ''))]);
  const quotes = blocks.flatMap((b) => b.split('\n')).flatMap((line) => {
    const q = /^(?:\d+\.\s+)?“(.*)”$/su.exec(line.trim());
    return q ? [q[1]!] : [];
  });
  return quotes.flatMap((q) => q.replace(/\*\*/g, '').replace(/\\(.)/gu, '$1').split('…').map((p) => p.trim()).filter((p) => p.length > 0));
}

/** Every message the bot leaves must be safe: no pings, mentions off, within Discord's limits (the emulator enforces those). */
function expectSafe(m: StoredMessage) {
  expect(m.pings).toEqual({ everyone: false, users: [], roles: [] });
  expect(m.allowed_mentions).toEqual({ parse: [] });
  expect(m.flags & MessageFlags.Loading).toBe(0);
}

describe('e2e: the real bot (startBot + deploy script) against the emulator, over the seeds', () => {
  let e: E2E;
  let failSummaries = false;
  beforeAll(async () => {
    e = await startE2E({
      wrapService: (s: AnswerService) =>
        new Proxy(s, {
          get(target, prop, receiver) {
            const v = Reflect.get(target, prop, receiver) as unknown;
            if (prop === 'summarize' && typeof v === 'function') {
              return (...args: unknown[]) => {
                if (failSummaries) throw new Error('injected failure inside the handler');
                return (v as (...a: unknown[]) => unknown).apply(target, args);
              };
            }
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
          },
        }),
    });
  }, 60_000);
  afterAll(async () => {
    await e?.close();
  });

  it('the deploy script registered every command in the guild, validated by the emulator', () => {
    const names = e.emulator.registeredCommands(e.emulator.defaultGuildId).map((c) => c.name).sort();
    expect(names).toEqual(['attendees', 'help', 'meetings', 'policy', 'search', 'summarize']);
    for (const c of e.emulator.registeredCommands(e.emulator.defaultGuildId)) {
      expect(c['name_localizations']).toHaveProperty('zh-CN');
    }
  });

  it('autocomplete: meetings for "wuxi", latest meetings for empty input, ≤ 25 choices within limits', async () => {
    const wuxi = await e.emulator.autocomplete({ name: 'summarize', option: 'meeting', value: 'wuxi' });
    expect(wuxi.choices.length).toBeGreaterThan(0);
    expect(wuxi.choices[0]!.name.toLowerCase()).toContain('wuxi');
    const empty = await e.emulator.autocomplete({ name: 'summarize', option: 'meeting', value: '' });
    expect(empty.choices.length).toBeGreaterThan(0);
    expect(empty.choices.length).toBeLessThanOrEqual(25);
    for (const [command, option] of [['attendees', 'meeting'], ['attendees', 'person'], ['policy', 'query'], ['policy', 'meeting'], ['meetings', 'person']] as const) {
      const r = await e.emulator.autocomplete({ name: command, option, value: '' });
      expect(r.choices.length, `${command} ${option}`).toBeLessThanOrEqual(25);
    }
  });

  it('/summarize meeting:<autocomplete value> → a private, cited summary after a defer', async () => {
    const { choices } = await e.emulator.autocomplete({ name: 'summarize', option: 'meeting', value: 'wuxi' });
    const r = await e.emulator.command({ name: 'summarize', options: { meeting: String(choices[0]!.value) } });
    expect([4, 5]).toContain(r.callback.type);
    const m = await r.waitForOriginal();
    expectSafe(m);
    expect(isEphemeral(m)).toBe(true);
    expect(text(m)).toMatch(/¶\d+/); // every excerpt cites its paragraph
    expect(text(m)).toContain('2023-04-26');
    expect(button(m, en.share)).toBeDefined();
  });

  it('every quoted excerpt the user reads is verbatim report text', async () => {
    const seeds = readdirSync('seeds').map((f) => readFileSync(`seeds/${f}`, 'utf8'));
    const { choices } = await e.emulator.autocomplete({ name: 'summarize', option: 'meeting', value: '' });
    const inputs = [
      ...['foreign trade', '外贸', 'integrated circuit', 'business environment'].map((query) => ({ name: 'search', options: { query } })),
      ...choices.slice(0, 6).map((c) => ({ name: 'summarize', options: { meeting: String(c.value) } })),
      { name: 'policy', options: { query: 'integrated circuit' } },
    ];
    let checked = 0;
    for (const input of inputs) {
      const m = await (await e.emulator.command(input)).waitForOriginal();
      for (const part of quotedExcerpts(m)) {
        expect(seeds.some((s) => s.includes(part)), `${input.name}: ${part.slice(0, 80)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('every other command answers, privately by default', async () => {
    const { choices: people } = await e.emulator.autocomplete({ name: 'attendees', option: 'person', value: '' });
    const runs: Array<Parameters<E2E['emulator']['command']>[0]> = [
      { name: 'attendees', options: { meeting: 'wuxi' } },
      { name: 'policy', options: { query: 'integrated circuit' } },
      { name: 'search', options: { query: 'foreign trade' } },
      { name: 'search', options: { query: '外贸', language: 'zh' } },
      { name: 'meetings', options: {} },
      { name: 'help', options: {} },
    ];
    if (people[0]) runs.push({ name: 'attendees', options: { person: String(people[0].value) } });
    for (const input of runs) {
      const r = await e.emulator.command(input);
      const m = await r.waitForOriginal();
      expectSafe(m);
      expect(isEphemeral(m), input.name).toBe(true);
      expect(m.embeds.length + m.content.length, input.name).toBeGreaterThan(0);
    }
  });

  it('share:true answers publicly; zh-CN users get Chinese labels', async () => {
    const pub = await e.emulator.command({ name: 'search', options: { query: 'foreign trade', share: true } });
    const m = await pub.waitForOriginal();
    expectSafe(m);
    expect(isEphemeral(m)).toBe(false);
    const zhHelp = await (await e.emulator.command({ name: 'help', locale: 'zh-CN' })).waitForOriginal();
    const enHelp = await (await e.emulator.command({ name: 'help' })).waitForOriginal();
    expect(text(zhHelp)).toContain(JSON.stringify(zh.help.title).slice(1, -1));
    expect(text(enHelp)).not.toEqual(text(zhHelp));
    const { choices } = await e.emulator.autocomplete({ name: 'summarize', option: 'meeting', value: 'wuxi', locale: 'zh-CN' });
    const zhSummary = await (await e.emulator.command({ name: 'summarize', options: { meeting: String(choices[0]!.value) }, locale: 'zh-CN' })).waitForOriginal();
    expect(text(zhSummary)).toContain(zh.date);
    expect(text(zhSummary)).toContain(zh.keyPoints);
    expect(text(zhSummary)).not.toContain(`**${en.date}:**`);
  });

  it('paging: Next and Previous edit the same message; the page is in the footer', async () => {
    const r = await e.emulator.command({ name: 'search', options: { query: 'foreign trade' } });
    const first = await r.waitForOriginal();
    const next = button(first, en.next);
    expect(next?.['disabled']).toBe(false);
    const click = await e.emulator.click({ messageId: first.id, customId: String(next!['custom_id']) });
    const page2 = await click.waitForOriginal((m) => JSON.stringify(m.embeds).includes('Page 2/'));
    expect(page2.id).toBe(first.id);
    expectSafe(page2);
    const prev = button(page2, en.previous);
    const back = await e.emulator.click({ messageId: page2.id, customId: String(prev!['custom_id']) });
    await back.waitForOriginal((m) => JSON.stringify(m.embeds).includes('Page 1/'));
  });

  it('share button posts a NEW public message naming (not pinging) the user', async () => {
    const r = await e.emulator.command({ name: 'search', options: { query: 'integrated circuit' } });
    const priv = await r.waitForOriginal();
    expect(isEphemeral(priv)).toBe(true);
    const share = await e.emulator.click({ messageId: priv.id, customId: String(button(priv, en.share)!['custom_id']), user: { username: 'alice' } });
    const shared = await share.waitForOriginal();
    expect(shared.id).not.toBe(priv.id);
    expect(isEphemeral(shared)).toBe(false);
    expectSafe(shared);
    expect(shared.content).toContain(share.record.user.id); // "Shared by <@id>" — shown, never a ping
    expect(shared.embeds).toEqual(priv.embeds); // the same answer, now public
  });

  it('global deploy (--global): commands work in a DM with the bot, paging included', async () => {
    await deployCommands({ token: e.emulator.botToken, clientId: e.emulator.applicationId, apiUrl: e.emulator.apiUrl });
    expect(e.emulator.registeredCommands(null)).toHaveLength(6);
    const r = await e.emulator.command({ name: 'search', options: { query: 'foreign trade' }, guildId: null });
    const m = await r.waitForOriginal();
    expectSafe(m);
    expect(m.guild_id).toBeNull();
    const next = await e.emulator.click({ messageId: m.id, customId: String(button(m, en.next)!['custom_id']) });
    expect((await next.waitForOriginal((x) => JSON.stringify(x.embeds).includes('Page 2/'))).id).toBe(m.id);
  });

  it('an expired or unknown page key answers privately that the page expired', async () => {
    const res = await fetch(`${e.emulator.apiUrl}/v10/channels/${e.emulator.defaultChannelId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${e.emulator.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'old page', components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Next', custom_id: 'dk:page:gone123:2' }] }] }),
    });
    const old = (await res.json()) as { id: string };
    const r = await e.emulator.click({ messageId: old.id, customId: 'dk:page:gone123:2' });
    const m = await r.waitForOriginal();
    expect(isEphemeral(m)).toBe(true);
    expect(text(m)).toContain(en.expired);
  });

  it('an error inside a handler gives exactly one private error message and one log line; the bot keeps answering', async () => {
    const before = e.logs.filter((l) => l.includes('interaction failed')).length;
    failSummaries = true;
    let r;
    try {
      r = await e.emulator.command({ name: 'summarize', options: { meeting: 'wuxi' } });
      await e.emulator.waitUntil(() => (e.logs.filter((l) => l.includes('interaction failed')).length > before ? true : undefined));
    } finally {
      failSummaries = false;
    }
    const m = await r.waitForOriginal();
    const all = [m, ...r.followUps()];
    expect(all.filter((x) => text(x).includes(en.internalError))).toHaveLength(1);
    expect(all.every(isEphemeral)).toBe(true);
    expect(e.logs.filter((l) => l.includes('interaction failed')).length).toBe(before + 1);
    const ok = await (await e.emulator.command({ name: 'help' })).waitForOriginal();
    expectSafe(ok);
  });

  it('gateway drop in the middle of a command: the reply still lands, the client resumes and answers the next one', async () => {
    const resumes = e.emulator.gatewayStats.resumes;
    // Hold the answer back (a 429 on the edit) so the drop lands between the acknowledgement and the answer.
    e.emulator.failNext({ route: '/messages/@original', method: 'PATCH', status: 429, retryAfter: 0.3 });
    const r = await e.emulator.command({ name: 'search', options: { query: 'business environment' } });
    expect(r.callback.type).toBe(5);
    await e.emulator.waitUntil(() => (e.emulator.requests.some((q) => q.status === 429 && q.path.includes(r.token)) ? true : undefined));
    expect(r.original()!.flags & MessageFlags.Loading).toBeTruthy();
    e.emulator.dropGateway();
    expectSafe(await r.waitForOriginal());
    // Sent while the socket may still be down: buffered and replayed on RESUME.
    const next = await e.emulator.command({ name: 'help' });
    expectSafe(await next.waitForOriginal());
    await e.emulator.waitUntil(() => (e.emulator.gatewayStats.resumes > resumes ? true : undefined), { what: 'a RESUME' });
  });

  it('429 on the callback and on the edit, and a 500: discord.js retries and the user still gets the answer', async () => {
    e.emulator.failNext({ route: /^\/interactions\//, status: 429, retryAfter: 0.1 });
    e.emulator.failNext({ route: '/messages/@original', method: 'PATCH', status: 429, retryAfter: 0.1 });
    const r = await e.emulator.command({ name: 'search', options: { query: 'foreign trade' } });
    expect((await r.waitForOriginal()).embeds.length).toBeGreaterThan(0);
    e.emulator.failNext({ route: '/messages/@original', method: 'PATCH', status: 500 });
    const r2 = await e.emulator.command({ name: 'meetings', options: {} });
    expectSafe(await r2.waitForOriginal());
    const statuses = e.emulator.requests.map((q) => q.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses).toContain(500);
  });

  it('50 concurrent interactions are all acknowledged in time and answered', async () => {
    const queries = ['foreign trade', 'integrated circuit', 'business environment', 'river', '外贸', 'investment', 'talent', 'industry'];
    const jobs = Array.from({ length: 50 }, (_, i) => {
      if (i % 5 === 4) return e.emulator.autocomplete({ name: 'summarize', option: 'meeting', value: ['wu', 'su', '', 'central'][i % 4]! }).then(() => null);
      return e.emulator.command({ name: 'search', options: { query: queries[i % queries.length]! }, user: { username: `user${i}` } });
    });
    const results = await Promise.all(jobs);
    const answered = await Promise.all(results.filter((r) => r !== null).map((r) => r!.waitForOriginal()));
    expect(answered).toHaveLength(40);
    answered.forEach(expectSafe);
  });

  it('no interaction missed its deadline and the token never reached the logs', () => {
    expect(e.emulator.deadlineMisses).toEqual([]);
    expect(e.logs.join('\n')).not.toContain(e.emulator.botToken);
    expect(e.emulator.acks.length).toBeGreaterThan(60);
  });
});
