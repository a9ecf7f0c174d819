import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { followSearch, loadDocket } from '../../src/app.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { createSearch } from '../../src/search/index.js';
import { parseReport } from '../../src/corpus/index.js';
import { LANFENG } from './sample.js';

async function until(check: () => boolean, ms = 8000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

const cache = mkdtempSync(path.join(tmpdir(), 'docket-app-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('loadDocket', () => {
  it('loads the seeds, builds then reuses the search snapshot, and answers', async () => {
    const logs: string[] = [];
    const first = await loadDocket({ reportsDir: 'seeds', cacheDir: cache, log: (m) => logs.push(m) });
    expect(first.corpus.sections.length).toBeGreaterThanOrEqual(10);
    expect(first.service.summarize('wuxi 21st').kind).toBe('summary');
    expect((first.search as { loadInfo?: { source: string } }).loadInfo?.source).toBe('built');
    await first.close();
    const second = await loadDocket({ reportsDir: 'seeds', cacheDir: cache, log: (m) => logs.push(m) });
    expect((second.search as { loadInfo?: { source: string } }).loadInfo?.source).toBe('snapshot');
    expect(second.service.person('Wu Qingwen')).toMatchObject({ kind: 'person', results: [expect.objectContaining({ status: 'attended' })] });
    await second.close();
    expect(logs.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('logs load warnings and still serves an empty or missing folder', async () => {
    const logs: string[] = [];
    const d = await loadDocket({ reportsDir: path.join(cache, 'does-not-exist'), log: (m) => logs.push(m) });
    expect(logs.some((l) => l.includes('does-not-exist'))).toBe(true);
    expect(d.service.meetings()).toMatchObject({ kind: 'notice', code: 'no-results' });
    expect(d.service.summarize('wuxi')).toMatchObject({ kind: 'candidates', candidates: [] });
    await d.close();
  });
});

describe('loadDocket with watch', () => {
  it('answers from reports added and deleted while running', async () => {
    const dir = path.join(cache, 'live');
    cpSync('seeds', dir, { recursive: true });
    const logs: string[] = [];
    const d = await loadDocket({ reportsDir: dir, watch: true, log: (m) => logs.push(m) });
    try {
      expect(d.service.summarize('lanfeng 7th').kind).toBe('candidates');
      writeFileSync(path.join(dir, '900_lanfeng.txt'), LANFENG);
      expect(await until(() => d.service.summarize('lanfeng 7th').kind === 'summary')).toBe(true);
      const s = d.service.summarize('lanfeng 7th');
      if (s.kind === 'summary') expect(s.keyPoints[0]!.file).toBe('900_lanfeng.txt');
      expect(d.corpus.reports.some((r) => r.file === '900_lanfeng.txt')).toBe(true);
      unlinkSync(path.join(dir, '900_lanfeng.txt'));
      expect(await until(() => d.service.summarize('lanfeng 7th').kind === 'candidates')).toBe(true);
      expect(d.service.summarize('wuxi 21st').kind).toBe('summary');
    } finally {
      await d.close();
    }
  });
});

describe('followSearch', () => {
  it('keeps the corpus in step with reports swapped into the index (live updates)', async () => {
    const corpus = await loadCorpus('seeds');
    const search = createSearch(corpus);
    const current = followSearch(corpus, search);
    expect(current()).toBe(corpus);
    const wuxi = corpus.reports.find((r) => r.file.startsWith('000_'))!;
    const edited = { ...wuxi, text: wuxi.text.replace(/Zhao Jianjun/g, 'Qian Mingde'), sha256: 'edited' };
    search.replaceReport(edited, parseReport(edited));
    const after = current();
    expect(after).not.toBe(corpus);
    expect(after.sections.find((s) => s.reportId === wuxi.id)?.meeting.chair.map((c) => c.name)).toEqual(['Qian Mingde']);
    expect(current()).toBe(after);
    search.removeReport(wuxi.id);
    expect(current().reports.some((r) => r.id === wuxi.id)).toBe(false);
  });
});
