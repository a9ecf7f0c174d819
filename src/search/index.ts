/**
 * Docket search: ONE MiniSearch index of paragraph chunks, English and Chinese, plus entity lookups.
 *
 * Public API (the answers layer builds on these names; keep them stable):
 *   createSearch(corpus: Corpus, options?: SearchOptions): DocketSearch
 *   DocketSearch#search(query, { limit?, meetingIds?, language?, from?, to?, place? }): SearchHit[]
 *   DocketSearch#searchDetailed(query, opts): { hits, problem: 'empty-query'|'query-too-long'|null, mode }
 *   DocketSearch#findMeetings(text, limit) / findPeople(text, limit) / findPolicies(text, limit): Ranked<…>[]
 *   DocketSearch#replaceReport(report, sections) / removeReport(reportId)
 *   DocketSearch#reportText(reportId) / report(reportId) / reportIds() / sectionsOf(reportId) / chunk(id)
 *   loadOrBuildSearch(corpus, { cacheDir, onLog? }): Promise<DocketSearch> — ./snapshot.ts
 *   watchReports(dir, search, { onError?, onUpdate?, debounceMs? }): { sync(), close() } — ./live.ts
 *
 * Query semantics: every unit (word, "quoted phrase", Han run, person name) must match (AND); when nothing does,
 * OR over the units, keeping only paragraphs that satisfy at least half of them (so a nonsense word does not
 * empty a query, and a nonsense query returns nothing). Fuzzy only for Latin terms ≥ 5 chars, prefix only on the
 * last term. Phrases, Han runs of 3+ characters and person names must be adjacent in the paragraph text
 * (MiniSearch keeps no positions: checked on the paragraph's tokens). A hit must match in its paragraph's text,
 * not only in the meeting title. Cross-lingual alternatives (glossary, pinyin) are searched separately and
 * merged; each alternative's scores are scaled to its best hit, weighted (limits.ts VIA_WEIGHT), so the other
 * language surfaces next to the user's own, and `matchedVia` says which one found a hit.
 * Semantics of "typo" and "prefix": a word the index holds is taken as typed; only absent words get fuzzy
 * (Latin, ≥ 5 chars) and, when last, prefix completions (./retrieve.ts).
 *
 * Names ↔ pinyin are expanded at QUERY time, from the people the corpus names (chair, attendees, mentioned,
 * reporter): "Wu Qingwen" becomes the phrase 吴庆文 when 吴庆文 is a known person, and 吴庆文 also searches
 * "Wu Qingwen". Why not index pinyin: the paragraph text holds no pinyin, so indexed pinyin tokens could be
 * neither highlighted nor checked for adjacency in the verbatim text; and romanising every Han bigram would
 * flood the index with false names. Query-time expansion touches only real names and costs one lookup.
 *
 * Speed: queries read MiniSearch's postings directly (./retrieve.ts: rarest-term-driven AND, MaxScore top-k over
 * impact-ordered postings); MiniSearch still owns the index (add, discard, serialisation). bench/search.ts.
 */
export * from './engine.js';
export { loadOrBuildSearch, snapshotKey, saveSnapshot, type SnapshotOptions, type LoadInfo } from './snapshot.js';
export { watchReports, type WatchOptions, type ReportWatcher, type ReportChange } from './live.js';
export { tokenize, tokenSpans, type Token } from './tokenize.js';
export { buildExcerpt, type Mark } from './excerpt.js';
