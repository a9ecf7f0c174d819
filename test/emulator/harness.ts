import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/dev/emulator/index.js';

/** A small but real discord.js bot exercising every response style the emulator must handle. */
export const testCommands = [
  new SlashCommandBuilder()
    .setName('echo')
    .setDescription('Echo text back')
    .addStringOption((o) => o.setName('text').setDescription('What to say').setRequired(true).setMaxLength(50))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see it')),
  new SlashCommandBuilder()
    .setName('slow')
    .setDescription('Defers, then edits')
    .addIntegerOption((o) => o.setName('ms').setDescription('Work time').setMinValue(0).setMaxValue(2000)),
  new SlashCommandBuilder().setName('multi').setDescription('Reply then two follow-ups'),
  new SlashCommandBuilder()
    .setName('find')
    .setDescription('Autocompleted lookup')
    .addStringOption((o) => o.setName('query').setDescription('Fruit').setRequired(true).setAutocomplete(true)),
  new SlashCommandBuilder().setName('panel').setDescription('A message with buttons'),
  new SlashCommandBuilder().setName('gate').setDescription('Replies when the test says so'),
  new SlashCommandBuilder().setName('twice').setDescription('Tries to reply twice'),
  new SlashCommandBuilder()
    .setName('raw')
    .setDescription('Replies with whatever the test injected')
    .addSubcommand((s) => s.setName('reply').setDescription('Reply with the injected payload'))
    .addSubcommand((s) =>
      s
        .setName('edit')
        .setDescription('Defer and edit with the injected payload')
        .addStringOption((o) => o.setName('mode').setDescription('How').addChoices({ name: 'edit', value: 'edit' }, { name: 'follow', value: 'follow' })),
    ),
].map((c) => c.toJSON());

export const FRUITS = ['apple', 'apricot', 'banana', 'blackberry', 'cherry', 'grape', 'lemon', 'lime', 'mango', 'melon'];

export interface Harness {
  emulator: Emulator;
  client: Client;
  rest: REST;
  /** Resolved by the test to let `/gate` answer. */
  gate: { release: () => void; wait: Promise<void> };
  resetGate(): void;
  /** Payload `/raw` sends. */
  raw: { payload: Record<string, unknown> };
  /** Errors the bot caught from Discord (code or message), newest last. */
  botErrors: Array<{ command: string; code: unknown; message: string }>;
  /** The message id discord.js read from the last `withResponse: true` reply. */
  lastResponseMessageId: string | null;
  close(): Promise<void>;
}

function newGate() {
  let release!: () => void;
  const wait = new Promise<void>((r) => (release = r));
  return { release, wait };
}

export async function startHarness(opts: EmulatorOptions & { shards?: number } = {}): Promise<Harness> {
  const emulator = await startEmulator(opts);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: emulator.apiUrl, retries: 3, timeout: 5000 },
    allowedMentions: { parse: [] },
    ...(opts.shards && opts.shards > 1 ? { shards: 'auto' as const } : {}),
  });
  const h: Harness = {
    emulator,
    client,
    rest: new REST({ api: emulator.apiUrl }).setToken(emulator.botToken),
    gate: newGate(),
    resetGate() {
      h.gate = newGate();
    },
    raw: { payload: { content: 'raw' } },
    botErrors: [],
    lastResponseMessageId: null,
    async close() {
      await client.destroy();
      await emulator.close();
    },
  };

  const onCommand = async (i: ChatInputCommandInteraction) => {
    switch (i.commandName) {
      case 'echo': {
        const priv = i.options.getBoolean('private') ?? false;
        await i.reply({ content: `${i.options.getString('text', true)} (shard ${i.guild?.shardId ?? 'dm'})`, flags: priv ? MessageFlags.Ephemeral : undefined });
        return;
      }
      case 'slow': {
        await i.deferReply({ flags: MessageFlags.Ephemeral });
        await new Promise((r) => setTimeout(r, i.options.getInteger('ms') ?? 50));
        await i.editReply({ content: 'done slowly' });
        return;
      }
      case 'multi': {
        await i.reply({ content: 'first' });
        await i.followUp({ content: 'second' });
        await i.followUp({ content: 'third, privately', flags: MessageFlags.Ephemeral });
        return;
      }
      case 'find':
        await i.reply({ content: `found ${i.options.getString('query', true)}` });
        return;
      case 'panel': {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('count:0').setLabel('Count 0').setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId('share').setLabel('Share to channel').setStyle(ButtonStyle.Secondary),
          new ButtonBuilder().setCustomId('later').setLabel('Deferred update').setStyle(ButtonStyle.Secondary),
        );
        await i.reply({ content: 'panel @everyone <@190000000000000001>', components: [row], flags: MessageFlags.Ephemeral });
        return;
      }
      case 'gate': {
        await h.gate.wait;
        const response = await i.reply({ content: 'through the gate', withResponse: true });
        h.lastResponseMessageId = response.resource?.message?.id ?? null;
        return;
      }
      case 'twice':
        await i.reply({ content: 'once' });
        // Bypass discord.js's own "already replied" guard to reach the API, as a buggy bot would.
        await client.rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'twice' } }, auth: false });
        return;
      case 'raw':
        if (i.options.getSubcommand() === 'reply') {
          await i.reply(h.raw.payload);
        } else {
          await i.deferReply();
          if (i.options.getString('mode') === 'follow') await i.followUp(h.raw.payload);
          else await i.editReply(h.raw.payload);
        }
        return;
    }
  };

  client.on(Events.InteractionCreate, (i: Interaction) => {
    const run = async () => {
      if (i.isAutocomplete()) {
        const typed = String(i.options.getFocused()).toLowerCase();
        await i.respond(FRUITS.filter((f) => f.startsWith(typed)).map((f) => ({ name: `Fruit: ${f}`, value: f })));
      } else if (i.isChatInputCommand()) {
        await onCommand(i);
      } else if (i.isButton()) {
        if (i.customId.startsWith('count:')) {
          const n = Number(i.customId.slice(6)) + 1;
          const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId(`count:${n}`).setLabel(`Count ${n}`).setStyle(ButtonStyle.Primary),
          );
          await i.update({ content: `clicked ${n}`, components: [row] });
        } else if (i.customId === 'share') {
          await i.reply({ content: `${i.message.content} — shared by ${i.user.username}` });
        } else if (i.customId === 'later') {
          await i.deferUpdate();
          await i.editReply({ content: 'updated later', components: [] });
        }
      }
    };
    run().catch((err: unknown) => {
      const e = err as { code?: unknown; message?: string };
      h.botErrors.push({ command: i.isCommand() ? i.commandName : i.isButton() ? i.customId : '?', code: e.code, message: e.message ?? String(err) });
    });
  });

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(emulator.botToken);
  await ready;
  for (const g of emulator.guilds) {
    await h.rest.put(Routes.applicationGuildCommands(emulator.applicationId, g.id), { body: testCommands });
  }
  return h;
}
