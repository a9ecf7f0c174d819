/** Shared vocabulary of the extraction rules: one place for each word list. */

/** Nouns that make a phrase the name of a meeting (English). */
export const MEETING_NOUN_EN =
  /\b(?:meeting|conference|session|plenary|symposium|forum|congress|assembly|seminar|meetings|conferences|sessions)\b/i;
export const MEETING_NOUN_EN_SRC = '(?:Meeting|Conference|Session|Symposium|Forum|Congress|Assembly|Seminar)';

/** One specific meeting (singular): what an announcing sentence names. "Cities convened meetings" is not one. */
export const MEETING_NOUN_EN_SINGULAR = /\b(?:meeting|conference|session|plenary|symposium|forum|congress|assembly|seminar)\b(?!s)/i;

/** Chinese meeting nouns: 会议, 大会, 全会, and the many "…会" meeting kinds. */
export const ZH_MEETING_KINDS =
  '会议|大会|全会|常委会|常务会|办公会|党组会|例会|座谈会|推进会|部署会|动员会|推介会|洽谈会|签约会|务虚会|调度会|联席会|报告会|分析会|见面会|交流会|对接会|培训会|观摩会|现场会|汇报会|评议会|总结会|表彰会|通报会|研讨会|论证会|听证会|专题会|碰头会|论坛';
export const MEETING_NOUN_ZH = new RegExp(`${ZH_MEETING_KINDS}|[^\\s,，。]会(?=召开|举行|在)`);

/** Verbs that announce a meeting took place (English). */
export const HELD_EN =
  /\b(?:held|hold|holds|holding|convened|convene|convenes|opened|took place|kicked off|presided over|chaired)\b/i;
export const HELD_ZH = /召开|举行|开幕|主持召开|举办/;

/** Sentences that refer back to "the meeting" rather than announcing one. */
export const ANAPHORIC_EN = /^(?:The|This) (?:meeting|conference|session|plenary session|plenary|forum)\b/i;
export const ANAPHORIC_ZH = /^(?:会议|会上|全会|大会|本次会议)/;

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7,
  jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
export const MONTH_NAMES_SRC =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
