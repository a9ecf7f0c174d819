import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { sessionId as newSessionId, shardForGuild } from './ids.js';
import type { EmulatorState, Json } from './store.js';

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** Close codes Discord documents for the gateway. */
export const GatewayClose = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidSeq: 4007,
  SessionTimedOut: 4009,
  InvalidShard: 4010,
  InvalidApiVersion: 4012,
  InvalidIntents: 4013,
} as const;

/** How many dispatches a session keeps for RESUME replay. */
const REPLAY_BUFFER = 1000;

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  buffer: Array<{ s: number; payload: Json }>;
  socket: WebSocket | null;
  /** False once Discord would refuse to resume it (dropped as non-resumable, or closed normally by the client). */
  resumable: boolean;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  gatewayUrl: () => string;
  log: (line: string) => void;
}

/** The gateway half of the emulator: one WebSocket per shard session, JSON encoding, v10. */
export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();
  identifies = 0;
  resumes = 0;

  constructor(
    private readonly state: EmulatorState,
    private readonly opts: GatewayOptions,
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url));
  }

  private send(ws: WebSocket, payload: Json): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    this.sockets.add(ws);
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      for (const s of this.sessions.values()) {
        if (s.socket === ws) {
          s.socket = null;
          // Discord invalidates a session the client closes with 1000/1001.
          if (code === 1000 || code === 1001) s.resumable = false;
        }
      }
    });
    const version = url.searchParams.get('v');
    if (version !== null && version !== '10' && version !== '9') {
      ws.close(GatewayClose.InvalidApiVersion, 'Invalid API version');
      return;
    }
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      ws.close(GatewayClose.DecodeError, 'Only encoding=json is emulated');
      return;
    }
    let session: Session | null = null;
    this.send(ws, { op: Op.Hello, d: { heartbeat_interval: this.opts.heartbeatIntervalMs }, s: null, t: null });
    ws.on('message', (raw, isBinary) => {
      let payload: Json;
      try {
        if (isBinary) throw new Error('binary frames need compression, which is not emulated');
        payload = JSON.parse(raw.toString()) as Json;
      } catch {
        ws.close(GatewayClose.DecodeError, 'Error while decoding payload.');
        return;
      }
      const d = (payload['d'] ?? null) as Json | null;
      switch (payload['op']) {
        case Op.Heartbeat:
          this.send(ws, { op: Op.HeartbeatAck, d: null, s: null, t: null });
          return;
        case Op.Identify:
          if (session) {
            ws.close(GatewayClose.AlreadyAuthenticated, 'Already authenticated.');
            return;
          }
          session = this.identify(ws, d);
          return;
        case Op.Resume:
          if (session) {
            ws.close(GatewayClose.AlreadyAuthenticated, 'Already authenticated.');
            return;
          }
          session = this.resume(ws, d);
          return;
        case 3: // presence update
        case 4: // voice state update
        case 8: // request guild members
          if (!session) ws.close(GatewayClose.NotAuthenticated, 'Not authenticated.');
          return;
        default:
          ws.close(GatewayClose.UnknownOpcode, 'Unknown opcode.');
      }
    });
  }

  private tokenOk(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot\s+/i, '') === this.opts.token;
  }

  private identify(ws: WebSocket, d: Json | null): Session | null {
    if (!d || !this.tokenOk(d['token'])) {
      ws.close(GatewayClose.AuthenticationFailed, 'Authentication failed.');
      return null;
    }
    const shardRaw = d['shard'];
    let shard: [number, number] = [0, 1];
    if (shardRaw !== undefined) {
      const ok =
        Array.isArray(shardRaw) &&
        shardRaw.length === 2 &&
        shardRaw.every((n) => Number.isInteger(n)) &&
        (shardRaw[1] as number) >= 1 &&
        (shardRaw[0] as number) >= 0 &&
        (shardRaw[0] as number) < (shardRaw[1] as number);
      if (!ok) {
        ws.close(GatewayClose.InvalidShard, 'Invalid shard.');
        return null;
      }
      shard = [shardRaw[0] as number, shardRaw[1] as number];
    }
    if (typeof d['intents'] !== 'number') {
      ws.close(GatewayClose.InvalidIntents, 'Invalid intent(s).');
      return null;
    }
    // A new IDENTIFY for a shard replaces any earlier session of that shard.
    for (const [id, s] of this.sessions) {
      if (s.shard[0] === shard[0] && s.shard[1] === shard[1]) this.sessions.delete(id);
    }
    const session: Session = {
      id: newSessionId(),
      shard,
      intents: d['intents'],
      seq: 0,
      buffer: [],
      socket: ws,
      resumable: true,
    };
    this.sessions.set(session.id, session);
    this.identifies++;
    const guilds = this.state.guilds.filter((g) => shardForGuild(g.id, shard[1]) === shard[0]);
    const ready: Json = {
      v: 10,
      user: { ...this.state.botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: `${this.opts.gatewayUrl()}/resume`,
      application: { id: this.state.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ['["docket-emulator"]'],
    };
    if (shardRaw !== undefined) ready['shard'] = shard;
    this.opts.log(`gateway: IDENTIFY shard ${shard[0]}/${shard[1]} → READY (${guilds.length} guilds)`);
    this.emitTo(session, 'READY', ready);
    for (const g of guilds) this.emitTo(session, 'GUILD_CREATE', this.guildCreatePayload(g.id));
    return session;
  }

  private resume(ws: WebSocket, d: Json | null): Session | null {
    if (!d || !this.tokenOk(d['token'])) {
      ws.close(GatewayClose.AuthenticationFailed, 'Authentication failed.');
      return null;
    }
    const session = typeof d['session_id'] === 'string' ? this.sessions.get(d['session_id']) : undefined;
    const seq = typeof d['seq'] === 'number' ? d['seq'] : -1;
    const oldest = session?.buffer[0]?.s ?? (session ? session.seq + 1 : 0);
    if (!session || !session.resumable || seq > (session?.seq ?? 0) || seq + 1 < oldest) {
      this.opts.log('gateway: RESUME refused → INVALID_SESSION');
      this.send(ws, { op: Op.InvalidSession, d: false, s: null, t: null });
      return null;
    }
    if (session.socket && session.socket !== ws) session.socket.close(GatewayClose.UnknownError, 'Session resumed elsewhere');
    session.socket = ws;
    this.resumes++;
    const missed = session.buffer.filter((e) => e.s > seq);
    this.opts.log(`gateway: RESUME shard ${session.shard[0]} replaying ${missed.length} events`);
    for (const e of missed) this.send(ws, e.payload);
    this.emitTo(session, 'RESUMED', { _trace: ['["docket-emulator"]'] });
    return session;
  }

  private emitTo(session: Session, t: string, d: Json): void {
    session.seq += 1;
    const payload = { op: Op.Dispatch, t, s: session.seq, d };
    if (t !== 'READY' && t !== 'RESUMED') {
      session.buffer.push({ s: session.seq, payload });
      if (session.buffer.length > REPLAY_BUFFER) session.buffer.shift();
    }
    if (session.socket) this.send(session.socket, payload);
  }

  /** The live session that receives events for a guild (DMs go to shard 0), or null when none can. */
  private sessionFor(guildId: string | null): Session | null {
    let found: Session | null = null;
    for (const s of this.sessions.values()) {
      if (!s.resumable) continue;
      const target = guildId ? shardForGuild(guildId, s.shard[1]) : 0;
      if (s.shard[0] === target) found = s;
    }
    return found;
  }

  /**
   * Sends a dispatch to the shard that owns the guild. If the socket is down but the session can resume, the event is
   * buffered and replayed on RESUME, as Discord does. Returns false when no session exists to receive it.
   */
  dispatch(t: string, d: Json, guildId: string | null): boolean {
    const session = this.sessionFor(guildId);
    if (!session) return false;
    this.emitTo(session, t, d);
    return true;
  }

  /** Whether the shard that owns the guild is connected right now (identified or resumed, socket open). */
  isConnected(guildId: string | null = null): boolean {
    return this.sessionFor(guildId)?.socket != null;
  }

  /** Shards currently connected and identified or resumed. */
  connectedShards(): Array<[number, number]> {
    return [...this.sessions.values()].filter((s) => s.socket && s.resumable).map((s) => s.shard);
  }

  /** Fault injection: close every bot socket. Non-resumable drops also forget the sessions (RESUME → INVALID_SESSION). */
  drop(opts: { code?: number; resumable?: boolean } = {}): number {
    const resumable = opts.resumable ?? true;
    const code = opts.code ?? GatewayClose.UnknownError;
    let closed = 0;
    for (const s of this.sessions.values()) {
      if (!resumable) s.resumable = false;
      if (s.socket) {
        s.socket.close(code, 'Emulator dropped the connection');
        s.socket = null;
        closed++;
      }
    }
    this.opts.log(`gateway: dropped ${closed} socket(s) with ${code}${resumable ? '' : ' (not resumable)'}`);
    return closed;
  }

  /** Fault injection: ask every connected shard to reconnect (op 7), as Discord does before maintenance. */
  requestReconnect(): number {
    let sent = 0;
    for (const s of this.sessions.values()) {
      if (s.socket && s.resumable) {
        this.send(s.socket, { op: Op.Reconnect, d: null, s: null, t: null });
        sent++;
      }
    }
    this.opts.log(`gateway: sent RECONNECT to ${sent} socket(s)`);
    return sent;
  }

  private guildCreatePayload(guildId: string): Json {
    const g = this.state.guild(guildId);
    if (!g) throw new Error(`unknown guild ${guildId}`);
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '1',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: [
        {
          id: g.id,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: '2248473465835073',
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: g.channels[0]?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: g.preferredLocale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date(this.state.now()).toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: g.channels.map((c, i) => ({
        id: c.id,
        type: 0,
        name: c.name,
        position: i,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      })),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
