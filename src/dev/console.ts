/**
 * The offline console: a person types slash commands, the emulator turns them into real interactions for the bot,
 * and the bot's answers are printed readably. Tab completion asks the bot's own autocomplete, through the emulator,
 * exactly as Discord's client would.
 */
import { createInterface } from 'node:readline';
import type { Emulator, InteractionResult, StoredMessage } from './emulator/index.js';
import { completionTarget, safeParseSlash } from './console-parse.js';
import { renderMessage, type Action } from './console-render.js';

export interface ConsoleOptions {
  emulator: Emulator;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: prompt, tab completion, colours. Otherwise lines are read from a pipe and echoed. */
  interactive: boolean;
  ansi?: boolean;
  locale?: string;
  username?: string;
  /** How long to wait for the bot to finish an answer (defer → edit). */
  answerTimeoutMs?: number;
}

const LOADING = 1 << 7;
const PROMPT = 'docket> ';

export type CompleterCallback = (err: Error | null, result: [string[], string]) => void;

/**
 * Tab completion for readline: command names, option names, and option values — autocomplete options ask the bot
 * through the emulator (a real type-4 interaction), fixed choices and booleans are offered directly.
 */
export function createCompleter(emulator: Emulator, ctx: { user: { username: string }; locale: string }): (line: string, cb: CompleterCallback) => void {
  const { user, locale } = ctx;
  const commands = () => emulator.registeredCommands(emulator.defaultGuildId).concat(emulator.registeredCommands(null));
  return (line, cb) => {
    const t = completionTarget(line, commands());
    if (!t) return cb(null, [[], line]);
    if (t.kind === 'command') {
      const names = commands().map((c) => `/${c.name} `).filter((n) => n.startsWith(`/${t.partial}`));
      return cb(null, [names, line]);
    }
    if (t.kind === 'option-name') {
      const defs = (t.command.options ?? []) as Array<{ name: string }>;
      const names = defs.map((d) => `${d.name}:`).filter((n) => n.startsWith(t.partial) && !t.used.includes(n.slice(0, -1)));
      return cb(null, [names, t.partial]);
    }
    const option = t.option;
    if (option['autocomplete'] === true) {
      emulator
        .autocomplete({ name: t.command.name, option: option.name, value: t.partial, options: t.others, user, locale, timeoutMs: 2500 })
        .then((r) => cb(null, [r.choices.map((c) => String(c.value)), t.partial]))
        .catch(() => cb(null, [[], t.partial]));
      return;
    }
    const fixed = Array.isArray(option['choices'])
      ? (option['choices'] as Array<{ value: unknown }>).map((c) => String(c.value))
      : option.type === 5
        ? ['true', 'false']
        : [];
    return cb(null, [fixed.filter((v) => v.startsWith(t.partial)), t.partial]);
  };
}

export async function runConsole(opts: ConsoleOptions): Promise<number> {
  const { emulator, output } = opts;
  const ansi = opts.ansi ?? false;
  const locale = opts.locale ?? 'en-US';
  const user = { username: opts.username ?? 'you' };
  const answerTimeoutMs = opts.answerTimeoutMs ?? 15_000;
  const write = (s: string) => output.write(`${s}\n`);
  const commands = () => emulator.registeredCommands(emulator.defaultGuildId).concat(emulator.registeredCommands(null));
  let actions: Action[] = [];

  const completer = createCompleter(emulator, { user, locale });
  const names = new Map<string, string>();

  /** Waits until the bot has finished with this interaction and a short quiet spell has passed. */
  const settle = async (r: InteractionResult, before: number | null): Promise<void> => {
    await emulator.waitUntil(
      () => {
        const o = r.original();
        if (r.callback.type === 6) return o && o.revisions.length > (before ?? 0) ? true : undefined;
        if (o && !(o.flags & LOADING)) return true;
        return !o && r.followUps().length > 0 ? true : undefined;
      },
      { timeoutMs: answerTimeoutMs, what: 'the answer' },
    );
    for (;;) {
      try {
        await emulator.waitForMessage((m) => m.interactionId === r.interactionId || m.id === r.record.originalMessageId, { timeoutMs: 60 });
      } catch {
        return;
      }
    }
  };

  const show = (r: InteractionResult) => {
    const fresh: Action[] = [];
    const messages = [r.original(), ...r.followUps()].filter((m): m is StoredMessage => m !== undefined);
    if (messages.length === 0) write('(the bot answered without a message)');
    names.set(r.record.user.id, r.record.user.username);
    for (const m of messages) write(renderMessage(m, { ansi, actions: fresh, userName: (id) => names.get(id) }));
    if (fresh.length) actions = fresh;
  };

  const handle = async (line: string): Promise<boolean> => {
    const text = line.trim();
    if (!text) return true;
    if (text === '/quit' || text === '/exit') return false;
    if (/^\d+$/.test(text)) {
      const action = actions.find((a) => a.number === Number(text));
      if (!action) {
        write(actions.length ? `no button ${text}; press one of ${actions.map((a) => a.number).join(', ')}` : 'there is no button to press yet');
        return true;
      }
      const before = emulator.message(action.messageId)?.revisions.length ?? null;
      const r = await emulator.click({ messageId: action.messageId, customId: action.customId, user, locale, timeoutMs: 3500 });
      await settle(r, before);
      show(r);
      return true;
    }
    const parsed = safeParseSlash(text, commands());
    if (!parsed.ok) {
      write(parsed.error);
      return true;
    }
    const r = await emulator.command({ ...parsed.command, user, locale, timeoutMs: 3500 });
    await settle(r, null);
    show(r);
    return true;
  };

  const rl = createInterface({
    input: opts.input,
    ...(opts.interactive ? { output, completer, terminal: true, prompt: PROMPT } : { terminal: false }),
  });
  // Ctrl-C at the prompt leaves like Ctrl-D (readline would otherwise just pause the input).
  rl.on('SIGINT', () => rl.close());
  if (opts.interactive) rl.prompt();
  let failures = 0;
  try {
    for await (const line of rl) {
      if (!opts.interactive && line.trim()) write(`> ${line.trim()}`);
      let go = true;
      try {
        go = await handle(line);
      } catch (err) {
        failures++;
        write(`error: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!go) break;
      if (opts.interactive) rl.prompt();
    }
  } finally {
    rl.close();
  }
  if (opts.interactive) write('');
  return opts.interactive || failures === 0 ? 0 : 1;
}
