import { interactionToken } from './ids.js';
import { ComponentType, InteractionType, OptionType } from './limits.js';
import type { ApiUser, CommandRecord, EmulatedChannel, EmulatorState, InteractionRecord, Json, StoredMessage } from './store.js';

export type OptionValue = string | number | boolean;

export interface UserInput {
  id?: string;
  username?: string;
  global_name?: string | null;
}

export interface InteractionContext {
  user?: UserInput;
  /** A guild id, or null for a DM with the bot. Default: the first guild. */
  guildId?: string | null;
  channelId?: string;
  locale?: string;
}

export interface CommandInput extends InteractionContext {
  name: string;
  options?: Record<string, OptionValue>;
  subcommand?: string;
  subcommandGroup?: string;
}

export interface AutocompleteInput extends InteractionContext {
  name: string;
  /** The focused option's name. */
  option: string;
  /** What the user has typed so far. */
  value: string;
  /** Other options already filled in. */
  options?: Record<string, OptionValue>;
  subcommand?: string;
  subcommandGroup?: string;
}

export interface ClickInput extends InteractionContext {
  messageId?: string;
  message?: { id: string };
  customId: string;
  /** For select menus: the chosen values. */
  values?: string[];
}

/** Refusals of the driver API: the test asked for something Discord's client could never send. */
export class DriverError extends Error {
  override name = 'DriverError';
}

const PERMISSIONS = '2248473465835073';
export const DEFAULT_USER: ApiUser = {
  id: '190000000000000001',
  username: 'tester',
  global_name: 'Tester',
  discriminator: '0',
  avatar: null,
};

/**
 * The user behind an interaction. A username without an id gets an id derived from the name, so two differently named
 * test users are two users (discord.js caches users by id; one id with two names would overwrite itself).
 */
function toUser(input: UserInput | undefined): ApiUser {
  if (!input) return DEFAULT_USER;
  let id = input.id;
  if (!id && input.username && input.username !== DEFAULT_USER.username) {
    let hash = 0n;
    for (const ch of input.username) hash = (hash * 131n + BigInt(ch.codePointAt(0) ?? 0)) % 10n ** 15n;
    id = `19${hash.toString().padStart(16, '0')}`;
  }
  const username = input.username ?? DEFAULT_USER.username;
  return {
    id: id ?? DEFAULT_USER.id,
    username,
    global_name: input.global_name !== undefined ? input.global_name : input.username ? input.username : DEFAULT_USER.global_name,
    discriminator: '0',
    avatar: null,
  };
}

type Def = Json & { name: string; type: number; options?: Def[] };

function findCommand(state: EmulatorState, name: string, guildId: string | null): CommandRecord {
  const found =
    (guildId ? state.commandsFor(guildId).find((c) => c.name === name && c.type === 1) : undefined) ??
    state.commandsFor(null).find((c) => c.name === name && c.type === 1);
  if (!found) {
    const known = [...(guildId ? state.commandsFor(guildId) : []), ...state.commandsFor(null)].map((c) => c.name);
    throw new DriverError(`/${name} is not registered (registered: ${known.join(', ') || 'none'})`);
  }
  return found;
}

/** Walks subcommand group / subcommand and returns the option list the user fills, plus the wrapper to nest them in. */
function resolveLeaf(cmd: CommandRecord, group?: string, sub?: string): { defs: Def[]; wrap: (opts: Json[]) => Json[] } {
  const top = (cmd.options ?? []) as Def[];
  const hasSubs = top.some((o) => o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup);
  if (!hasSubs) {
    if (group || sub) throw new DriverError(`/${cmd.name} has no subcommands`);
    return { defs: top, wrap: (o) => o };
  }
  let level = top;
  let wrapGroup = (o: Json[]) => o;
  if (group) {
    const g = top.find((o) => o.type === OptionType.SubcommandGroup && o.name === group);
    if (!g) throw new DriverError(`/${cmd.name} has no subcommand group "${group}"`);
    level = g.options ?? [];
    wrapGroup = (o) => [{ type: OptionType.SubcommandGroup, name: group, options: o }];
  }
  if (!sub) throw new DriverError(`/${cmd.name} needs a subcommand (${level.map((o) => o.name).join(', ')})`);
  const s = level.find((o) => o.type === OptionType.Subcommand && o.name === sub);
  if (!s) throw new DriverError(`/${cmd.name} has no subcommand "${sub}"`);
  return { defs: s.options ?? [], wrap: (o) => wrapGroup([{ type: OptionType.Subcommand, name: sub, options: o }]) };
}

function checkValue(state: EmulatorState, cmd: string, def: Def, value: OptionValue, resolved: Json): OptionValue {
  const where = `/${cmd} ${def.name}`;
  const choices = Array.isArray(def['choices']) ? (def['choices'] as Json[]) : null;
  switch (def.type) {
    case OptionType.String: {
      if (typeof value !== 'string') throw new DriverError(`${where}: expects a string, got ${typeof value}`);
      const min = typeof def['min_length'] === 'number' ? def['min_length'] : 0;
      const max = typeof def['max_length'] === 'number' ? def['max_length'] : 6000;
      if (value.length < min || value.length > max) {
        throw new DriverError(`${where}: length ${value.length} is outside ${min}–${max} (the client would not send it)`);
      }
      break;
    }
    case OptionType.Integer:
    case OptionType.Number: {
      if (typeof value !== 'number' || !Number.isFinite(value) || (def.type === OptionType.Integer && !Number.isInteger(value))) {
        throw new DriverError(`${where}: expects ${def.type === OptionType.Integer ? 'an integer' : 'a number'}, got ${String(value)}`);
      }
      if (typeof def['min_value'] === 'number' && value < def['min_value']) throw new DriverError(`${where}: below min_value`);
      if (typeof def['max_value'] === 'number' && value > def['max_value']) throw new DriverError(`${where}: above max_value`);
      break;
    }
    case OptionType.Boolean:
      if (typeof value !== 'boolean') throw new DriverError(`${where}: expects a boolean`);
      break;
    case OptionType.User:
    case OptionType.Mentionable: {
      if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new DriverError(`${where}: expects a user id`);
      const users = ((resolved['users'] ??= {}) as Json);
      users[value] = toUser({ id: value, username: `user${value.slice(-4)}` });
      break;
    }
    case OptionType.Channel: {
      const ch = typeof value === 'string' ? state.channel(value) : undefined;
      if (!ch) throw new DriverError(`${where}: expects the id of an emulated channel`);
      const channels = ((resolved['channels'] ??= {}) as Json);
      channels[ch.id] = { id: ch.id, name: ch.name, type: ch.guildId ? 0 : 1, permissions: PERMISSIONS };
      break;
    }
    case OptionType.Role: {
      if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new DriverError(`${where}: expects a role id`);
      const roles = ((resolved['roles'] ??= {}) as Json);
      roles[value] = { id: value, name: 'role', color: 0, hoist: false, position: 1, permissions: '0', managed: false, mentionable: true, flags: 0 };
      break;
    }
    default:
      throw new DriverError(`${where}: option type ${def.type} is not emulated`);
  }
  if (choices && !choices.some((c) => c['value'] === value)) {
    throw new DriverError(`${where}: ${JSON.stringify(value)} is not one of the declared choices`);
  }
  return value;
}

export function buildCommandData(state: EmulatorState, input: CommandInput, guildId: string | null): { cmd: CommandRecord; data: Json } {
  const cmd = findCommand(state, input.name, guildId);
  const { defs, wrap } = resolveLeaf(cmd, input.subcommandGroup, input.subcommand);
  const given = input.options ?? {};
  for (const key of Object.keys(given)) {
    if (!defs.some((d) => d.name === key)) {
      throw new DriverError(`/${cmd.name} has no option "${key}" (options: ${defs.map((d) => d.name).join(', ') || 'none'})`);
    }
  }
  const resolved: Json = {};
  const options: Json[] = [];
  for (const def of defs) {
    const value = given[def.name];
    if (value === undefined) {
      if (def['required'] === true) throw new DriverError(`/${cmd.name}: required option "${def.name}" is missing`);
      continue;
    }
    options.push({ type: def.type, name: def.name, value: checkValue(state, cmd.name, def, value, resolved) });
  }
  const data: Json = { id: cmd.id, name: cmd.name, type: 1, options: wrap(options) };
  if (Object.keys(resolved).length > 0) data['resolved'] = resolved;
  if (cmd.guild_id) data['guild_id'] = cmd.guild_id;
  return { cmd, data };
}

export function buildAutocompleteData(
  state: EmulatorState,
  input: AutocompleteInput,
  guildId: string | null,
): { cmd: CommandRecord; data: Json; focusedType: number } {
  const cmd = findCommand(state, input.name, guildId);
  const { defs, wrap } = resolveLeaf(cmd, input.subcommandGroup, input.subcommand);
  const focused = defs.find((d) => d.name === input.option);
  if (!focused) throw new DriverError(`/${cmd.name} has no option "${input.option}"`);
  if (focused['autocomplete'] !== true) throw new DriverError(`/${cmd.name} ${focused.name} does not autocomplete`);
  const options: Json[] = [];
  for (const def of defs) {
    if (def.name === focused.name) {
      options.push({ type: def.type, name: def.name, value: input.value, focused: true });
      continue;
    }
    const value = input.options?.[def.name];
    if (value !== undefined) options.push({ type: def.type, name: def.name, value: checkValue(state, cmd.name, def, value, {}) });
  }
  for (const key of Object.keys(input.options ?? {})) {
    if (!defs.some((d) => d.name === key)) throw new DriverError(`/${cmd.name} has no option "${key}"`);
  }
  const data: Json = { id: cmd.id, name: cmd.name, type: 1, options: wrap(options) };
  if (cmd.guild_id) data['guild_id'] = cmd.guild_id;
  return { cmd, data, focusedType: focused.type };
}

/** Finds the clickable component with that custom_id on the message (buttons other than links, and selects). */
export function findComponent(message: StoredMessage, customId: string): Json {
  for (const row of message.components) {
    const children = Array.isArray(row['components']) ? (row['components'] as Json[]) : [];
    for (const c of children) {
      if (c['custom_id'] !== customId) continue;
      if (c['disabled'] === true) throw new DriverError(`component "${customId}" is disabled`);
      if (c['type'] === ComponentType.Button || c['type'] === ComponentType.StringSelect) return c;
    }
  }
  const ids = message.components.flatMap((r) => (Array.isArray(r['components']) ? (r['components'] as Json[]) : []).map((c) => c['custom_id']));
  throw new DriverError(`message ${message.id} has no component "${customId}" (has: ${ids.filter(Boolean).join(', ') || 'none'})`);
}

export interface EnvelopeParts {
  type: number;
  name: string;
  data: Json;
  guildId: string | null;
  channel: EmulatedChannel;
  ctx: InteractionContext;
  message?: StoredMessage;
}

/** Wraps interaction data in the full INTERACTION_CREATE payload and records it. */
export function createInteraction(state: EmulatorState, parts: EnvelopeParts): InteractionRecord {
  const user = toUser(parts.ctx.user);
  const id = state.ids.next();
  const token = interactionToken();
  const locale = parts.ctx.locale ?? 'en-US';
  const guild = parts.guildId ? state.guild(parts.guildId) : undefined;
  const channel: Json = parts.guildId
    ? { id: parts.channel.id, type: 0, name: parts.channel.name, guild_id: parts.guildId, position: 0, flags: 0, parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0, permissions: PERMISSIONS }
    : { id: parts.channel.id, type: 1, flags: 0, last_message_id: null, recipients: [user] };
  const payload: Json = {
    id,
    application_id: state.applicationId,
    type: parts.type,
    data: parts.data,
    channel,
    channel_id: parts.channel.id,
    token,
    version: 1,
    app_permissions: PERMISSIONS,
    locale,
    entitlements: [],
    authorizing_integration_owners: parts.guildId ? { '0': parts.guildId } : { '1': user.id },
    context: parts.guildId ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
  if (parts.guildId) {
    payload['guild_id'] = parts.guildId;
    payload['guild_locale'] = guild?.preferredLocale ?? 'en-US';
    payload['guild'] = { id: parts.guildId, locale: guild?.preferredLocale ?? 'en-US', features: [] };
    payload['member'] = {
      user,
      roles: [],
      premium_since: null,
      permissions: PERMISSIONS,
      pending: false,
      nick: null,
      mute: false,
      deaf: false,
      joined_at: new Date(state.now()).toISOString(),
      flags: 0,
      avatar: null,
    };
  } else {
    payload['user'] = user;
  }
  if (parts.message) payload['message'] = state.toApiMessage(parts.message);
  const rec: InteractionRecord = {
    id,
    token,
    type: parts.type,
    name: parts.name,
    guildId: parts.guildId,
    channelId: parts.channel.id,
    user,
    locale,
    payload,
    createdAt: state.now(),
    ackAt: null,
    ackMs: null,
    callback: null,
    originalMessageId: null,
    deferredPending: false,
    followUpIds: [],
    rejections: [],
  };
  if (parts.message) rec.componentMessageId = parts.message.id;
  state.interactions.set(id, rec);
  state.interactionsByToken.set(token, rec);
  return rec;
}

export { InteractionType };
