/**
 * `npm run cli -- search "<query>" [--reports DIR] [--limit N] [--language en|zh] [--json]`: ranked verbatim
 * excerpts with meeting id, report, paragraph, offsets, score and how the hit matched (direct/glossary/pinyin).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadCorpus } from '../../corpus/index.js';
import { createSearch } from '../../search/index.js';
import { MAX_LIMIT } from '../../search/limits.js';

export const usage = `usage: npm run cli -- search "<query>" [--reports DIR] [--limit N] [--language en|zh] [--json]

Searches the reports folder (default: seeds/) and prints the best excerpts, verbatim, with their offsets.
  --reports DIR     folder of .txt/.md reports
  --limit N         at most N hits (1–${MAX_LIMIT}, default 10)
  --language en|zh  only paragraphs in this language
  --json            one JSON object: { query, problem, mode, hits: [...] }
Words are ANDed (OR when nothing matches all); "quoted phrases" must be adjacent; the last word may be a prefix.
Exit code: 0 with hits, 1 with none, 2 on bad arguments.`;

export async function run(argv: string[]): Promise<number> {
  let values: { reports?: string; limit?: string; language?: string; json?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        reports: { type: 'string' },
        limit: { type: 'string' },
        language: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (err) {
    console.error(`search: ${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
    return 2;
  }
  const query = positionals.join(' ');
  if (positionals.length === 0) {
    console.error(`search: give a query\n\n${usage}`);
    return 2;
  }
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    console.error(`search: --limit must be a whole number from 1 to ${MAX_LIMIT}\n\n${usage}`);
    return 2;
  }
  if (values.language !== undefined && values.language !== 'en' && values.language !== 'zh') {
    console.error(`search: --language must be en or zh\n\n${usage}`);
    return 2;
  }
  if (values.reports !== undefined && values.reports.trim() === '') {
    console.error(`search: --reports needs a folder\n\n${usage}`);
    return 2;
  }
  const corpus = await loadCorpus(path.resolve(values.reports ?? 'seeds'));
  for (const w of corpus.warnings) console.error(`warning: ${w.file}: ${w.message}`);
  const search = createSearch(corpus);
  const result = search.searchDetailed(query, { limit, language: values.language as 'en' | 'zh' | undefined });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ query, ...result }, null, 2)}\n`);
    return result.hits.length ? 0 : 1;
  }
  if (result.problem) {
    console.log(result.problem === 'empty-query' ? 'Nothing to search for: the query has no words.' : 'The query is too long.');
    return 1;
  }
  if (result.hits.length === 0) {
    console.log(`No paragraph matches "${query}".`);
    return 1;
  }
  if (result.mode === 'or') console.log('(no paragraph has every word; showing paragraphs with most of them)\n');
  result.hits.forEach((h, i) => {
    const via = h.matchedVia === 'direct' ? '' : ` via ${h.matchedVia}`;
    console.log(`${i + 1}. ${h.meetingId}  score ${h.score}  [${h.language}${via}]`);
    console.log(`   ${h.file} ¶${h.paragraphIndex + 1} chars ${h.excerpt.start}–${h.excerpt.end}`);
    console.log(`   ${mark(h.excerpt.text, h.excerpt.start, h.excerpt.highlights)}\n`);
  });
  return 0;
}

/** Highlights as **bold** for the terminal (offsets are absolute; the excerpt starts at `base`). */
function mark(text: string, base: number, highlights: Array<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const h of highlights) {
    out += `${text.slice(at, h.start - base)}**${text.slice(h.start - base, h.end - base)}**`;
    at = h.end - base;
  }
  return (out + text.slice(at)).replace(/\s*\n\s*/g, ' ');
}
