import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { meetingOption, optionShare, optionText, personOption, shareOption } from '../src/discord/options.js';
import { respondChoices, sendAnswer } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('attendees')
  .setNameLocalizations({ 'zh-CN': '出席' })
  .setDescription('Who attended a meeting, or which meetings a person attended')
  .setDescriptionLocalizations({ 'zh-CN': '谁出席了会议，或某人参加了哪些会议' })
  .addStringOption(meetingOption(false))
  .addStringOption(personOption(true))
  .addBooleanOption(shareOption);

export const command: Command = {
  data,
  defer: true,
  async execute(interaction, ctx) {
    const share = optionShare(interaction);
    const meeting = optionText(interaction, 'meeting');
    const person = optionText(interaction, 'person');
    // A meeting names the question; a person alone asks "where was this person?".
    if (meeting !== undefined || person === undefined) {
      await sendAnswer(interaction, ctx, ctx.service.attendees(meeting ?? ''), { share, pick: (id) => () => ctx.service.attendees(id) });
    } else {
      await sendAnswer(interaction, ctx, ctx.service.person(person), { share });
    }
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const suggestions = focused.name === 'person' ? ctx.service.suggestPeople(focused.value) : ctx.service.suggestMeetings(focused.value);
    await respondChoices(interaction, suggestions);
  },
};

export const { execute, autocomplete } = command;
