/**
 * The gateway bot: a discord.js Client (Guilds intent only, mentions off by default) wired to the interaction
 * handler. The answer service passed in is already built, so the index is ready before the bot logs in.
 * Commands are NOT deployed here (never on ready): that is `npm run deploy-commands`.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { AnswerService } from '../answers/types.js';
import type { Command, CommandContext, StoredAnswer } from './command.js';
import { COMMANDS, commandMap } from './commands.js';
import { createInteractionHandler } from './interactions.js';
import { createLogger, type Logger } from './log.js';
import { createStateStore, type StateStore } from './state.js';

export interface BotConfig {
  token: string | undefined;
  /** REST base of a Discord-compatible server; undefined → Discord's. */
  apiUrl?: string | undefined;
}

export interface BotOptions {
  log?: Logger;
  store?: StateStore<StoredAnswer>;
  commands?: readonly Command[];
  /** Give up logging in after this long (default 30 s). */
  readyTimeoutMs?: number;
}

export interface RunningBot {
  client: Client<true>;
  context: CommandContext;
  /** Log out and close the gateway connection; safe to call twice. */
  stop(): Promise<void>;
}

export function createClient(config: BotConfig): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // No message from this bot can ping anyone unless a call site deliberately opts in (none does).
    allowedMentions: { parse: [] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
}

export async function startBot(config: BotConfig, service: AnswerService, opts: BotOptions = {}): Promise<RunningBot> {
  if (!config.token) throw new Error('startBot needs a bot token (DISCORD_TOKEN)');
  const log = opts.log ?? createLogger({ secrets: [config.token] });
  const context: CommandContext = { service, store: opts.store ?? createStateStore<StoredAnswer>(), log };
  const handle = createInteractionHandler(commandMap(opts.commands ?? COMMANDS), context);
  const client = createClient(config);

  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((err: unknown) => log.error('unhandled interaction error', { interaction: interaction.id, error: err }));
  });
  client.on(Events.Error, (err) => log.error('client error', { error: err }));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn('gateway disconnected', { shard, code: event.code }));
  client.on(Events.ShardResume, (shard) => log.info('gateway resumed', { shard }));

  const ready = new Promise<Client<true>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for the gateway to be ready')), opts.readyTimeoutMs ?? 30_000);
    client.once(Events.ClientReady, (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  ready.catch(() => undefined); // observed below; avoids an unhandled rejection while login is pending
  try {
    await client.login(config.token);
    await ready;
  } catch (err) {
    await client.destroy().catch(() => undefined);
    throw err;
  }
  const readyClient = client as Client<true>;
  log.info('bot ready', { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size });

  let stopped: Promise<void> | null = null;
  return {
    client: readyClient,
    context,
    stop() {
      stopped ??= client.destroy().then(() => log.info('bot stopped'));
      return stopped;
    },
  };
}
