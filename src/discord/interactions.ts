/**
 * The one entry point for every interaction the bot receives: slash commands, autocomplete, and our buttons.
 *
 * Deadlines: Discord wants an acknowledgement within 3 s, so commands that call the answer service defer first
 * (privately, or publicly when share:true), then edit. Errors: a thrown handler gives the user exactly one private
 * error message and the log exactly one line; nothing escapes to crash the bot.
 */
import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { Command, CommandContext } from './command.js';
import { decodeButtonId } from './custom-id.js';
import { labelsFor } from './labels.js';
import { isPrivateOnly, renderAnswer, renderNotice } from './render.js';
import { deferAnswer, deferClick, deliver, sendError } from './respond.js';

export type InteractionHandler = (interaction: Interaction) => Promise<void>;

export function createInteractionHandler(commands: ReadonlyMap<string, Command>, ctx: CommandContext): InteractionHandler {
  return async (interaction) => {
    if (interaction.isAutocomplete()) return handleAutocomplete(interaction, commands, ctx);
    if (interaction.isChatInputCommand()) return handleCommand(interaction, commands, ctx);
    if (interaction.isButton()) return handleButton(interaction, ctx);
  };
}

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interaction: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isButton() ? interaction.customId : undefined,
    user: interaction.user.id,
    guild: interaction.guildId,
  };
}

async function handleCommand(interaction: ChatInputCommandInteraction, commands: ReadonlyMap<string, Command>, ctx: CommandContext): Promise<void> {
  const command = commands.get(interaction.commandName);
  try {
    if (!command) throw new Error(`unknown command ${interaction.commandName}`);
    if (command.defer) await deferAnswer(interaction, interaction.options.getBoolean('share') ?? false);
    await command.execute(interaction, ctx);
  } catch (err) {
    await fail(interaction, ctx, err);
  }
}

async function handleAutocomplete(interaction: AutocompleteInteraction, commands: ReadonlyMap<string, Command>, ctx: CommandContext): Promise<void> {
  try {
    const command = commands.get(interaction.commandName);
    if (!command?.autocomplete) throw new Error(`no autocomplete for ${interaction.commandName}`);
    await command.autocomplete(interaction, ctx);
  } catch (err) {
    ctx.log.error('autocomplete failed', { ...describe(interaction), error: err });
    // An empty list is a valid answer and keeps the client from spinning.
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

async function handleButton(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const id = decodeButtonId(interaction.customId);
  if (!id) return; // not one of ours
  const locale = interaction.locale;
  try {
    const state = ctx.store.get(id.key);
    if (!state) {
      await deliver(interaction, renderNotice(labelsFor(locale).expired, 'info', locale));
      return;
    }
    if (id.action === 'pick') {
      // "Which meeting?" answered by a click: the same question about that meeting, in place of the list.
      await deferClick(interaction);
      const list = state.pageOf(1);
      const chosen = list.kind === 'candidates' ? list.candidates[id.page] : undefined;
      if (!chosen || !state.pick) throw new Error(`no candidate ${id.page} behind ${id.key}`);
      const pageOf = state.pick(chosen.id);
      const answer = pageOf(1);
      const key = isPrivateOnly(answer) ? undefined : ctx.store.put({ pageOf, locale: state.locale });
      const visibility = interaction.message.flags.has(MessageFlags.Ephemeral) ? 'private' : 'public';
      const msg = renderAnswer(answer, { locale: state.locale, visibility, stateKey: key });
      await interaction.editReply({ embeds: msg.embeds, components: msg.components, allowedMentions: { parse: [] } });
      return;
    }
    if (id.action === 'page') {
      await deferClick(interaction);
      const answer = state.pageOf(Math.max(1, id.page));
      const visibility = interaction.message.flags.has(MessageFlags.Ephemeral) ? 'private' : 'public';
      const msg = renderAnswer(answer, { locale: state.locale, visibility, stateKey: isPrivateOnly(answer) ? undefined : id.key });
      // No content: a shared message keeps its "Shared by" line.
      await interaction.editReply({ embeds: msg.embeds, components: msg.components, allowedMentions: { parse: [] } });
      return;
    }
    // Share: a NEW public message with the same answer, naming (not pinging) who shared it.
    await deferAnswer(interaction, true);
    const answer = state.pageOf(Math.max(1, id.page));
    await deliver(interaction, renderAnswer(answer, { locale: state.locale, visibility: 'public', stateKey: id.key, sharedBy: interaction.user.id }));
  } catch (err) {
    await fail(interaction, ctx, err);
  }
}

async function fail(interaction: ChatInputCommandInteraction | ButtonInteraction, ctx: CommandContext, err: unknown): Promise<void> {
  ctx.log.error('interaction failed', { ...describe(interaction), deferred: interaction.deferred, replied: interaction.replied, error: err });
  try {
    await sendError(interaction, interaction.locale);
  } catch (sendErr) {
    // The token may be gone (expired, network); nothing more can be said to the user.
    ctx.log.warn('could not send the error message', { interaction: interaction.id, error: sendErr });
  }
}
