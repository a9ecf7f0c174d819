import { describe, expect, it } from 'vitest';
import { COMMANDS, commandDefinitions, commandMap } from '../../src/discord/commands.js';
import { COMMAND_NAME_PATTERN, LIMITS } from '../../src/discord/limits.js';

type Json = Record<string, unknown>;
const defs = commandDefinitions() as unknown as Json[];

function localizations(o: Json, key: 'name_localizations' | 'description_localizations'): string[] {
  return Object.values((o[key] as Record<string, string> | null | undefined) ?? {});
}

/** Every name/description/value string, in every locale (Discord's 8000-character budget). */
function budgetChars(o: Json): number {
  let n = 0;
  for (const key of ['name', 'description', 'value'] as const) if (typeof o[key] === 'string') n += (o[key] as string).length;
  for (const s of [...localizations(o, 'name_localizations'), ...localizations(o, 'description_localizations')]) n += s.length;
  for (const child of [...((o.options as Json[]) ?? []), ...((o.choices as Json[]) ?? [])]) n += budgetChars(child);
  return n;
}

function checkName(name: unknown, where: string): void {
  expect(typeof name, where).toBe('string');
  expect(name, where).toMatch(COMMAND_NAME_PATTERN);
  expect(name, `${where} lowercase`).toBe((name as string).toLowerCase());
}

function checkDescription(d: unknown, where: string): void {
  expect(typeof d, where).toBe('string');
  expect((d as string).length, where).toBeGreaterThanOrEqual(1);
  expect((d as string).length, where).toBeLessThanOrEqual(LIMITS.commandDescription);
}

function checkOptions(options: Json[], where: string): void {
  expect(options.length, where).toBeLessThanOrEqual(LIMITS.commandOptions);
  const names = options.map((o) => o.name);
  expect(new Set(names).size, `${where} unique option names`).toBe(names.length);
  let seenOptional = false;
  for (const o of options) {
    const at = `${where} ${String(o.name)}`;
    checkName(o.name, at);
    checkDescription(o.description, at);
    for (const n of localizations(o, 'name_localizations')) checkName(n, `${at} localized`);
    for (const d of localizations(o, 'description_localizations')) checkDescription(d, `${at} localized`);
    expect(o.name_localizations, `${at} zh-CN name`).toHaveProperty('zh-CN');
    expect(o.description_localizations, `${at} zh-CN description`).toHaveProperty('zh-CN');
    if (o.required) expect(seenOptional, `${at}: required after optional`).toBe(false);
    else seenOptional = true;
    const choices = (o.choices as Json[] | undefined) ?? [];
    if (o.autocomplete) expect(choices.length, `${at}: choices with autocomplete`).toBe(0);
    expect(choices.length, at).toBeLessThanOrEqual(LIMITS.optionChoices);
    for (const c of choices) {
      expect(String(c.name).length, at).toBeGreaterThanOrEqual(1);
      expect(String(c.name).length, at).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(String(c.value).length, at).toBeLessThanOrEqual(LIMITS.choiceValue);
    }
    if (o.type === 3 && choices.length === 0) {
      // String options: bounded, so users cannot send a novel.
      expect(o.max_length, `${at} max_length`).toBeTypeOf('number');
      expect(o.max_length as number).toBeLessThanOrEqual(LIMITS.stringOptionMaxLength);
    }
  }
}

describe('slash command definitions follow Discord rules', () => {
  it('the six commands, each with data, execute, and autocomplete where an option autocompletes', () => {
    expect(defs.map((d) => d.name)).toEqual(['summarize', 'attendees', 'policy', 'search', 'meetings', 'help']);
    for (const c of COMMANDS) {
      expect(typeof c.execute).toBe('function');
      const json = c.data.toJSON() as unknown as Json;
      const autocompletes = ((json.options as Json[]) ?? []).some((o) => o.autocomplete);
      expect(typeof c.autocomplete === 'function', `${String(json.name)} autocomplete`).toBe(autocompletes);
    }
    expect(commandMap().size).toBe(6);
  });

  it.each(defs.map((d) => [d.name as string, d] as const))('%s', (_name, d) => {
    checkName(d.name, 'command');
    checkDescription(d.description, 'command');
    expect(d.name_localizations).toHaveProperty('zh-CN');
    expect(d.description_localizations).toHaveProperty('zh-CN');
    for (const n of localizations(d, 'name_localizations')) checkName(n, 'localized command name');
    for (const s of localizations(d, 'description_localizations')) checkDescription(s, 'localized command description');
    checkOptions((d.options as Json[]) ?? [], String(d.name));
    expect(budgetChars(d)).toBeLessThanOrEqual(LIMITS.commandTotal);
  });

  it('no two commands share a localized name', () => {
    const zh = defs.map((d) => (d.name_localizations as Record<string, string>)['zh-CN']);
    expect(new Set(zh).size).toBe(zh.length);
  });

  it('every command that is not pure text defers (the service may take longer than the deadline)', () => {
    for (const c of COMMANDS) expect(c.defer, c.data.name).toBe(c.data.name !== 'help');
  });
});
