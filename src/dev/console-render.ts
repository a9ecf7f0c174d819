/**
 * A Discord message as readable terminal text: content, embeds as indented blocks, buttons as numbered actions.
 * Discord markdown the bot escaped (`\_`, `\*`) is unescaped for reading; **bold** becomes terminal bold on a TTY.
 */
import type { Json, StoredMessage } from './emulator/index.js';

export interface Action {
  number: number;
  messageId: string;
  customId: string;
  label: string;
}

export interface RenderOptions {
  ansi: boolean;
  /** Where numbered actions are collected; numbering continues from its length. */
  actions: Action[];
  /** Display name for a user id, for mentions (`<@id>` shows as `@name`). */
  userName?: (id: string) => string | undefined;
}

const EPHEMERAL = 1 << 6;

export function readableMarkdown(text: string, ansi: boolean, userName: (id: string) => string | undefined = () => undefined): string {
  const bold = ansi ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => s;
  const italic = ansi ? (s: string) => `\x1b[3m${s}\x1b[23m` : (s: string) => s;
  return (
    text
      // Mentions show as @name when the console knows the user (Discord resolves them the same way).
      .replace(/<@!?(\d+)>/g, (_m, id: string) => `@${userName(id) ?? `user:${id}`}`)
      .replace(/\*\*((?:\\.|[^*\\])+)\*\*/gu, (_m, inner: string) => bold(inner))
      .replace(/(^|[^\\*])\*((?:\\.|[^*\\\n])+)\*/gu, (_m, pre: string, inner: string) => pre + italic(inner))
      .replace(/\\([\\*_~`|>#\-[\]()<@:.!])/g, '$1')
  );
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function renderEmbed(e: Json, ansi: boolean): string {
  const lines: string[] = [];
  const bold = ansi ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => s;
  const dim = ansi ? (s: string) => `\x1b[2m${s}\x1b[22m` : (s: string) => s;
  const author = e['author'] as Json | undefined;
  if (author && str(author['name'])) lines.push(dim(readableMarkdown(str(author['name']), ansi)));
  if (str(e['title'])) lines.push(bold(readableMarkdown(str(e['title']), false)));
  if (str(e['url'])) lines.push(dim(str(e['url'])));
  if (str(e['description'])) lines.push(readableMarkdown(str(e['description']), ansi));
  for (const f of (e['fields'] as Json[] | undefined) ?? []) {
    lines.push('');
    lines.push(bold(readableMarkdown(str(f['name']), false)));
    lines.push(indent(readableMarkdown(str(f['value']), ansi), '  '));
  }
  const footer = e['footer'] as Json | undefined;
  if (footer && str(footer['text'])) {
    lines.push('');
    lines.push(dim(readableMarkdown(str(footer['text']), false)));
  }
  return indent(lines.join('\n'), '│ ');
}

export function renderMessage(m: StoredMessage, opts: RenderOptions): string {
  const out: string[] = [];
  const dim = opts.ansi ? (s: string) => `\x1b[2m${s}\x1b[22m` : (s: string) => s;
  const who = m.flags & EPHEMERAL ? 'only you can see this' : 'public in the channel';
  out.push(dim(`── ${m.author.username} · ${who} ──`));
  if (m.content.trim()) out.push(readableMarkdown(m.content, opts.ansi, opts.userName));
  for (const e of m.embeds) out.push(renderEmbed(e, opts.ansi));
  const buttons: string[] = [];
  for (const row of m.components) {
    for (const c of (row['components'] as Json[] | undefined) ?? []) {
      const label = str(c['label']) || str(c['custom_id']);
      if (c['disabled'] === true) {
        buttons.push(dim(`[–] ${label}`));
        continue;
      }
      if (c['style'] === 5) {
        buttons.push(`${label} <${str(c['url'])}>`);
        continue;
      }
      if (typeof c['custom_id'] !== 'string') continue;
      const number = opts.actions.length + 1;
      opts.actions.push({ number, messageId: m.id, customId: c['custom_id'], label });
      buttons.push(`[${number}] ${label}`);
    }
  }
  if (buttons.length) out.push(`${buttons.join('   ')}   ${dim('(type the number to press)')}`);
  return out.join('\n');
}
