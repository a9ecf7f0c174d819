/**
 * The entry points as users run them (`npm start`, `npm run deploy-commands`), as child processes pointed at the
 * local emulator through DISCORD_API_URL: the index is built before login, commands answer, SIGTERM exits cleanly,
 * and the token never reaches the output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/dev/emulator/index.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DISCORD_TOKEN: emulator.botToken,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DISCORD_API_URL: emulator.apiUrl,
    DOCKET_REPORTS_DIR: 'seeds/',
    ...extra,
  };
}

function start(script: string, args: string[], e: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

describe('deploy-commands', () => {
  it('bulk-overwrites the guild commands over DISCORD_API_URL', async () => {
    const p = start('scripts/deploy-commands.ts', ['--guild', emulator.defaultGuildId], env());
    expect(await p.exit).toBe(0);
    expect(p.output()).toContain('registered 6 commands in guild');
    expect(emulator.registeredCommands(emulator.defaultGuildId).map((c) => c.name).sort()).toEqual(['attendees', 'help', 'meetings', 'policy', 'search', 'summarize']);
    expect(p.output()).not.toContain(emulator.botToken);
  });

  it('refuses to guess where to deploy', async () => {
    const p = start('scripts/deploy-commands.ts', [], env());
    expect(await p.exit).toBe(2);
    expect(p.output()).toMatch(/--guild <id> or --global/);
  });
});

// Runs after the deploy test above (same emulator): the commands it registered are what the user invokes here.
describe('npm start with a token', () => {
  it('indexes, logs in, answers, and shuts down cleanly on SIGTERM', async () => {
    const p = start('src/main.ts', [], env());
    try {
      await emulator.waitForBot({ timeoutMs: 30_000 });
      const r = await emulator.command({ name: 'summarize', options: { meeting: 'wuxi 21st' } });
      const msg = await r.waitForOriginal(undefined, { timeoutMs: 10_000 });
      expect(JSON.stringify(msg.embeds)).toContain('Zhao Jianjun');
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
      expect(p.output()).toContain('bot ready');
      expect(p.output()).toContain('shutting down');
      expect(p.output()).not.toContain(emulator.botToken);
    } finally {
      p.child.kill('SIGKILL');
    }
  }, 60_000);
});
