import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { languageOption, localized, optionLanguage, optionShare, QUERY_MAX_LENGTH, shareOption } from '../src/discord/options.js';
import { sendAnswer } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('search')
  .setNameLocalizations({ 'zh-CN': '搜索' })
  .setDescription('Search every report, in English or Chinese; results quote the report with citations')
  .setDescriptionLocalizations({ 'zh-CN': '搜索所有报告（中英文均可），结果引用原文并注明出处' })
  .addStringOption((o) =>
    localized(o, 'query', '关键词', { en: 'Words or a "quoted phrase" to find', zh: '要查找的词语或"带引号的短语"' })
      .setRequired(true)
      .setMinLength(1)
      .setMaxLength(QUERY_MAX_LENGTH),
  )
  .addStringOption(languageOption)
  .addBooleanOption(shareOption);

export const command: Command = {
  data,
  defer: true,
  async execute(interaction, ctx) {
    const query = interaction.options.getString('query', true);
    const language = optionLanguage(interaction);
    const pageOf = (page: number) => ctx.service.search(query, { ...(language ? { language } : {}), page });
    await sendAnswer(interaction, ctx, pageOf(1), { share: optionShare(interaction), pageOf });
  },
};

export const { execute } = command;
