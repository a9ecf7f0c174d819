/**
 * The bot over the REAL answer service built from seeds/ (loadDocket), through a real discord.js client and the
 * emulator: what a user in a server would see for the seed reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../scripts/deploy-commands.js';
import { loadDocket, type Docket } from '../../src/app.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { FLAG_EPHEMERAL } from '../../src/discord/limits.js';
import { createLogger } from '../../src/discord/log.js';
import { startEmulator, type Emulator } from '../../src/dev/emulator/index.js';
import { breakouts, limitViolations } from './fixtures.js';

type Msg = ReturnType<Emulator['messages']>[number];
type Json = Record<string, unknown>;

let emulator: Emulator;
let docket: Docket;
let bot: RunningBot;
const logs: string[] = [];

const embed = (m: Msg) => (m.embeds as Json[])[0]!;
const text = (m: Msg) => {
  const e = embed(m);
  return [e.title, e.description, ...((e.fields as Array<{ name: string; value: string }> | undefined) ?? []).flatMap((f) => [f.name, f.value])].join('\n');
};
const buttons = (m: Msg) => (m.components as Array<{ components: Array<{ custom_id: string; label: string }> }>).flatMap((r) => r.components);

beforeAll(async () => {
  docket = await loadDocket({ reportsDir: 'seeds', log: () => {} });
  emulator = await startEmulator();
  await deployCommands({ token: emulator.botToken, clientId: emulator.applicationId, guildId: emulator.defaultGuildId, apiUrl: emulator.apiUrl });
  bot = await startBot({ token: emulator.botToken, apiUrl: emulator.apiUrl }, docket.service, { log: createLogger({ write: (l) => logs.push(l) }) });
  await emulator.waitForBot();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await emulator?.close();
  await docket?.close();
});

async function run(name: string, options: Record<string, string | boolean>, locale?: string): Promise<Msg> {
  const r = await emulator.command({ name, options, ...(locale ? { locale } : {}) });
  return r.waitForOriginal(undefined, { timeoutMs: 10_000 });
}

describe('the bot over the seed reports', () => {
  it('autocomplete with empty input lists the latest meetings, with date and place, ids as values', async () => {
    const r = await emulator.autocomplete({ name: 'summarize', option: 'meeting', value: '' });
    expect(r.choices.length).toBeGreaterThan(3);
    expect(r.choices.length).toBeLessThanOrEqual(25);
    expect(r.choices[0]!.name).toMatch(/· \d{4}-\d{2}-\d{2} ·/);
    for (const c of r.choices) expect(String(c.value)).toMatch(/^[a-z0-9-]+$/);
  });

  it('summarize the Wuxi meeting (picked from autocomplete): chair, documents, cited key points', async () => {
    const choices = (await emulator.autocomplete({ name: 'summarize', option: 'meeting', value: 'wuxi 21st' })).choices;
    const wuxi = choices.find((c) => c.name.includes('21st executive meeting'));
    expect(wuxi).toBeDefined();
    const msg = await run('summarize', { meeting: String(wuxi!.value) });
    const all = text(msg);
    expect(all).toContain('Zhao Jianjun');
    expect(all).toMatch(/Action Plan/);
    expect(all).toContain('2023-04-26 · 000\\_dd81edec0bfeecd1.txt ¶');
    expect(limitViolations({ ...msg, allowed_mentions: msg.allowed_mentions } as never)).toEqual([]);
  });

  it('attendees of the Tongxiang meeting name Xi Jinping only as mentioned', async () => {
    const msg = await run('attendees', { meeting: 'Tongxiang' });
    const fields = embed(msg).fields as Array<{ name: string; value: string }>;
    expect(fields.find((f) => f.name.startsWith('Mentioned'))!.value).toContain('Xi Jinping');
    expect(fields.find((f) => f.name.startsWith('Present'))!.value).not.toContain('Xi Jinping');
  });

  it('person lookup across meetings, Chinese name', async () => {
    const msg = await run('attendees', { person: '吴庆文' });
    expect(text(msg)).toMatch(/苏州|Suzhou/);
  });

  it('policy "business environment": named documents and cited mentions, paged', async () => {
    const msg = await run('policy', { query: 'business environment' });
    const all = text(msg);
    expect(all).toContain('Action Plan');
    expect(all).toMatch(/¶\d+/);
    expect(buttons(msg).map((b) => b.label)).toContain('Share to channel');
  });

  it('search pages through results with Next', async () => {
    const msg = await run('search', { query: 'business environment' });
    const footer = String((embed(msg).footer as Json).text);
    expect(footer).toMatch(/^Page 1\/\d+ · \d+ results$/);
    const next = buttons(msg).find((b) => b.label === 'Next');
    if (next && !/Page 1\/1 /.test(footer)) {
      await emulator.click({ message: msg, customId: next.custom_id });
      await emulator.waitUntil(() => (String((embed(emulator.message(msg.id)!).footer as Json).text).startsWith('Page 2/') ? true : undefined));
    }
  });

  it('Chinese search from a zh-CN user', async () => {
    const msg = await run('search', { query: '自贸', share: true }, 'zh-CN');
    expect(msg.flags & FLAG_EPHEMERAL).toBe(0);
    expect(embed(msg).title).toBe('搜索：自贸');
    expect(text(msg)).toContain('自贸');
  });

  it('meetings list, filtered by language', async () => {
    const msg = await run('meetings', { language: 'zh' });
    expect(String(embed(msg).description)).toContain('苏州');
    expect(String(embed(msg).description)).not.toContain('Wuxi');
  });

  it('an unknown meeting is a private "no meeting matches", not an error', async () => {
    const r = await emulator.command({ name: 'summarize', options: { meeting: 'zzqx nonexistent', share: true } });
    const [msg] = await r.waitForFollowUps(1);
    expect(msg!.flags & FLAG_EPHEMERAL).toBe(FLAG_EPHEMERAL);
    expect(String(embed(msg!).description)).toMatch(/No meeting matches|Several meetings could match/);
  });

  it('every message the bot sent is within limits and safe; nothing was rejected; no errors logged', () => {
    for (const m of emulator.messages()) {
      if (m.author.id !== emulator.applicationId) continue;
      expect(limitViolations({ content: m.content, embeds: m.embeds, components: m.components, allowed_mentions: m.allowed_mentions } as never)).toEqual([]);
      for (const e of m.embeds as Json[]) {
        for (const t of [e.description, ...((e.fields as Array<{ name: string; value: string }> | undefined) ?? []).map((f) => f.value)]) {
          if (typeof t === 'string') expect(breakouts(t)).toEqual([]);
        }
      }
    }
    expect(logs.filter((l) => / (error|warn) /.test(l))).toEqual([]);
    expect(emulator.deadlineMisses).toEqual([]);
  });
});
