import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { meetingOption, optionShare, shareOption } from '../src/discord/options.js';
import { respondChoices, sendAnswer } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('summarize')
  .setNameLocalizations({ 'zh-CN': '会议概要' })
  .setDescription('Summarize a meeting: date, chair, attendees, documents and key points, quoted from the report')
  .setDescriptionLocalizations({ 'zh-CN': '会议概要：日期、主持、出席、文件和要点，均引自报告原文' })
  .addStringOption(meetingOption(true))
  .addBooleanOption(shareOption);

export const command: Command = {
  data,
  defer: true,
  async execute(interaction, ctx) {
    const meeting = interaction.options.getString('meeting', true);
    await sendAnswer(interaction, ctx, ctx.service.summarize(meeting), {
      share: optionShare(interaction),
      pick: (id) => () => ctx.service.summarize(id),
    });
  },
  async autocomplete(interaction, ctx) {
    await respondChoices(interaction, ctx.service.suggestMeetings(interaction.options.getFocused()));
  },
};

export const { execute, autocomplete } = command;
