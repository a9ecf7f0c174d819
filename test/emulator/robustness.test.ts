import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/dev/emulator/index.js';
import { validateCommandList, validateMessageBody, validateAutocompleteChoices } from '../../src/dev/emulator/validate.js';
import { DiscordHttpError } from '../../src/dev/emulator/errors.js';

/** Anything thrown must be Discord's error (a 4xx body), never a crash. */
function onlyDiscordErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DiscordHttpError);
    expect((err as DiscordHttpError).status).toBeGreaterThanOrEqual(400);
    expect((err as DiscordHttpError).status).toBeLessThan(500);
  }
}

// Shapes close to real payloads, with wrong types and odd values mixed in, reach deeper than fc.anything() alone.
const loose = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null));
const embed = fc.record({ title: loose, description: loose, url: loose, color: loose, footer: fc.oneof(loose, fc.record({ text: loose })), author: fc.oneof(loose, fc.record({ name: loose, url: loose })), fields: fc.oneof(loose, fc.array(fc.oneof(loose, fc.record({ name: loose, value: loose, inline: loose })))) }, { requiredKeys: [] });
const component = fc.oneof(loose, fc.record({ type: fc.oneof(loose, fc.constantFrom(1, 2, 3)), style: fc.oneof(loose, fc.integer({ min: 0, max: 7 })), custom_id: loose, label: loose, url: loose, options: fc.oneof(loose, fc.array(loose)) }, { requiredKeys: [] }));
const row = fc.oneof(loose, fc.record({ type: fc.oneof(loose, fc.constant(1)), components: fc.oneof(loose, fc.array(component)) }, { requiredKeys: [] }));
const message = fc.oneof(loose, fc.record({ content: loose, embeds: fc.oneof(loose, fc.array(embed)), components: fc.oneof(loose, fc.array(row)), flags: loose, allowed_mentions: fc.oneof(loose, fc.record({ parse: loose, users: loose, roles: loose }, { requiredKeys: [] })) }, { requiredKeys: [] }));
const option: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  opt: fc.oneof({ depthSize: 'small' }, loose, fc.record({ type: fc.oneof(loose, fc.integer({ min: 0, max: 12 })), name: loose, description: loose, required: loose, autocomplete: loose, choices: fc.oneof(loose, fc.array(fc.record({ name: loose, value: loose }, { requiredKeys: [] }))), options: fc.oneof(loose, fc.array(tie('opt'), { maxLength: 3 })), name_localizations: loose, min_length: loose }, { requiredKeys: [] })),
})).opt;
const command = fc.oneof(loose, fc.record({ type: loose, name: loose, description: loose, options: fc.oneof(loose, fc.array(option, { maxLength: 4 })), name_localizations: fc.oneof(loose, fc.dictionary(fc.constantFrom('zh-CN', 'fr', 'xx'), loose)) }, { requiredKeys: [] }));

describe('validators never crash on hostile input', () => {
  it('message bodies', () => {
    fc.assert(fc.property(message, fc.boolean(), (body, eph) => onlyDiscordErrors(() => validateMessageBody(body, 'create', { ephemeralAllowed: eph }))), { numRuns: 500 });
  });
  it('command lists', () => {
    fc.assert(fc.property(fc.oneof(loose, fc.array(command, { maxLength: 4 })), (body) => onlyDiscordErrors(() => validateCommandList(body))), { numRuns: 500 });
  });
  it('autocomplete results', () => {
    fc.assert(fc.property(fc.oneof(loose, fc.record({ choices: fc.oneof(loose, fc.array(fc.oneof(loose, fc.record({ name: loose, value: loose }, { requiredKeys: [] })))) }, { requiredKeys: [] })), fc.constantFrom(undefined, 3, 4, 10), (data, type) => onlyDiscordErrors(() => validateAutocompleteChoices(data, type))), { numRuns: 300 });
  });
});

describe('the HTTP server answers hostile requests with 4xx, never 500', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  it('random bodies and paths', async () => {
    const paths = fc.oneof(
      fc.constantFrom('/channels/CH/messages', '/applications/APP/commands', '/applications/APP/guilds/G/commands', '/interactions/1/x/callback', '/webhooks/APP/tok/messages/@original', '/gateway/bot'),
      fc.webPath(),
    );
    await fc.assert(
      fc.asyncProperty(paths, fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), fc.oneof(fc.string(), message.map((m) => JSON.stringify(m) ?? 'null')), async (p, method, body) => {
        const path = p.replace('CH', emu.defaultChannelId).replace('APP', emu.applicationId).replace('/G/', `/${emu.defaultGuildId}/`);
        const res = await fetch(`${emu.apiUrl}/v10${path.startsWith('/') ? path : `/${path}`}`, {
          method,
          headers: { authorization: `Bot ${emu.botToken}`, 'content-type': 'application/json' },
          ...(method === 'GET' || method === 'DELETE' ? {} : { body }),
        });
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
