/**
 * The words Docket itself says in Discord (never report text), in English and Simplified Chinese.
 * Report text is never translated: it is quoted as written.
 */
import type { NoticeAnswer, PersonStatus } from '../answers/types.js';

export type UiLanguage = 'en' | 'zh';

export interface Labels {
  lang: UiLanguage;
  /** ": " in English, a full-width colon in Chinese. */
  colon: string;
  dateNotStated: string;
  placeNotStated: string;
  none: string;
  date: string;
  place: string;
  body: string;
  chair: string;
  attendees: (count: number) => string;
  documents: string;
  keyPoints: string;
  topics: string;
  meetingId: string;
  present: string;
  mentionedOnly: string;
  reporter: string;
  evidence: string;
  attendeesOf: string;
  status: Record<PersonStatus, string>;
  personTitle: (name: string) => string;
  personNotFound: (name: string) => string;
  policiesTitle: (query: string | null) => string;
  namedDocuments: string;
  mentions: string;
  searchTitle: (query: string) => string;
  meetingsTitle: string;
  filters: string;
  candidatesTitle: string;
  candidatesIntro: (query: string) => string;
  noMeeting: (query: string) => string;
  pageFooter: (page: number, pageCount: number, total: number) => string;
  more: (n: number) => string;
  previous: string;
  next: string;
  share: string;
  sharedBy: (userMention: string) => string;
  expired: string;
  internalError: string;
  noResults: string;
  notice: (n: NoticeAnswer) => string;
  language: Record<'en' | 'zh', string>;
  help: { title: string; intro: string; commands: Array<[string, string]>; privacy: string };
}

const en: Labels = {
  lang: 'en',
  colon: ': ',
  dateNotStated: 'date not stated',
  placeNotStated: 'place not stated',
  none: 'none stated',
  date: 'Date',
  place: 'Place',
  body: 'Body',
  chair: 'Chair',
  attendees: (n) => `Attendees (${n})`,
  documents: 'Documents',
  keyPoints: 'Key points',
  topics: 'Topics',
  meetingId: 'id',
  present: 'Present',
  mentionedOnly: 'Mentioned, not present',
  reporter: 'Reporter',
  evidence: 'Where the report says so',
  attendeesOf: 'Who was there',
  status: { chaired: 'chaired', attended: 'attended', mentioned: 'mentioned', reported: 'reported' },
  personTitle: (name) => `Meetings with ${name}`,
  personNotFound: (name) => `No meeting names “${name}”.`,
  policiesTitle: (q) => (q ? `Policies: ${q}` : 'Policy documents'),
  namedDocuments: 'Named documents',
  mentions: 'Mentions',
  searchTitle: (q) => `Search: ${q}`,
  meetingsTitle: 'Meetings',
  filters: 'Filters',
  candidatesTitle: 'Which meeting?',
  candidatesIntro: (q) => `Several meetings could match “${q}”. Pick one below, or run the command again with its id (autocomplete shows them too):`,
  noMeeting: (q) => `No meeting matches “${q}”. Try /meetings to list them.`,
  pageFooter: (p, n, t) => `Page ${p}/${n} · ${t} result${t === 1 ? '' : 's'}`,
  more: (n) => `… and ${n} more`,
  previous: 'Previous',
  next: 'Next',
  share: 'Share to channel',
  sharedBy: (u) => `Shared by ${u}`,
  expired: 'This page has expired. Run the command again.',
  internalError: 'Something went wrong while answering. It has been logged; please try again.',
  noResults: 'Nothing found.',
  notice: (n) => n.message,
  language: { en: 'English', zh: 'Chinese' },
  help: {
    title: 'Docket — meeting reports, quoted',
    intro:
      'Docket answers questions about government meeting reports with verbatim excerpts. Every quote cites its meeting, date and report paragraph; when a report does not say something, Docket says so.',
    commands: [
      ['/summarize meeting', 'what a meeting decided: date, chair, attendees, documents, key points'],
      ['/attendees meeting | person', 'who was there, or which meetings a person attended'],
      ['/policy query', 'named policy documents and where a topic is discussed'],
      ['/search query', 'full-text search over every report (English and Chinese)'],
      ['/meetings', 'list meetings, filtered by person, place, dates or language'],
    ],
    privacy: 'Replies are private unless you set share:true; a private result has a “Share to channel” button.',
  },
};

const noticeZh: Record<NoticeAnswer['code'], string> = {
  'empty-query': '请输入要查询的内容。',
  'query-too-long': '查询内容过长，请缩短后重试。',
  'no-results': '没有找到结果。',
  'no-meeting': '没有匹配的会议。',
  'bad-input': '输入无效，请检查后重试。',
  expired: '此页面已过期，请重新运行命令。',
  'internal-error': '回答时出错，已记录，请重试。',
};

const zh: Labels = {
  lang: 'zh',
  colon: '：',
  dateNotStated: '日期未注明',
  placeNotStated: '地点未注明',
  none: '未注明',
  date: '日期',
  place: '地点',
  body: '机构',
  chair: '主持',
  attendees: (n) => `出席（${n}）`,
  documents: '文件',
  keyPoints: '要点',
  topics: '主题',
  meetingId: '编号',
  present: '出席',
  mentionedOnly: '提及（未出席）',
  reporter: '记者',
  evidence: '报告原文',
  attendeesOf: '出席情况',
  status: { chaired: '主持', attended: '出席', mentioned: '提及', reported: '报道' },
  personTitle: (name) => `与 ${name} 有关的会议`,
  personNotFound: (name) => `没有会议提到“${name}”。`,
  policiesTitle: (q) => (q ? `政策：${q}` : '政策文件'),
  namedDocuments: '文件',
  mentions: '相关段落',
  searchTitle: (q) => `搜索：${q}`,
  meetingsTitle: '会议',
  filters: '筛选',
  candidatesTitle: '是哪一次会议？',
  candidatesIntro: (q) => `有多个会议可能匹配“${q}”。请在下方选择，或用会议编号重新运行命令（自动补全也会列出）：`,
  noMeeting: (q) => `没有会议匹配“${q}”。可用 /meetings 查看会议列表。`,
  pageFooter: (p, n, t) => `第 ${p}/${n} 页 · 共 ${t} 条`,
  more: (n) => `…… 另有 ${n} 条`,
  previous: '上一页',
  next: '下一页',
  share: '分享到频道',
  sharedBy: (u) => `由 ${u} 分享`,
  expired: '此页面已过期，请重新运行命令。',
  internalError: '回答时出错，已记录，请重试。',
  noResults: '没有找到结果。',
  notice: (n) => noticeZh[n.code] ?? n.message,
  language: { en: '英文', zh: '中文' },
  help: {
    title: 'Docket — 会议报告原文检索',
    intro: 'Docket 用报告原文回答关于政府会议报告的问题。每段引文都注明会议、日期和报告段落；报告没有写明的，Docket 会直说。',
    commands: [
      ['/summarize meeting', '会议概要：日期、主持、出席、文件、要点'],
      ['/attendees meeting | person', '谁出席了会议，或某人参加了哪些会议'],
      ['/policy query', '政策文件及某一主题在哪些会议中被讨论'],
      ['/search query', '全文搜索所有报告（中英文）'],
      ['/meetings', '按人物、地点、日期或语言列出会议'],
    ],
    privacy: '回复默认仅自己可见；设置 share:true 可公开。私密结果带有“分享到频道”按钮。',
  },
};

/** Chinese labels for Chinese locales (Discord sends `zh-CN` / `zh-TW`), English otherwise. */
export function labelsFor(locale: string | null | undefined): Labels {
  return locale && locale.toLowerCase().startsWith('zh') ? zh : en;
}
