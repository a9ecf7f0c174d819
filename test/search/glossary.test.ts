import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultGlossary, validateGlossary } from '../../src/search/glossary.js';
import { tokenize } from '../../src/search/tokenize.js';

const data = JSON.parse(readFileSync('src/search/glossary.json', 'utf8')) as { entries: Array<{ en: string[]; zh: string[] }> };

describe('glossary.json', () => {
  it('is well formed: ≥ 150 entries, English and Chinese on the right sides, no duplicates', () => {
    expect(data.entries.length).toBeGreaterThanOrEqual(150);
    expect(validateGlossary(data)).toEqual([]);
    expect(validateGlossary({ entries: [{ en: ['营商环境'], zh: ['business'] }] }).length).toBeGreaterThan(0);
  });

  it('holds the core policy vocabulary both ways', () => {
    const g = defaultGlossary();
    const key = (s: string) => tokenize(s).join(' ');
    for (const [en, zh] of [['foreign trade', '外贸'], ['business environment', '营商环境'], ['investment promotion', '招商引资'], ['free trade zone', '自贸区']] as const) {
      expect(g.enToZh.get(key(en)), en).toContain(zh);
      expect(g.zhToEn.get(key(zh)), zh).toContain(en);
    }
    expect(g.zhToEn.get(key('自贸片区'))).toBeDefined();
  });
});
