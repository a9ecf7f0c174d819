/**
 * What a personal name looks like. English: romanised Chinese, a one-syllable (or known two-syllable)
 * surname and a one- or two-syllable given name, both capitalised ("Liu Hanwen"). Chinese: 2–4 Han
 * characters starting with a common surname.
 */

const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])';
const FINAL =
  '(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)';
const SYLLABLE = `(?:${INITIAL}?${FINAL})`;
const ONE = new RegExp(`^${SYLLABLE}$`);
const GIVEN = new RegExp(`^${SYLLABLE}(?:'?${SYLLABLE})?$`);

/** Two-syllable surnames. */
const COMPOUND_SURNAMES = new Set(['ouyang', 'sima', 'zhuge', 'shangguan', 'situ', 'murong', 'dongfang', 'xiahou', 'huangfu', 'linghu', 'gongsun', 'zhangsun', 'yuchi']);

/** Pinyin-shaped pairs that are places or words, not people. */
const NOT_NAMES = new Set(['hong kong', 'tai chi', 'kung fu', 'feng shui', 'ping pong', 'yin yang', 'dim sum', 'mao tai', 'wu xi', 'xi an']);

const SURNAME_WORDS_TO_SKIP = new Set(['he', 'an', 'you', 'so', 'to', 'be', 'me', 'a', 'e', 'o']);

export function pinyinSyllableCount(word: string): number {
  const w = word.toLowerCase();
  if (ONE.test(w)) return 1;
  if (GIVEN.test(w)) return 2;
  return 0;
}

const nameCache = new Map<string, boolean>();
const NAME_CACHE_MAX = 50_000;

/** "Liu Hanwen", "He Sujuan", "Ouyang Xiu". Case matters: garbled lowercase names are not accepted here. */
export function isPlausibleName(s: string): boolean {
  const hit = nameCache.get(s);
  if (hit !== undefined) return hit;
  const v = checkName(s);
  if (nameCache.size >= NAME_CACHE_MAX) nameCache.clear();
  nameCache.set(s, v);
  return v;
}

function checkName(s: string): boolean {
  if (s.length > 22) return false;
  const parts = s.split(' ');
  if (parts.length !== 2) return false;
  const [sur, given] = parts as [string, string];
  if (!/^[A-Z][a-z]+$/.test(sur) || !/^[A-Z][a-z]+$/.test(given)) return false;
  if (NOT_NAMES.has(s.toLowerCase())) return false;
  const sl = sur.toLowerCase();
  const surnameOk = ONE.test(sl) || COMPOUND_SURNAMES.has(sl);
  if (!surnameOk) return false;
  if (!GIVEN.test(given.toLowerCase())) return false;
  // "He Said", "So Far": an English word as surname needs a given name that is not an English word.
  if (SURNAME_WORDS_TO_SKIP.has(sl) && /^(?:said|says|also|was|is|will|would|has|had|can|did|made|then|the|and|long|sang|bin|fan|pin|den|din|gang|pan|man|ran|tan|van|hang|bang|sing|ding|wing|king|nun|sun|gun|bun|run|fun|tie|die|lie|pie|sue|due|hue|cue|gene|lane|kane|mine|tune|jane|zone|shine|chin|shin|tin|sin|win|bin|kin)$/i.test(given)) {
    return false;
  }
  return true;
}

/** Common single-character surnames (the few hundred that cover nearly everyone). */
const HAN_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习萧阎蔺扈晁邰鞠粟酆隗竺楚钮充荆燕冀郁邸钦弓宦暴亓厉戈茅訾逄郜';
const HAN_SURNAME_SET = new Set(HAN_SURNAMES.split(''));
const COMPOUND_HAN = ['欧阳', '司马', '诸葛', '上官', '司徒', '慕容', '东方', '夏侯', '皇甫', '令狐', '公孙', '长孙', '尉迟'];

/** Words ending in a surname-looking char that are roles or places, not names. */
const HAN_NOT_NAMES = /^(?:市长|区长|县长|书记|主任|主席|组长|部长|局长|同志|领导|会议|全市|全区|常委|委员|政府|市委|区委|县委|省委|党委|负责|有关|相关|各级|单位|部门|企业|项目|经济|工作|发展|建设|改革|开放|创新|服务|管理|安全|会上|大会|我市|本市|秘书|常务|副市|副区|副县|副书|代表|出席|参加|列席|主持|讲话|强调|指出|要求|记者|通讯|编辑)/;

export function hanSurnameLength(s: string): number {
  for (const c of COMPOUND_HAN) if (s.startsWith(c)) return 2;
  return HAN_SURNAME_SET.has(s[0] ?? '') ? 1 : 0;
}

export function isPlausibleHanName(s: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(s)) return false;
  const sl = hanSurnameLength(s);
  if (sl === 0) return false;
  if (s.length - sl < 1 || s.length - sl > 2) return false;
  if (HAN_NOT_NAMES.test(s)) return false;
  return true;
}
