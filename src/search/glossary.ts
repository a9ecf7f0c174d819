/**
 * The reviewed English↔Chinese glossary (./glossary.json), applied at QUERY time: a query that names a glossary
 * term is also searched with the other language's terms, as an alternative. Query-time expansion keeps the index
 * language-pure (no invented tokens in paragraphs, so highlights stay verbatim) and lets the glossary change
 * without a rebuild.
 */
import { readFileSync } from 'node:fs';
import { tokenize } from './tokenize.js';
import type { Unit } from './query.js';

export interface GlossaryEntry {
  en: string[];
  zh: string[];
}

export interface Glossary {
  entries: GlossaryEntry[];
  /** Tokenized English phrase (terms joined by a space) → Chinese terms. */
  enToZh: Map<string, string[]>;
  /** Tokenized Chinese term → English phrases. */
  zhToEn: Map<string, string[]>;
  /** Longest English key, in terms. */
  maxEnTerms: number;
}

export interface GlossaryMatch {
  /** Units [from, to) of the query that the glossary term covers. */
  from: number;
  to: number;
  /** The other language's phrasings. */
  variants: string[];
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/** Check an entry list's shape; returns problems in plain words (the glossary test asserts none). */
export function validateGlossary(data: unknown): string[] {
  const problems: string[] = [];
  const entries = (data as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return ['no "entries" array'];
  const seenEn = new Map<string, number>();
  entries.forEach((e: unknown, i) => {
    const { en, zh } = (e ?? {}) as { en?: unknown; zh?: unknown };
    if (!Array.isArray(en) || en.length === 0) problems.push(`entry ${i}: "en" must be a non-empty list`);
    if (!Array.isArray(zh) || zh.length === 0) problems.push(`entry ${i}: "zh" must be a non-empty list`);
    for (const s of Array.isArray(en) ? en : []) {
      if (typeof s !== 'string' || !LATIN.test(s) || HAN.test(s)) problems.push(`entry ${i}: bad English term ${JSON.stringify(s)}`);
      else if (s !== s.toLowerCase() || s.trim() !== s) problems.push(`entry ${i}: English term not lowercase/trimmed: ${s}`);
      else if (tokenize(s).length === 0) problems.push(`entry ${i}: English term is only stop words: ${s}`);
      else {
        // Spellings that stem alike are fine inside one entry; across entries they would merge two meanings.
        const key = tokenize(s).join(' ');
        const owner = seenEn.get(key);
        if (owner !== undefined && owner !== i) problems.push(`entry ${i}: English term ${s} already in entry ${owner}`);
        seenEn.set(key, i);
      }
    }
    for (const s of Array.isArray(zh) ? zh : []) {
      if (typeof s !== 'string' || !HAN.test(s) || LATIN.test(s)) problems.push(`entry ${i}: bad Chinese term ${JSON.stringify(s)}`);
    }
  });
  return problems;
}

export function buildGlossary(entries: GlossaryEntry[]): Glossary {
  const enToZh = new Map<string, string[]>();
  const zhToEn = new Map<string, string[]>();
  let maxEnTerms = 1;
  for (const e of entries) {
    for (const en of e.en) {
      const terms = tokenize(en);
      if (terms.length === 0) continue;
      maxEnTerms = Math.max(maxEnTerms, terms.length);
      const key = terms.join(' ');
      enToZh.set(key, [...new Set([...(enToZh.get(key) ?? []), ...e.zh])]);
    }
    for (const zh of e.zh) {
      const key = tokenize(zh).join(' ');
      if (!key) continue;
      zhToEn.set(key, [...new Set([...(zhToEn.get(key) ?? []), ...e.en])]);
    }
  }
  return { entries, enToZh, zhToEn, maxEnTerms };
}

let shared: Glossary | null = null;

/** The glossary shipped with Docket (read once). */
export function defaultGlossary(): Glossary {
  if (!shared) {
    const data = JSON.parse(readFileSync(new URL('./glossary.json', import.meta.url), 'utf8')) as { entries: GlossaryEntry[] };
    shared = buildGlossary(data.entries);
  }
  return shared;
}

/** Glossary terms named by the query: Han units matched whole, English matched as runs of consecutive words. */
export function glossaryMatches(units: Unit[], g: Glossary): GlossaryMatch[] {
  const out: GlossaryMatch[] = [];
  let i = 0;
  while (i < units.length) {
    const u = units[i]!;
    const first = u.terms[0];
    if (!first) {
      i++;
      continue;
    }
    if (first.kind === 'han') {
      const en = g.zhToEn.get(u.terms.map((t) => t.term).join(' '));
      if (en) out.push({ from: i, to: i + 1, variants: en });
      i++;
      continue;
    }
    if (u.terms.length > 1) {
      // A quoted English phrase may itself be a glossary term.
      const zh = g.enToZh.get(u.terms.map((t) => t.term).join(' '));
      if (zh) out.push({ from: i, to: i + 1, variants: zh });
      i++;
      continue;
    }
    let found = false;
    for (let len = Math.min(g.maxEnTerms, units.length - i); len >= 1 && !found; len--) {
      const span = units.slice(i, i + len);
      if (!span.every((s) => s.terms.length === 1 && s.terms[0]!.kind === 'latin' && !s.quoted)) continue;
      const zh = g.enToZh.get(span.map((s) => s.terms[0]!.term).join(' '));
      if (zh) {
        out.push({ from: i, to: i + len, variants: zh });
        i += len;
        found = true;
      }
    }
    if (!found) i++;
  }
  return out;
}
