/**
 * Reading what a person types in the offline console — `/search query:foreign trade share:true` — against the
 * REGISTERED command definitions, the way Discord's client fills a slash command's options.
 */
import type { CommandRecord, Json, OptionValue } from './emulator/index.js';

export interface ParsedCommand {
  name: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
}

export type ParseResult = { ok: true; command: ParsedCommand } | { ok: false; error: string };

type Def = Json & { name: string; type: number; options?: Def[]; required?: boolean; autocomplete?: boolean };

const SUB = 1;
const GROUP = 2;

/** The options a user fills for this command (and subcommand, when it has them). */
export function leafOptions(cmd: CommandRecord, subcommand?: string): Def[] {
  const top = (cmd.options ?? []) as Def[];
  if (!top.some((o) => o.type === SUB || o.type === GROUP)) return top;
  const sub = top.find((o) => o.type === SUB && o.name === subcommand);
  return sub?.options ?? [];
}

function coerce(def: Def, raw: string): OptionValue | Error {
  switch (def.type) {
    case 4:
    case 10: {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || (def.type === 4 && !Number.isInteger(n))) {
        return new Error(`${def.name} needs ${def.type === 4 ? 'a whole number' : 'a number'}`);
      }
      return n;
    }
    case 5: {
      const v = raw.trim().toLowerCase();
      if (['true', 'yes', 'y', '1', 'on'].includes(v)) return true;
      if (['false', 'no', 'n', '0', 'off'].includes(v)) return false;
      return new Error(`${def.name} needs true or false`);
    }
    default:
      return raw;
  }
}

/**
 * Splits `name:value` pairs. A value runs until the next ` knownOption:` so values may contain spaces and colons
 * (`query:foreign trade`, `query:12:30`), as long as they do not contain another option's name followed by a colon.
 */
export function parseSlash(line: string, commands: readonly CommandRecord[]): ParseResult {
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) return { ok: false, error: 'commands start with / (try /help)' };
  const m = /^\/(\S+)\s*(.*)$/su.exec(trimmed);
  const name = m?.[1]?.toLowerCase() ?? '';
  let rest = m?.[2] ?? '';
  const cmd = commands.find((c) => c.name === name || Object.values((c['name_localizations'] as Record<string, string> | undefined) ?? {}).includes(name));
  if (!cmd) return { ok: false, error: `unknown command /${name} (commands: ${commands.map((c) => `/${c.name}`).join(' ')})` };

  let subcommand: string | undefined;
  const top = (cmd.options ?? []) as Def[];
  if (top.some((o) => o.type === SUB)) {
    const sm = /^(\S+)\s*(.*)$/su.exec(rest);
    subcommand = sm?.[1];
    rest = sm?.[2] ?? '';
    if (!top.some((o) => o.type === SUB && o.name === subcommand)) {
      return { ok: false, error: `/${cmd.name} needs a subcommand: ${top.map((o) => o.name).join(', ')}` };
    }
  }
  const defs = leafOptions(cmd, subcommand);
  const options: Record<string, OptionValue> = {};
  if (rest.trim() !== '') {
    const names = defs.map((d) => d.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (names.length === 0) return { ok: false, error: `/${cmd.name} takes no options` };
    const marker = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'gu');
    const hits = [...rest.matchAll(marker)];
    const first = hits[0];
    if (!first || rest.slice(0, first.index).trim() !== '') {
      return { ok: false, error: `options are written name:value — /${cmd.name} has ${defs.map((d) => `${d.name}:`).join(' ')}` };
    }
    hits.forEach((hit, i) => {
      const key = hit[1] ?? '';
      const start = (hit.index ?? 0) + hit[0].length;
      const end = hits[i + 1]?.index ?? rest.length;
      const def = defs.find((d) => d.name === key);
      if (!def) return;
      const value = coerce(def, rest.slice(start, end).trim());
      if (value instanceof Error) throw value;
      options[key] = value;
    });
  }
  const missing = defs.filter((d) => d.required && options[d.name] === undefined).map((d) => d.name);
  if (missing.length) return { ok: false, error: `/${cmd.name} needs ${missing.map((n) => `${n}:`).join(' ')}` };
  return { ok: true, command: { name: cmd.name, ...(subcommand ? { subcommand } : {}), options } };
}

export function safeParseSlash(line: string, commands: readonly CommandRecord[]): ParseResult {
  try {
    return parseSlash(line, commands);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** What the cursor is on, for tab completion. */
export type CompletionTarget =
  | { kind: 'command'; partial: string }
  | { kind: 'option-name'; command: CommandRecord; partial: string; used: string[] }
  | { kind: 'option-value'; command: CommandRecord; option: Def; partial: string; others: Record<string, OptionValue> };

export function completionTarget(line: string, commands: readonly CommandRecord[]): CompletionTarget | null {
  const m = /^\/(\S*)(\s+(.*))?$/su.exec(line);
  if (!m) return null;
  if (m[2] === undefined) return { kind: 'command', partial: m[1] ?? '' };
  const cmd = commands.find((c) => c.name === (m[1] ?? '').toLowerCase());
  if (!cmd) return null;
  const rest = m[3] ?? '';
  const defs = leafOptions(cmd);
  const names = defs.map((d) => d.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (names.length === 0) return null;
  const hits = [...rest.matchAll(new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'gu'))];
  const last = hits.at(-1);
  const used = hits.map((h) => h[1] ?? '');
  const tail = rest.slice(last ? (last.index ?? 0) + last[0].length : 0);
  // After a finished value and a space, or before any option: completing an option name.
  const word = /(?:^|\s)(\S*)$/u.exec(rest)?.[1] ?? '';
  if (!last || (/\s$/u.test(rest) && !defs.find((d) => d.name === last[1])?.autocomplete)) {
    return { kind: 'option-name', command: cmd, partial: word, used };
  }
  const option = defs.find((d) => d.name === last[1]);
  if (!option) return null;
  const others: Record<string, OptionValue> = {};
  hits.slice(0, -1).forEach((h, i) => {
    const def = defs.find((d) => d.name === h[1]);
    const end = hits[i + 1]?.index ?? rest.length;
    if (!def) return;
    const v = coerce(def, rest.slice((h.index ?? 0) + h[0].length, end).trim());
    if (!(v instanceof Error)) others[def.name] = v;
  });
  return { kind: 'option-value', command: cmd, option, partial: tail.trimStart(), others };
}
