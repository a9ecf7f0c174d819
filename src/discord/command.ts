/**
 * What a slash command module is (yuudachi style): its definition, its handler, and optionally autocomplete.
 * Handlers get a context object, never globals, so tests inject their own service.
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Answer, AnswerService } from '../answers/types.js';
import type { Logger } from './log.js';
import type { StateStore } from './state.js';

/** What a button click needs to redraw or share an answer: how to get any page of it. */
export interface StoredAnswer {
  pageOf(page: number): Answer;
  locale: string;
  /** For a "which meeting?" answer: the same question about the chosen meeting (by id), any page of it. */
  pick?: (meetingId: string) => (page: number) => Answer;
}

export interface CommandContext {
  service: AnswerService;
  store: StateStore<StoredAnswer>;
  log: Logger;
}

export interface Command {
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /**
   * Acknowledge with a deferred reply before running. True for anything that calls the answer service:
   * its cost grows with the corpus, and the acknowledgement deadline (3 s) does not.
   */
  defer: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}
