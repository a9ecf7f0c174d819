import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as summarize from '../../src/cli/commands/summarize.js';
import * as attendees from '../../src/cli/commands/attendees.js';
import * as policy from '../../src/cli/commands/policy.js';

const cache = mkdtempSync(path.join(tmpdir(), 'docket-cli-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const common = ['--reports', 'seeds', '--cache', cache];

describe('CLI answer commands', () => {
  it('summarize prints the digest with cited key points, or JSON', async () => {
    expect(await summarize.run(['wuxi', '21st', ...common])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Zhao Jianjun (Mayor)');
    expect(text).toMatch(/Key points:\n\s+1\.\n\s+“On April 26/);
    expect(text).toContain('000_dd81edec0bfeecd1.txt ¶');
    out = [];
    expect(await summarize.run(['qinhuangdao', '--json', ...common])).toBe(0);
    const json = JSON.parse(out.join('\n')) as { kind: string; meeting: { date: string } };
    expect(json).toMatchObject({ kind: 'summary', meeting: { date: '2023-12-25' } });
  });

  it('attendees by meeting or by person; not both', async () => {
    expect(await attendees.run(['tongxiang', 'standing', 'committee', ...common])).toBe(0);
    expect(out.join('\n')).toMatch(/Mentioned only:[\s\S]*Xi Jinping/);
    out = [];
    expect(await attendees.run(['--person', '吴庆文', ...common])).toBe(0);
    expect(out.join('\n')).toContain('吴庆文 attended');
    expect(await attendees.run(['x', '--person', 'y', ...common])).toBe(2);
    expect(await attendees.run([...common])).toBe(2);
  });

  it('policy lists documents then mentions; bad options exit 2 with a message', async () => {
    expect(await policy.run(['house', 'expropriation', ...common])).toBe(0);
    expect(out.join('\n')).toContain('“Work Plan for House Expropriation in 2023”');
    expect(await policy.run(['--from', 'yesterday', ...common])).toBe(2);
    expect(err.join('\n')).toContain('--from must be a date');
    expect(await policy.run(['--page', '0', ...common])).toBe(2);
    expect(await policy.run(['--bogus', ...common])).toBe(2);
    expect(err.join('\n')).toContain("Unknown option '--bogus'");
  });

  it('unknown meetings and empty results are plain answers with exit code 1', async () => {
    expect(await summarize.run(['atlantis', 'budget', ...common])).toBe(1);
    expect(out.join('\n')).toContain('No meeting matches “atlantis budget”.');
    expect(await summarize.run([...common])).toBe(2);
    for (const u of [summarize.usage, attendees.usage, policy.usage]) expect(u).toMatch(/^usage: npm run cli -- /);
  });
});
