/**
 * Option definitions shared by several commands, with their zh-CN names and descriptions, and the reading side
 * (`optionText`) so every command parses the same option the same way.
 */
import type {
  ChatInputCommandInteraction,
  SlashCommandBooleanOption,
  SlashCommandStringOption,
} from 'discord.js';
import type { Language } from '../corpus/types.js';

/** Longest free text a user may type; the answer layer refuses longer input anyway. */
export const QUERY_MAX_LENGTH = 200;
const ISO_DATE_LENGTH = 10;

type Text = { en: string; zh: string };

export function localized<T extends SlashCommandStringOption | SlashCommandBooleanOption>(o: T, name: string, zhName: string, description: Text): T {
  o.setName(name).setNameLocalizations({ 'zh-CN': zhName }).setDescription(description.en).setDescriptionLocalizations({ 'zh-CN': description.zh });
  return o;
}

export const shareOption = (o: SlashCommandBooleanOption) =>
  localized(o, 'share', '公开', { en: 'Post the answer in the channel for everyone (default: only you see it)', zh: '在频道中公开回答（默认仅自己可见）' });

export const meetingOption = (required: boolean) => (o: SlashCommandStringOption) =>
  localized(o, 'meeting', '会议', { en: 'The meeting: start typing a place, date or title', zh: '会议：输入地点、日期或标题' })
    .setRequired(required)
    .setAutocomplete(true)
    .setMinLength(1)
    .setMaxLength(QUERY_MAX_LENGTH);

export const personOption = (autocomplete: boolean) => (o: SlashCommandStringOption) =>
  localized(o, 'person', '人物', { en: 'A person named in the reports', zh: '报告中提到的人' })
    .setAutocomplete(autocomplete)
    .setMinLength(1)
    .setMaxLength(QUERY_MAX_LENGTH);

export const dateOption = (name: 'from' | 'to') => (o: SlashCommandStringOption) =>
  localized(o, name, name === 'from' ? '起始日期' : '截止日期', {
    en: name === 'from' ? 'Earliest meeting date, YYYY-MM-DD' : 'Latest meeting date, YYYY-MM-DD',
    zh: name === 'from' ? '最早会议日期，格式 YYYY-MM-DD' : '最晚会议日期，格式 YYYY-MM-DD',
  })
    .setMinLength(ISO_DATE_LENGTH)
    .setMaxLength(ISO_DATE_LENGTH);

export const languageOption = (o: SlashCommandStringOption) =>
  localized(o, 'language', '语言', { en: 'Only reports in this language', zh: '只看该语言的报告' }).addChoices(
    { name: 'English', name_localizations: { 'zh-CN': '英文' }, value: 'en' },
    { name: 'Chinese', name_localizations: { 'zh-CN': '中文' }, value: 'zh' },
  );

/** A string option, or undefined when absent or blank. */
export function optionText(interaction: ChatInputCommandInteraction, name: string): string | undefined {
  const v = interaction.options.getString(name);
  return v && v.trim() ? v : undefined;
}

export function optionLanguage(interaction: ChatInputCommandInteraction): Language | undefined {
  const v = interaction.options.getString('language');
  return v === 'en' || v === 'zh' ? v : undefined;
}

export function optionShare(interaction: ChatInputCommandInteraction): boolean {
  return interaction.options.getBoolean('share') ?? false;
}
