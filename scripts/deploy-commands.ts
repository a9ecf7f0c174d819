/**
 * `npm run deploy-commands -- --guild ID | --global`: register the slash commands by bulk overwrite
 * (PUT replaces the whole set, so renamed or removed commands disappear). Honours DISCORD_API_URL.
 * Run it when the definitions change — never on ready.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { commandDefinitions } from '../src/discord/commands.js';

export interface DeployOptions {
  token: string;
  clientId: string;
  /** Register in this guild only (instant); omit for global commands. */
  guildId?: string | undefined;
  /** REST base (e.g. an emulator or Spacebar); default Discord's. */
  apiUrl?: string | undefined;
}

export async function deployCommands(opts: DeployOptions): Promise<RESTPutAPIApplicationCommandsResult> {
  const rest = new REST(opts.apiUrl ? { api: opts.apiUrl } : {}).setToken(opts.token);
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.clientId, opts.guildId) : Routes.applicationCommands(opts.clientId);
  return (await rest.put(route, { body: commandDefinitions() })) as RESTPutAPIApplicationCommandsResult;
}

const USAGE = `usage: npm run deploy-commands -- --guild <guild id> | --global

Registers Docket's slash commands by bulk overwrite. Reads DISCORD_TOKEN, DISCORD_CLIENT_ID and optionally
DISCORD_API_URL from the environment or .env. --guild registers in one server (instant); --global everywhere
(may take up to an hour to appear). With neither, DISCORD_GUILD_ID is used if set.`;

export async function run(argv: string[]): Promise<number> {
  let values: { guild?: string | undefined; global?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { guild: { type: 'string' }, global: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  if (values.guild && values.global) {
    process.stderr.write(`choose one of --guild or --global\n\n${USAGE}\n`);
    return 2;
  }
  const guildId = values.global ? undefined : (values.guild ?? config.guildId);
  if (!values.global && !guildId) {
    process.stderr.write(`say where: --guild <id> or --global\n\n${USAGE}\n`);
    return 2;
  }
  if (guildId !== undefined && !/^\d{1,25}$/.test(guildId)) {
    process.stderr.write('--guild must be a numeric Discord id\n');
    return 2;
  }
  if (!config.token || !config.clientId) {
    process.stderr.write('DISCORD_TOKEN and DISCORD_CLIENT_ID must be set (see .env.example)\n');
    return 2;
  }
  const result = await deployCommands({ token: config.token, clientId: config.clientId, guildId, apiUrl: config.apiUrl });
  process.stdout.write(
    `registered ${result.length} commands ${guildId ? `in guild ${guildId}` : 'globally'}: ${result.map((c) => `/${c.name}`).join(' ')}\n`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
