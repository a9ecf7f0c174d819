import { FormErrors, fieldCodes, httpErrors, invalidFormBody } from './errors.js';
import { COMMAND_NAME, ComponentType, LIMITS, LOCALES, MessageFlags, OptionType, SETTABLE_FLAGS } from './limits.js';

type Path = ReadonlyArray<string | number>;
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Discord counts length in UTF-16 code units for most fields, as JavaScript does. */
const len = (s: string): number => s.length;

function checkString(
  errs: FormErrors,
  path: Path,
  value: unknown,
  opts: { min?: number; max: number; required?: boolean },
): value is string {
  if (value === undefined || value === null) {
    if (opts.required) errs.add(path, ...fieldCodes.required());
    return false;
  }
  if (typeof value !== 'string') {
    errs.add(path, ...fieldCodes.string());
    return false;
  }
  const min = opts.min ?? 0;
  if (min > 0 && len(value) < min) {
    if (opts.required && len(value) === 0) errs.add(path, ...fieldCodes.required());
    else errs.add(path, ...fieldCodes.badLength(min, opts.max));
    return false;
  }
  if (len(value) > opts.max) {
    errs.add(path, ...(min > 0 ? fieldCodes.badLength(min, opts.max) : fieldCodes.maxLength(opts.max)));
    return false;
  }
  return true;
}

function checkUrl(errs: FormErrors, path: Path, value: unknown, allowAttachment: boolean): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string') return errs.add(path, ...fieldCodes.string());
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  const allowed = allowAttachment ? ['http', 'https', 'attachment'] : ['http', 'https'];
  if (!scheme) return errs.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
  if (!allowed.includes(scheme)) {
    errs.add(
      path,
      'URL_TYPE_INVALID_SCHEME',
      `Scheme "${scheme}" is not supported. Scheme must be one of (${allowed.map((s) => `'${s}'`).join(', ')}).`,
    );
  }
}

function embedTextLength(embed: Json): number {
  let total = 0;
  const add = (v: unknown) => {
    if (typeof v === 'string') total += len(v);
  };
  add(embed['title']);
  add(embed['description']);
  if (isObject(embed['footer'])) add(embed['footer']['text']);
  if (isObject(embed['author'])) add(embed['author']['name']);
  if (Array.isArray(embed['fields'])) {
    for (const f of embed['fields']) {
      if (isObject(f)) {
        add(f['name']);
        add(f['value']);
      }
    }
  }
  return total;
}

function validateEmbed(errs: FormErrors, path: Path, embed: unknown): void {
  if (!isObject(embed)) return errs.add(path, ...fieldCodes.object());
  checkString(errs, [...path, 'title'], embed['title'], { max: LIMITS.embedTitle });
  checkString(errs, [...path, 'description'], embed['description'], { max: LIMITS.embedDescription });
  checkUrl(errs, [...path, 'url'], embed['url'], false);
  if (embed['color'] !== undefined && embed['color'] !== null) {
    const c = embed['color'];
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 0xffffff) {
      errs.add([...path, 'color'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
  }
  if (embed['timestamp'] !== undefined && embed['timestamp'] !== null) {
    if (typeof embed['timestamp'] !== 'string' || Number.isNaN(Date.parse(embed['timestamp']))) {
      errs.add([...path, 'timestamp'], 'DATE_TYPE_PARSE', 'Could not parse timestamp. Should be ISO8601.');
    }
  }
  const footer = embed['footer'];
  if (footer !== undefined && footer !== null) {
    if (!isObject(footer)) errs.add([...path, 'footer'], ...fieldCodes.object());
    else {
      checkString(errs, [...path, 'footer', 'text'], footer['text'], { min: 1, max: LIMITS.embedFooter, required: true });
      checkUrl(errs, [...path, 'footer', 'icon_url'], footer['icon_url'], true);
    }
  }
  const author = embed['author'];
  if (author !== undefined && author !== null) {
    if (!isObject(author)) errs.add([...path, 'author'], ...fieldCodes.object());
    else {
      checkString(errs, [...path, 'author', 'name'], author['name'], {
        min: 1,
        max: LIMITS.embedAuthorName,
        required: true,
      });
      checkUrl(errs, [...path, 'author', 'url'], author['url'], false);
      checkUrl(errs, [...path, 'author', 'icon_url'], author['icon_url'], true);
    }
  }
  for (const key of ['image', 'thumbnail'] as const) {
    const media = embed[key];
    if (media === undefined || media === null) continue;
    if (!isObject(media)) errs.add([...path, key], ...fieldCodes.object());
    else checkUrl(errs, [...path, key, 'url'], media['url'], true);
  }
  const fields = embed['fields'];
  if (fields !== undefined && fields !== null) {
    if (!Array.isArray(fields)) errs.add([...path, 'fields'], ...fieldCodes.array());
    else {
      if (fields.length > LIMITS.embedFields) {
        errs.add([...path, 'fields'], ...fieldCodes.maxLength(LIMITS.embedFields));
      }
      fields.forEach((f, i) => {
        if (!isObject(f)) return errs.add([...path, 'fields', i], ...fieldCodes.object());
        checkString(errs, [...path, 'fields', i, 'name'], f['name'], {
          min: 1,
          max: LIMITS.embedFieldName,
          required: true,
        });
        checkString(errs, [...path, 'fields', i, 'value'], f['value'], {
          min: 1,
          max: LIMITS.embedFieldValue,
          required: true,
        });
        if (f['inline'] !== undefined && typeof f['inline'] !== 'boolean') {
          errs.add([...path, 'fields', i, 'inline'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
        }
      });
    }
  }
}

function validateButton(errs: FormErrors, path: Path, button: Json, ids: Set<string>): void {
  const style = button['style'];
  if (typeof style !== 'number' || ![1, 2, 3, 4, 5, 6].includes(style)) {
    errs.add([...path, 'style'], ...fieldCodes.choice([1, 2, 3, 4, 5, 6]));
    return;
  }
  checkString(errs, [...path, 'label'], button['label'], { max: LIMITS.buttonLabel });
  if (style === 5) {
    if (button['custom_id'] !== undefined) {
      errs.add([...path, 'custom_id'], 'COMPONENT_LINK_BUTTON_CUSTOM_ID', 'A link button cannot have a custom_id.');
    }
    if (button['url'] === undefined) errs.add([...path, 'url'], ...fieldCodes.required());
    else checkUrl(errs, [...path, 'url'], button['url'], false);
  } else if (style === 6) {
    if (button['sku_id'] === undefined) errs.add([...path, 'sku_id'], ...fieldCodes.required());
  } else {
    if (button['url'] !== undefined) {
      errs.add([...path, 'url'], 'COMPONENT_NON_LINK_BUTTON_URL', 'A non-link button cannot have a url.');
    }
    validateCustomId(errs, [...path, 'custom_id'], button['custom_id'], ids);
  }
  if (style !== 6 && (button['label'] === undefined || button['label'] === '') && button['emoji'] === undefined) {
    errs.add([...path, 'label'], 'COMPONENT_BUTTON_LABEL_OR_EMOJI', 'A button must have a label or an emoji.');
  }
}

function validateCustomId(errs: FormErrors, path: Path, value: unknown, ids: Set<string>): void {
  if (!checkString(errs, path, value, { min: 1, max: LIMITS.customId, required: true })) return;
  if (ids.has(value)) {
    errs.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  }
  ids.add(value);
}

function validateSelect(errs: FormErrors, path: Path, select: Json, ids: Set<string>): void {
  validateCustomId(errs, [...path, 'custom_id'], select['custom_id'], ids);
  checkString(errs, [...path, 'placeholder'], select['placeholder'], { max: LIMITS.selectPlaceholder });
  const options = select['options'];
  if (!Array.isArray(options) || options.length === 0) {
    errs.add([...path, 'options'], ...fieldCodes.badLength(1, LIMITS.selectOptions));
    return;
  }
  if (options.length > LIMITS.selectOptions) {
    errs.add([...path, 'options'], ...fieldCodes.badLength(1, LIMITS.selectOptions));
  }
  options.forEach((o, i) => {
    if (!isObject(o)) return errs.add([...path, 'options', i], ...fieldCodes.object());
    for (const key of ['label', 'value'] as const) {
      checkString(errs, [...path, 'options', i, key], o[key], { min: 1, max: LIMITS.selectOptionText, required: true });
    }
    checkString(errs, [...path, 'options', i, 'description'], o['description'], { max: LIMITS.selectOptionText });
  });
}

function validateComponents(errs: FormErrors, components: unknown): void {
  if (!Array.isArray(components)) return errs.add(['components'], ...fieldCodes.array());
  if (components.length > LIMITS.actionRows) errs.add(['components'], ...fieldCodes.maxLength(LIMITS.actionRows));
  const ids = new Set<string>();
  components.forEach((row, r) => {
    const path = ['components', r];
    if (!isObject(row)) return errs.add(path, ...fieldCodes.object());
    if (row['type'] !== ComponentType.ActionRow) {
      return errs.add([...path, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
    }
    const children = row['components'];
    if (!Array.isArray(children) || children.length === 0) {
      return errs.add([...path, 'components'], ...fieldCodes.badLength(1, LIMITS.buttonsPerRow));
    }
    if (children.length > LIMITS.buttonsPerRow) {
      errs.add([...path, 'components'], ...fieldCodes.badLength(1, LIMITS.buttonsPerRow));
    }
    const hasSelect = children.some((c) => isObject(c) && c['type'] === ComponentType.StringSelect);
    if (hasSelect && children.length > 1) {
      errs.add([...path, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
    children.forEach((c, i) => {
      const cpath = [...path, 'components', i];
      if (!isObject(c)) return errs.add(cpath, ...fieldCodes.object());
      if (c['type'] === ComponentType.Button) validateButton(errs, cpath, c, ids);
      else if (c['type'] === ComponentType.StringSelect) validateSelect(errs, cpath, c, ids);
      else errs.add([...cpath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2, 3).');
    });
  });
}

function validateAllowedMentions(errs: FormErrors, am: unknown): void {
  if (am === undefined || am === null) return;
  if (!isObject(am)) return errs.add(['allowed_mentions'], ...fieldCodes.object());
  const parse = am['parse'];
  if (parse !== undefined) {
    if (!Array.isArray(parse)) errs.add(['allowed_mentions', 'parse'], ...fieldCodes.array());
    else
      parse.forEach((p, i) => {
        if (!['roles', 'users', 'everyone'].includes(p as string)) {
          errs.add(['allowed_mentions', 'parse', i], ...fieldCodes.choice(['roles', 'users', 'everyone']));
        }
      });
  }
  for (const kind of ['users', 'roles'] as const) {
    const list = am[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) errs.add(['allowed_mentions', kind], ...fieldCodes.array());
    else if (list.length > 100) errs.add(['allowed_mentions', kind], ...fieldCodes.maxLength(100));
    if (Array.isArray(parse) && parse.includes(kind) && Array.isArray(list)) {
      errs.add(
        ['allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
  }
}

export interface MessageFields {
  content?: string;
  embeds?: Json[];
  components?: Json[];
  flags?: number;
  allowed_mentions?: Json;
  tts?: boolean;
  attachments?: Json[];
}

/**
 * Validates a message create/edit body as Discord does and returns only the message fields.
 * `mode: 'create'` refuses an empty message; edits are checked for emptiness by the caller on the merged result.
 * Throws DiscordHttpError (400) on any problem.
 */
export function validateMessageBody(body: unknown, mode: 'create' | 'edit', opts: { ephemeralAllowed: boolean }): MessageFields {
  if (!isObject(body)) throw invalidFormBody({ _errors: [{ code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }] });
  const errs = new FormErrors();
  const out: MessageFields = {};
  if ('content' in body && body['content'] !== null) {
    if (checkString(errs, ['content'], body['content'], { max: LIMITS.content })) out.content = body['content'];
  } else if (body['content'] === null) out.content = '';
  if ('embeds' in body && body['embeds'] !== null) {
    const embeds = body['embeds'];
    if (!Array.isArray(embeds)) errs.add(['embeds'], ...fieldCodes.array());
    else {
      if (embeds.length > LIMITS.embedsPerMessage) errs.add(['embeds'], ...fieldCodes.maxLength(LIMITS.embedsPerMessage));
      embeds.forEach((e, i) => validateEmbed(errs, ['embeds', i], e));
      const total = embeds.reduce<number>((sum, e) => sum + (isObject(e) ? embedTextLength(e) : 0), 0);
      if (total > LIMITS.embedTotal) {
        errs.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`);
      }
      out.embeds = embeds.filter(isObject);
    }
  } else if (body['embeds'] === null) out.embeds = [];
  if ('components' in body && body['components'] !== null) {
    validateComponents(errs, body['components']);
    if (Array.isArray(body['components'])) out.components = body['components'].filter(isObject);
  } else if (body['components'] === null) out.components = [];
  if ('flags' in body && body['flags'] !== null && body['flags'] !== undefined) {
    const flags = body['flags'];
    if (typeof flags !== 'number' || !Number.isInteger(flags)) errs.add(['flags'], ...fieldCodes.number());
    else {
      if (flags & MessageFlags.IsComponentsV2) {
        errs.add(['flags'], 'EMULATOR_UNSUPPORTED', 'The emulator does not implement components v2 (IS_COMPONENTS_V2).');
      }
      const settable = opts.ephemeralAllowed ? SETTABLE_FLAGS : SETTABLE_FLAGS & ~MessageFlags.Ephemeral;
      if (flags & ~(settable | MessageFlags.IsComponentsV2)) {
        errs.add(['flags'], 'MESSAGE_INVALID_FLAGS', 'Invalid flags for this message.');
      }
      out.flags = flags;
    }
  }
  validateAllowedMentions(errs, body['allowed_mentions']);
  if (isObject(body['allowed_mentions'])) out.allowed_mentions = body['allowed_mentions'];
  if (typeof body['tts'] === 'boolean') out.tts = body['tts'];
  if (Array.isArray(body['attachments'])) out.attachments = body['attachments'].filter(isObject);
  errs.throwIfAny();
  if (mode === 'create' && isEmptyMessage(out)) throw httpErrors.emptyMessage();
  return out;
}

export function isEmptyMessage(m: MessageFields): boolean {
  return (
    (m.content ?? '').trim() === '' &&
    (m.embeds?.length ?? 0) === 0 &&
    (m.components?.length ?? 0) === 0 &&
    (m.attachments?.length ?? 0) === 0
  );
}

/** Autocomplete result (callback type 8): ≤ 25 choices, names 1–100, string values ≤ 100. */
export function validateAutocompleteChoices(data: unknown, optionType: number | undefined): Json[] {
  const errs = new FormErrors();
  if (!isObject(data)) {
    errs.add(['data'], ...fieldCodes.required());
    errs.throwIfAny();
  }
  const choices = (data as Json)['choices'];
  if (!Array.isArray(choices)) {
    errs.add(['data', 'choices'], ...fieldCodes.array());
    errs.throwIfAny();
    return [];
  }
  if (choices.length > LIMITS.autocompleteChoices) {
    errs.add(['data', 'choices'], ...fieldCodes.maxLength(LIMITS.autocompleteChoices));
  }
  choices.forEach((c, i) => validateChoice(errs, ['data', 'choices', i], c, optionType));
  errs.throwIfAny();
  return choices as Json[];
}

function validateChoice(errs: FormErrors, path: Path, c: unknown, optionType: number | undefined): void {
  if (!isObject(c)) return errs.add(path, ...fieldCodes.object());
  checkString(errs, [...path, 'name'], c['name'], { min: 1, max: LIMITS.choiceName, required: true });
  checkLocalizations(errs, [...path, 'name_localizations'], c['name_localizations'], (p, v) =>
    checkString(errs, p, v, { min: 1, max: LIMITS.choiceName, required: true }),
  );
  const value = c['value'];
  if (optionType === OptionType.Integer || optionType === OptionType.Number) {
    if (typeof value !== 'number' || (optionType === OptionType.Integer && !Number.isInteger(value))) {
      errs.add([...path, 'value'], ...fieldCodes.number());
    }
  } else if (optionType === OptionType.String) {
    checkString(errs, [...path, 'value'], value, { max: LIMITS.choiceValue, required: true });
  } else if (typeof value === 'string') {
    checkString(errs, [...path, 'value'], value, { max: LIMITS.choiceValue, required: true });
  } else if (typeof value !== 'number') {
    errs.add([...path, 'value'], ...fieldCodes.required());
  }
}

function checkLocalizations(
  errs: FormErrors,
  path: Path,
  value: unknown,
  check: (path: Path, v: unknown) => void,
): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) return errs.add(path, ...fieldCodes.object());
  for (const [locale, v] of Object.entries(value)) {
    if (!LOCALES.has(locale)) {
      errs.add([...path, locale], 'LOCALE_INVALID', `Invalid locale: ${locale}`);
      continue;
    }
    check([...path, locale], v);
  }
}

function checkName(errs: FormErrors, path: Path, name: unknown, chatInput: boolean): void {
  if (!checkString(errs, path, name, { min: 1, max: LIMITS.commandName, required: true })) return;
  if (chatInput && (!COMMAND_NAME.test(name) || name !== name.toLowerCase())) {
    errs.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

const OPTION_TYPES = Object.values(OptionType) as number[];

function validateOptions(errs: FormErrors, path: Path, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) return errs.add(path, ...fieldCodes.array());
  if (options.length > LIMITS.commandOptions) errs.add(path, ...fieldCodes.maxLength(LIMITS.commandOptions));
  let seenOptional = false;
  const names = new Set<string>();
  let subs = 0;
  options.forEach((o, i) => {
    const p = [...path, i];
    if (!isObject(o)) return errs.add(p, ...fieldCodes.object());
    const type = o['type'];
    if (typeof type !== 'number' || !OPTION_TYPES.includes(type)) {
      return errs.add([...p, 'type'], ...fieldCodes.choice(OPTION_TYPES));
    }
    checkName(errs, [...p, 'name'], o['name'], true);
    if (typeof o['name'] === 'string') {
      if (names.has(o['name'])) errs.add([...p, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique');
      names.add(o['name']);
    }
    checkString(errs, [...p, 'description'], o['description'], { min: 1, max: LIMITS.commandDescription, required: true });
    checkLocalizations(errs, [...p, 'name_localizations'], o['name_localizations'], (lp, v) => checkName(errs, lp, v, true));
    checkLocalizations(errs, [...p, 'description_localizations'], o['description_localizations'], (lp, v) =>
      checkString(errs, lp, v, { min: 1, max: LIMITS.commandDescription, required: true }),
    );
    const isSub = type === OptionType.Subcommand || type === OptionType.SubcommandGroup;
    if (isSub) {
      subs++;
      if (type === OptionType.SubcommandGroup && depth > 0) {
        errs.add([...p, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommand groups cannot be nested');
      }
      if (type === OptionType.Subcommand && depth > 1) {
        errs.add([...p, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommands nest at most two levels');
      }
      const children = o['options'];
      if (type === OptionType.SubcommandGroup && Array.isArray(children)) {
        children.forEach((c, j) => {
          if (isObject(c) && c['type'] !== OptionType.Subcommand) {
            errs.add([...p, 'options', j, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'A subcommand group may only contain subcommands');
          }
        });
      }
      validateOptions(errs, [...p, 'options'], children, depth + 1);
      return;
    }
    if (o['required'] === true) {
      if (seenOptional) {
        errs.add(p, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
      }
    } else seenOptional = true;
    const choices = o['choices'];
    if (choices !== undefined && choices !== null) {
      if (o['autocomplete'] === true) {
        errs.add([...p, 'choices'], 'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE', 'Autocomplete cannot be enabled on options that have choices');
      }
      if (![OptionType.String, OptionType.Integer, OptionType.Number].includes(type as 3)) {
        errs.add([...p, 'choices'], 'APPLICATION_COMMAND_OPTION_CHOICES_TYPE', 'Only string, integer and number options may have choices');
      }
      if (!Array.isArray(choices)) errs.add([...p, 'choices'], ...fieldCodes.array());
      else {
        if (choices.length > LIMITS.commandChoices) errs.add([...p, 'choices'], ...fieldCodes.maxLength(LIMITS.commandChoices));
        choices.forEach((c, j) => validateChoice(errs, [...p, 'choices', j], c, type));
      }
    }
    if (o['autocomplete'] === true && ![OptionType.String, OptionType.Integer, OptionType.Number].includes(type as 3)) {
      errs.add([...p, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_TYPE', 'Only string, integer and number options may autocomplete');
    }
    for (const key of ['min_length', 'max_length'] as const) {
      const v = o[key];
      if (v === undefined || v === null) continue;
      const min = key === 'min_length' ? 0 : 1;
      if (type !== OptionType.String) errs.add([...p, key], 'APPLICATION_COMMAND_OPTION_LENGTH_TYPE', `${key} is only valid on string options`);
      else if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > LIMITS.optionStringLength) {
        errs.add([...p, key], 'NUMBER_TYPE_MAX', `Must be between ${min} and ${LIMITS.optionStringLength}.`);
      }
    }
  });
  if (subs > 0 && subs !== options.length) {
    errs.add(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Subcommands cannot be mixed with other options');
  }
}

/**
 * Characters Discord counts towards a command's 8000 limit: names, descriptions and choice names/values of the command
 * and all nested options. Each locale is counted on its own (falling back to the default text) and the largest wins.
 */
export function commandSize(cmd: Json): number {
  const locales = new Set<string>(['']);
  const collect = (node: Json) => {
    for (const key of ['name_localizations', 'description_localizations'] as const) {
      if (isObject(node[key])) for (const l of Object.keys(node[key])) locales.add(l);
    }
    if (Array.isArray(node['options'])) node['options'].filter(isObject).forEach(collect);
    if (Array.isArray(node['choices'])) node['choices'].filter(isObject).forEach(collect);
  };
  collect(cmd);
  let max = 0;
  for (const locale of locales) {
    const text = (node: Json, key: 'name' | 'description'): number => {
      const loc = node[`${key}_localizations`];
      const localized = locale && isObject(loc) ? loc[locale] : undefined;
      const v = typeof localized === 'string' ? localized : node[key];
      return typeof v === 'string' ? len(v) : 0;
    };
    const count = (node: Json): number => {
      let n = text(node, 'name') + text(node, 'description');
      if ('value' in node) n += len(String(node['value']));
      if (Array.isArray(node['options'])) n += node['options'].filter(isObject).reduce((s, o) => s + count(o), 0);
      if (Array.isArray(node['choices'])) n += node['choices'].filter(isObject).reduce((s, o) => s + count(o), 0);
      return n;
    };
    max = Math.max(max, count(cmd));
  }
  return max;
}

/** Validates a bulk-overwrite body (array of command definitions). Throws 400 Invalid Form Body. */
export function validateCommandList(body: unknown): Json[] {
  const errs = new FormErrors();
  if (!Array.isArray(body)) {
    errs.add([], ...fieldCodes.array());
    errs.throwIfAny();
    return [];
  }
  if (body.length > LIMITS.commandsPerOverwrite) errs.add([], ...fieldCodes.maxLength(LIMITS.commandsPerOverwrite));
  const seen = new Set<string>();
  body.forEach((cmd, i) => {
    if (!isObject(cmd)) return errs.add([i], ...fieldCodes.object());
    const type = cmd['type'] ?? 1;
    if (type !== 1 && type !== 2 && type !== 3) return errs.add([i, 'type'], ...fieldCodes.choice([1, 2, 3]));
    const chatInput = type === 1;
    checkName(errs, [i, 'name'], cmd['name'], chatInput);
    const key = `${type}:${String(cmd['name'])}`;
    if (seen.has(key)) errs.add([i, 'name'], 'APPLICATION_COMMAND_NAME_ALREADY_EXISTS', 'Application command names must be unique');
    seen.add(key);
    checkLocalizations(errs, [i, 'name_localizations'], cmd['name_localizations'], (p, v) => checkName(errs, p, v, chatInput));
    if (chatInput) {
      checkString(errs, [i, 'description'], cmd['description'], { min: 1, max: LIMITS.commandDescription, required: true });
      checkLocalizations(errs, [i, 'description_localizations'], cmd['description_localizations'], (p, v) =>
        checkString(errs, p, v, { min: 1, max: LIMITS.commandDescription, required: true }),
      );
      validateOptions(errs, [i, 'options'], cmd['options'], 0);
    } else if (cmd['description'] !== undefined && cmd['description'] !== '') {
      errs.add([i, 'description'], 'APPLICATION_COMMAND_DESCRIPTION_INVALID', 'Context menu commands cannot have a description');
    }
    if (commandSize(cmd) > LIMITS.commandTotal) {
      errs.add([i], 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${LIMITS.commandTotal})`);
    }
  });
  errs.throwIfAny();
  return body as Json[];
}
