import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../scripts/deploy-commands.js';
import { startEmulator, type Emulator } from '../../src/dev/emulator/index.js';

const TSX = 'node_modules/.bin/tsx';

/** Runs a command in the repo, returns its exit code and output. */
function run(cmd: string, args: string[], env: Record<string, string>, stdin?: string) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  if (stdin !== undefined) child.stdin.end(stdin);
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done, out: () => stdout, err: () => stderr };
}

describe('the npm start entry point, as a separate process', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  it('with DISCORD_TOKEN and DISCORD_API_URL it runs the gateway bot against the emulator, and SIGTERM stops it cleanly', async () => {
    await deployCommands({ token: emu.botToken, clientId: emu.applicationId, guildId: emu.defaultGuildId, apiUrl: emu.apiUrl });
    const p = run(TSX, ['src/main.ts'], {
      DISCORD_TOKEN: emu.botToken,
      DISCORD_CLIENT_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
      DOCKET_REPORTS_DIR: 'seeds/',
    });
    try {
      await emu.waitForBot({ timeoutMs: 40_000 });
      const r = await emu.command({ name: 'search', options: { query: 'foreign trade' } });
      const m = await r.waitForOriginal();
      expect(JSON.stringify(m.embeds)).toContain('foreign');
      expect(m.allowed_mentions).toEqual({ parse: [] });
    } finally {
      p.child.kill('SIGTERM');
    }
    expect(await p.done).toBe(0);
    expect(p.out() + p.err()).not.toContain(emu.botToken);
    expect(emu.deadlineMisses).toEqual([]);
  }, 60_000);

  it('without DISCORD_TOKEN, `echo "/search query:foreign trade" | npm start` answers offline', async () => {
    const p = run('npm', ['start', '--silent'], { DISCORD_TOKEN: '', DISCORD_API_URL: '' }, '/search query:foreign trade\n');
    expect(await p.done).toBe(0);
    expect(p.out()).toMatch(/offline/i);
    expect(p.out()).toContain('Search: foreign trade');
    expect(p.out()).toMatch(/¶\d+/);
  }, 60_000);
});
