/**
 * One-line logs for the bot. Secrets (the bot token) are redacted from every line, whatever path they took.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  /** Values that must never appear in a log line. */
  secrets?: ReadonlyArray<string | undefined>;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = (opts.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const line = (level: string, message: string, fields?: Record<string, unknown>) => {
    let text = `${new Date().toISOString()} ${level} ${message}`;
    if (fields && Object.keys(fields).length) text += ` ${safeJson(fields)}`;
    for (const s of secrets) text = text.split(s).join('[redacted]');
    write(text.replace(/\n/g, '\\n'));
  };
  return {
    info: (m, f) => line('info', m, f),
    warn: (m, f) => line('warn', m, f),
    error: (m, f) => line('error', m, f),
  };
}

function safeJson(fields: Record<string, unknown>): string {
  try {
    return JSON.stringify(fields, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v));
  } catch {
    return '{"fields":"unserialisable"}';
  }
}

/** A logger that drops everything (tests that do not care about logs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
