import { describe, expect, it } from 'vitest';
import { dominantYear, findDate, reportDate } from '../../src/corpus/extract/date.js';
import { isPlausibleHanName, isPlausibleName } from '../../src/corpus/extract/names.js';
import { normaliseRole } from '../../src/corpus/extract/people.js';
import { buildCorpus, reportFromBytes } from '../../src/corpus/index.js';

const whole = (s: string) => ({ start: 0, end: s.length });
const date = (s: string, reportDate: string | null, year: number | null = null) =>
  findDate(s, whole(s), { reportDate, year })?.iso ?? null;

describe('dates', () => {
  it('reads English and Chinese dates, with and without a year', () => {
    expect(date('On January 5, 2024, Qingpu held a conference.', null)).toBe('2024-01-05');
    expect(date('On 12 March 2024, the forum opened.', null)).toBe('2024-03-12');
    expect(date('on february 9th, the conference was held', '2022-05-31')).toBe('2022-02-09');
    expect(date('3月28日,青阳市召开会议。', '2024-04-01')).toBe('2024-03-28');
    expect(date('2023年12月25日,全会召开。', null)).toBe('2023-12-25');
  });
  it('takes a missing year from the publication date, the year before when the day is later', () => {
    expect(date('On the morning of May 27, the meeting was held.', '2022-05-30')).toBe('2022-05-27');
    expect(date('On December 28, the meeting was held.', '2024-01-05')).toBe('2023-12-28');
  });
  it('falls back to the year the report uses most, and to null when there is none', () => {
    expect(date('On April 26, the mayor presided.', null, 2023)).toBe('2023-04-26');
    expect(date('On April 26, the mayor presided.', null, null)).toBeNull();
  });
  it('resolves yesterday / 昨天 against the publication date, never without one', () => {
    expect(date('昨天,会议召开。', '2022-06-22')).toBe('2022-06-21');
    expect(date('Yesterday afternoon, the county held a symposium.', '2024-03-01')).toBe('2024-02-29');
    expect(date('Yesterday, the county held a symposium.', null)).toBeNull();
  });
  it('reads "the first day of 2024" and nothing from "at the end of 2023"', () => {
    expect(date('On the first day of 2024, the meeting was held.', null)).toBe('2024-01-01');
    expect(date('Shenzhen will hold the session at the end of 2023.', '2024-01-17')).toBeNull();
    expect(date('At the 2024 District Conference, the order was issued.', '2024-01-17')).toBeNull();
  });
  it('does not take "may" the verb for a month', () => {
    expect(date('the city may 5 times revise it', '2024-01-17')).toBeNull();
  });
  it('finds the publication date in meta lines and the year the text uses most', () => {
    expect(reportDate('x\n时间:2022-06-22 10:29|来源:|浏览量:\ny')?.iso).toBe('2022-06-22');
    expect(reportDate('Release date: 2022-05-30 09:03')?.iso).toBe('2022-05-30');
    expect(reportDate('Wednesday, January 24, 2024\n\n2024-01-17 17:52 Published in Guangdong')?.iso).toBe('2024-01-17');
    expect(reportDate('《苏州日报》2022年06月22日A01版')?.iso).toBe('2022-06-22');
    expect(reportDate('No date here.')).toBeNull();
    expect(dominantYear('Plan 2023; in 2023; (2023-2025)')).toBe(2023);
  });
});

describe('names and roles', () => {
  it('accepts romanised Chinese names and rejects words and places', () => {
    for (const n of ['Zhao Jianjun', 'He Ping', 'Li Ying', 'Wang Xi', 'Ouyang Ming', 'Cui Rongguo']) expect(isPlausibleName(n), n).toBe(true);
    for (const n of ['Wuxi City', 'He Said', 'Hong Kong', 'Bazhong Lingang', 'he ping', 'Taihu Lake', 'Municipal Party', 'Xi']) {
      expect(isPlausibleName(n), n).toBe(false);
    }
  });
  it('accepts 2–4 Han character names with a surname, not roles', () => {
    for (const n of ['曹路宝', '沈觅', '欧阳明']) expect(isPlausibleHanName(n), n).toBe(true);
    for (const n of ['市长', '领导小组', '会议', '各县级市']) expect(isPlausibleHanName(n), n).toBe(false);
  });
  it('normalises roles: capitalised, singular, canonical for lowercase machine translation', () => {
    expect(normaliseRole('director of the Standing Committee')).toBe('Director of the Standing Committee');
    expect(normaliseRole('Vice Mayors')).toBe('Vice Mayor');
    expect(normaliseRole('City leaders')).toBe('City leader');
    expect(normaliseRole('party secretary')).toBe('Secretary of the Municipal Party Committee');
    expect(normaliseRole('county magistrate')).toBe('County Magistrate');
    expect(normaliseRole('Secretary General of CPC Municipal Committee')).toBe('Secretary General of the CPC Municipal Committee');
    expect(normaliseRole('Mayor of the Municipal Government')).toBe('Mayor');
  });
});

describe('a small report end to end', () => {
  const parse = (text: string) => {
    const r = reportFromBytes('t.txt', Buffer.from(text));
    if (!r.ok) throw new Error(r.warning.message);
    return buildCorpus([r.report]);
  };
  it('a quoted leader is mentioned, never an attendee; slogans are not policies', () => {
    const c = parse(
      'City holds executive meeting\n\nOn May 3, 2024, Mayor Li Wei presided over the 4th executive meeting of the municipal government. ' +
        'The meeting studied General Secretary Xi Jinping’s important instructions and the “Three Firsts” campaign, ' +
        'and reviewed the “Several Measures on Supporting Small Enterprises”.',
    );
    const m = c.sections[0]!.meeting;
    expect(m.attendees.map((a) => a.name)).toEqual(['Li Wei']);
    expect(m.mentioned).toEqual(['Xi Jinping']);
    expect(m.policies).toEqual([{ title: 'Several Measures on Supporting Small Enterprises', action: 'reviewed' }]);
    expect(m.date).toBe('2024-05-03');
  });
  it('a report with no date gives a null date, not an invented one', () => {
    const c = parse('The county held a meeting on safety. The county head presided over the meeting.');
    expect(c.sections[0]!.meeting.date).toBeNull();
  });
});

describe('more ways of saying who was there', () => {
  const meeting = (text: string) => {
    const r = reportFromBytes('t.txt', Buffer.from(text));
    if (!r.ok) throw new Error(r.warning.message);
    return buildCorpus([r.report]).sections[0]!.meeting;
  };
  it('"The meeting was presided over by …", "Also present were …"', () => {
    const m = meeting(
      'Municipal government holds executive meeting\n\nOn June 3, 2024, the 12th executive meeting of the municipal government was held. ' +
        'The meeting was presided over by Mayor Li Wei. Also present were Vice Mayors Zhang Min and Chen Jie.',
    );
    expect(m.chair).toEqual([{ name: 'Li Wei', role: 'Mayor' }]);
    expect(m.attendees.map((a) => [a.name, a.role])).toEqual([
      ['Li Wei', 'Mayor'],
      ['Zhang Min', 'Vice Mayor'],
      ['Chen Jie', 'Vice Mayor'],
    ]);
  });
  it('会议由…主持, …等出席会议', () => {
    const m = meeting('市政府召开安全生产工作会议\n\n6月3日,市政府召开安全生产工作会议。会议由市长孙立新主持。市领导钱卫东、韩雪梅等出席会议。');
    expect(m.chair).toEqual([{ name: '孙立新', role: '市长' }]);
    expect(m.attendees.map((a) => a.name)).toEqual(['孙立新', '钱卫东', '韩雪梅']);
    expect(m.date).toBeNull(); // no year anywhere in the text
  });
});

describe('Markdown reports', () => {
  it('reads a .md report: heading marks are not part of the title, bold meta lines are clutter', async () => {
    const text =
      '# The county government held its 7th executive meeting\n\n**Source:** Lanshan County Government\n\n' +
      'On May 20, 2024, County Magistrate He Yuting presided over the 7th executive meeting of the county government.';
    const r = reportFromBytes('a.md', Buffer.from(text));
    if (!r.ok) throw new Error(r.warning.message);
    expect(r.report.removed.map((x) => x.reason)).toEqual(['source line']);
    const m = buildCorpus([r.report]).sections[0]!.meeting;
    expect(m.title).toBe('The county government held its 7th executive meeting');
    expect(m.chair).toEqual([{ name: 'He Yuting', role: 'County Magistrate' }]);
    expect(m.body).toBe('Lanshan County Government');
    const ev = m.evidence.find((e) => e.field === 'title')!;
    expect(text.slice(ev.start, ev.end)).toBe(ev.excerpt);
  });
});

describe('splitting', () => {
  const sections = (text: string) => {
    const r = reportFromBytes('t.txt', Buffer.from(text));
    if (!r.ok) throw new Error(r.warning.message);
    return buildCorpus([r.report]).sections;
  };
  it('a single report with sub-headings and "At the meeting, …" stays one meeting', () => {
    const s = sections(
      [
        'City holds executive meeting',
        'On May 3, 2024, Mayor Li Wei presided over the 4th executive meeting of the municipal government.',
        'Meeting requirements',
        'At the meeting, the mayor asked all departments to act quickly and report weekly.',
        'Next steps',
        'The meeting was held to review flood preparations, and the city will hold a drill next week.',
      ].join('\n\n'),
    );
    expect(s).toHaveLength(1);
    expect(s[0]!.paragraphs).toHaveLength(6);
  });
  it('a roundup splits at place headings and at announcing paragraphs, dropping its intro', () => {
    const s = sections(
      [
        'Roundup of the week',
        'Several cities convened meetings this week. Here is a summary.',
        'Qiaolin City',
        'On March 4, 2024, Qiaolin City held the Spring Work Conference. Mayor Yan Shuhong presided over the meeting.',
        'Songhe District',
        'On March 5, 2024, Songhe District held the Safety Work Conference. District Mayor Tan Yijun attended the meeting.',
      ].join('\n\n'),
    );
    expect(s.map((x) => x.meeting.title)).toEqual([
      'Qiaolin City Spring Work Conference',
      'Songhe District Safety Work Conference',
    ]);
    expect(s.map((x) => x.meeting.place)).toEqual(['Qiaolin', 'Songhe District']);
  });
});

describe('reporter', () => {
  const reporter = (tail: string) => {
    const text = `市政府召开常务会议\n\n5月8日,市长孙立新主持召开市政府常务会议。\n\n${tail}`;
    const r = reportFromBytes('t.txt', Buffer.from(text));
    if (!r.ok) throw new Error(r.warning.message);
    return buildCorpus([r.report]).sections[0]!.meeting.reporter;
  };
  it.each([
    ['记者 田甜', '田甜'],
    ['(记者 罗晓燕)', '罗晓燕'],
    ['记者田甜报道', '田甜'],
    ['通讯员 王芳 记者 田甜', '田甜'],
    ['(Reporter Zhong Lan)', 'Zhong Lan'],
    ['Reporter: Zhou Ruiqi  Editor: Lin Bo', 'Zhou Ruiqi'],
    ['会议要求各部门抓好落实。', null],
  ])('%s → %s', (tail, name) => {
    expect(reporter(tail)).toBe(name);
  });
});

describe('who is only mentioned', () => {
  const meeting = (body: string) => {
    const r = reportFromBytes('t.txt', Buffer.from(`City holds executive meeting\n\nOn May 3, 2024, Mayor Li Wei presided over the executive meeting of the municipal government. ${body}`));
    if (!r.ok) throw new Error(r.warning.message);
    return buildCorpus([r.report]).sections[0]!.meeting;
  };
  it('a leader quoted by title is mentioned; a court president who attends is an attendee', () => {
    const m = meeting(
      'General Secretary Xi Jinping pointed out that development is the top priority. President of the Intermediate People’s Court Zhou Bin attended the meeting.',
    );
    expect(m.mentioned).toEqual(['Xi Jinping']);
    expect(m.attendees.map((a) => a.name)).toEqual(['Li Wei', 'Zhou Bin']);
  });
  it('someone appointed or quoted without being placed at the meeting is mentioned', () => {
    const m = meeting('The meeting decided to appoint Han Lu as director of the Municipal Bureau of Justice.');
    expect(m.mentioned).toEqual(['Han Lu']);
    expect(m.attendees.map((a) => a.name)).toEqual(['Li Wei']);
  });
});

describe('lists that mix groups and people', () => {
  const meeting = (text: string) => {
    const r = reportFromBytes('t.txt', Buffer.from(text));
    if (!r.ok) throw new Error(r.warning.message);
    return buildCorpus([r.report]).sections[0]!.meeting;
  };
  it('"Members of the Standing Committee … and Vice Mayor A attended": A is Vice Mayor', () => {
    const m = meeting(
      'Municipal Party Committee held Standing Committee (expanded) meeting to study flood prevention\n\n' +
        'On July 2, 2024, Feng Yuqing, Secretary of the Municipal Party Committee, presided over an expanded meeting of the Standing Committee of the Municipal Party Committee in Taoling. ' +
        'Members of the Standing Committee of the Municipal Party Committee and Vice Mayor Zhu Lin attended the meeting.',
    );
    expect(m.attendees).toEqual([
      { name: 'Feng Yuqing', role: 'Secretary of the Municipal Party Committee' },
      { name: 'Zhu Lin', role: 'Vice Mayor' },
    ]);
    expect(m.body).toBe('Taoling Municipal Party Committee Standing Committee');
  });
  it('县委书记钱志远推介…并致辞: an office and a name opening a longer clause; no body from a venue', () => {
    const m = meeting(
      '2024松河(上海)招商推介会成功举办\n\n6月13日,2024松河(上海)招商推介会在上海举行。县委书记钱志远推介松河投资环境并致辞,上海市松河商会会长林涛致辞。县委副书记、县长吴婷主持推介会。',
    );
    expect(m.attendees.map((a) => [a.name, a.role])).toEqual([
      ['钱志远', '县委书记'],
      ['林涛', '上海市松河商会会长'],
      ['吴婷', '县委副书记、县长'],
    ]);
    expect(m.chair.map((c) => c.name)).toEqual(['吴婷']);
    expect(m.body).toBeNull();
  });
});
