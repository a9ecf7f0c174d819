/**
 * Button custom_ids: `dk:<action>:<key>:<page>`. The key points at state in the in-memory store
 * (`state.ts`); the page travels in the id itself, so a click needs no other lookup.
 */
import { LIMITS } from './limits.js';

/** page: show page N; share: post page N publicly; pick: answer for candidate N of a "which meeting?" list. */
export type ButtonAction = 'page' | 'share' | 'pick';

export interface ButtonId {
  action: ButtonAction;
  key: string;
  page: number;
}

const PREFIX = 'dk';
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
const ID_PATTERN = /^dk:(page|share|pick):([A-Za-z0-9_-]{1,40}):(\d{1,6})$/;

export function encodeButtonId(id: ButtonId): string {
  if (!KEY_PATTERN.test(id.key)) throw new Error(`invalid state key: ${JSON.stringify(id.key)}`);
  const page = Math.max(0, Math.min(999_999, Math.trunc(id.page)));
  const out = `${PREFIX}:${id.action}:${id.key}:${page}`;
  if (out.length > LIMITS.customId) throw new Error('custom_id too long');
  return out;
}

/** Null for ids that are not ours or are malformed (a click can carry anything). */
export function decodeButtonId(customId: string): ButtonId | null {
  const m = ID_PATTERN.exec(customId);
  if (!m) return null;
  return { action: m[1] as ButtonAction, key: m[2]!, page: Number(m[3]) };
}
