/**
 * Runtime configuration from the environment (and `.env`, via dotenv). The token is a secret: it is never
 * logged, and `describeConfig` is the only way config reaches a log line.
 */
import { config as loadDotenv } from 'dotenv';

export interface Config {
  /** Bot token; absent → offline console instead of the gateway bot. */
  token: string | undefined;
  /** Application (client) id, needed to deploy commands. */
  clientId: string | undefined;
  /** Deploy to this guild only (instant) instead of globally. */
  guildId: string | undefined;
  /** Folder of report files to index. */
  reportsDir: string;
  /** Where the search snapshot is kept between starts. */
  cacheDir: string | undefined;
  /** REST base of a Discord-compatible server (e.g. Spacebar, or the local emulator); undefined → Discord's. */
  apiUrl: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_REPORTS_DIR = 'seeds/';

export interface LoadConfigOptions {
  /** Variables to read; default `process.env` after loading `.env`. */
  env?: Record<string, string | undefined>;
  /** `.env` file to load when reading process.env (default `.env` in the working directory). */
  dotenvPath?: string;
}

export function loadConfig(opts: LoadConfigOptions = {}): Config {
  let env = opts.env;
  if (!env) {
    // Existing environment variables win over .env, as dotenv does by default.
    loadDotenv({ quiet: true, ...(opts.dotenvPath ? { path: opts.dotenvPath } : {}) });
    env = process.env;
  }
  const text = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const snowflake = (name: string): string | undefined => {
    const v = text(name);
    if (v !== undefined && !/^\d{1,25}$/.test(v)) throw new ConfigError(`${name} must be a numeric Discord id`);
    return v;
  };
  const apiUrl = text('DISCORD_API_URL');
  if (apiUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(apiUrl);
    } catch {
      throw new ConfigError('DISCORD_API_URL must be an http(s) URL, e.g. http://127.0.0.1:3000/api');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('DISCORD_API_URL must be an http(s) URL');
  }
  return {
    token: text('DISCORD_TOKEN'),
    clientId: snowflake('DISCORD_CLIENT_ID'),
    guildId: snowflake('DISCORD_GUILD_ID'),
    reportsDir: text('DOCKET_REPORTS_DIR') ?? DEFAULT_REPORTS_DIR,
    cacheDir: text('DOCKET_CACHE_DIR'),
    // discord.js appends the API version itself: "…/api/v9" would become "…/api/v9/v10".
    apiUrl: apiUrl?.replace(/\/+$/, '').replace(/\/v\d+$/, ''),
  };
}

/** What may be logged about the config: whether a token is set, never the token. */
export function describeConfig(c: Config): Record<string, unknown> {
  return {
    token: c.token ? 'set' : 'not set',
    clientId: c.clientId ?? null,
    guildId: c.guildId ?? null,
    reportsDir: c.reportsDir,
    cacheDir: c.cacheDir ?? null,
    api: c.apiUrl ?? 'Discord',
  };
}
