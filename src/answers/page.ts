/** Pagination shared by every list answer: out-of-range pages clamp, an empty list is page 1 of 1. */
import type { Page } from './types.js';

export function paginate<T>(items: readonly T[], page: number, perPage: number): { items: T[]; page: Page } {
  const size = Math.max(1, Math.floor(perPage));
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(pageCount, Math.max(1, Math.floor(page)));
  const from = (current - 1) * size;
  return { items: items.slice(from, from + size), page: { page: current, pageCount, total: items.length } };
}
