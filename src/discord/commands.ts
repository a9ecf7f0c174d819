/**
 * The command loader: every slash command module, by name. Deploying and dispatching both read this list,
 * so what is registered is exactly what is handled.
 */
import { command as attendees } from '../../commands/attendees.js';
import { command as help } from '../../commands/help.js';
import { command as meetings } from '../../commands/meetings.js';
import { command as policy } from '../../commands/policy.js';
import { command as search } from '../../commands/search.js';
import { command as summarize } from '../../commands/summarize.js';
import type { Command } from './command.js';

export const COMMANDS: readonly Command[] = [summarize, attendees, policy, search, meetings, help];

export function commandMap(commands: readonly Command[] = COMMANDS): Map<string, Command> {
  const map = new Map<string, Command>();
  for (const c of commands) {
    if (map.has(c.data.name)) throw new Error(`duplicate command name ${c.data.name}`);
    map.set(c.data.name, c);
  }
  return map;
}

/** The JSON bodies for a bulk overwrite (PUT /applications/{id}/commands). */
export function commandDefinitions(commands: readonly Command[] = COMMANDS) {
  return commands.map((c) => c.data.toJSON());
}
