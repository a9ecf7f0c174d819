import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { dateOption, localized, meetingOption, optionShare, optionText, QUERY_MAX_LENGTH, shareOption } from '../src/discord/options.js';
import { respondChoices, sendAnswer } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('policy')
  .setNameLocalizations({ 'zh-CN': '政策' })
  .setDescription('Named policy documents and the passages where a topic is discussed')
  .setDescriptionLocalizations({ 'zh-CN': '政策文件，以及讨论某一主题的报告段落' })
  .addStringOption((o) =>
    localized(o, 'query', '主题', { en: 'A document title or topic, e.g. business environment', zh: '文件名称或主题，例如 营商环境' })
      .setAutocomplete(true)
      .setMinLength(1)
      .setMaxLength(QUERY_MAX_LENGTH),
  )
  .addStringOption(meetingOption(false))
  .addStringOption(dateOption('from'))
  .addStringOption(dateOption('to'))
  .addBooleanOption(shareOption);

export const command: Command = {
  data,
  defer: true,
  async execute(interaction, ctx) {
    const req = {
      query: optionText(interaction, 'query'),
      meeting: optionText(interaction, 'meeting'),
      from: optionText(interaction, 'from'),
      to: optionText(interaction, 'to'),
    };
    const pageOf = (page: number) => ctx.service.policies({ ...req, page });
    const pick = (meeting: string) => (page: number) => ctx.service.policies({ ...req, meeting, page });
    await sendAnswer(interaction, ctx, pageOf(1), { share: optionShare(interaction), pageOf, pick });
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const suggestions = focused.name === 'meeting' ? ctx.service.suggestMeetings(focused.value) : ctx.service.suggestPolicies(focused.value);
    await respondChoices(interaction, suggestions);
  },
};

export const { execute, autocomplete } = command;
