import { loadDocket } from '../../src/app.js';
import type { AnswerService } from '../../src/answers/types.js';
import { loadConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/discord/log.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/dev/emulator/index.js';
import { deployCommands } from '../../scripts/deploy-commands.js';

export interface E2E {
  emulator: Emulator;
  bot: RunningBot;
  /** Every log line the bot wrote. */
  logs: string[];
  /** The service the bot answers from (tests may wrap methods to inject faults). */
  service: AnswerService;
  close(): Promise<void>;
}

/**
 * Starts the emulator and the real bot the way `npm start` does (config from env → loadDocket → startBot), with
 * DISCORD_API_URL pointed at the emulator, then registers the commands with the deploy script's function.
 */
export async function startE2E(opts: EmulatorOptions & { wrapService?: (s: AnswerService) => AnswerService } = {}): Promise<E2E> {
  const emulator = await startEmulator(opts);
  const config = loadConfig({
    env: {
      DISCORD_TOKEN: emulator.botToken,
      DISCORD_CLIENT_ID: emulator.applicationId,
      DISCORD_GUILD_ID: emulator.defaultGuildId,
      DISCORD_API_URL: emulator.apiUrl,
      DOCKET_REPORTS_DIR: 'seeds/',
    },
  });
  const logs: string[] = [];
  const log = createLogger({ secrets: [config.token], write: (line) => logs.push(line) });
  const docket = await loadDocket({ reportsDir: config.reportsDir, log: (m) => log.info(m) });
  const service = opts.wrapService ? opts.wrapService(docket.service) : docket.service;
  await deployCommands({ token: config.token!, clientId: config.clientId!, guildId: config.guildId, apiUrl: config.apiUrl });
  const bot = await startBot(config, service, { log });
  return {
    emulator,
    bot,
    logs,
    service,
    async close() {
      await bot.stop();
      await docket.close();
      await emulator.close();
    },
  };
}
