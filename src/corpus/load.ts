/**
 * Reading report files. Every failure becomes a LoadWarning naming the file in plain words;
 * one broken file never stops the others from loading.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadWarning, Report } from './types.js';
import { findClutter } from './clean.js';

/** Largest report we read. Real reports are tens of KB; anything this big is a dump, not a report. */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024;

/** Extensions read as reports; everything else in the folder (expected JSON, images…) is ignored. */
export const REPORT_EXTENSIONS = ['.txt', '.md'] as const;

export function isReportFileName(name: string): boolean {
  if (name.startsWith('.')) return false;
  const ext = path.extname(name).toLowerCase();
  return (REPORT_EXTENSIONS as readonly string[]).includes(ext);
}

/** Stable id from the file name (never the folder): the name without its extension. */
export function reportIdFromFile(file: string): string {
  return path.basename(file).replace(/\.(txt|md)$/i, '');
}

export type DecodeResult = { ok: true; report: Report } | { ok: false; warning: LoadWarning };

/** Decode raw bytes into a Report (pure apart from hashing). */
export function reportFromBytes(file: string, bytes: Uint8Array): DecodeResult {
  const fail = (message: string): DecodeResult => ({ ok: false, warning: { file, message } });
  if (bytes.length === 0) return fail('the file is empty');
  if (bytes.length > MAX_REPORT_BYTES) {
    return fail(`the file is too large (${formatBytes(bytes.length)}; the limit is ${formatBytes(MAX_REPORT_BYTES)})`);
  }
  if (bytes.includes(0)) return fail('the file looks binary (it contains NUL bytes), not a text report');
  let text: string;
  try {
    // ignoreBOM keeps a BOM in the text so offsets still match the file; clean.ts marks it as removed.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail('the file is not valid UTF-8 text (save it as UTF-8)');
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') return fail('the file holds only blank space');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, report: { id: reportIdFromFile(file), file, text, sha256, removed: findClutter(text) } };
}

/** Read one report file; never throws. */
export async function readReport(dir: string, file: string): Promise<DecodeResult> {
  const full = path.join(dir, file);
  try {
    const info = await stat(full);
    if (info.isDirectory()) return { ok: false, warning: { file, message: 'this is a folder, not a report file' } };
    if (!info.isFile()) return { ok: false, warning: { file, message: 'this is not a regular file' } };
    if (info.size > MAX_REPORT_BYTES) {
      return {
        ok: false,
        warning: {
          file,
          message: `the file is too large (${formatBytes(info.size)}; the limit is ${formatBytes(MAX_REPORT_BYTES)})`,
        },
      };
    }
    const bytes = await readFile(full);
    return reportFromBytes(file, bytes);
  } catch (err) {
    return { ok: false, warning: { file, message: describeFsError(err) } };
  }
}

/** Reads in flight at once: parallel enough to keep the disk busy, few enough never to run out of file handles. */
export const READ_CONCURRENCY = 64;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** List report files in a folder (sorted, so ids and order are stable). */
export async function listReportFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter(isReportFileName).sort();
}

export async function readReports(dir: string): Promise<{ reports: Report[]; warnings: LoadWarning[] }> {
  let files: string[];
  try {
    files = await listReportFiles(dir);
  } catch (err) {
    const code = (err as { code?: string } | null)?.code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : describeFsError(err);
    return { reports: [], warnings: [{ file: dir, message: `cannot read the reports folder: ${why}` }] };
  }
  const results = await mapLimit(files, READ_CONCURRENCY, (f) => readReport(dir, f));
  const reports: Report[] = [];
  const warnings: LoadWarning[] = [];
  const seenIds = new Map<string, number>();
  for (const r of results) {
    if (!r.ok) {
      warnings.push(r.warning);
      continue;
    }
    // a.txt and a.md share a stem: keep both, the later one gets its extension in the id.
    const n = seenIds.get(r.report.id) ?? 0;
    seenIds.set(r.report.id, n + 1);
    if (n > 0) r.report.id = `${r.report.id}-${path.extname(r.report.file).slice(1).toLowerCase()}${n > 1 ? n : ''}`;
    reports.push(r.report);
  }
  return { reports, warnings };
}

export function describeFsError(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the file does not exist (a broken link, or it was removed while loading)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file cannot be read';
    case 'EISDIR':
      return 'this is a folder, not a report file';
    case 'ELOOP':
      return 'the file is a link that loops back on itself';
    case 'ENOTDIR':
      return 'the path is not a folder';
    default:
      return `the file cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
