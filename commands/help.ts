import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderHelp } from '../src/discord/render.js';
import { deliver } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('help')
  .setNameLocalizations({ 'zh-CN': '帮助' })
  .setDescription('What Docket can answer, and how')
  .setDescriptionLocalizations({ 'zh-CN': 'Docket 能回答什么、怎么用' });

export const command: Command = {
  data,
  // Static text: answering directly is well inside the deadline.
  defer: false,
  async execute(interaction) {
    await deliver(interaction, renderHelp(interaction.locale));
  },
};

export const { execute } = command;
