/**
 * Docket, assembled: reports folder → corpus → search index (snapshot when valid) → answer service.
 * Every transport (gateway bot, HTTP endpoint, CLI, offline console) starts from `loadDocket`.
 */
import { buildCorpus, loadCorpus } from './corpus/index.js';
import type { Corpus, MeetingSection, Report } from './corpus/types.js';
import { type DocketSearch, createSearch, loadOrBuildSearch, watchReports } from './search/index.js';
import { type AnswerDeps, createAnswerService } from './answers/index.js';
import type { AnswerService } from './answers/types.js';

export interface DocketOptions {
  reportsDir: string;
  /** Where the search snapshot lives (e.g. `.cache`); without it the index is built in memory every start. */
  cacheDir?: string;
  /** Follow the folder: reports added, changed or deleted are answered from without a restart. */
  watch?: boolean;
  /** Load warnings and live-update problems, one line each (default: stderr). */
  log?: (message: string) => void;
}

export interface Docket {
  /** The corpus as of the last live update. */
  readonly corpus: Corpus;
  search: DocketSearch;
  service: AnswerService;
  close(): Promise<void>;
}

export async function loadDocket(options: DocketOptions): Promise<Docket> {
  const log = options.log ?? ((m: string) => console.error(m));
  const initial = await loadCorpus(options.reportsDir);
  for (const w of initial.warnings) log(`warning: ${w.file}: ${w.message}`);
  const search = options.cacheDir
    ? await loadOrBuildSearch(initial, { cacheDir: options.cacheDir, onLog: log })
    : createSearch(initial);

  const current = followSearch(initial, search);
  const deps: AnswerDeps = {
    corpus: current,
    search,
    onError: (err, where) => log(`error in ${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  };
  const service = createAnswerService(deps);
  const watcher = options.watch ? watchReports(options.reportsDir, search, { onError: (message: string) => log(`live update: ${message}`) }) : null;

  return {
    get corpus() {
      return current();
    },
    search,
    service,
    async close() {
      await watcher?.close();
    },
  };
}

/** What `followSearch` reads from the index: its reports and (when offered) the sections it was given. */
export interface IndexedReports {
  reportIds(): string[];
  report(id: string): Report | undefined;
  sectionsOf?(reportId: string): MeetingSection[];
}

/**
 * The corpus that matches what the search index holds right now. Live updates swap reports (and their
 * meeting sections) inside the index; when any report or section list differs from ours, the corpus is
 * re-assembled from the index's own reports and sections — no re-parsing, and meeting ids always agree
 * with the index's. (An index without `sectionsOf` falls back to the pure `buildCorpus`.)
 */
export function followSearch(initial: Corpus, search: IndexedReports): () => Corpus {
  let corpus = initial;
  let knownReports = new Map(initial.reports.map((r) => [r.id, r] as const));
  // The index's section arrays as last seen (identity changes when a report is replaced).
  let knownSections = new Map<string, MeetingSection[]>();
  if (search.sectionsOf) for (const id of search.reportIds()) knownSections.set(id, search.sectionsOf(id));
  return () => {
    const ids = search.reportIds();
    let changed = ids.length !== knownReports.size;
    for (let i = 0; !changed && i < ids.length; i++) {
      const id = ids[i]!;
      changed = search.report(id) !== knownReports.get(id) || (!!search.sectionsOf && search.sectionsOf(id) !== knownSections.get(id));
    }
    if (!changed) return corpus;
    const reports = ids
      .map((id) => search.report(id))
      .filter((r): r is Report => r !== undefined)
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    if (search.sectionsOf) {
      knownSections = new Map(reports.map((r) => [r.id, search.sectionsOf!(r.id)] as const));
      corpus = { reports, sections: reports.flatMap((r) => knownSections.get(r.id) ?? []), warnings: corpus.warnings };
    } else {
      corpus = buildCorpus(reports, corpus.warnings);
    }
    knownReports = new Map(reports.map((r) => [r.id, r] as const));
    return corpus;
  };
}
