import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startEmulator, type Emulator } from '../../src/dev/emulator/index.js';
import { startHarness, type Harness } from './harness.js';

type Payload = { op: number; d: any; s: number | null; t: string | null };

/** A bare WebSocket client that records payloads and the close code. */
function connect(url: string) {
  const ws = new WebSocket(`${url}?v=10&encoding=json`);
  const got: Payload[] = [];
  const waiters: Array<() => void> = [];
  let closed: number | null = null;
  ws.on('message', (raw) => {
    got.push(JSON.parse(raw.toString()) as Payload);
    waiters.splice(0).forEach((w) => w());
  });
  ws.on('close', (code) => {
    closed = code;
    waiters.splice(0).forEach((w) => w());
  });
  const until = async <T>(f: () => T | undefined): Promise<T> => {
    for (;;) {
      const v = f();
      if (v !== undefined) return v;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return {
    ws,
    got,
    send: (p: object) => ws.send(JSON.stringify(p)),
    next: (pred: (p: Payload) => boolean) => until(() => got.find(pred)),
    closed: () => until(() => (closed === null ? undefined : closed)),
  };
}

describe('gateway protocol', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ heartbeatIntervalMs: 1000 });
  });
  afterAll(() => emu.close());

  it('HELLO, heartbeat ACK, IDENTIFY → READY (unavailable guilds, resume url, application) then GUILD_CREATE', async () => {
    const c = connect(emu.gatewayUrl);
    const hello = await c.next((p) => p.op === 10);
    expect(hello.d.heartbeat_interval).toBe(1000);
    c.send({ op: 1, d: null });
    await c.next((p) => p.op === 11);
    c.send({ op: 2, d: { token: emu.botToken, intents: 1, properties: {} } });
    const ready = await c.next((p) => p.t === 'READY');
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: emu.applicationId, bot: true },
      guilds: [{ id: emu.defaultGuildId, unavailable: true }],
      application: { id: emu.applicationId },
    });
    expect(ready.d.resume_gateway_url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    const gc = await c.next((p) => p.t === 'GUILD_CREATE');
    expect(gc.s).toBe(2);
    expect(gc.d).toMatchObject({ id: emu.defaultGuildId, unavailable: false, channels: [{ id: emu.defaultChannelId, type: 0 }] });
    c.ws.close(1000);
  });

  it('a wrong token closes with 4004, a bad shard with 4010, a second IDENTIFY with 4005', async () => {
    const a = connect(emu.gatewayUrl);
    await a.next((p) => p.op === 10);
    a.send({ op: 2, d: { token: 'nope', intents: 1, properties: {} } });
    expect(await a.closed()).toBe(4004);
    const b = connect(emu.gatewayUrl);
    await b.next((p) => p.op === 10);
    b.send({ op: 2, d: { token: emu.botToken, intents: 1, properties: {}, shard: [2, 2] } });
    expect(await b.closed()).toBe(4010);
    const c = connect(emu.gatewayUrl);
    await c.next((p) => p.op === 10);
    c.send({ op: 2, d: { token: emu.botToken, intents: 1, properties: {} } });
    await c.next((p) => p.t === 'READY');
    c.send({ op: 2, d: { token: emu.botToken, intents: 1, properties: {} } });
    expect(await c.closed()).toBe(4005);
  });

  it('RESUME replays missed events then RESUMED; an unknown session gets INVALID_SESSION false', async () => {
    const c = connect(emu.gatewayUrl);
    await c.next((p) => p.op === 10);
    c.send({ op: 2, d: { token: emu.botToken, intents: 1, properties: {} } });
    const ready = await c.next((p) => p.t === 'READY');
    await c.next((p) => p.t === 'GUILD_CREATE');
    emu.dropGateway();
    expect(await c.closed()).toBe(4000);

    const r = connect(ready.d.resume_gateway_url);
    await r.next((p) => p.op === 10);
    r.send({ op: 6, d: { token: emu.botToken, session_id: ready.d.session_id, seq: 1 } });
    const replayed = await r.next((p) => p.t === 'GUILD_CREATE');
    expect(replayed.s).toBe(2);
    const resumed = await r.next((p) => p.t === 'RESUMED');
    expect(resumed.s).toBe(3);
    r.ws.close(1000);

    const x = connect(emu.gatewayUrl);
    await x.next((p) => p.op === 10);
    x.send({ op: 6, d: { token: emu.botToken, session_id: 'nope', seq: 1 } });
    expect((await x.next((p) => p.op === 9)).d).toBe(false);
    x.ws.close();
  });
});

describe('sharding: events reach the shard (guild_id >> 22) % shards', () => {
  let h: Harness;
  const even = ((1000n << 22n) | 5n).toString(); // shard 0 of 2
  const odd = ((1001n << 22n) | 5n).toString(); // shard 1 of 2
  beforeAll(async () => {
    h = await startHarness({ shards: 2, maxConcurrency: 2, guilds: [{ id: even, name: 'Even' }, { id: odd, name: 'Odd' }] });
  });
  afterAll(() => h.close());

  it('the client runs two shards, each got its own guild, and interactions arrive on the right one', async () => {
    expect(h.emulator.gatewayStats.connectedShards.map((s) => s.join('/')).sort()).toEqual(['0/2', '1/2']);
    expect(h.client.guilds.cache.get(even)?.shardId).toBe(0);
    expect(h.client.guilds.cache.get(odd)?.shardId).toBe(1);
    const a = await h.emulator.command({ name: 'echo', options: { text: 'even' }, guildId: even });
    const b = await h.emulator.command({ name: 'echo', options: { text: 'odd' }, guildId: odd });
    expect(a.original()?.content).toBe('even (shard 0)');
    expect(b.original()?.content).toBe('odd (shard 1)');
  });
});
