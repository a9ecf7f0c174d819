/**
 * Getting a rendered message to the user through whatever state the interaction is in
 * (fresh, deferred privately, deferred publicly, deferred update), keeping the visibility rules:
 * private by default, public only when asked, errors and empty results always private.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
} from 'discord.js';
import type { Answer } from '../answers/types.js';
import type { CommandContext } from './command.js';
import { labelsFor } from './labels.js';
import { FLAG_EPHEMERAL, FLAG_SUPPRESS_EMBEDS } from './limits.js';
import { isPrivateOnly, renderAnswer, renderChoices, renderNotice, type RenderedMessage } from './render.js';

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

function replyOptions(msg: RenderedMessage): InteractionReplyOptions {
  return {
    content: msg.content ?? '',
    embeds: msg.embeds,
    components: msg.components,
    flags: (msg.flags ?? 0) & (FLAG_EPHEMERAL | FLAG_SUPPRESS_EMBEDS),
    allowedMentions: { parse: [] },
  };
}

function editOptions(msg: RenderedMessage): InteractionEditReplyOptions {
  // Visibility cannot change on edit; only the embed-suppression flag may be set.
  return {
    content: msg.content ?? '',
    embeds: msg.embeds,
    components: msg.components,
    flags: (msg.flags ?? 0) & FLAG_SUPPRESS_EMBEDS,
    allowedMentions: { parse: [] },
  };
}

function isEphemeral(msg: RenderedMessage): boolean {
  return ((msg.flags ?? 0) & FLAG_EPHEMERAL) !== 0;
}

/**
 * How each interaction was acknowledged. discord.js only says `deferred`; but "@original" is a NEW message after a
 * deferred reply and the CLICKED message after a deferred update, and only the first may be replaced or deleted.
 */
const acknowledged = new WeakMap<Repliable, 'reply' | 'update'>();

/** Defer with a "thinking…" placeholder, private unless `isPublic`. */
export async function deferAnswer(interaction: Repliable, isPublic: boolean): Promise<void> {
  await interaction.deferReply(isPublic ? {} : { flags: FLAG_EPHEMERAL });
  acknowledged.set(interaction, 'reply');
}

/** Acknowledge a button click that will edit the message it is on. */
export async function deferClick(interaction: ButtonInteraction): Promise<void> {
  await interaction.deferUpdate();
  acknowledged.set(interaction, 'update');
}

/**
 * Send `msg` as the interaction's response. A deferred reply whose visibility does not match (deferred publicly,
 * but the answer turned out to be an error or empty) is deleted and replaced by a private follow-up. After a
 * deferred update, a message goes out as a follow-up (the clicked message is not ours to replace here).
 */
export async function deliver(interaction: Repliable, msg: RenderedMessage): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(replyOptions(msg));
    return;
  }
  const placeholder = interaction.deferred && !interaction.replied && acknowledged.get(interaction) !== 'update';
  if (placeholder && Boolean(interaction.ephemeral) === isEphemeral(msg)) {
    await interaction.editReply(editOptions(msg));
    return;
  }
  if (placeholder) {
    // Deferred with the wrong visibility: a public "thinking…" must not turn into a public error.
    await interaction.deleteReply().catch(() => undefined);
  }
  await interaction.followUp(replyOptions(msg));
}

/** Render an answer for a command reply, remembering it for Prev/Next and Share when it is worth showing. */
export async function sendAnswer(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  answer: Answer,
  opts: { share: boolean; pageOf?: (page: number) => Answer; pick?: (meetingId: string) => (page: number) => Answer },
): Promise<void> {
  const locale = interaction.locale;
  const pickable = answer.kind === 'candidates' && answer.candidates.length > 0 && opts.pick !== undefined;
  const stateKey =
    pickable || !isPrivateOnly(answer)
      ? ctx.store.put({ pageOf: opts.pageOf ?? (() => answer), locale, ...(pickable ? { pick: opts.pick } : {}) })
      : undefined;
  await deliver(interaction, renderAnswer(answer, { locale, visibility: opts.share ? 'public' : 'private', stateKey }));
}

/** The one private error message for a failed interaction, whatever state it was left in. */
export async function sendError(interaction: Repliable, locale: string): Promise<void> {
  await deliver(interaction, renderNotice(labelsFor(locale).internalError, 'error', locale));
}

export async function respondChoices(interaction: AutocompleteInteraction, suggestions: Parameters<typeof renderChoices>[0]): Promise<void> {
  await interaction.respond(renderChoices(suggestions));
}
