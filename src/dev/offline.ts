/**
 * `npm start` without DISCORD_TOKEN: Docket runs entirely on this machine. The Discord emulator, the real bot and a
 * console share one process; commands are registered with the deploy script's function and answered by the same
 * handlers that serve Discord. Nothing leaves 127.0.0.1.
 */
import { loadDocket } from '../app.js';
import { loadConfig } from '../config.js';
import { startBot } from '../discord/bot.js';
import { createLogger } from '../discord/log.js';
import { deployCommands } from '../../scripts/deploy-commands.js';
import { runConsole } from './console.js';
import { startEmulator } from './emulator/index.js';

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

export async function runOffline(opts: OfflineOptions = {}): Promise<number> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const errorOutput = opts.errorOutput ?? process.stderr;
  const interactive = Boolean(input.isTTY && output.isTTY);
  const config = loadConfig();
  const reportsDir = opts.reportsDir ?? config.reportsDir;

  for (const line of OFFLINE_BANNER) output.write(`${line}\n`);

  const emulator = await startEmulator({ botName: 'Docket' });
  // Only problems reach the terminal; the routine "ready"/"resumed" lines would drown the answers.
  const log = createLogger({
    secrets: [emulator.botToken],
    write: (line) => {
      if (/ (warn|error) /.test(line)) errorOutput.write(`${line}\n`);
    },
  });
  let docket: Awaited<ReturnType<typeof loadDocket>> | undefined;
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  try {
    docket = await loadDocket({ reportsDir, log: (m) => errorOutput.write(`${m}\n`) });
    await deployCommands({ token: emulator.botToken, clientId: emulator.applicationId, guildId: emulator.defaultGuildId, apiUrl: emulator.apiUrl });
    bot = await startBot({ token: emulator.botToken, apiUrl: emulator.apiUrl }, docket.service, { log });
    output.write(`Reports: ${reportsDir} · ${interactive ? HINT : 'reading commands from standard input.'}\n\n`);
    return await runConsole({
      emulator,
      input,
      output,
      interactive,
      ansi: interactive,
      locale: opts.locale ?? defaultLocale(),
      username: process.env['USER'] || 'you',
    });
  } finally {
    await bot?.stop();
    await docket?.close();
    await emulator.close();
  }
}
