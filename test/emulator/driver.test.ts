import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAPIError, MessageFlags, Routes } from 'discord.js';
import { startEmulator, type Emulator } from '../../src/dev/emulator/index.js';
import { startHarness, testCommands, type Harness } from './harness.js';

describe('driver refuses what a Discord client could never send', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
    const res = await fetch(`${emu.apiUrl}/v10/applications/${emu.applicationId}/guilds/${emu.defaultGuildId}/commands`, {
      method: 'PUT',
      headers: { authorization: `Bot ${emu.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(testCommands),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => emu.close());

  it('unregistered commands, unknown options, wrong types, missing required options', async () => {
    await expect(emu.command({ name: 'nope' })).rejects.toThrow(/\/nope is not registered/);
    await expect(emu.command({ name: 'echo', options: { text: 'a', colour: 'red' } })).rejects.toThrow(/no option "colour"/);
    await expect(emu.command({ name: 'echo', options: { text: 3 } })).rejects.toThrow(/expects a string/);
    await expect(emu.command({ name: 'echo', options: {} })).rejects.toThrow(/required option "text" is missing/);
    await expect(emu.command({ name: 'echo', options: { text: 'x'.repeat(51) } })).rejects.toThrow(/outside 0–50/);
    await expect(emu.command({ name: 'slow', options: { ms: 1.5 } })).rejects.toThrow(/expects an integer/);
    await expect(emu.command({ name: 'slow', options: { ms: 5000 } })).rejects.toThrow(/above max_value/);
    await expect(emu.command({ name: 'raw' })).rejects.toThrow(/needs a subcommand/);
    await expect(emu.command({ name: 'raw', subcommand: 'edit', options: { mode: 'other' } })).rejects.toThrow(/not one of the declared choices/);
    await expect(emu.autocomplete({ name: 'echo', option: 'text', value: 'a' })).rejects.toThrow(/does not autocomplete/);
    await expect(emu.click({ messageId: '1', customId: 'x' })).rejects.toThrow(/no message 1/);
  });

  it('a valid command with no bot connected is refused, not silently dropped', async () => {
    await expect(emu.command({ name: 'echo', options: { text: 'a' } })).rejects.toThrow(/no bot session/);
  });

  it('REST: bot routes need the bot token; unknown routes are 404; bad JSON is 400', async () => {
    const base = `${emu.apiUrl}/v10`;
    expect((await fetch(`${base}/users/@me`)).status).toBe(401);
    expect((await fetch(`${base}/users/@me`, { headers: { authorization: 'Bot wrong' } })).status).toBe(401);
    const me = await fetch(`${base}/users/@me`, { headers: { authorization: `Bot ${emu.botToken}` } });
    expect(await me.json()).toMatchObject({ id: emu.applicationId, bot: true });
    const gw = await fetch(`${base}/gateway/bot`, { headers: { authorization: `Bot ${emu.botToken}` } });
    expect(await gw.json()).toMatchObject({ url: emu.gatewayUrl, shards: 1 });
    expect((await fetch(`${base}/nothing/here`)).status).toBe(404);
    const bad = await fetch(`${base}/channels/${emu.defaultChannelId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${emu.botToken}`, 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(bad.status).toBe(400);
    const unknownInteraction = await fetch(`${base}/interactions/1/abc/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":4}' });
    expect(unknownInteraction.status).toBe(404);
    expect(await unknownInteraction.json()).toMatchObject({ code: 10062 });
  });

  it('commands: single create keeps ids by name, GET one, DELETE; another application id is 403', async () => {
    const base = `${emu.apiUrl}/v10/applications/${emu.applicationId}/commands`;
    const headers = { authorization: `Bot ${emu.botToken}`, 'content-type': 'application/json' };
    const created = (await (await fetch(base, { method: 'POST', headers, body: JSON.stringify({ name: 'ping', description: 'Ping' }) })).json()) as { id: string };
    const again = (await (await fetch(base, { method: 'POST', headers, body: JSON.stringify({ name: 'ping', description: 'Ping again' }) })).json()) as { id: string; description: string };
    expect(again.id).toBe(created.id);
    expect(emu.registeredCommands(null).map((c) => c.description)).toEqual(['Ping again']);
    expect((await fetch(`${base}/${created.id}`, { headers })).status).toBe(200);
    expect((await fetch(`${base}/${created.id}`, { method: 'DELETE', headers })).status).toBe(204);
    expect(emu.registeredCommands(null)).toEqual([]);
    expect((await fetch(`${emu.apiUrl}/v10/applications/1234/commands`, { headers })).status).toBe(403);
    expect((await fetch(`${emu.apiUrl}/v9/applications/${emu.applicationId}/commands`, { headers })).status).toBe(200);
  });

  it('channel messages: create, list (newest first), validation errors in Discord shape', async () => {
    const base = `${emu.apiUrl}/v10/channels/${emu.defaultChannelId}/messages`;
    const headers = { authorization: `Bot ${emu.botToken}`, 'content-type': 'application/json' };
    for (const content of ['one', 'two']) {
      expect((await fetch(base, { method: 'POST', headers, body: JSON.stringify({ content }) })).status).toBe(200);
    }
    const list = (await (await fetch(base, { headers })).json()) as Array<{ content: string }>;
    expect(list.map((m) => m.content).slice(0, 2)).toEqual(['two', 'one']);
    const tooLong = await fetch(base, { method: 'POST', headers, body: JSON.stringify({ content: 'x'.repeat(2001) }) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
    });
    expect((await fetch(`${emu.apiUrl}/v10/channels/1/messages`, { method: 'POST', headers, body: '{"content":"a"}' })).status).toBe(404);
    expect(emu.messages(emu.defaultChannelId).map((m) => m.content)).toEqual(['one', 'two']);
  });

  it('mentions: pings are computed from content and allowed_mentions', async () => {
    const base = `${emu.apiUrl}/v10/channels/${emu.defaultChannelId}/messages`;
    const headers = { authorization: `Bot ${emu.botToken}`, 'content-type': 'application/json' };
    const content = '@everyone <@123456789012345678> <@&223456789012345678>';
    const send = async (body: object) => (await (await fetch(base, { method: 'POST', headers, body: JSON.stringify({ content, ...body }) })).json()) as { id: string };
    expect(emu.message((await send({})).id)?.pings).toEqual({ everyone: true, users: ['123456789012345678'], roles: ['223456789012345678'] });
    expect(emu.message((await send({ allowed_mentions: { parse: [] } })).id)?.pings).toEqual({ everyone: false, users: [], roles: [] });
  });
});

describe('bot-side validation failures reach the bot as DiscordAPIError', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('an over-limit reply is refused (50035), the interaction stays unacknowledged and is flagged', async () => {
    h.raw.payload = { content: 'x'.repeat(2001) };
    await expect(h.emulator.command({ name: 'raw', subcommand: 'reply', timeoutMs: 400 })).rejects.toThrow(/did not acknowledge raw.*50035/s);
    expect(h.botErrors.at(-1)?.code).toBe(50035);
    expect(h.emulator.deadlineMisses.at(-1)).toMatchObject({ name: 'raw', kind: 'no-callback' });
  });

  it('an over-limit edit after a defer is refused and the message keeps "thinking"', async () => {
    h.raw.payload = { embeds: [{ title: 't', fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] };
    const before = h.botErrors.length;
    const r = await h.emulator.command({ name: 'raw', subcommand: 'edit', options: { mode: 'edit' } });
    await h.emulator.waitUntil(() => (h.botErrors.length > before ? true : undefined));
    expect(h.botErrors.at(-1)?.code).toBe(50035);
    expect(r.original()!.flags & MessageFlags.Loading).toBeTruthy();
  });

  it('the first follow-up after a defer replaces the loading message, as on Discord', async () => {
    h.raw.payload = { content: 'via follow-up' };
    const r = await h.emulator.command({ name: 'raw', subcommand: 'edit', options: { mode: 'follow' } });
    const original = await r.waitForOriginal();
    expect(original.content).toBe('via follow-up');
    expect(r.followUps()).toHaveLength(0);
  });

  it('with_response=true returns the callback resource with the message', async () => {
    h.resetGate();
    h.gate.release();
    const g = await h.emulator.command({ name: 'gate' });
    await h.emulator.waitUntil(() => h.lastResponseMessageId ?? undefined);
    expect(h.lastResponseMessageId).toBe(g.original()?.id);
  });

  it('a raw second callback is 400/40060; a bad command definition is 50035 through @discordjs/rest', async () => {
    const r = await h.emulator.command({ name: 'echo', options: { text: 'x' } });
    expect(r.callback.type).toBe(4);
    const res = await fetch(`${h.emulator.apiUrl}/v10/interactions/${r.interactionId}/${r.token}/callback?with_response=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'again' } }),
    });
    expect(res.status).toBe(400);
    const err = (await res.json()) as { code: number };
    expect(err.code).toBe(40060);
    const bad = await h.rest.put(Routes.applicationCommands(h.emulator.applicationId), { body: [{ name: 'Bad', description: '' }] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DiscordAPIError);
    expect((bad as DiscordAPIError).code).toBe(50035);
    expect(JSON.stringify((bad as DiscordAPIError).rawError)).toContain('APPLICATION_COMMAND_INVALID_NAME');
  });
});
