import { describe, expect, it } from 'vitest';
import { DiscordHttpError } from '../../src/dev/emulator/errors.js';
import { commandSize, validateAutocompleteChoices, validateCommandList, validateMessageBody } from '../../src/dev/emulator/validate.js';

/** Runs a validator and returns Discord's error body (or null if it passed). */
function errorOf(fn: () => unknown): Record<string, unknown> | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof DiscordHttpError) return { status: err.status, ...err.body };
    throw err;
  }
}
const msg = (body: unknown) => errorOf(() => validateMessageBody(body, 'create', { ephemeralAllowed: true }));
const firstCode = (e: Record<string, unknown> | null, ...path: Array<string | number>): string | undefined => {
  let node: unknown = e?.['errors'];
  for (const k of path) node = (node as Record<string, unknown> | undefined)?.[String(k)];
  return ((node as { _errors?: Array<{ code: string }> } | undefined)?._errors ?? [])[0]?.code;
};
const x = (n: number) => 'x'.repeat(n);

describe('message validation (Discord limits, Discord error shape)', () => {
  it('content: 2000 passes, 2001 is 400 Invalid Form Body at content', () => {
    expect(msg({ content: x(2000) })).toBeNull();
    const e = msg({ content: x(2001) });
    expect(e).toMatchObject({ status: 400, code: 50035, message: 'Invalid Form Body' });
    expect(firstCode(e, 'content')).toBe('BASE_TYPE_MAX_LENGTH');
  });

  it('empty messages are refused (50006), whitespace counts as empty', () => {
    expect(msg({})).toMatchObject({ status: 400, code: 50006 });
    expect(msg({ content: '  \n ' })).toMatchObject({ code: 50006 });
    expect(msg({ content: '', embeds: [], components: [] })).toMatchObject({ code: 50006 });
  });

  it('embed limits each reported at their path', () => {
    expect(msg({ embeds: Array.from({ length: 10 }, () => ({ title: 't' })) })).toBeNull();
    expect(firstCode(msg({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }), 'embeds')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(firstCode(msg({ embeds: [{ title: x(257) }] }), 'embeds', 0, 'title')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(firstCode(msg({ embeds: [{ description: x(4097) }] }), 'embeds', 0, 'description')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(msg({ embeds: [{ description: x(4096) }] })).toBeNull();
    const fields = (n: number) => Array.from({ length: n }, () => ({ name: 'n', value: 'v' }));
    expect(msg({ embeds: [{ fields: fields(25) }] })).toBeNull();
    expect(firstCode(msg({ embeds: [{ fields: fields(26) }] }), 'embeds', 0, 'fields')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(firstCode(msg({ embeds: [{ fields: [{ name: x(257), value: 'v' }] }] }), 'embeds', 0, 'fields', 0, 'name')).toBe('BASE_TYPE_BAD_LENGTH');
    expect(firstCode(msg({ embeds: [{ fields: [{ name: 'n', value: x(1025) }] }] }), 'embeds', 0, 'fields', 0, 'value')).toBe('BASE_TYPE_BAD_LENGTH');
    expect(firstCode(msg({ embeds: [{ fields: [{ name: 'n', value: '' }] }] }), 'embeds', 0, 'fields', 0, 'value')).toBe('BASE_TYPE_REQUIRED');
    expect(firstCode(msg({ embeds: [{ footer: { text: x(2049) } }] }), 'embeds', 0, 'footer', 'text')).toBe('BASE_TYPE_BAD_LENGTH');
    expect(firstCode(msg({ embeds: [{ author: { name: x(257) } }] }), 'embeds', 0, 'author', 'name')).toBe('BASE_TYPE_BAD_LENGTH');
  });

  it('6000 characters in total across the embeds of one message', () => {
    const two = (a: number, b: number) => ({ embeds: [{ description: x(a) }, { description: x(b), footer: { text: 'ab' } }] });
    expect(msg(two(4000, 1998))).toBeNull();
    expect(firstCode(msg(two(4000, 1999)), 'embeds')).toBe('MAX_EMBED_SIZE_EXCEEDED');
  });

  it('unsafe link schemes in embeds are refused', () => {
    expect(firstCode(msg({ embeds: [{ title: 't', url: 'javascript:alert(1)' }] }), 'embeds', 0, 'url')).toBe('URL_TYPE_INVALID_SCHEME');
    expect(msg({ embeds: [{ title: 't', url: 'https://example.org/a' }] })).toBeNull();
  });

  it('components: 5 rows of 5 buttons, custom_id ≤ 100 and unique, label ≤ 80', () => {
    const button = (id: string, label = 'b') => ({ type: 2, style: 1, custom_id: id, label });
    const rows = (r: number, b: number) => Array.from({ length: r }, (_, i) => ({ type: 1, components: Array.from({ length: b }, (_, j) => button(`${i}-${j}`)) }));
    expect(msg({ components: rows(5, 5) })).toBeNull();
    expect(firstCode(msg({ components: rows(6, 1) }), 'components')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(firstCode(msg({ components: rows(1, 6) }), 'components', 0, 'components')).toBe('BASE_TYPE_BAD_LENGTH');
    expect(firstCode(msg({ components: [{ type: 1, components: [button(x(101))] }] }), 'components', 0, 'components', 0, 'custom_id')).toBe('BASE_TYPE_BAD_LENGTH');
    expect(msg({ components: [{ type: 1, components: [button(x(100))] }] })).toBeNull();
    expect(firstCode(msg({ components: [{ type: 1, components: [button('a', x(81))] }] }), 'components', 0, 'components', 0, 'label')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(firstCode(msg({ components: [{ type: 1, components: [button('a'), button('a')] }] }), 'components', 0, 'components', 1, 'custom_id')).toBe('COMPONENT_CUSTOM_ID_DUPLICATED');
    expect(firstCode(msg({ components: [{ type: 1, components: [{ type: 2, style: 5, label: 'l', url: 'javascript:x' }] }] }), 'components', 0, 'components', 0, 'url')).toBe('URL_TYPE_INVALID_SCHEME');
  });

  it('ephemeral is refused on plain channel messages; allowed_mentions is checked', () => {
    expect(errorOf(() => validateMessageBody({ content: 'a', flags: 64 }, 'create', { ephemeralAllowed: false }))).toMatchObject({ code: 50035 });
    expect(firstCode(msg({ content: 'a', allowed_mentions: { parse: ['users'], users: ['1'] } }), 'allowed_mentions')).toBe('MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE');
    expect(firstCode(msg({ content: 'a', allowed_mentions: { parse: ['all'] } }), 'allowed_mentions', 'parse', 0)).toBe('BASE_TYPE_CHOICES');
  });
});

describe('autocomplete choices', () => {
  const choices = (n: number, name = 'n', value: unknown = 'v') => ({ choices: Array.from({ length: n }, () => ({ name, value })) });
  it('≤ 25 choices, names 1–100, values ≤ 100', () => {
    expect(errorOf(() => validateAutocompleteChoices(choices(25), 3))).toBeNull();
    expect(firstCode(errorOf(() => validateAutocompleteChoices(choices(26), 3)), 'data', 'choices')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(firstCode(errorOf(() => validateAutocompleteChoices(choices(1, x(101)), 3)), 'data', 'choices', 0, 'name')).toBe('BASE_TYPE_BAD_LENGTH');
    expect(firstCode(errorOf(() => validateAutocompleteChoices(choices(1, ''), 3)), 'data', 'choices', 0, 'name')).toBe('BASE_TYPE_REQUIRED');
    expect(firstCode(errorOf(() => validateAutocompleteChoices(choices(1, 'n', x(101)), 3)), 'data', 'choices', 0, 'value')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(firstCode(errorOf(() => validateAutocompleteChoices(choices(1, 'n', 'seven'), 4)), 'data', 'choices', 0, 'value')).toBe('NUMBER_TYPE_COERCE');
  });
});

describe('command definitions (bulk overwrite)', () => {
  const cmd = (over: Record<string, unknown> = {}) => ({ name: 'search', description: 'Search reports', ...over });
  const opt = (name: string, over: Record<string, unknown> = {}) => ({ type: 3, name, description: 'd', ...over });
  const check = (body: unknown) => errorOf(() => validateCommandList(body));

  it('accepts a valid command with zh-CN localizations', () => {
    expect(
      check([
        cmd({
          name_localizations: { 'zh-CN': '搜索' },
          description_localizations: { 'zh-CN': '搜索会议报告' },
          options: [opt('query', { required: true, name_localizations: { 'zh-CN': '关键词' }, description_localizations: { 'zh-CN': '要找的内容' } }), opt('share', { type: 5 })],
        }),
      ]),
    ).toBeNull();
  });

  it('names: regex, lowercase, 1–32; unique per type', () => {
    expect(firstCode(check([cmd({ name: 'Search' })]), 0, 'name')).toBe('APPLICATION_COMMAND_INVALID_NAME');
    expect(firstCode(check([cmd({ name: 'two words' })]), 0, 'name')).toBe('APPLICATION_COMMAND_INVALID_NAME');
    expect(firstCode(check([cmd({ name: x(33) })]), 0, 'name')).toBe('BASE_TYPE_BAD_LENGTH');
    expect(firstCode(check([cmd(), cmd()]), 1, 'name')).toBe('APPLICATION_COMMAND_NAME_ALREADY_EXISTS');
    expect(firstCode(check([cmd({ options: [opt('Query')] })]), 0, 'options', 0, 'name')).toBe('APPLICATION_COMMAND_INVALID_NAME');
  });

  it('descriptions 1–100, ≤ 25 options, required before optional, no choices with autocomplete', () => {
    expect(firstCode(check([cmd({ description: '' })]), 0, 'description')).toBe('BASE_TYPE_REQUIRED');
    expect(firstCode(check([cmd({ description: x(101) })]), 0, 'description')).toBe('BASE_TYPE_BAD_LENGTH');
    expect(firstCode(check([cmd({ options: Array.from({ length: 26 }, (_, i) => opt(`o${i}`)) })]), 0, 'options')).toBe('BASE_TYPE_MAX_LENGTH');
    expect(firstCode(check([cmd({ options: [opt('a'), opt('b', { required: true })] })]), 0, 'options', 1)).toBe('APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID');
    expect(firstCode(check([cmd({ options: [opt('a', { autocomplete: true, choices: [{ name: 'x', value: 'x' }] })] })]), 0, 'options', 0, 'choices')).toBe(
      'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE',
    );
  });

  it('localizations follow the same rules and need known locales', () => {
    expect(firstCode(check([cmd({ name_localizations: { 'zh-CN': 'Bad Name' } })]), 0, 'name_localizations', 'zh-CN')).toBe('APPLICATION_COMMAND_INVALID_NAME');
    expect(firstCode(check([cmd({ name_localizations: { klingon: 'x' } })]), 0, 'name_localizations', 'klingon')).toBe('LOCALE_INVALID');
    expect(firstCode(check([cmd({ description_localizations: { 'zh-CN': x(101) } })]), 0, 'description_localizations', 'zh-CN')).toBe('BASE_TYPE_BAD_LENGTH');
  });

  it('8000 characters in total, counted per locale', () => {
    const big = (n: number) => cmd({ options: Array.from({ length: n }, (_, i) => opt(`o${String(i).padStart(2, '0')}`, { description: x(100), choices: Array.from({ length: 25 }, (_, j) => ({ name: x(100), value: `${j}` })) })) });
    expect(commandSize(big(2))).toBeLessThan(8000);
    expect(check([big(2)])).toBeNull();
    expect(firstCode(check([big(4)]), 0)).toBe('APPLICATION_COMMAND_TOO_LARGE');
    // English alone fits; the zh-CN texts push that locale over the limit.
    const loc = cmd({ options: [opt('a', { description: 'd', description_localizations: { 'zh-CN': x(100) } })] });
    expect(commandSize(loc)).toBe('search'.length + 'Search reports'.length + 1 + 100);
  });
});
