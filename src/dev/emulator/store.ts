import { EventEmitter } from 'node:events';
import { SnowflakeFactory } from './ids.js';
import type { MessageFields } from './validate.js';

export type Json = Record<string, unknown>;

export interface ApiUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export interface EmulatedChannel {
  id: string;
  name: string;
  guildId: string | null;
}

export interface EmulatedGuild {
  id: string;
  name: string;
  channels: EmulatedChannel[];
  preferredLocale: string;
}

/** What a message would actually notify once Discord applies `allowed_mentions` to its content. */
export interface Pings {
  everyone: boolean;
  users: string[];
  roles: string[];
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  guild_id: string | null;
  author: ApiUser;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
  /** As sent by the bot (Discord does not echo it back; kept so tests can assert it). */
  allowed_mentions: Json | null;
  tts: boolean;
  attachments: Json[];
  timestamp: string;
  edited_timestamp: string | null;
  /** 0 default, 19 reply, 20 chat-input command response. */
  type: number;
  webhook_id: string | null;
  application_id: string | null;
  /** The interaction whose token created this message (original response or follow-up). */
  interactionId: string | null;
  pings: Pings;
  deleted: boolean;
  /** Every version of the message, oldest first (the current one last). */
  revisions: MessageFields[];
}

export interface CallbackRecord {
  type: number;
  data?: Json;
}

export interface RejectionRecord {
  route: string;
  status: number;
  body: Json;
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 command, 3 component, 4 autocomplete. */
  type: number;
  /** Command name, or the clicked custom_id. */
  name: string;
  guildId: string | null;
  channelId: string;
  user: ApiUser;
  locale: string;
  payload: Json;
  createdAt: number;
  ackAt: number | null;
  ackMs: number | null;
  callback: CallbackRecord | null;
  /** The message the token's `@original` refers to (the response, or the clicked message after a type 6/7). */
  originalMessageId: string | null;
  /** Set by a type 5 defer until the first edit or follow-up replaces the loading message. */
  deferredPending: boolean;
  followUpIds: string[];
  rejections: RejectionRecord[];
  /** The option type of the focused option (autocomplete), to check choice value types. */
  focusedOptionType?: number;
  /** The message a component lived on (component interactions). */
  componentMessageId?: string;
}

export type DeadlineMissKind = 'late-callback' | 'no-callback' | 'expired-token';

export interface DeadlineMiss {
  interactionId: string;
  name: string;
  kind: DeadlineMissKind;
  /** ms from dispatch to the refused use (or to the moment the driver gave up waiting). */
  elapsedMs: number;
  route?: string;
}

export interface AckRecord {
  interactionId: string;
  name: string;
  interactionType: number;
  callbackType: number;
  ackMs: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface CommandRecord {
  id: string;
  application_id: string;
  version: string;
  type: number;
  name: string;
  description: string;
  guild_id?: string;
  options?: Json[];
  [key: string]: unknown;
}

export type MessageEvent = { kind: 'create' | 'update' | 'delete'; message: StoredMessage };

const MENTION_USER = /<@!?(\d{15,25})>/g;
const MENTION_ROLE = /<@&(\d{15,25})>/g;
const MENTION_EVERYONE = /@(everyone|here)\b/;

/** Applies Discord's allowed_mentions rules to the content; absent allowed_mentions means "parse everything". */
export function computePings(content: string, allowed: Json | null | undefined): Pings {
  const parse = allowed ? (Array.isArray(allowed['parse']) ? (allowed['parse'] as string[]) : []) : ['users', 'roles', 'everyone'];
  const allowList = (key: 'users' | 'roles') => (allowed && Array.isArray(allowed[key]) ? (allowed[key] as string[]) : []);
  const users = [...content.matchAll(MENTION_USER)].map((m) => m[1] ?? '');
  const roles = [...content.matchAll(MENTION_ROLE)].map((m) => m[1] ?? '');
  return {
    everyone: parse.includes('everyone') && MENTION_EVERYONE.test(content),
    users: [...new Set(users.filter((u) => parse.includes('users') || allowList('users').includes(u)))],
    roles: [...new Set(roles.filter((r) => parse.includes('roles') || allowList('roles').includes(r)))],
  };
}

/** In-memory Discord state: guilds, commands, messages and interactions, plus the records tests assert on. */
export class EmulatorState extends EventEmitter {
  readonly guilds: EmulatedGuild[] = [];
  readonly dmChannels = new Map<string, EmulatedChannel>();
  readonly globalCommands: CommandRecord[] = [];
  readonly guildCommands = new Map<string, CommandRecord[]>();
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly acks: AckRecord[] = [];
  readonly deadlineMisses: DeadlineMiss[] = [];
  readonly requests: RequestRecord[] = [];
  /** Command ids survive overwrites of the same name and type, as on Discord. */
  private readonly commandIds = new Map<string, string>();

  constructor(
    readonly applicationId: string,
    readonly botUser: ApiUser,
    readonly now: () => number,
    readonly ids: SnowflakeFactory = new SnowflakeFactory(now),
  ) {
    super();
    this.setMaxListeners(0);
  }

  channel(id: string): EmulatedChannel | undefined {
    for (const g of this.guilds) {
      const c = g.channels.find((ch) => ch.id === id);
      if (c) return c;
    }
    return this.dmChannels.get(id);
  }

  guild(id: string): EmulatedGuild | undefined {
    return this.guilds.find((g) => g.id === id);
  }

  commandsFor(guildId: string | null | undefined): CommandRecord[] {
    return guildId ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
  }

  overwriteCommands(guildId: string | null, defs: Json[]): CommandRecord[] {
    const records = defs.map((def) => {
      const type = typeof def['type'] === 'number' ? def['type'] : 1;
      const key = `${guildId ?? 'global'}:${type}:${String(def['name'])}`;
      let id = this.commandIds.get(key);
      if (!id) {
        id = this.ids.next();
        this.commandIds.set(key, id);
      }
      const record: CommandRecord = {
        default_member_permissions: null,
        nsfw: false,
        contexts: null,
        integration_types: [0],
        ...structuredClone(def),
        id,
        application_id: this.applicationId,
        version: this.ids.next(),
        type,
        name: String(def['name']),
        description: typeof def['description'] === 'string' ? def['description'] : '',
      };
      if (guildId) record.guild_id = guildId;
      return record;
    });
    if (guildId) this.guildCommands.set(guildId, records);
    else this.globalCommands.splice(0, this.globalCommands.length, ...records);
    return records;
  }

  createMessage(
    channelId: string,
    fields: MessageFields,
    extra: { type?: number; interactionId?: string | null; viaWebhook?: boolean; flags?: number },
  ): StoredMessage {
    const channel = this.channel(channelId);
    const content = fields.content ?? '';
    const message: StoredMessage = {
      id: this.ids.next(),
      channel_id: channelId,
      guild_id: channel?.guildId ?? null,
      author: this.botUser,
      content,
      embeds: fields.embeds ?? [],
      components: fields.components ?? [],
      flags: extra.flags ?? fields.flags ?? 0,
      allowed_mentions: fields.allowed_mentions ?? null,
      tts: fields.tts ?? false,
      attachments: fields.attachments ?? [],
      timestamp: new Date(this.now()).toISOString(),
      edited_timestamp: null,
      type: extra.type ?? 0,
      webhook_id: extra.viaWebhook ? this.applicationId : null,
      application_id: extra.viaWebhook ? this.applicationId : null,
      interactionId: extra.interactionId ?? null,
      pings: computePings(content, fields.allowed_mentions),
      deleted: false,
      revisions: [fields],
    };
    this.messages.set(message.id, message);
    this.emit('message', { kind: 'create', message } satisfies MessageEvent);
    return message;
  }

  /** Applies an edit; fields absent from the body keep their value, as PATCH does on Discord. */
  editMessage(message: StoredMessage, fields: MessageFields, opts: { clearFlags?: number } = {}): StoredMessage {
    if (fields.content !== undefined) message.content = fields.content;
    if (fields.embeds !== undefined) message.embeds = fields.embeds;
    if (fields.components !== undefined) message.components = fields.components;
    if (fields.attachments !== undefined) message.attachments = fields.attachments;
    if (fields.allowed_mentions !== undefined) message.allowed_mentions = fields.allowed_mentions;
    if (fields.flags !== undefined) {
      // Only SUPPRESS_EMBEDS can be toggled by an edit; ephemerality is fixed at creation.
      message.flags = (message.flags & ~4) | (fields.flags & 4);
    }
    if (opts.clearFlags) message.flags &= ~opts.clearFlags;
    message.pings = computePings(message.content, message.allowed_mentions);
    message.edited_timestamp = new Date(this.now()).toISOString();
    message.revisions.push(fields);
    this.emit('message', { kind: 'update', message } satisfies MessageEvent);
    return message;
  }

  deleteMessage(message: StoredMessage): void {
    message.deleted = true;
    this.emit('message', { kind: 'delete', message } satisfies MessageEvent);
  }

  /** The message object as Discord's API returns it. */
  toApiMessage(m: StoredMessage): Json {
    const interaction = m.interactionId ? this.interactions.get(m.interactionId) : undefined;
    const api: Json = {
      id: m.id,
      channel_id: m.channel_id,
      author: m.author,
      content: m.content,
      timestamp: m.timestamp,
      edited_timestamp: m.edited_timestamp,
      tts: m.tts,
      mention_everyone: m.pings.everyone,
      mentions: [],
      mention_roles: m.pings.roles,
      attachments: m.attachments,
      embeds: m.embeds,
      components: m.components,
      pinned: false,
      type: m.type,
      flags: m.flags,
    };
    if (m.guild_id) api['guild_id'] = m.guild_id;
    if (m.webhook_id) api['webhook_id'] = m.webhook_id;
    if (m.application_id) api['application_id'] = m.application_id;
    if (interaction && interaction.type === 2 && interaction.originalMessageId === m.id) {
      api['interaction_metadata'] = {
        id: interaction.id,
        type: interaction.type,
        name: interaction.name,
        user: interaction.user,
        authorizing_integration_owners: {},
      };
    }
    return api;
  }
}
