/**
 * Discord's hard limits — the ONLY place these numbers live. A payload that exceeds any of them is
 * refused outright by Discord (400 Invalid Form Body), so rendering budgets against these.
 * Lengths are counted in UTF-16 code units (what `.length` gives), which is never less than Discord's count.
 */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name over all embeds. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Slash command definitions. */
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandTotal: 8000,
  optionChoices: 25,
  stringOptionMaxLength: 6000,
} as const;

/** Discord's rule for command and option names (also their localised names). */
export const COMMAND_NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Interaction timing: the first response must arrive within this, or the user sees "did not respond". */
export const ACK_DEADLINE_MS = 3000;
/** Interaction tokens (edits, follow-ups) stay valid this long. */
export const INTERACTION_TOKEN_TTL_MS = 15 * 60 * 1000;

/** Message flags (raw API bits). */
export const FLAG_SUPPRESS_EMBEDS = 1 << 2;
export const FLAG_EPHEMERAL = 1 << 6;
