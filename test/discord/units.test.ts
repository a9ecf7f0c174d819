import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config.js';
import { decodeButtonId, encodeButtonId } from '../../src/discord/custom-id.js';
import { LIMITS } from '../../src/discord/limits.js';
import { createLogger } from '../../src/discord/log.js';
import { createStateStore } from '../../src/discord/state.js';
import { clean, escapeMarkdown, fitLines, highlightSegments, plain, renderSegments } from '../../src/discord/text.js';

describe('text: escaping and cutting report text', () => {
  it('escapes every markdown and mention character, keeps the rest', () => {
    expect(escapeMarkdown('a*b_c~d`e|f<g>h[i]j@k\\l')).toBe('a\\*b\\_c\\~d\\`e\\|f\\<g\\>h\\[i\\]j\\@k\\\\l');
    expect(escapeMarkdown('会议指出，营商环境')).toBe('会议指出，营商环境');
  });

  it('removes invisible and direction-changing characters, folds whitespace', () => {
    expect(clean('a\u200bb\u202ec\u2066d\ufeffe\u00adf \n\t g')).toBe('abcdef g');
    expect(clean('x\ud800y')).toBe('x\ufffdy');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(plain('the quick brown fox jumps', 16)).toBe('the quick brown…');
    expect(plain('the quick brown fox jumps', 100)).toBe('the quick brown fox jumps');
    // One long word: cut inside it rather than show nothing.
    expect(plain('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('cuts Chinese text between characters, preferring punctuation', () => {
    const out = plain('会议强调，要进一步加强对经济工作的组织领导，完善经济运行定期分析调度机制', 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toMatch(/^会议强调，/);
  });

  it('never splits an emoji or an escape, and bold stays balanced when cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 0, max: 80 }), fc.nat({ max: 60 }), fc.nat({ max: 20 }), (text, max, hs, hl) => {
        const out = renderSegments(highlightSegments(text, 0, [{ start: hs, end: hs + hl }]), max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
        const bare = out.replace(/\\[\s\S]/g, 'x');
        expect((bare.match(/\*\*/g) ?? []).length % 2).toBe(0);
        expect(bare).not.toMatch(/\\$/);
      }),
    );
  });

  it('bolds a matched phrase as one run', () => {
    expect(renderSegments(highlightSegments('improve the business environment now', 10, [{ start: 22, end: 42 }]), 100)).toBe('improve the **business environment** now');
    expect(renderSegments(highlightSegments('ab', 0, [{ start: 0, end: 1 }, { start: 1, end: 2 }]), 100)).toBe('**ab**');
  });

  it('fitLines keeps whole lines and says how many were left out', () => {
    expect(fitLines(['aaaa', 'bbbb', 'cccc'], 100, (n) => `+${n}`)).toBe('aaaa\nbbbb\ncccc');
    expect(fitLines(['aaaa', 'bbbb', 'cccc'], 10, (n) => `+${n}`)).toBe('aaaa\n+2');
    expect(fitLines(['aaaa', 'bbbb', 'cccc'], 14, (n) => `+${n}`, ', ')).toBe('aaaa, bbbb, +1');
    expect(fitLines(['aaaa', 'bbbb', 'cccc'], 13, (n) => `+${n}`, ', ')).toBe('aaaa, +2');
    expect(fitLines(['aaaa'], 3, (n) => `+${n}`)).toBe('+1');
    expect(fitLines([], 3, (n) => `+${n}`)).toBe('');
  });

  it('fitLines: the longest prefix that fits, always within max', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 30 }), fc.integer({ min: 1, max: 200 }), fc.constantFrom('\n', ', '), (lines, max, sep) => {
        const out = fitLines(lines, max, (n) => `… and ${n} more`, sep);
        expect(out.length).toBeLessThanOrEqual(max);
        if (lines.join(sep).length <= max) expect(out).toBe(lines.join(sep));
        else {
          const m = /… and (\d+) more$/.exec(out);
          if (m) {
            const kept = lines.length - Number(m[1]);
            expect(out).toBe([...lines.slice(0, kept), `… and ${m[1]} more`].join(sep));
            // One more item would not have fit.
            if (kept < lines.length) expect([...lines.slice(0, kept + 1), `… and ${lines.length - kept - 1} more`].join(sep).length).toBeGreaterThan(max);
          }
        }
      }),
    );
  });
});

describe('button ids and state', () => {
  it('round-trips and refuses foreign or malformed ids', () => {
    const id = encodeButtonId({ action: 'page', key: 'AbC-_9xy', page: 3 });
    expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(decodeButtonId(id)).toEqual({ action: 'page', key: 'AbC-_9xy', page: 3 });
    for (const bad of ['', 'dk:page:k', 'dk:nuke:k:1', 'other:page:k:1', 'dk:page:k:1:2', `dk:page:${'k'.repeat(90)}:1`]) expect(decodeButtonId(bad)).toBeNull();
    expect(() => encodeButtonId({ action: 'share', key: 'bad key', page: 1 })).toThrow();
  });

  it('state expires after its ttl and is capped in size', () => {
    let now = 1000;
    const store = createStateStore<number>({ ttlMs: 100, maxEntries: 3, now: () => now });
    const a = store.put(1);
    expect(store.get(a)).toBe(1);
    now += 100;
    expect(store.get(a)).toBeUndefined();
    const keys = [store.put(2), store.put(3), store.put(4), store.put(5)];
    expect(store.get(keys[0]!)).toBeUndefined();
    expect(keys.slice(1).map((k) => store.get(k))).toEqual([3, 4, 5]);
    expect(store.size).toBe(3);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('config', () => {
  it('reads the environment with defaults', () => {
    const c = loadConfig({ env: { DISCORD_TOKEN: ' tok.en.value ', DISCORD_CLIENT_ID: '123', DISCORD_API_URL: 'http://127.0.0.1:9999/api/' } });
    expect(c).toEqual({ token: 'tok.en.value', clientId: '123', guildId: undefined, reportsDir: 'seeds/', cacheDir: undefined, apiUrl: 'http://127.0.0.1:9999/api' });
    expect(loadConfig({ env: { DOCKET_REPORTS_DIR: 'reports' } }).reportsDir).toBe('reports');
    expect(loadConfig({ env: { DISCORD_API_URL: 'https://chat.example.org/api/v9/' } }).apiUrl).toBe('https://chat.example.org/api');
    expect(loadConfig({ env: {} }).token).toBeUndefined();
  });

  it('refuses bad ids and URLs with a clear message', () => {
    expect(() => loadConfig({ env: { DISCORD_GUILD_ID: 'abc' } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { DISCORD_API_URL: 'not a url' } })).toThrow(/DISCORD_API_URL/);
    expect(() => loadConfig({ env: { DISCORD_API_URL: 'ftp://x' } })).toThrow(ConfigError);
  });

  it('describing the config never reveals the token', () => {
    const c = loadConfig({ env: { DISCORD_TOKEN: 'secret-token-value' } });
    expect(JSON.stringify(describeConfig(c))).not.toContain('secret-token-value');
  });

  it('the logger redacts secrets from every line', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), secrets: ['secret-token-value'] });
    log.error('failed with secret-token-value', { error: new Error('auth secret-token-value rejected') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('secret-token-value');
    expect(lines[0]).toContain('[redacted]');
  });
});
