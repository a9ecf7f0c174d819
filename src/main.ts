/**
 * `npm start`: load config, build the index, then either run the gateway bot (DISCORD_TOKEN set) or the offline
 * console (no token). SIGINT/SIGTERM shut down cleanly: gateway closed, watchers closed, exit 0.
 */
import { pathToFileURL } from 'node:url';
import { loadDocket } from './app.js';
import { ConfigError, describeConfig, loadConfig, type Config } from './config.js';
import { startBot, type RunningBot } from './discord/bot.js';
import { createLogger } from './discord/log.js';

/** Where the offline console lives (written by another part of the project; may not exist yet). */
const OFFLINE_MODULE = './dev/offline.js';

export async function main(config: Config = loadConfig()): Promise<number> {
  const log = createLogger({ secrets: [config.token] });
  if (!config.token) return runOfflineConsole();

  log.info('starting', describeConfig(config));
  // The index is built before login, so the first interaction is answered from a ready service.
  const docket = await loadDocket({
    reportsDir: config.reportsDir,
    ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}),
    log: (m) => log.info(m),
  });
  let bot: RunningBot;
  try {
    bot = await startBot(config, docket.service, { log });
  } catch (err) {
    log.error('could not connect to Discord', { error: err instanceof Error ? err.message : String(err) });
    await docket.close();
    return 1;
  }

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info('shutting down', { signal });
      resolve();
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  await bot.stop();
  await docket.close();
  return 0;
}

async function runOfflineConsole(): Promise<number> {
  let mod: { runOffline?: () => unknown };
  try {
    mod = (await import(OFFLINE_MODULE)) as { runOffline?: () => unknown };
  } catch (err) {
    const missing = (err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes('offline');
    if (!missing) throw err;
    process.stderr.write(
      'DISCORD_TOKEN is not set, and the offline console (src/dev/offline.ts) is not available in this build yet.\n' +
        'To run the bot on Discord: copy .env.example to .env, set DISCORD_TOKEN and DISCORD_CLIENT_ID, then\n' +
        '  npm run deploy-commands -- --guild <server id>   # once\n' +
        '  npm start\n' +
        'Meanwhile the command line answers the same questions: npm run cli -- --help\n',
    );
    return 1;
  }
  if (typeof mod.runOffline !== 'function') throw new Error(`${OFFLINE_MODULE} does not export runOffline()`);
  const result = await mod.runOffline();
  return typeof result === 'number' ? result : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main()
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      // Config errors are the user's to fix: say what, without a stack trace.
      process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
