/**
 * `npm start` without DISCORD_TOKEN: Docket runs entirely on this machine. The Discord emulator, the real bot and a
 * console share one process; commands are registered with the deploy script's function and answered by the same
 * handlers that serve Discord. Nothing leaves 127.0.0.1.
 */
import { loadDocket, type Docket } from '../app.js';
import { loadConfig } from '../config.js';
import { startBot, type RunningBot } from '../discord/bot.js';
import { createLogger, silentLogger, type Logger } from '../discord/log.js';
import { deployCommands } from '../../scripts/deploy-commands.js';
import { runConsole } from './console.js';
import { startEmulator, type Emulator } from './emulator/index.js';

export interface OfflineOptions {
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Log lines (warnings and errors) go here; default stderr. */
  errorOutput?: NodeJS.WritableStream;
  reportsDir?: string;
  locale?: string;
}

export const OFFLINE_BANNER = [
  'Docket — offline mode. No DISCORD_TOKEN is set, so Docket is answering through a local Discord emulator',
  '(nothing leaves this machine). To connect to Discord instead: copy .env.example to .env, set DISCORD_TOKEN and',
  'DISCORD_CLIENT_ID, run `npm run deploy-commands -- --guild <server id>` once, then `npm start`.',
];

const HINT = 'Type a slash command, e.g. /summarize meeting:wuxi or /search query:foreign trade. Tab completes; /help lists commands; /quit or Ctrl-D exits.';

function defaultLocale(): string {
  const lang = process.env['LC_ALL'] ?? process.env['LANG'] ?? '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en-US';
}

export interface LocalDocket {
  emulator: Emulator;
  bot: RunningBot;
  docket: Docket;
  close(): Promise<void>;
}

/**
 * The emulator, the answer service over `reportsDir` and the real gateway bot, wired in one process, with the
 * commands registered by the deploy script's function. Used by the offline console and the e2e benchmark.
 */
export async function startLocalDocket(opts: { reportsDir: string; log?: Logger; onLoadMessage?: (m: string) => void }): Promise<LocalDocket> {
  const emulator = await startEmulator({ botName: 'Docket' });
  let docket: Docket | undefined;
  let bot: RunningBot | undefined;
  const close = async () => {
    await bot?.stop();
    await docket?.close();
    await emulator.close();
  };
  try {
    docket = await loadDocket({ reportsDir: opts.reportsDir, log: opts.onLoadMessage ?? (() => {}) });
    await deployCommands({ token: emulator.botToken, clientId: emulator.applicationId, guildId: emulator.defaultGuildId, apiUrl: emulator.apiUrl });
    bot = await startBot({ token: emulator.botToken, apiUrl: emulator.apiUrl }, docket.service, { log: opts.log ?? silentLogger });
    return { emulator, bot, docket, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export async function runOffline(opts: OfflineOptions = {}): Promise<number> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const errorOutput = opts.errorOutput ?? process.stderr;
  const interactive = Boolean(input.isTTY && output.isTTY);
  const reportsDir = opts.reportsDir ?? loadConfig().reportsDir;

  for (const line of OFFLINE_BANNER) output.write(`${line}\n`);
  // Only problems reach the terminal; routine "ready"/"resumed" lines would drown the answers.
  const log = createLogger({
    write: (line) => {
      if (/ (warn|error) /.test(line)) errorOutput.write(`${line}\n`);
    },
  });
  const local = await startLocalDocket({ reportsDir, log, onLoadMessage: (m) => errorOutput.write(`${m}\n`) });
  try {
    output.write(`Reports: ${reportsDir} · ${interactive ? HINT : 'reading commands from standard input.'}\n\n`);
    return await runConsole({
      emulator: local.emulator,
      input,
      output,
      interactive,
      ansi: interactive,
      locale: opts.locale ?? defaultLocale(),
      username: process.env['USER'] || 'you',
    });
  } finally {
    await local.close();
  }
}
