import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/search.js';

afterEach(() => vi.restoreAllMocks());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  return { out, err };
}

describe('cli search', () => {
  it('prints ranked verbatim excerpts as JSON', async () => {
    const { out } = capture();
    expect(await run(['business environment', '--json', '--limit', '3'])).toBe(0);
    const res = JSON.parse(out.join('')) as { hits: Array<{ meetingId: string; file: string; score: number; excerpt: { text: string; start: number; end: number } }> };
    expect(res.hits.length).toBeGreaterThan(0);
    expect(res.hits.length).toBeLessThanOrEqual(3);
    for (const h of res.hits) expect(h.meetingId && h.file && h.score > 0).toBeTruthy();
  });

  it('prints a readable list, says when nothing matches, exits 2 on bad arguments', async () => {
    const { out, err } = capture();
    expect(await run(['营商环境'])).toBe(0);
    expect(out.join('\n')).toMatch(/\*\*营商环境\*\*/);
    expect(await run(['qwxz blorft'])).toBe(1);
    expect(await run([])).toBe(2);
    expect(await run(['x', '--limit', '0'])).toBe(2);
    expect(await run(['x', '--language', 'fr'])).toBe(2);
    expect(await run(['x', '--bogus'])).toBe(2);
    expect(err.join('\n')).toMatch(/usage/);
  });
});
