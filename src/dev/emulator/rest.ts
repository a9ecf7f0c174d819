import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordHttpError, httpErrors, invalidFormBody } from './errors.js';
import type { Gateway } from './gateway.js';
import { CallbackType, InteractionType, LIMITS, MessageFlags } from './limits.js';
import type { EmulatorState, InteractionRecord, Json, StoredMessage } from './store.js';
import { isEmptyMessage, validateAutocompleteChoices, validateCommandList, validateMessageBody } from './validate.js';

export interface Fault {
  route: RegExp | string;
  method?: string;
  status: 429 | 500 | 502 | 503;
  /** Seconds, as Discord sends `retry_after`. */
  retryAfter: number;
  remaining: number;
}

export interface RestContext {
  state: EmulatorState;
  gateway: Gateway;
  token: string;
  shards: number;
  maxConcurrency: number;
  gatewayUrl: () => string;
  faults: Fault[];
  log: (line: string) => void;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Req {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Clock reading when the request arrived (deadlines are judged at arrival). */
  at: number;
}

const API_PREFIX = /^\/api(?:\/v(\d+))?(?=\/|$)/;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // discord.js sends files as multipart with the JSON body in `payload_json`.
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const json = form.get('payload_json');
    const body = (typeof json === 'string' ? JSON.parse(json) : {}) as Json;
    const files = [...form.entries()].filter(([k]) => k.startsWith('files['));
    if (files.length > 0 && !Array.isArray(body['attachments'])) {
      body['attachments'] = files.map(([, f], i) => ({ id: String(i), filename: typeof f === 'string' ? 'file' : f.name }));
    }
    return body;
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw httpErrors.badJson();
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { via: 'docket-emulator', ...reply.headers };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status === 200 ? 204 : reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json' });
  res.end(text);
}

export function createRequestHandler(ctx: RestContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const at = ctx.state.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = url.pathname.replace(API_PREFIX, '') || '/';
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep the raw path; the router answers 404
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const finish = (reply: Reply) => {
      ctx.state.requests.push({ method, path, status: reply.status, at });
      ctx.state.emit('request', { method, path, status: reply.status });
      if (reply.status >= 400) ctx.log(`rest: ${method} ${path} → ${reply.status}`);
      send(res, reply);
    };
    const fault = takeFault(ctx, method, path);
    if (fault) {
      req.resume();
      finish(fault);
      return;
    }
    readBody(req)
      .then((body) => route(ctx, { method, path, query: url.searchParams, headers: req.headers, body, at }))
      .then(finish, (err: unknown) => {
        if (err instanceof DiscordHttpError) finish({ status: err.status, body: err.body });
        else {
          ctx.log(`rest: ${method} ${path} crashed: ${err instanceof Error ? err.stack : String(err)}`);
          finish({ status: 500, body: httpErrors.internal().body });
        }
      });
  };
}

function takeFault(ctx: RestContext, method: string, path: string): Reply | null {
  const i = ctx.faults.findIndex(
    (f) =>
      f.remaining > 0 &&
      (!f.method || f.method.toUpperCase() === method) &&
      (typeof f.route === 'string' ? path.includes(f.route) : f.route.test(path)),
  );
  const fault = ctx.faults[i];
  if (!fault) return null;
  fault.remaining--;
  if (fault.remaining === 0) ctx.faults.splice(i, 1);
  if (fault.status === 429) {
    const resetAt = (Date.now() + fault.retryAfter * 1000) / 1000;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global: false },
      headers: {
        'retry-after': String(fault.retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': resetAt.toFixed(3),
        'x-ratelimit-reset-after': fault.retryAfter.toFixed(3),
        'x-ratelimit-bucket': 'emulated-bucket',
        'x-ratelimit-scope': 'user',
      },
    };
  }
  return { status: fault.status, body: { message: `${fault.status}: Emulated server error`, code: 0 } };
}

function requireBot(ctx: RestContext, req: Req): void {
  const auth = req.headers['authorization'];
  if (typeof auth !== 'string' || auth !== `Bot ${ctx.token}`) throw httpErrors.unauthorized();
}

function requireApp(ctx: RestContext, appId: string): void {
  if (appId !== ctx.state.applicationId) throw new DiscordHttpError(403, { message: 'Missing Access', code: 50001 });
}

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const noContent = (): Reply => ({ status: 204 });

async function route(ctx: RestContext, req: Req): Promise<Reply> {
  const parts = req.path.split('/').filter(Boolean);
  const [a, b, c, d, e] = parts;
  const m = req.method;
  const { state } = ctx;

  if (a === 'gateway' && parts.length === 1 && m === 'GET') return ok({ url: ctx.gatewayUrl() });
  if (a === 'gateway' && b === 'bot' && parts.length === 2 && m === 'GET') {
    requireBot(ctx, req);
    return ok({
      url: ctx.gatewayUrl(),
      shards: ctx.shards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: ctx.maxConcurrency },
    });
  }
  if (a === 'users' && b === '@me' && parts.length === 2 && m === 'GET') {
    requireBot(ctx, req);
    return ok({ ...state.botUser, verified: true, mfa_enabled: false, flags: 0 });
  }
  if (a === 'applications' && b === '@me' && parts.length === 2 && m === 'GET') {
    requireBot(ctx, req);
    return ok({
      id: state.applicationId,
      name: state.botUser.username,
      icon: null,
      description: 'Emulated application',
      bot_public: true,
      bot_require_code_grant: false,
      bot: state.botUser,
      owner: { id: '1', username: 'owner', global_name: null, discriminator: '0', avatar: null },
      team: null,
      verify_key: '0'.repeat(64),
      flags: 0,
      summary: '',
    });
  }
  if (a === 'applications' && b !== undefined && (c === 'commands' || c === 'guilds')) {
    requireBot(ctx, req);
    requireApp(ctx, b);
    let guildId: string | null = null;
    let rest = parts.slice(3);
    if (c === 'guilds') {
      if (d === undefined || e !== 'commands') throw httpErrors.notFound();
      if (!state.guild(d)) throw httpErrors.unknownGuild();
      guildId = d;
      rest = parts.slice(5);
    }
    return commandsRoute(ctx, req, guildId, rest);
  }
  if (a === 'interactions' && b && c && d === 'callback' && parts.length === 4) {
    if (m !== 'POST') throw httpErrors.methodNotAllowed();
    return interactionCallback(ctx, req, b, c);
  }
  if (a === 'webhooks' && b && c) {
    const rec = webhookInteraction(ctx, req, b, c);
    if (parts.length === 3) {
      if (m === 'POST') return followUp(ctx, req, rec);
      throw httpErrors.methodNotAllowed();
    }
    if (d === 'messages' && e && parts.length === 5) return webhookMessage(ctx, req, rec, e);
    throw httpErrors.notFound();
  }
  if (a === 'channels' && b) {
    requireBot(ctx, req);
    const channel = state.channel(b);
    if (!channel) throw httpErrors.unknownChannel();
    if (parts.length === 2 && m === 'GET') {
      return ok(
        channel.guildId
          ? { id: channel.id, type: 0, name: channel.name, guild_id: channel.guildId, position: 0, permission_overwrites: [], nsfw: false, parent_id: null }
          : { id: channel.id, type: 1, recipients: [], last_message_id: null },
      );
    }
    if (c === 'messages' && parts.length === 3) {
      if (m === 'POST') {
        const fields = validateMessageBody(req.body, 'create', { ephemeralAllowed: false });
        return ok(state.toApiMessage(state.createMessage(b, fields, { type: 0 })));
      }
      if (m === 'GET') {
        const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 50) || 50));
        const list = [...state.messages.values()]
          .filter((msg) => msg.channel_id === b && !msg.deleted && !(msg.flags & MessageFlags.Ephemeral))
          .reverse()
          .slice(0, limit);
        return ok(list.map((msg) => state.toApiMessage(msg)));
      }
      throw httpErrors.methodNotAllowed();
    }
    if (c === 'messages' && d && parts.length === 4) {
      const msg = state.messages.get(d);
      if (!msg || msg.deleted || msg.channel_id !== b || msg.flags & MessageFlags.Ephemeral) throw httpErrors.unknownMessage();
      if (m === 'GET') return ok(state.toApiMessage(msg));
      if (m === 'PATCH') return ok(state.toApiMessage(applyEdit(ctx, msg, req.body, {})));
      if (m === 'DELETE') {
        state.deleteMessage(msg);
        return noContent();
      }
      throw httpErrors.methodNotAllowed();
    }
  }
  throw httpErrors.notFound();
}

function commandsRoute(ctx: RestContext, req: Req, guildId: string | null, rest: string[]): Reply {
  const { state } = ctx;
  const list = state.commandsFor(guildId);
  const [id, extra] = rest;
  if (id === undefined) {
    if (req.method === 'GET') return ok(list);
    if (req.method === 'PUT') {
      const defs = validateCommandList(req.body);
      const records = state.overwriteCommands(guildId, defs);
      ctx.log(`rest: bulk overwrite ${guildId ? `guild ${guildId}` : 'global'}: ${records.map((r) => r.name).join(', ')}`);
      return ok(records);
    }
    if (req.method === 'POST') {
      const [def] = validateCommandList([req.body]);
      if (!def) throw httpErrors.badJson();
      const type = typeof def['type'] === 'number' ? def['type'] : 1;
      const others = list.filter((r) => !(r.name === def['name'] && r.type === type));
      const records = state.overwriteCommands(guildId, [...others, def]);
      return ok(records[records.length - 1], 201);
    }
    throw httpErrors.methodNotAllowed();
  }
  if (extra !== undefined) throw httpErrors.notFound();
  const record = list.find((r) => r.id === id);
  if (!record) throw new DiscordHttpError(404, { message: 'Unknown application command', code: 10063 });
  if (req.method === 'GET') return ok(record);
  if (req.method === 'DELETE') {
    state.overwriteCommands(guildId, list.filter((r) => r !== record));
    return noContent();
  }
  throw httpErrors.methodNotAllowed();
}

function typeError(message: string): DiscordHttpError {
  return invalidFormBody({ type: { _errors: [{ code: 'INTERACTION_CALLBACK_TYPE_INVALID', message }] } });
}

function interactionCallback(ctx: RestContext, req: Req, id: string, token: string): Reply {
  const { state } = ctx;
  const rec = state.interactions.get(id);
  if (!rec || rec.token !== token) throw httpErrors.unknownInteraction();
  const elapsed = req.at - rec.createdAt;
  const routeName = `POST /interactions/${id}/:token/callback`;
  if (rec.callback) throw reject(rec, routeName, req.at, httpErrors.alreadyAcknowledged());
  if (elapsed > LIMITS.ackDeadlineMs) {
    if (!state.deadlineMisses.some((x) => x.interactionId === rec.id && x.kind === 'late-callback')) {
      state.deadlineMisses.push({ interactionId: rec.id, name: rec.name, kind: 'late-callback', elapsedMs: elapsed, route: routeName });
    }
    ctx.log(`interaction ${rec.name}: callback after ${Math.round(elapsed)} ms refused (deadline ${LIMITS.ackDeadlineMs} ms)`);
    throw reject(rec, routeName, req.at, httpErrors.unknownInteraction());
  }
  try {
    const body = req.body;
    if (typeof body !== 'object' || body === null) throw invalidFormBody({ type: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } });
    const { type, data } = body as { type?: unknown; data?: unknown };
    const isCommand = rec.type === InteractionType.ApplicationCommand;
    const isComponent = rec.type === InteractionType.MessageComponent;
    const isAutocomplete = rec.type === InteractionType.Autocomplete;
    let message: StoredMessage | null = null;
    switch (type) {
      case CallbackType.ChannelMessageWithSource: {
        if (isAutocomplete) throw typeError('Autocomplete interactions only accept type 8');
        const fields = validateMessageBody(data ?? {}, 'create', { ephemeralAllowed: true });
        message = state.createMessage(rec.channelId, fields, {
          type: isCommand ? 20 : 19,
          interactionId: rec.id,
          viaWebhook: true,
          flags: (fields.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications),
        });
        rec.originalMessageId = message.id;
        break;
      }
      case CallbackType.DeferredChannelMessageWithSource: {
        if (isAutocomplete) throw typeError('Autocomplete interactions only accept type 8');
        const flags = typeof data === 'object' && data !== null ? Number((data as Json)['flags'] ?? 0) : 0;
        message = state.createMessage(rec.channelId, {}, {
          type: isCommand ? 20 : 19,
          interactionId: rec.id,
          viaWebhook: true,
          flags: MessageFlags.Loading | (flags & MessageFlags.Ephemeral),
        });
        rec.originalMessageId = message.id;
        rec.deferredPending = true;
        break;
      }
      case CallbackType.DeferredUpdateMessage:
      case CallbackType.UpdateMessage: {
        if (!isComponent) throw typeError(`Callback type ${String(type)} is only valid for component interactions`);
        const target = rec.componentMessageId ? state.messages.get(rec.componentMessageId) : undefined;
        if (!target || target.deleted) throw httpErrors.unknownMessage();
        if (type === CallbackType.UpdateMessage) {
          applyEdit(ctx, target, data ?? {}, {});
        }
        rec.originalMessageId = target.id;
        message = target;
        break;
      }
      case CallbackType.ApplicationCommandAutocompleteResult: {
        if (!isAutocomplete) throw typeError('Type 8 is only valid for autocomplete interactions');
        validateAutocompleteChoices(data, rec.focusedOptionType);
        break;
      }
      case CallbackType.Modal: {
        if (isAutocomplete) throw typeError('Autocomplete interactions only accept type 8');
        const d = data as Json | undefined;
        if (!d || typeof d['custom_id'] !== 'string' || typeof d['title'] !== 'string' || d['title'].length > LIMITS.modalTitle) {
          throw invalidFormBody({ data: { _errors: [{ code: 'MODAL_INVALID', message: 'A modal needs custom_id and a title of at most 45 characters' }] } });
        }
        break;
      }
      default:
        throw invalidFormBody({ type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}.' }] } });
    }
    rec.callback = { type: type as number, ...(data !== undefined ? { data: data as Json } : {}) };
    rec.ackAt = req.at;
    rec.ackMs = elapsed;
    state.acks.push({ interactionId: rec.id, name: rec.name, interactionType: rec.type, callbackType: type as number, ackMs: elapsed });
    state.emit('callback', rec);
    if (req.query.get('with_response') !== 'true') return noContent();
    const ephemeral = message ? (message.flags & MessageFlags.Ephemeral) !== 0 : null;
    return ok({
      interaction: {
        id: rec.id,
        type: rec.type,
        response_message_id: message?.id ?? null,
        response_message_loading: message ? (message.flags & MessageFlags.Loading) !== 0 : null,
        response_message_ephemeral: ephemeral,
      },
      resource: { type, ...(message ? { message: state.toApiMessage(message) } : {}) },
    });
  } catch (err) {
    if (err instanceof DiscordHttpError) throw reject(rec, routeName, req.at, err);
    throw err;
  }
}

function reject(rec: InteractionRecord, route: string, at: number, err: DiscordHttpError): DiscordHttpError {
  rec.rejections.push({ route, status: err.status, body: err.body, at });
  return err;
}

function webhookInteraction(ctx: RestContext, req: Req, appId: string, token: string): InteractionRecord {
  const { state } = ctx;
  if (appId !== state.applicationId) throw httpErrors.unknownWebhook();
  const rec = state.interactionsByToken.get(token);
  if (!rec) throw httpErrors.unknownWebhook();
  const age = req.at - rec.createdAt;
  if (age > LIMITS.tokenLifetimeMs) {
    state.deadlineMisses.push({ interactionId: rec.id, name: rec.name, kind: 'expired-token', elapsedMs: age, route: `${req.method} /webhooks/:app/:token` });
    throw reject(rec, `${req.method} /webhooks`, req.at, httpErrors.invalidWebhookToken());
  }
  return rec;
}

function applyEdit(ctx: RestContext, msg: StoredMessage, body: unknown, opts: { clearFlags?: number }): StoredMessage {
  const fields = validateMessageBody(body ?? {}, 'edit', { ephemeralAllowed: true });
  const merged = {
    content: fields.content ?? msg.content,
    embeds: fields.embeds ?? msg.embeds,
    components: fields.components ?? msg.components,
    attachments: fields.attachments ?? msg.attachments,
  };
  if (isEmptyMessage(merged)) throw httpErrors.emptyMessage();
  return ctx.state.editMessage(msg, fields, opts);
}

function followUp(ctx: RestContext, req: Req, rec: InteractionRecord): Reply {
  const { state } = ctx;
  const route = 'POST /webhooks/:app/:token';
  try {
    // Discord refuses follow-ups before the interaction has been acknowledged.
    if (!rec.callback) throw httpErrors.unknownWebhook();
    const fields = validateMessageBody(req.body, 'create', { ephemeralAllowed: true });
    let message: StoredMessage;
    const original = rec.originalMessageId ? state.messages.get(rec.originalMessageId) : undefined;
    if (rec.deferredPending && original && !original.deleted) {
      // Documented Discord behaviour: the first follow-up after a deferral replaces the "thinking…" message.
      message = state.editMessage(original, { ...fields, flags: undefined }, { clearFlags: MessageFlags.Loading });
      rec.deferredPending = false;
    } else {
      message = state.createMessage(rec.channelId, fields, {
        type: 0,
        interactionId: rec.id,
        viaWebhook: true,
        flags: (fields.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications),
      });
      rec.followUpIds.push(message.id);
    }
    state.emit('callback', rec);
    return req.query.get('wait') === 'true' ? ok(state.toApiMessage(message)) : noContent();
  } catch (err) {
    if (err instanceof DiscordHttpError) throw reject(rec, route, req.at, err);
    throw err;
  }
}

function webhookMessage(ctx: RestContext, req: Req, rec: InteractionRecord, which: string): Reply {
  const { state } = ctx;
  const route = `${req.method} /webhooks/:app/:token/messages/${which === '@original' ? '@original' : ':id'}`;
  try {
    const id = which === '@original' ? rec.originalMessageId : which;
    const belongs = id !== null && (id === rec.originalMessageId || rec.followUpIds.includes(id));
    const msg = belongs && id ? state.messages.get(id) : undefined;
    if (!msg || msg.deleted) throw httpErrors.unknownMessage();
    switch (req.method) {
      case 'GET':
        return ok(state.toApiMessage(msg));
      case 'PATCH': {
        const pending = rec.deferredPending && msg.id === rec.originalMessageId;
        const edited = applyEdit(ctx, msg, req.body, pending ? { clearFlags: MessageFlags.Loading } : {});
        if (pending) rec.deferredPending = false;
        state.emit('callback', rec);
        return ok(state.toApiMessage(edited));
      }
      case 'DELETE':
        state.deleteMessage(msg);
        if (msg.id === rec.originalMessageId) rec.deferredPending = false;
        state.emit('callback', rec);
        return noContent();
      default:
        throw httpErrors.methodNotAllowed();
    }
  } catch (err) {
    if (err instanceof DiscordHttpError) throw reject(rec, route, req.at, err);
    throw err;
  }
}
