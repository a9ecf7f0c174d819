/**
 * A local Discord for tests, benchmarks and the offline console: REST under /api/v10 and a JSON gateway WebSocket on
 * 127.0.0.1 only, implementing what a discord.js v14 bot uses, with Discord's validation, error shapes and timing
 * rules (3 s acknowledgement, 15 min tokens), plus fault injection (gateway drops, 429, 5xx).
 *
 *   const emulator = await startEmulator();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiUrl } });
 *   await client.login(emulator.botToken);             // HELLO → IDENTIFY → READY → GUILD_CREATE
 *   // register commands with PUT /applications/{id}/guilds/{guild}/commands (e.g. the deploy script), then:
 *   const r = await emulator.command({ name: 'search', options: { query: 'trade' } });
 *   const answer = await r.waitForOriginal();          // after defer + edit
 *
 * The driver API (command/autocomplete/click) builds interactions from the REGISTERED definitions and refuses
 * anything a Discord client could not send. Nothing here is reachable from another machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DriverError, buildAutocompleteData, buildCommandData, createInteraction, findComponent } from './interactions.js';
import type { AutocompleteInput, ClickInput, CommandInput, InteractionContext } from './interactions.js';
import { Gateway } from './gateway.js';
import { SnowflakeFactory } from './ids.js';
import { InteractionType, LIMITS, MessageFlags } from './limits.js';
import { createRequestHandler, type Fault } from './rest.js';
import { EmulatorState } from './store.js';
import type {
  AckRecord,
  ApiUser,
  CallbackRecord,
  CommandRecord,
  DeadlineMiss,
  EmulatedChannel,
  EmulatedGuild,
  InteractionRecord,
  Json,
  MessageEvent,
  RequestRecord,
  StoredMessage,
} from './store.js';

export type { AutocompleteInput, ClickInput, CommandInput, InteractionContext, OptionValue } from './interactions.js';
export type {
  AckRecord,
  ApiUser,
  CallbackRecord,
  CommandRecord,
  DeadlineMiss,
  EmulatedChannel,
  EmulatedGuild,
  InteractionRecord,
  Json,
  MessageEvent,
  RequestRecord,
  StoredMessage,
} from './store.js';
export { DriverError } from './interactions.js';
export { LIMITS, MessageFlags } from './limits.js';

export interface GuildInput {
  id?: string;
  name?: string;
  preferredLocale?: string;
  channels?: Array<{ id?: string; name?: string }>;
}

export interface EmulatorOptions {
  /** Default 0: a free port. The server only ever binds 127.0.0.1. */
  port?: number;
  applicationId?: string;
  botToken?: string;
  botName?: string;
  /** Default: one guild "Docket Test" with a #general channel. */
  guilds?: GuildInput[];
  /** Shard count `GET /gateway/bot` recommends. Default 1. */
  shards?: number;
  /** `session_start_limit.max_concurrency` (default 1): shards in different buckets may IDENTIFY at the same time. */
  maxConcurrency?: number;
  heartbeatIntervalMs?: number;
  /** Milliseconds clock for deadlines, token expiry and timestamps; inject a fake one to test expiry. */
  clock?: () => number;
  log?: (line: string) => void;
}

export interface WaitOptions {
  timeoutMs?: number;
}

/** What the bot answered to one interaction, live: the accessors read the emulator's current state. */
export interface InteractionResult {
  interactionId: string;
  token: string;
  callback: CallbackRecord;
  /** Dispatch → first accepted callback, in ms of the emulator clock. */
  ackMs: number;
  record: InteractionRecord;
  /** The message `@original` refers to now (undefined before any, or once deleted). */
  original(): StoredMessage | undefined;
  followUps(): StoredMessage[];
  /** Resolves once `@original` exists, is no longer "thinking…" and satisfies the predicate. */
  waitForOriginal(predicate?: (m: StoredMessage) => boolean, opts?: WaitOptions): Promise<StoredMessage>;
  waitForFollowUps(count: number, opts?: WaitOptions): Promise<StoredMessage[]>;
}

export interface AutocompleteResult {
  interactionId: string;
  ackMs: number;
  choices: Array<{ name: string; value: string | number; name_localizations?: Record<string, string> }>;
}

export interface Emulator {
  readonly port: number;
  /** REST base for discord.js (`rest: { api: emulator.apiUrl }`); the client appends `/v10`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botToken: string;
  readonly botUser: ApiUser;
  readonly guilds: readonly EmulatedGuild[];
  readonly defaultGuildId: string;
  readonly defaultChannelId: string;
  readonly deadlineMisses: readonly DeadlineMiss[];
  readonly acks: readonly AckRecord[];
  readonly requests: readonly RequestRecord[];
  /** Gateway counters: IDENTIFYs and successful RESUMEs so far. */
  readonly gatewayStats: { identifies: number; resumes: number; connectedShards: Array<[number, number]> };
  command(input: CommandInput & WaitOptions): Promise<InteractionResult>;
  autocomplete(input: AutocompleteInput & WaitOptions): Promise<AutocompleteResult>;
  click(input: ClickInput & WaitOptions): Promise<InteractionResult>;
  /** Messages (not deleted) in creation order, optionally for one channel; ephemeral ones included, flagged. */
  messages(channelId?: string): StoredMessage[];
  message(id: string): StoredMessage | undefined;
  interaction(id: string): InteractionRecord | undefined;
  registeredCommands(guildId?: string | null): CommandRecord[];
  /** Resolves when a bot session is connected and can receive events for the guild. */
  waitForBot(opts?: WaitOptions & { guildId?: string | null }): Promise<void>;
  /** Resolves with the first message event (create/update/delete) matching the predicate after the call. */
  waitForMessage(predicate: (m: StoredMessage, kind: MessageEvent['kind']) => boolean, opts?: WaitOptions): Promise<StoredMessage>;
  /** Polls `check` on every state change until it returns a value other than undefined. */
  waitUntil<T>(check: () => T | undefined, opts?: WaitOptions & { what?: string }): Promise<T>;
  dropGateway(opts?: { code?: number; resumable?: boolean }): number;
  /** Sends op 7 RECONNECT to every shard; the client should close and RESUME. Returns how many sockets got it. */
  requestReconnect(): number;
  failNext(fault: { route: RegExp | string; status: 429 | 500 | 502 | 503; retryAfter?: number; method?: string; times?: number }): void;
  close(): Promise<void>;
}

const realClock = () => performance.timeOrigin + performance.now();

function defaultToken(appId: string): string {
  return `${Buffer.from(appId).toString('base64url')}.ZW11bGF0b3I.${'d'.repeat(27)}`;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const now = opts.clock ?? realClock;
  const idSource = new SnowflakeFactory(now);
  const applicationId = opts.applicationId ?? idSource.next();
  const botToken = (opts.botToken ?? defaultToken(applicationId)).replace(/^Bot\s+/i, '');
  const log = opts.log ?? (() => {});
  const botUser: ApiUser = {
    id: applicationId,
    username: opts.botName ?? 'Docket',
    global_name: null,
    discriminator: '0',
    avatar: null,
    bot: true,
  };
  const state = new EmulatorState(applicationId, botUser, now, idSource);
  for (const g of opts.guilds ?? [{ name: 'Docket Test' }]) {
    const id = g.id ?? state.ids.next();
    const channels = (g.channels ?? [{ name: 'general' }]).map((c) => ({ id: c.id ?? state.ids.next(), name: c.name ?? 'general', guildId: id }));
    if (channels.length === 0) throw new Error(`guild ${id} needs at least one channel`);
    state.guilds.push({ id, name: g.name ?? 'Docket Test', channels, preferredLocale: g.preferredLocale ?? 'en-US' });
  }
  const firstGuild = state.guilds[0];
  const firstChannel = firstGuild?.channels[0];
  if (!firstGuild || !firstChannel) throw new Error('the emulator needs at least one guild');

  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const gateway = new Gateway(state, {
    token: botToken,
    heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
    gatewayUrl,
    log,
  });
  const faults: Fault[] = [];
  const server: Server = createServer(
    createRequestHandler({ state, gateway, token: botToken, shards: opts.shards ?? 1, maxConcurrency: opts.maxConcurrency ?? 1, gatewayUrl, faults, log }),
  );
  server.on('upgrade', (req, socket, head) => {
    if (!(req.url ?? '').startsWith('/gateway')) {
      socket.destroy();
      return;
    }
    gateway.handleUpgrade(req, socket, head);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  log(`emulator listening on http://127.0.0.1:${port}`);

  const waitUntil = <T>(check: () => T | undefined, o: WaitOptions & { what?: string } = {}): Promise<T> => {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    const timeoutMs = o.timeoutMs ?? 5000;
    return new Promise<T>((resolve, reject) => {
      const onChange = () => {
        let value: T | undefined;
        try {
          value = check();
        } catch (err) {
          cleanup();
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${o.what ?? 'a condition'}`));
      }, timeoutMs);
      const poll = setInterval(onChange, 25);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        for (const ev of ['message', 'callback', 'request'] as const) state.off(ev, onChange);
      };
      for (const ev of ['message', 'callback', 'request'] as const) state.on(ev, onChange);
    });
  };

  const live = (id: string | null | undefined): StoredMessage | undefined => {
    const m = id ? state.messages.get(id) : undefined;
    return m && !m.deleted ? m : undefined;
  };

  const placeOf = (ctx: InteractionContext): { guildId: string | null; channel: EmulatedChannel } => {
    const guildId = ctx.guildId === undefined ? firstGuild.id : ctx.guildId;
    if (guildId === null) {
      const userId = ctx.user?.id ?? '190000000000000001';
      let dm = [...state.dmChannels.values()].find((c) => c.name === `dm-${userId}`);
      if (!dm) {
        dm = { id: state.ids.next(), name: `dm-${userId}`, guildId: null };
        state.dmChannels.set(dm.id, dm);
      }
      return { guildId, channel: dm };
    }
    const guild = state.guild(guildId);
    if (!guild) throw new DriverError(`unknown guild ${guildId}`);
    const channel = ctx.channelId ? guild.channels.find((c) => c.id === ctx.channelId) : guild.channels[0];
    if (!channel) throw new DriverError(`guild ${guildId} has no channel ${ctx.channelId ?? ''}`);
    return { guildId, channel };
  };

  /** Sends the interaction and waits for its first accepted callback (or gives up after the deadline). */
  const dispatch = async (rec: InteractionRecord, timeoutMs: number | undefined): Promise<InteractionRecord> => {
    if (!gateway.dispatch('INTERACTION_CREATE', rec.payload, rec.guildId)) {
      throw new DriverError('no bot session is connected to receive the interaction');
    }
    const limit = timeoutMs ?? LIMITS.ackDeadlineMs + 500;
    const late = () => state.deadlineMisses.some((m) => m.interactionId === rec.id && m.kind === 'late-callback');
    try {
      // A refused late callback settles it: the interaction can never be acknowledged any more.
      return await waitUntil(() => (rec.callback ? rec : late() ? null : undefined), { timeoutMs: limit, what: `a callback to ${rec.name}` }).then((r) => {
        if (!r) throw new Error('late');
        return r;
      });
    } catch {
      if (!state.deadlineMisses.some((m) => m.interactionId === rec.id)) {
        state.deadlineMisses.push({ interactionId: rec.id, name: rec.name, kind: 'no-callback', elapsedMs: now() - rec.createdAt });
      }
      const why = rec.rejections.map((r) => `${r.route} → ${r.status} ${JSON.stringify(r.body)}`).join('; ');
      throw new Error(`the bot did not acknowledge ${rec.name} (${rec.id}) within ${limit} ms${why ? `; refused: ${why}` : ''}`);
    }
  };

  const resultOf = (rec: InteractionRecord): InteractionResult => ({
    interactionId: rec.id,
    token: rec.token,
    callback: rec.callback as CallbackRecord,
    ackMs: rec.ackMs ?? 0,
    record: rec,
    original: () => live(rec.originalMessageId),
    followUps: () => rec.followUpIds.map((id) => live(id)).filter((m): m is StoredMessage => m !== undefined),
    waitForOriginal: (predicate, o) =>
      waitUntil(
        () => {
          const m = live(rec.originalMessageId);
          if (!m || m.flags & MessageFlags.Loading) return undefined;
          return !predicate || predicate(m) ? m : undefined;
        },
        { timeoutMs: o?.timeoutMs, what: `the original response to ${rec.name}` },
      ),
    waitForFollowUps: (count, o) =>
      waitUntil(
        () => {
          const list = rec.followUpIds.map((id) => live(id)).filter((m): m is StoredMessage => m !== undefined);
          return list.length >= count ? list : undefined;
        },
        { timeoutMs: o?.timeoutMs, what: `${count} follow-up(s) to ${rec.name}` },
      ),
  });

  const emulator: Emulator = {
    port,
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    applicationId,
    botToken,
    botUser,
    guilds: state.guilds,
    defaultGuildId: firstGuild.id,
    defaultChannelId: firstChannel.id,
    deadlineMisses: state.deadlineMisses,
    acks: state.acks,
    requests: state.requests,
    get gatewayStats() {
      return { identifies: gateway.identifies, resumes: gateway.resumes, connectedShards: gateway.connectedShards() };
    },
    async command(input) {
      const place = placeOf(input);
      const { cmd, data } = buildCommandData(state, input, place.guildId);
      const rec = createInteraction(state, { type: InteractionType.ApplicationCommand, name: cmd.name, data, ...place, ctx: input });
      return resultOf(await dispatch(rec, input.timeoutMs));
    },
    async autocomplete(input) {
      const place = placeOf(input);
      const { cmd, data, focusedType } = buildAutocompleteData(state, input, place.guildId);
      const rec = createInteraction(state, { type: InteractionType.Autocomplete, name: cmd.name, data, ...place, ctx: input });
      rec.focusedOptionType = focusedType;
      await dispatch(rec, input.timeoutMs);
      const choices = (rec.callback?.data?.['choices'] ?? []) as AutocompleteResult['choices'];
      return { interactionId: rec.id, ackMs: rec.ackMs ?? 0, choices };
    },
    async click(input) {
      const id = input.messageId ?? input.message?.id;
      const message = live(id);
      if (!message) throw new DriverError(`no message ${id ?? '(none given)'} to click on`);
      const component = findComponent(message, input.customId);
      const channel = state.channel(message.channel_id);
      if (!channel) throw new DriverError(`message ${message.id} is in an unknown channel`);
      const data: Json = { custom_id: input.customId, component_type: component['type'] };
      if (component['type'] === 3) {
        const values = input.values ?? [];
        const allowed = ((component['options'] ?? []) as Json[]).map((o) => o['value']);
        if (values.some((v) => !allowed.includes(v))) throw new DriverError(`select "${input.customId}" has no such value`);
        data['values'] = values;
      }
      const rec = createInteraction(state, {
        type: InteractionType.MessageComponent,
        name: input.customId,
        data,
        guildId: channel.guildId,
        channel,
        ctx: input,
        message,
      });
      return resultOf(await dispatch(rec, input.timeoutMs));
    },
    messages(channelId) {
      return [...state.messages.values()].filter((m) => !m.deleted && (!channelId || m.channel_id === channelId));
    },
    message: (id) => live(id),
    interaction: (id) => state.interactions.get(id),
    registeredCommands: (guildId) => state.commandsFor(guildId ?? null),
    waitForBot: (o = {}) =>
      waitUntil(() => (gateway.isConnected(o.guildId === undefined ? firstGuild.id : o.guildId) ? true : undefined), {
        timeoutMs: o.timeoutMs,
        what: 'a bot gateway session',
      }).then(() => undefined),
    waitForMessage(predicate, o = {}) {
      const timeoutMs = o.timeoutMs ?? 5000;
      return new Promise((resolve, reject) => {
        const onMessage = (ev: MessageEvent) => {
          if (!predicate(ev.message, ev.kind)) return;
          cleanup();
          resolve(ev.message);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for a message`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          state.off('message', onMessage);
        };
        state.on('message', onMessage);
      });
    },
    waitUntil,
    dropGateway: (o) => gateway.drop(o),
    requestReconnect: () => gateway.requestReconnect(),
    failNext(f) {
      faults.push({ route: f.route, status: f.status, retryAfter: f.retryAfter ?? 1, method: f.method, remaining: f.times ?? 1 });
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return emulator;
}
