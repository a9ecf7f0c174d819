import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, Routes } from 'discord.js';
import { startHarness, type Harness } from './harness.js';

/** A real discord.js v14 Client against the emulator, over loopback only. */
describe('emulator with a real discord.js client', () => {
  let h: Harness;
  let offset = 0;
  beforeAll(async () => {
    h = await startHarness({ clock: () => Date.now() + offset });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('logs in: READY, GUILD_CREATE, the application and the guild are known to the client', () => {
    expect(h.client.isReady()).toBe(true);
    expect(h.client.user?.id).toBe(h.emulator.applicationId);
    expect(h.client.application?.id).toBe(h.emulator.applicationId);
    expect(h.client.guilds.cache.get(h.emulator.defaultGuildId)?.available).toBe(true);
    expect(h.emulator.gatewayStats.identifies).toBe(1);
  });

  it('bulk overwrite returns commands with stable ids', async () => {
    const registered = h.emulator.registeredCommands(h.emulator.defaultGuildId);
    expect(registered.map((c) => c.name)).toContain('echo');
    const again = (await h.rest.put(Routes.applicationGuildCommands(h.emulator.applicationId, h.emulator.defaultGuildId), {
      body: registered.map(({ name, description, options }) => ({ name, description, options })),
    })) as Array<{ id: string; name: string }>;
    expect(again.map((c) => c.id)).toEqual(registered.map((c) => c.id));
    const fetched = (await h.rest.get(Routes.applicationGuildCommands(h.emulator.applicationId, h.emulator.defaultGuildId))) as unknown[];
    expect(fetched).toHaveLength(registered.length);
  });

  it('a slash command gets a reply with the options the user gave', async () => {
    const r = await h.emulator.command({ name: 'echo', options: { text: 'hello', private: true } });
    expect(r.callback.type).toBe(4);
    const msg = r.original();
    expect(msg?.content).toBe('hello (shard 0)');
    expect(msg!.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(msg?.allowed_mentions).toEqual({ parse: [] });
    expect(r.ackMs).toBeGreaterThanOrEqual(0);
    expect(r.ackMs).toBeLessThan(3000);
  });

  it('defer then edit: the loading message becomes the answer', async () => {
    const r = await h.emulator.command({ name: 'slow', options: { ms: 30 } });
    expect(r.callback.type).toBe(5);
    const loading = r.original();
    expect(loading!.flags & MessageFlags.Loading).toBeTruthy();
    const done = await r.waitForOriginal();
    expect(done.content).toBe('done slowly');
    expect(done.flags & MessageFlags.Loading).toBe(0);
    expect(done.flags & MessageFlags.Ephemeral).toBeTruthy();
  });

  it('follow-ups are separate messages, ephemeral when flagged', async () => {
    const r = await h.emulator.command({ name: 'multi' });
    const follow = await r.waitForFollowUps(2);
    expect(r.original()?.content).toBe('first');
    expect(follow.map((m) => m.content)).toEqual(['second', 'third, privately']);
    expect(follow[1]!.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(follow[0]!.flags & MessageFlags.Ephemeral).toBe(0);
  });

  it('autocomplete returns the bot choices', async () => {
    const r = await h.emulator.autocomplete({ name: 'find', option: 'query', value: 'ap' });
    expect(r.choices).toEqual([
      { name: 'Fruit: apple', value: 'apple' },
      { name: 'Fruit: apricot', value: 'apricot' },
    ]);
  });

  it('buttons: update in place, deferred update, and a public share reply', async () => {
    const r = await h.emulator.command({ name: 'panel' });
    const panel = r.original()!;
    expect(panel.pings).toEqual({ everyone: false, users: [], roles: [] });
    const c1 = await h.emulator.click({ message: panel, customId: 'count:0' });
    expect(c1.callback.type).toBe(7);
    expect(h.emulator.message(panel.id)?.content).toBe('clicked 1');
    const c2 = await h.emulator.click({ messageId: panel.id, customId: 'count:1' });
    expect(c2.original()?.content).toBe('clicked 2');
    await expect(h.emulator.click({ messageId: panel.id, customId: 'count:0' })).rejects.toThrow(/no component "count:0"/);

    const r2 = await h.emulator.command({ name: 'panel' });
    const share = await h.emulator.click({ messageId: r2.original()!.id, customId: 'share', user: { username: 'alice' } });
    expect(share.callback.type).toBe(4);
    expect(share.original()?.content).toMatch(/shared by alice$/);
    expect(share.original()!.flags & MessageFlags.Ephemeral).toBe(0);

    const later = await h.emulator.click({ messageId: r2.original()!.id, customId: 'later' });
    expect(later.callback.type).toBe(6);
    const updated = await later.waitForOriginal((m) => m.content === 'updated later');
    expect(updated.id).toBe(r2.original()!.id);
    expect(updated.components).toEqual([]);
  });

  it('a second initial callback is refused with 40060 and the bot sees it', async () => {
    const before = h.botErrors.length;
    const r = await h.emulator.command({ name: 'twice' });
    await h.emulator.waitUntil(() => (h.botErrors.length > before ? true : undefined));
    expect(h.botErrors.at(-1)?.code).toBe(40060);
    expect(r.record.rejections.at(-1)?.status).toBe(400);
  });

  it('a callback after 3 s is refused (10062) and recorded as a missed deadline', async () => {
    h.resetGate();
    const missesBefore = h.emulator.deadlineMisses.length;
    const pending = h.emulator.command({ name: 'gate', timeoutMs: 1500 });
    await new Promise((r) => setTimeout(r, 50));
    offset += 3100; // the emulator clock jumps past the deadline
    h.gate.release();
    await expect(pending).rejects.toThrow(/did not acknowledge gate.*10062/s);
    offset -= 3100;
    const miss = h.emulator.deadlineMisses.slice(missesBefore);
    expect(miss.map((m) => m.kind)).toEqual(['late-callback']);
    expect(miss[0]!.elapsedMs).toBeGreaterThan(3000);
    await h.emulator.waitUntil(() => (h.botErrors.at(-1)?.code === 10062 ? true : undefined), { what: 'the bot to see 10062' });
  });

  it('the interaction token expires after 15 minutes', async () => {
    const r = await h.emulator.command({ name: 'echo', options: { text: 'old' } });
    offset += 15 * 60 * 1000 + 1;
    try {
      await expect(h.client.rest.patch(Routes.webhookMessage(h.emulator.applicationId, r.token, '@original'), { body: { content: 'late' }, auth: false })).rejects.toMatchObject({ code: 50027, status: 401 });
    } finally {
      offset -= 15 * 60 * 1000 + 1;
    }
    expect(h.emulator.deadlineMisses.some((m) => m.interactionId === r.interactionId && m.kind === 'expired-token')).toBe(true);
    expect(r.original()?.content).toBe('old (shard 0)');
  });

  it('discord.js retries after a 429 with retry_after and succeeds', async () => {
    h.emulator.failNext({ route: /^\/interactions\//, status: 429, retryAfter: 0.2 });
    const t0 = Date.now();
    const r = await h.emulator.command({ name: 'echo', options: { text: 'limited' } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
    expect(r.original()?.content).toBe('limited (shard 0)');
    const statuses = () => h.emulator.requests.filter((q) => q.path.startsWith(`/interactions/${r.interactionId}/`)).map((q) => q.status);
    await h.emulator.waitUntil(() => (statuses().length === 2 ? true : undefined));
    expect(statuses()).toEqual([429, 204]);
  });

  it('discord.js retries a 500 and succeeds; persistent 500s surface as an error', async () => {
    h.emulator.failNext({ route: '/messages/@original', method: 'PATCH', status: 500 });
    const r = await h.emulator.command({ name: 'slow', options: { ms: 0 } });
    expect((await r.waitForOriginal()).content).toBe('done slowly');
    const statuses = () => h.emulator.requests.filter((q) => q.method === 'PATCH' && q.path.includes(r.token)).map((q) => q.status);
    await h.emulator.waitUntil(() => (statuses().length === 2 ? true : undefined));
    expect(statuses()).toEqual([500, 200]);

    h.emulator.failNext({ route: '/messages/@original', method: 'PATCH', status: 500, times: 4 });
    const before = h.botErrors.length;
    const r2 = await h.emulator.command({ name: 'slow', options: { ms: 0 } });
    await h.emulator.waitUntil(() => (h.botErrors.length > before ? true : undefined));
    expect(h.botErrors.at(-1)?.message).toMatch(/Internal Server Error|500/);
    expect(r2.original()!.flags & MessageFlags.Loading).toBeTruthy();
  });

  it('gateway drop (resumable): the client RESUMEs, gets the missed interaction replayed and answers', async () => {
    const resumes = h.emulator.gatewayStats.resumes;
    expect(h.emulator.dropGateway()).toBe(1);
    // Dispatched while the socket is down: buffered for replay on RESUME.
    const r = await h.emulator.command({ name: 'echo', options: { text: 'after drop' }, timeoutMs: 2900 });
    expect(r.original()?.content).toBe('after drop (shard 0)');
    expect(h.emulator.gatewayStats.resumes).toBe(resumes + 1);
    expect(h.emulator.gatewayStats.identifies).toBe(1);
  });

  it('op 7 RECONNECT: the client closes, RESUMEs and keeps answering', async () => {
    const resumes = h.emulator.gatewayStats.resumes;
    expect(h.emulator.requestReconnect()).toBe(1);
    await h.emulator.waitUntil(() => (h.emulator.gatewayStats.resumes > resumes ? true : undefined), { what: 'a RESUME' });
    const r = await h.emulator.command({ name: 'echo', options: { text: 'reconnected' } });
    expect(r.original()?.content).toBe('reconnected (shard 0)');
  });

  it('gateway drop (not resumable): INVALID_SESSION, the client re-IDENTIFYs and keeps answering', async () => {
    const identifies = h.emulator.gatewayStats.identifies;
    h.emulator.dropGateway({ resumable: false });
    await h.emulator.waitUntil(() => (h.emulator.gatewayStats.identifies > identifies && h.emulator.gatewayStats.connectedShards.length === 1 ? true : undefined), {
      timeoutMs: 12_000,
      what: 're-identify',
    });
    const r = await h.emulator.command({ name: 'echo', options: { text: 'fresh session' } });
    expect(r.original()?.content).toBe('fresh session (shard 0)');
  }, 20_000);
});
