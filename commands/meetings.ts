import { SlashCommandBuilder } from 'discord.js';
import type { MeetingFilters } from '../src/answers/types.js';
import type { Command } from '../src/discord/command.js';
import { dateOption, languageOption, localized, optionLanguage, optionShare, optionText, personOption, QUERY_MAX_LENGTH, shareOption } from '../src/discord/options.js';
import { respondChoices, sendAnswer } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('meetings')
  .setNameLocalizations({ 'zh-CN': '会议列表' })
  .setDescription('List meetings, newest first, filtered by person, place, dates or language')
  .setDescriptionLocalizations({ 'zh-CN': '按人物、地点、日期或语言列出会议（最新在前）' })
  .addStringOption(personOption(true))
  .addStringOption((o) =>
    localized(o, 'place', '地点', { en: 'A city, district or province', zh: '城市、区县或省份' }).setMinLength(1).setMaxLength(QUERY_MAX_LENGTH),
  )
  .addStringOption(dateOption('from'))
  .addStringOption(dateOption('to'))
  .addStringOption(languageOption)
  .addBooleanOption(shareOption);

export const command: Command = {
  data,
  defer: true,
  async execute(interaction, ctx) {
    const filters: MeetingFilters = {};
    const person = optionText(interaction, 'person');
    const place = optionText(interaction, 'place');
    const from = optionText(interaction, 'from');
    const to = optionText(interaction, 'to');
    const language = optionLanguage(interaction);
    if (person) filters.person = person;
    if (place) filters.place = place;
    if (from) filters.from = from;
    if (to) filters.to = to;
    if (language) filters.language = language;
    const pageOf = (page: number) => ctx.service.meetings({ ...filters, page });
    await sendAnswer(interaction, ctx, pageOf(1), { share: optionShare(interaction), pageOf });
  },
  async autocomplete(interaction, ctx) {
    await respondChoices(interaction, ctx.service.suggestPeople(interaction.options.getFocused()));
  },
};

export const { execute, autocomplete } = command;
