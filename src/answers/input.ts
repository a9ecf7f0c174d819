/**
 * Input hygiene for every free-text argument the answer layer accepts — the ONE place that decides
 * what user text looks like before it reaches resolution or search, and the one place for its limits.
 */
import type { NoticeAnswer } from './types.js';

/** Longest free text we accept (Discord's own option cap is lower; the CLI and HTTP are not capped). */
export const MAX_INPUT_LENGTH = 300;

/** Largest page size a caller may ask for; answers never hold more items than this per page. */
export const MAX_PER_PAGE = 25;

// Control characters (except none: we turn tabs/newlines into spaces first), zero-width and bidi
// formatting characters: invisible, so they only ever make two equal-looking inputs differ.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]/gu;
// Lone surrogates cannot be NFKC-normalised meaningfully and would break JSON consumers.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export type CleanInput = { ok: true; text: string } | { ok: false; notice: NoticeAnswer };

export function notice(code: NoticeAnswer['code'], message: string, level: NoticeAnswer['level'] = 'info'): NoticeAnswer {
  return { kind: 'notice', level, code, message };
}

/** Normalise without judging: trim, NFKC, whitespace runs → one space, invisible characters removed. */
export function normalizeInput(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  // Cut absurd inputs before the (linear but not free) normalisation passes.
  const bounded = raw.length > MAX_INPUT_LENGTH * 8 ? raw.slice(0, MAX_INPUT_LENGTH * 8) : raw;
  return bounded
    .replace(LONE_SURROGATE, '')
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]+/g, ' ')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Clean a required free-text argument; `what` names it in the notice ("meeting", "query", "name"). */
export function cleanInput(raw: unknown, what = 'query'): CleanInput {
  const text = normalizeInput(raw);
  if (typeof raw === 'string' && raw.length > MAX_INPUT_LENGTH * 8) return tooLong(what);
  if (text.length > MAX_INPUT_LENGTH) return tooLong(what);
  if (!text || !/[\p{L}\p{N}]/u.test(text)) {
    return { ok: false, notice: notice('empty-query', `Please give a ${what}: the text was empty or had no letters or digits.`) };
  }
  return { ok: true, text };
}

/** An optional argument: absent or blank → undefined; otherwise as `cleanInput`. */
export function cleanOptional(raw: unknown, what: string): { ok: true; text: string | undefined } | { ok: false; notice: NoticeAnswer } {
  if (raw === undefined || raw === null) return { ok: true, text: undefined };
  const text = normalizeInput(raw);
  if (!text) return { ok: true, text: undefined };
  return cleanInput(raw, what);
}

function tooLong(what: string): CleanInput {
  return {
    ok: false,
    notice: notice('query-too-long', `That ${what} is too long: keep it under ${MAX_INPUT_LENGTH} characters.`),
  };
}

/** `YYYY-MM-DD` that is a real calendar date, or an error notice; absent → undefined. */
export function cleanDate(raw: unknown, what: string): { ok: true; date: string | undefined } | { ok: false; notice: NoticeAnswer } {
  const text = normalizeInput(raw);
  if (!text) return { ok: true, date: undefined };
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d) {
      return { ok: true, date: `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
    }
  }
  return { ok: false, notice: notice('bad-input', `"${text.slice(0, 40)}" is not a date: write ${what} as YYYY-MM-DD.`, 'error') };
}

/** Page number and size, clamped to sane values (out-of-range pages clamp later, once the total is known). */
export function cleanPaging(req: { page?: unknown; perPage?: unknown } | undefined, defaultPerPage: number): { page: number; perPage: number } {
  const page = typeof req?.page === 'number' && Number.isFinite(req.page) ? Math.max(1, Math.floor(req.page)) : 1;
  const asked = typeof req?.perPage === 'number' && Number.isFinite(req.perPage) ? Math.floor(req.perPage) : defaultPerPage;
  return { page, perPage: Math.min(MAX_PER_PAGE, Math.max(1, asked)) };
}
