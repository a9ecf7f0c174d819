/**
 * Docket, assembled: reports folder → corpus → search index (snapshot when valid) → answer service.
 * Every transport (gateway bot, HTTP endpoint, CLI, offline console) starts from `loadDocket`.
 */
import { buildCorpus, loadCorpus } from './corpus/index.js';
import type { Corpus } from './corpus/types.js';
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

/** The search layer's folder watcher, as app.ts calls it (the signature its brief fixes). */
type Watch = (dir: string, search: DocketSearch, options: { onError?: (message: string) => void }) => { close(): void | Promise<void> };
const watch = watchReports as Watch;

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
  const watcher = options.watch ? watch(options.reportsDir, search, { onError: (message: string) => log(`live update: ${message}`) }) : null;

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

/**
 * The corpus that matches what the search index holds right now. Live updates swap reports inside the
 * index; when its set of report objects differs from ours, the corpus is rebuilt from the index's reports
 * (the same pure `buildCorpus` the index was fed from, so meeting ids agree).
 */
export function followSearch(initial: Corpus, search: Pick<DocketSearch, 'reportIds' | 'report'>): () => Corpus {
  let corpus = initial;
  let known = new Map(initial.reports.map((r) => [r.id, r] as const));
  return () => {
    const ids = search.reportIds();
    let changed = ids.length !== known.size;
    for (let i = 0; !changed && i < ids.length; i++) changed = search.report(ids[i]!) !== known.get(ids[i]!);
    if (!changed) return corpus;
    const reports = ids.map((id) => search.report(id)).filter((r) => r !== undefined);
    corpus = buildCorpus(reports, corpus.warnings);
    known = new Map(reports.map((r) => [r.id, r] as const));
    return corpus;
  };
}
