/**
 * Short-lived state behind buttons (paging, share): an in-memory map from a short random key to a value,
 * with expiry and a size cap. A click on an expired key gets "this page has expired".
 */
import { randomBytes } from 'node:crypto';

export interface StateStore<T> {
  put(value: T): string;
  get(key: string): T | undefined;
  readonly size: number;
}

export interface StateStoreOptions {
  /** How long a key stays valid. Default 15 minutes, the life of an interaction token. */
  ttlMs?: number;
  /** Oldest entries are evicted beyond this. */
  maxEntries?: number;
  now?: () => number;
}

export function createStateStore<T>(opts: StateStoreOptions = {}): StateStore<T> {
  const ttl = opts.ttlMs ?? 15 * 60 * 1000;
  const max = Math.max(1, opts.maxEntries ?? 5000);
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { value: T; expires: number }>();

  function sweep(): void {
    const t = now();
    for (const [key, entry] of entries) {
      // Insertion order is expiry order (fixed ttl), so the first live entry ends the sweep.
      if (entry.expires > t) break;
      entries.delete(key);
    }
    while (entries.size > max) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  return {
    put(value) {
      let key: string;
      do key = randomBytes(6).toString('base64url');
      while (entries.has(key));
      entries.set(key, { value, expires: now() + ttl });
      sweep();
      return key;
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    get size() {
      sweep();
      return entries.size;
    },
  };
}
