/** Every search limit and tuning constant lives here, once. */

/** Queries longer than this (UTF-16 units) are refused with 'query-too-long' rather than searched. */
export const MAX_QUERY_CHARS = 1000;
/** At most this many query units (words, phrases) are searched; more are refused as too long. */
export const MAX_QUERY_UNITS = 32;
/** Default and ceiling for `limit`. */
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
/** Typo tolerance: only Latin terms at least this long get fuzzy matching... */
export const FUZZY_MIN_LENGTH = 5;
/** ...one edit below this length, two at or above it (MiniSearch `maxFuzzy` is 2). */
export const FUZZY_TWO_EDITS_LENGTH = 8;
export const MAX_FUZZY = 2;
/** Prefix matching only on the last query term, and only when it is at least this long (short prefixes explode). */
export const PREFIX_MIN_LENGTH = 3;
/** Excerpt window: aim for TARGET characters, never exceed MAX. */
export const EXCERPT_TARGET_CHARS = 240;
export const EXCERPT_MAX_CHARS = 300;
/** Cross-lingual alternatives searched per query (direct included). */
export const MAX_ALTERNATIVES = 8;
/** Ranking weight of alternatives relative to the user's own words. */
export const VIA_WEIGHT = { direct: 1, pinyin: 0.95, glossary: 0.9 } as const;
/**
 * Phrase checks tokenize candidate paragraphs in score order; stop after this many per alternative to bound
 * latency (a phrase whose words co-occur unjoined in hundreds of better-scored paragraphs may then return fewer
 * hits than `limit`). ~0.1 ms per paragraph.
 */
export const MAX_VERIFY_CANDIDATES = 300;
/** The same for cross-lingual alternatives (glossary, pinyin): secondary results get a smaller budget. */
export const MAX_VERIFY_CANDIDATES_ALT = 100;
