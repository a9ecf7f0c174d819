/**
 * Live updates: watch the reports folder and keep the index in step without a restart.
 *
 * Any fs.watch event schedules one debounced rescan of the folder (events are unreliable about names and come
 * in bursts, so we compare instead of trusting them): files whose size/mtime changed are re-read; a new sha256
 * means the report changed. The corpus is rebuilt with the corpus layer's own `buildCorpus` over every current
 * report — the same function the app uses, so meeting ids (unique corpus-wide) agree — and only reports whose
 * text or sections changed are swapped in the index (`replaceReport` = discard + add of its chunks and entities).
 * A file that cannot be read or decoded leaves its previous version serving, and `onError` says why.
 * Cost: the rebuild re-parses every report (fine for thousands of reports; see the report for figures).
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { buildCorpus } from '../corpus/index.js';
import { listReportFiles, readReport } from '../corpus/load.js';
import type { MeetingSection, Report } from '../corpus/types.js';
import type { DocketSearch } from './engine.js';

export interface ReportChange {
  kind: 'added' | 'changed' | 'removed';
  file: string;
  reportId: string;
}

export interface WatchOptions {
  /** Problems in plain words: unreadable/broken files (previous version kept), watcher errors. */
  onError?: (message: string) => void;
  /** Called after changes were applied to the index. */
  onUpdate?: (changes: ReportChange[]) => void;
  /** Quiet time after the last event before rescanning (default 150 ms). */
  debounceMs?: number;
}

export interface ReportWatcher {
  /** Rescan now and apply changes (what the debounced watcher calls; tests may call it directly). */
  sync(): Promise<ReportChange[]>;
  close(): Promise<void>;
}

const DEFAULT_DEBOUNCE_MS = 150;

function fingerprint(sections: MeetingSection[]): string {
  return sections
    .map((s) => `${s.meeting.id}|${s.meeting.title}|${s.meeting.date}|${s.meeting.place}|${s.paragraphs.map((p) => `${p.index}:${p.start}-${p.end}`).join(',')}`)
    .join('\n');
}

export function watchReports(dir: string, search: DocketSearch, options: WatchOptions = {}): ReportWatcher {
  const onError = options.onError ?? ((m: string) => console.error(m));
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  /** file → "size:mtime" of the version we last read (or failed to read). */
  const stamps = new Map<string, string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<ReportChange[]> | null = null;
  let again = false;
  let closed = false;

  async function rescan(): Promise<ReportChange[]> {
    let files: string[];
    try {
      files = await listReportFiles(dir);
    } catch (err) {
      onError(`cannot read the reports folder ${dir}: ${(err as Error).message}; the index keeps serving`);
      return [];
    }
    const indexed = new Map<string, Report>();
    for (const id of search.reportIds()) {
      const r = search.report(id);
      if (r) indexed.set(r.file, r);
    }
    const next = new Map<string, Report>(indexed);
    const listed = new Set(files);
    for (const file of files) {
      let stamp: string;
      try {
        const info = await stat(path.join(dir, file));
        stamp = `${info.size}:${info.mtimeMs}`;
      } catch {
        stamp = 'unreadable';
      }
      if (stamps.get(file) === stamp && indexed.has(file)) continue;
      const res = await readReport(dir, file);
      if (!res.ok) {
        if (stamps.get(file) !== stamp) {
          const kept = indexed.has(file) ? '; the previous version stays searchable' : '; not indexed';
          onError(`${file}: ${res.warning.message}${kept}`);
        }
        stamps.set(file, stamp);
        continue;
      }
      stamps.set(file, stamp);
      const old = indexed.get(file);
      if (!old || old.sha256 !== res.report.sha256) next.set(file, res.report);
    }
    for (const file of indexed.keys()) if (!listed.has(file)) next.delete(file);
    for (const file of stamps.keys()) if (!listed.has(file)) stamps.delete(file);

    const changedFiles = [...next.keys()].filter((f) => next.get(f) !== indexed.get(f));
    const removed = [...indexed.keys()].filter((f) => !next.has(f));
    if (changedFiles.length === 0 && removed.length === 0) return [];

    const corpus = buildCorpus([...next.values()]);
    const byReport = new Map<string, MeetingSection[]>();
    for (const s of corpus.sections) byReport.set(s.reportId, [...(byReport.get(s.reportId) ?? []), s]);
    for (const w of corpus.warnings) if (changedFiles.includes(w.file)) onError(`${w.file}: ${w.message}`);

    const changes: ReportChange[] = [];
    for (const file of removed) {
      const r = indexed.get(file)!;
      search.removeReport(r.id);
      changes.push({ kind: 'removed', file, reportId: r.id });
    }
    for (const r of corpus.reports) {
      const sections = byReport.get(r.id) ?? [];
      const old = indexed.get(r.file);
      const isNew = old !== r;
      // Unchanged reports are swapped too when buildCorpus renumbered their meeting ids (collisions).
      if (!isNew && fingerprint(search.sectionsOf(r.id)) === fingerprint(sections)) continue;
      if (old && old.id !== r.id) search.removeReport(old.id);
      search.replaceReport(r, sections);
      if (isNew) changes.push({ kind: old ? 'changed' : 'added', file: r.file, reportId: r.id });
    }
    if (changes.length) options.onUpdate?.(changes);
    return changes;
  }

  function sync(): Promise<ReportChange[]> {
    if (running) {
      again = true;
      return running;
    }
    running = rescan()
      .catch((err: unknown) => {
        onError(`live update failed: ${err instanceof Error ? err.message : String(err)}; the index keeps serving`);
        return [] as ReportChange[];
      })
      .finally(() => {
        running = null;
        if (again && !closed) {
          again = false;
          void sync();
        }
      });
    return running;
  }

  // Seed the stamps so the first event does not re-read every file.
  const initial = (async () => {
    try {
      for (const file of await listReportFiles(dir)) {
        const info = await stat(path.join(dir, file)).catch(() => null);
        if (info) stamps.set(file, `${info.size}:${info.mtimeMs}`);
      }
    } catch {
      /* reported by the first rescan */
    }
  })();

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, () => {
      if (closed) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void initial.then(sync);
      }, debounceMs);
    });
    watcher.on('error', (err) => onError(`watching ${dir} failed: ${err.message}`));
  } catch (err) {
    onError(`cannot watch ${dir}: ${(err as Error).message}; live updates are off`);
  }

  return {
    async sync() {
      await initial;
      return sync();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
      await running;
    },
  };
}
