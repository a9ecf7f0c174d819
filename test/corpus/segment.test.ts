import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paragraphSpans, sentenceSpans, detectLanguage } from '../../src/corpus/segment.js';
import { findClutter } from '../../src/corpus/clean.js';
import type { Language } from '../../src/corpus/types.js';

const sentences = (text: string, language: Language = 'en') =>
  sentenceSpans(text, { start: 0, end: text.length }, language).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans (English)', () => {
  it('splits on . ! ? followed by a space', () => {
    expect(sentences('The meeting was held. It lasted an hour! Was it long? Yes.')).toEqual([
      'The meeting was held.',
      'It lasted an hour!',
      'Was it long?',
      'Yes.',
    ]);
  });
  it('repairs "word.Word" joins left by machine translation', () => {
    expect(sentences('He delivered a speech.He stressed the plan.The meeting ended.')).toEqual([
      'He delivered a speech.',
      'He stressed the plan.',
      'The meeting ended.',
    ]);
  });
  it('repairs joins after closing quotes', () => {
    expect(sentences('They studied the “Plan”.The mayor spoke.')).toEqual(['They studied the “Plan”.', 'The mayor spoke.']);
  });
  it('repairs all-lowercase joins in garbled translation, but not domains or files', () => {
    expect(sentences('the mayor presided.the meeting stressed reform. see www.example.com and report.pdf today')).toEqual([
      'the mayor presided.',
      'the meeting stressed reform.',
      'see www.example.com and report.pdf today',
    ]);
  });
  it('does not split decimals, U.S., No.1, initials, URLs or titles', () => {
    const t =
      'Growth was 5.2 percent in the U.S. and No.1 Road is in https://gov.example.cn/News.Html today. J. K. Smith and Mr. Li met Dr. Wang at No. 3 Street.';
    expect(sentences(t)).toEqual([
      'Growth was 5.2 percent in the U.S. and No.1 Road is in https://gov.example.cn/News.Html today.',
      'J. K. Smith and Mr. Li met Dr. Wang at No. 3 Street.',
    ]);
  });
  it('keeps an ellipsis inside a sentence unless a capital follows', () => {
    expect(sentences('We went... and came back. Then... Nothing.')).toEqual(['We went... and came back.', 'Then...', 'Nothing.']);
  });
  it('works on a span inside a larger text, returning absolute offsets', () => {
    const text = 'XXXX First one.Second one. YYYY';
    const spans = sentenceSpans(text, { start: 5, end: 26 }, 'en');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.']);
    expect(spans[0]!.start).toBe(5);
  });
});

describe('sentenceSpans (Chinese)', () => {
  it('splits on 。！？； and keeps closing quotes', () => {
    expect(sentences('会议强调，要抓落实。要“稳增长！”大家同意吗？同意；散会……好', 'zh')).toEqual([
      '会议强调，要抓落实。',
      '要“稳增长！”',
      '大家同意吗？',
      '同意；',
      '散会……',
      '好',
    ]);
  });
});

describe('sentenceSpans properties', () => {
  it('spans are ordered, non-overlapping, trimmed and inside the input span', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom<Language>('en', 'zh'), (s, lang) => {
        const spans = sentenceSpans(s, { start: 0, end: s.length }, lang);
        let prev = 0;
        for (const sp of spans) {
          expect(sp.start).toBeGreaterThanOrEqual(prev);
          expect(sp.end).toBeGreaterThan(sp.start);
          expect(sp.end).toBeLessThanOrEqual(s.length);
          expect(s.slice(sp.start, sp.end)).toBe(s.slice(sp.start, sp.end).trim());
          prev = sp.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('paragraphSpans', () => {
  it('splits on blank lines and on heading lines, joins hard-wrapped lines', () => {
    const text = [
      'City holds meeting',
      'On May 3, the city held its 4th executive meeting to review the plan for',
      'roads and bridges across the districts.',
      '',
      'The meeting stressed safety.',
      'The meeting also heard a report.',
    ].join('\n');
    const ps = paragraphSpans(text, []);
    expect(ps.map((p) => text.slice(p.start, p.end))).toEqual([
      'City holds meeting',
      'On May 3, the city held its 4th executive meeting to review the plan for\nroads and bridges across the districts.',
      'The meeting stressed safety.',
      'The meeting also heard a report.',
    ]);
    expect(ps.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(ps[1]!.sentences).toHaveLength(1);
  });
  it('skips removed clutter lines and tags language per paragraph', () => {
    const text = '分享到:\n\n市政府召开常务会议。会议强调安全生产。\n\nThe mayor attended.\n打印此页|关闭窗口';
    const removed = findClutter(text);
    const ps = paragraphSpans(text, removed);
    expect(ps.map((p) => [text.slice(p.start, p.end), p.language])).toEqual([
      ['市政府召开常务会议。会议强调安全生产。', 'zh'],
      ['The mayor attended.', 'en'],
    ]);
    expect(ps[0]!.sentences).toHaveLength(2);
  });
  it('detects language', () => {
    expect(detectLanguage('市委常委会召开会议')).toBe('zh');
    expect(detectLanguage('The Standing Committee met (市委常委会).')).toBe('en');
  });
});

describe('findClutter', () => {
  it('takes a cut-off preview at the end as a teaser, with its title line', () => {
    const text = 'Body of the article that is long enough.\n\nOther post title here\n\nOther post title here and the start of it wh...';
    const removed = findClutter(text).map((r) => [text.slice(r.start, r.end), r.reason]);
    expect(removed).toEqual([
      ['Other post title here', 'teaser of another post'],
      ['Other post title here and the start of it wh...', 'teaser of another post'],
    ]);
  });
  it('never removes a whole one-line report that happens to end in an ellipsis', () => {
    const text = 'On May 3, the city held its 4th executive meeting. The mayor presided over the meeting and said more would follow...';
    expect(findClutter(text)).toEqual([]);
  });
  it('removes contact blocks with their heading, and Chinese page furniture', () => {
    const text = [
      '当前位置: 首页 > 新闻',
      '繁體 | English',
      '市政府召开常务会议。',
      '时间:2024-01-02 10:00|来源:本站',
      '分享到:',
      '《青阳日报》2024年01月02日A01版',
      '',
      'Investment Bureau of Some District',
      '',
      'Address: No. 1 Road',
      'Tel: 123',
      'Fax: 456',
    ].join('\n');
    const kept = findClutter(text).map((r) => r.reason);
    expect(kept).toEqual([
      'breadcrumb',
      'language switcher',
      'page meta line',
      'share buttons',
      'newspaper edition line',
      'contact block',
      'contact block',
      'contact block',
      'contact block',
    ]);
  });
});
