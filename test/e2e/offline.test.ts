import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionTarget, safeParseSlash } from '../../src/dev/console-parse.js';
import { renderMessage, type Action } from '../../src/dev/console-render.js';
import { createCompleter } from '../../src/dev/console.js';
import type { CommandRecord, StoredMessage } from '../../src/dev/emulator/index.js';
import { runOffline } from '../../src/dev/offline.js';
import { startE2E, type E2E } from './harness.js';

const defs = [
  {
    id: '1', application_id: '1', version: '1', type: 1, name: 'search', description: 'd',
    options: [
      { type: 3, name: 'query', description: 'd', required: true },
      { type: 3, name: 'language', description: 'd', choices: [{ name: 'English', value: 'en' }, { name: '中文', value: 'zh' }] },
      { type: 5, name: 'share', description: 'd' },
      { type: 4, name: 'limit', description: 'd' },
    ],
  },
  { id: '2', application_id: '1', version: '1', type: 1, name: 'summarize', description: 'd', name_localizations: { 'zh-CN': '会议概要' }, options: [{ type: 3, name: 'meeting', description: 'd', required: true, autocomplete: true }] },
] as CommandRecord[];

describe('console input parsing', () => {
  it('values may contain spaces and colons; booleans and integers are coerced', () => {
    expect(safeParseSlash('/search query:foreign trade at 10:30 share:yes limit:3', defs)).toEqual({
      ok: true,
      command: { name: 'search', options: { query: 'foreign trade at 10:30', share: true, limit: 3 } },
    });
    expect(safeParseSlash('/会议概要 meeting:无锡', defs)).toEqual({ ok: true, command: { name: 'summarize', options: { meeting: '无锡' } } });
  });

  it('explains mistakes instead of guessing', () => {
    expect(safeParseSlash('search query:x', defs)).toMatchObject({ ok: false, error: expect.stringMatching(/start with \//) });
    expect(safeParseSlash('/nope', defs)).toMatchObject({ ok: false, error: expect.stringMatching(/unknown command \/nope/) });
    expect(safeParseSlash('/search', defs)).toMatchObject({ ok: false, error: '/search needs query:' });
    expect(safeParseSlash('/search foreign trade', defs)).toMatchObject({ ok: false, error: expect.stringMatching(/name:value/) });
    expect(safeParseSlash('/search query:x limit:many', defs)).toMatchObject({ ok: false, error: 'limit needs a whole number' });
    expect(safeParseSlash('/search query:x share:maybe', defs)).toMatchObject({ ok: false, error: 'share needs true or false' });
  });

  it('knows what the cursor is on for completion', () => {
    expect(completionTarget('/se', defs)).toEqual({ kind: 'command', partial: 'se' });
    expect(completionTarget('/search qu', defs)).toMatchObject({ kind: 'option-name', partial: 'qu' });
    expect(completionTarget('/summarize meeting:wu', defs)).toMatchObject({ kind: 'option-value', partial: 'wu', option: { name: 'meeting' } });
    expect(completionTarget('/search query:trade language:z', defs)).toMatchObject({ kind: 'option-value', partial: 'z', others: { query: 'trade' } });
  });
});

describe('console rendering', () => {
  const msg = (over: Partial<StoredMessage>): StoredMessage =>
    ({
      id: '10', channel_id: '1', guild_id: '1', content: '', embeds: [], components: [], flags: 64, allowed_mentions: { parse: [] },
      author: { id: '1', username: 'Docket', global_name: null, discriminator: '0', avatar: null }, tts: false, attachments: [],
      timestamp: '', edited_timestamp: null, type: 20, webhook_id: null, application_id: null, interactionId: null,
      pings: { everyone: false, users: [], roles: [] }, deleted: false, revisions: [], ...over,
    }) as StoredMessage;

  it('embeds become text, escaped markdown is unescaped, live buttons are numbered', () => {
    const actions: Action[] = [];
    const out = renderMessage(
      msg({
        content: 'Shared by <@42>',
        embeds: [{ title: 'Search: trade', description: 'a **bold** word in 000\\_x.txt', fields: [{ name: '1. Meeting', value: '“quote”' }], footer: { text: 'Page 1/2' } }],
        components: [{ type: 1, components: [
          { type: 2, style: 2, label: 'Previous', custom_id: 'p', disabled: true },
          { type: 2, style: 2, label: 'Next', custom_id: 'n' },
          { type: 2, style: 1, label: 'Share to channel', custom_id: 's' },
        ] }],
      }),
      { ansi: false, actions, userName: (id) => (id === '42' ? 'alice' : undefined) },
    );
    expect(out).toContain('only you can see this');
    expect(out).toContain('Shared by @alice');
    expect(out).toContain('│ Search: trade');
    expect(out).toContain('a bold word in 000_x.txt');
    expect(out).toContain('│   “quote”');
    expect(out).toContain('[–] Previous   [1] Next   [2] Share to channel');
    expect(actions.map((a) => [a.number, a.customId])).toEqual([[1, 'n'], [2, 's']]);
  });
});

describe('offline mode over the seeds', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 60_000);
  afterAll(() => e?.close());

  it('tab completion comes from the bot autocomplete, through the emulator', async () => {
    const complete = createCompleter(e.emulator, { user: { username: 'you' }, locale: 'en-US' });
    const run = (line: string) => new Promise<[string[], string]>((resolve, reject) => complete(line, (err, r) => (err ? reject(err) : resolve(r))));
    expect((await run('/summ'))[0]).toEqual(['/summarize ']);
    const [values, partial] = await run('/summarize meeting:wuxi');
    expect(partial).toBe('wuxi');
    expect(values.length).toBeGreaterThan(0);
    expect(e.emulator.acks.at(-1)).toMatchObject({ name: 'summarize', interactionType: 4, callbackType: 8 });
    expect((await run('/search query:trade language:'))[0]).toEqual(['en', 'zh']);
  });

  it('piped input: `/search query:foreign trade`, press Next, then /quit — readable answers, exit 0', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const errors = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString()));
    input.end('/search query:foreign trade\n1\n/summarize meeting:wuxi-2023-04-26-government-21st-executive-meeting\n/quit\n/help\n');
    const code = await runOffline({ input, output, errorOutput: errors });
    expect(code).toBe(0);
    expect(text).toMatch(/offline/i);
    expect(text).toContain('DISCORD_TOKEN');
    expect(text).toContain('> /search query:foreign trade');
    expect(text).toContain('Page 1/');
    expect(text).toContain('Page 2/');
    expect(text).toMatch(/\[\d\] Next|\[\d\] Previous/);
    expect(text).toContain('2023-04-26');
    expect(text).not.toContain('> /help'); // stopped at /quit
  }, 30_000);

  it('EOF (Ctrl-D) ends the console cleanly', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString()));
    input.end('/help\n');
    expect(await runOffline({ input, output, errorOutput: new PassThrough() })).toBe(0);
    expect(text).toContain('> /help');
  }, 30_000);
});
