/**
 * Discord's error bodies. The REST client (discord.js / @discordjs/rest) turns these into DiscordAPIError with the
 * same `code` and `rawError`, so keeping the shape exact keeps the bot's error handling honest.
 */

export interface FieldError {
  code: string;
  message: string;
}

/** Nested `{ field: { 0: { sub: { _errors: [...] } } } }` tree, exactly as Discord returns under `errors`. */
export interface ErrorTree {
  _errors?: FieldError[];
  [key: string]: ErrorTree | FieldError[] | undefined;
}

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body['message'] === 'string' ? body['message'] : `HTTP ${status}`);
  }
}

/** Accumulates field errors at paths; empty means the payload is valid. */
export class FormErrors {
  readonly tree: ErrorTree = {};
  count = 0;

  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node: ErrorTree = this.tree;
    for (const key of path) {
      const k = String(key);
      const child = node[k];
      if (child && !Array.isArray(child)) {
        node = child;
      } else {
        const fresh: ErrorTree = {};
        node[k] = fresh;
        node = fresh;
      }
    }
    (node._errors ??= []).push({ code, message });
    this.count++;
  }

  get ok(): boolean {
    return this.count === 0;
  }

  /** Throws Discord's 400 Invalid Form Body (code 50035) if anything was recorded. */
  throwIfAny(): void {
    if (!this.ok) throw invalidFormBody(this.tree);
  }
}

export function invalidFormBody(errors: ErrorTree): DiscordHttpError {
  return new DiscordHttpError(400, { code: 50035, message: 'Invalid Form Body', errors });
}

export const httpErrors = {
  unauthorized: () => new DiscordHttpError(401, { message: '401: Unauthorized', code: 0 }),
  notFound: () => new DiscordHttpError(404, { message: '404: Not Found', code: 0 }),
  methodNotAllowed: () => new DiscordHttpError(405, { message: '405: Method Not Allowed', code: 0 }),
  unknownChannel: () => new DiscordHttpError(404, { message: 'Unknown Channel', code: 10003 }),
  unknownGuild: () => new DiscordHttpError(404, { message: 'Unknown Guild', code: 10004 }),
  unknownMessage: () => new DiscordHttpError(404, { message: 'Unknown Message', code: 10008 }),
  unknownWebhook: () => new DiscordHttpError(404, { message: 'Unknown Webhook', code: 10015 }),
  unknownApplication: () => new DiscordHttpError(404, { message: 'Unknown Application', code: 10002 }),
  unknownInteraction: () => new DiscordHttpError(404, { message: 'Unknown interaction', code: 10062 }),
  invalidWebhookToken: () => new DiscordHttpError(401, { message: 'Invalid Webhook Token', code: 50027 }),
  alreadyAcknowledged: () =>
    new DiscordHttpError(400, { message: 'Interaction has already been acknowledged.', code: 40060 }),
  emptyMessage: () => new DiscordHttpError(400, { message: 'Cannot send an empty message', code: 50006 }),
  badJson: () => new DiscordHttpError(400, { message: 'The request body contains invalid JSON.', code: 50109 }),
  internal: () => new DiscordHttpError(500, { message: '500: Internal Server Error', code: 0 }),
} as const;

export const fieldCodes = {
  maxLength: (max: number): [string, string] => ['BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`],
  badLength: (min: number, max: number): [string, string] => [
    'BASE_TYPE_BAD_LENGTH',
    `Must be between ${min} and ${max} in length.`,
  ],
  required: (): [string, string] => ['BASE_TYPE_REQUIRED', 'This field is required'],
  string: (): [string, string] => ['BASE_TYPE_STRING', 'Must be a string.'],
  number: (): [string, string] => ['NUMBER_TYPE_COERCE', 'Value is not int.'],
  array: (): [string, string] => ['BASE_TYPE_ARRAY', 'Must be an array.'],
  object: (): [string, string] => ['DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType'],
  choice: (valid: ReadonlyArray<number | string>): [string, string] => [
    'BASE_TYPE_CHOICES',
    `Value must be one of {${valid.join(', ')}}.`,
  ],
};
