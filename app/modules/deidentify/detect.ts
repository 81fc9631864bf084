// De-identification: finds identifiers in Japanese and English free text (../shared/domain.md "Anonymisation").
// What counts as identifying follows 個人情報の保護に関する法律 第2条第1項 (information that identifies a person,
// including by easy collation with other information) and 第2条第3項 (要配慮個人情報: a medical history is one), as
// applied to hospitals by 「医療・介護関係事業者における個人情報の適切な取扱いのためのガイダンス」 (個人情報保護委員会・
// 厚生労働省): names, exact dates, IDs, contact details and other hospitals' names are removed before sharing; room
// and bed numbers narrow a case down with the ward and month (quasi-identifiers), so they are a warning.
// Pure and client-safe (no Node APIs): the editor may run it in the browser, the server runs it before publishing.
//
// How it works: the text is NFKC-normalised one code point at a time (full-width digits and letters become ASCII,
// half-width katakana become full-width), with a map from every normalised index back to the original, so the
// patterns below only need ASCII digits while offsets always point into the text the author typed.
// Each detector proposes candidates; overlaps are resolved in favour of `block`, then the longer span.
import { PREFECTURES } from '#app/modules/members/labels.ts'
import {
  BARE_SURNAME,
  DASH,
  ABBREVIATION_NOT_NAMES,
  CARE_FACILITY_TYPES,
  CARE_NOT_NAMES,
  ENGLISH_NOT_NAMES,
  FACILITY_SUFFIXES,
  GENERIC_FACILITY,
  HAN,
  HIRAGANA_NOT_NAMES,
  HONORIFICS,
  INSTITUTION_WORDS,
  KATA,
  KATAKANA_NOT_NAMES,
  LATIN_ROLES,
  LEADING_FACILITY_WORDS,
  NOT_NAMES,
  NOT_NAME_ENDINGS,
  PLACEHOLDER,
  ROLE_PREFIX,
  ROLE_WORDS,
  ROMAJI_SURNAMES,
  STAFF_ABBREVIATIONS,
  STAFF_TITLES,
  SURNAME_ENDINGS_LIKE_ROLES,
  TEAMS_AND_UNITS,
  WARD_ACTIONS,
  isCommonSurname,
  startsWithCommonSurname,
} from './vocabulary.ts'

export type FindingType =
  | 'person-name'
  | 'patient-id'
  | 'date'
  | 'birth-date'
  | 'age-over-89'
  | 'phone'
  | 'email'
  | 'postal-code'
  | 'address'
  | 'insurance-number'
  | 'facility-name'
  | 'room-number'

export type Finding = {
  type: FindingType
  /** UTF-16 index into the original text, inclusive. */
  start: number
  /** UTF-16 index into the original text, exclusive. */
  end: number
  text: string
  severity: 'block' | 'warn'
  /** What one-click masking puts in place of `text`. */
  replacement: string
}

export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  'person-name': '氏名',
  'patient-id': '患者ID',
  date: '日付',
  'birth-date': '生年月日',
  'age-over-89': '90歳以上の年齢',
  phone: '電話番号',
  email: 'メールアドレス',
  'postal-code': '郵便番号',
  address: '住所',
  'insurance-number': '保険証番号',
  'facility-name': '施設名',
  'room-number': '病室・ベッド番号',
}

/** Texts longer than this are refused by the API; the detector itself has no limit. */
export const MAX_TEXT_LENGTH = 100_000

type Candidate = { type: FindingType; start: number; end: number; severity: 'block' | 'warn'; replacement: string }

// ---------------------------------------------------------------------------------------------------------------
// Normalisation with an offset map

type Normalised = { text: string; startOf: number[]; endOf: number[] }

function normalise(original: string): Normalised {
  let text = ''
  const startOf: number[] = []
  const endOf: number[] = []
  let index = 0
  for (const char of original) {
    const mapped = char.normalize('NFKC')
    // A separate voiced mark (half-width ﾀﾞ becomes タ + U+3099) is composed with the character before it (ダ).
    if (/^\p{M}$/u.test(mapped) && text.length > 0) {
      const composed = (text.slice(-1) + mapped).normalize('NFKC')
      if (composed.length === 1) {
        text = text.slice(0, -1) + composed
        endOf[endOf.length - 1] = index + char.length
        index += char.length
        continue
      }
    }
    // NFKC may expand one character into several (㍻ → 平成); each piece maps back to the whole character.
    for (let i = 0; i < mapped.length; i++) {
      startOf.push(index)
      endOf.push(index + char.length)
    }
    text += mapped
    index += char.length
  }
  return { text, startOf, endOf }
}

// ---------------------------------------------------------------------------------------------------------------
// Detectors. Each works on the normalised text and pushes candidates with normalised offsets.

type Push = (candidate: Candidate) => void

function* matches(text: string, pattern: RegExp) {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
  for (const match of text.matchAll(global)) yield match
}

/** Offset of capture group `group` within the whole text (needs the `d` flag). */
function groupSpan(match: RegExpMatchArray, group: number): [number, number] {
  const indices = (match as RegExpMatchArray & { indices?: Array<[number, number] | undefined> }).indices?.[group]
  if (!indices) throw new Error(`group ${group} did not take part in the match`)
  return indices
}

const digitCount = (value: string) => value.replace(/\D/g, '').length

function detectEmails(text: string, push: Push) {
  // Bounded and anchored at the start of a token, so a long run without @ costs linear time, not quadratic.
  const email = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/u
  for (const match of matches(text, email)) {
    push({ type: 'email', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
}

function detectPhones(text: string, push: Push) {
  const sep = `[\\s${DASH}ー]`
  // Japanese: 052-744-2000, (052)744-2000, 090-1234-5678, 0120 123 456, +81-52-744-2000, +81 90 1234 5678.
  const japanese = new RegExp(
    `(?<![\\d${DASH}./])(?:\\+81${sep}?(?:\\(0\\))?\\d{1,4}|\\(0\\d{1,4}\\)|0\\d{1,4})(?:${sep}{1,2}|\\)|(?<=\\))${sep}?)\\d{1,4}${sep}{1,2}\\d{3,4}(?![\\d${DASH}./])`,
    'u',
  )
  for (const match of matches(text, japanese)) {
    const digits = digitCount(match[0])
    const ok = match[0].startsWith('+') ? digits >= 11 && digits <= 13 : digits >= 10 && digits <= 11
    if (ok) push({ type: 'phone', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  // The area code outside and the exchange inside brackets, without a label: 03(1234)5678, 052(744)2609.
  for (const match of matches(text, /(?<![\d(])0\d{1,4}\s?\(\d{1,4}\)\s?\d{3,4}(?![\d)])/u)) {
    const digits = digitCount(match[0])
    if (digits >= 10 && digits <= 11) push({ type: 'phone', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  // North American style: (555) 123-4567, 555-123-4567.
  for (const match of matches(text, /(?<![\d-])(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-.]\d{4}(?![\d-])/u)) {
    push({ type: 'phone', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  // Mobile numbers without separators: 09012345678.
  for (const match of matches(text, /(?<!\d)0[5789]0\d{8}(?!\d)/u)) {
    push({ type: 'phone', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  // After a label: 電話 0527442000, TEL: 744-2000, 内線 1234 (short extensions only warn: they identify a desk, not a person).
  const labelled = new RegExp(
    `(?:電話番号|電話|携帯番号|携帯|連絡先|TEL|Tel|tel|Phone|phone|PHS|内線|FAX|Fax|fax)\\s*(?:は|番号)?\\s*[:：]?\\s*(\\+?(?:\\(\\d{1,5}\\)|\\d)[\\d()${DASH}\\s]{1,16}\\d)`,
    'du',
  )
  for (const match of matches(text, labelled)) {
    const [start, end] = groupSpan(match, 1)
    const digits = digitCount(match[1] ?? '')
    if (digits < 3) continue
    push({ type: 'phone', start, end, severity: digits >= 9 ? 'block' : 'warn', replacement: '○○' })
  }
}

const PREFECTURE_PATTERN = PREFECTURES.join('|')

function detectPostalCodes(text: string, push: Push) {
  for (const match of matches(text, new RegExp(`〒\\s?\\d{3}\\s?[${DASH}ー]?\\s?\\d{4}(?!\\d)`, 'u'))) {
    push({ type: 'postal-code', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '〒○○○-○○○○' })
  }
  const labelled = new RegExp(`(?:郵便番号|[Zz]ip(?: code)?|[Pp]ostal code)\\s*(?:欄に|欄|は|が|を|の|に|も)?\\s*[:：]?\\s*[〒「]?\\s*(\\d{3}\\s?[${DASH}ー]?\\s?\\d{4})(?!\\d)`, 'du')
  for (const match of matches(text, labelled)) {
    const [start, end] = groupSpan(match, 1)
    push({ type: 'postal-code', start, end, severity: 'block', replacement: '○○○-○○○○' })
  }
  // 466-8560 愛知県名古屋市…: a postal code without 〒 written where an address begins.
  const beforeAddress = new RegExp(`(?<![\\d${DASH}])\\d{3}[${DASH}ー]\\d{4}(?![\\d${DASH}])(?=\\s?(?:${PREFECTURE_PATTERN}|[${HAN}]{1,5}[市郡]))`, 'u')
  for (const match of matches(text, beforeAddress)) {
    push({ type: 'postal-code', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○○-○○○○' })
  }
}

function detectAddresses(text: string, push: Push) {
  // 愛知県名古屋市昭和区鶴舞町65 / 名古屋市中区栄3丁目1-1 / 東京都新宿区西新宿2-8-1: a prefecture or a city,
  // then a district, ending in a street number. A city alone (名古屋市在住) is not an identifier.
  const place = `[${HAN}${KATA}]`
  // A kanji numeral is a street number only before a marker (三丁目, 十二番五号), so 三の丸 stays a district name.
  // 北1条西2丁目 (Sapporo) and 42番地の1 are street numbers too.
  const kanjiNumber = '[一二三四五六七八九十]{1,3}(?=丁目|番|号|条)'
  const number = `(?:\\d{1,4}|${kanjiNumber})`
  const street = `${number}(?:(?:丁目|番地|番|号|条)(?:[東西南北]?${number})?|[${DASH}ー]\\d{1,4}|(?<=番地)の\\d{1,4}){0,5}`
  const japanese = new RegExp(
    `(?:(${PREFECTURE_PATTERN})\\s?)?(?:(${place}{1,6}?[市郡])\\s?)?(?:(${place}{1,5}?[区町村])\\s?)?([${HAN}${KATA}の]{0,8}?)\\s?(${street})(?=[\\s、。,，)）]|$|[^\\d${DASH}])`,
    'du',
  )
  for (const match of matches(text, japanese)) {
    const prefecture = match[1]
    const city = match[2]
    const numbers = match[5] ?? ''
    if (!city && !match[3]) continue
    // Without a prefecture or a city, a ward or town (昭和区鶴舞町1-1, 中区栄3-1-1, 鶴舞町65番地) needs a full street number.
    if (!prefecture && !city && !/[-‐‑‒–—―−ー]\d|丁目|番地/u.test(numbers)) continue
    // A bare number must be followed by a street marker or stand at the end of the address.
    const hasStreetMarker = /丁目|番|号|条|[-‐‑‒–—―−ー]\d/u.test(numbers)
    const following = text.slice(match.index + match[0].length, match.index + match[0].length + 1)
    // Only の may stand in the street part (丸の内); other hiragana would be a clause (都市部で3-4名), and the
    // pattern above does not allow it. A unit after the number is not a street number either.
    if (/^[名人件回日時分歳才錠枚本個床%]/u.test(following)) continue
    if (!hasStreetMarker) {
      // 鶴舞町65 needs a street name without particles before it and nothing like a unit after it (市内で3回).
      if (!/^(?:[\s、。,，)）」』]|$|[かにのでへをはがまと])/u.test(following)) continue
      if (!match[4] || /\p{Script=Hiragana}/u.test(match[4].replace(/の/gu, ''))) continue
    }
    push({
      type: 'address',
      start: match.index,
      end: match.index + match[0].length,
      severity: 'block',
      replacement: prefecture ? `${prefecture}○○` : '○○',
    })
  }
  // A district and a full street number without a city, where the words around say it is where someone lives:
  // 〒460-0001 三の丸1-2-3, 自宅（栄3-1-1）, 今池5-1-2在住, 栄3丁目2番のマンションに独居.
  const fullStreet = `${number}(?:丁目|番地)(?:${number}(?:番地?|号)?)*(?:[${DASH}ー]\\d{1,4})*|\\d{1,4}(?:[${DASH}ー]\\d{1,4}){1,3}(?:号)?`
  const inContext = new RegExp(
    `(?<=(?:住所|自宅|現住所|居住地|転居先|〒\\s?\\d{3}[${DASH}ー]?\\d{4})\\s*(?:は|:|：|[(（])?\\s*)([${HAN}${KATA}の]{1,8}?)\\s?(${fullStreet})(?![\\d${DASH}])` +
      `|([${HAN}${KATA}][${HAN}${KATA}の]{0,7}?)\\s?(${fullStreet})(?=\\s?(?:に住|に在住|在住|に居住|のマンション|のアパート|の団地|の自宅|の実家|に転居|で独居|に独居|の住居))` +
      // 昭和区鶴舞町65に住む, 瑞穂区瑞穂町字川澄1の自宅: a lone number after a ward, town or 字, where someone lives.
      `|([${HAN}${KATA}]{1,6}[区町村字][${HAN}${KATA}の]{0,8}?)\\s?(\\d{1,4})(?![\\d${DASH}])(?=\\s?(?:に住|に在住|在住|に居住|のマンション|のアパート|の団地|の自宅|の実家|に転居|で独居|に独居|の住居))`,
    'du',
  )
  for (const match of matches(text, inContext)) {
    const place = match[1] ?? match[3] ?? match[5] ?? ''
    const street = match[2] ?? match[4] ?? match[6] ?? ''
    if (/^(?:の|第|約|計|全|各)/u.test(place) || /[歳才回名人件日月年時分]$/u.test(place) || street.startsWith('0')) continue
    if (/電話|携帯|番号|連絡|内線|TEL|FAX|ID|No/u.test(place)) continue
    push({ type: 'address', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  // English: 123 Main Street; 65 Tsurumai-cho, Showa-ku.
  const english =
    /\b\d{1,5}(?:-\d{1,4}){0,2}\s+(?:[A-Z][a-z]+\s){0,3}(?:[A-Z][a-z]+\s(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Way|Court)|[A-Z][a-z]+-(?:cho|machi|ku|shi)\b(?:,\s[A-Z][a-z]+-(?:ku|shi))?)/u
  for (const match of matches(text, english)) {
    push({ type: 'address', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  // After a label: 住所：…, Address: … up to the end of the clause.
  const labelled = /(?:現住所|住所)\s*(?:は)?\s*[:：]\s*([^\s、。,，()（）]{2,60})|(?:現住所|住所)\s*は\s*([^\s、。,，()（）]{2,60}?)(?=[とをがでにのへ、。,，\s]|$)|[Aa]ddress\s*[:：]\s*([^\s.,;][^.;\n]{1,60}?)(?=[.;\n]|,\s[a-z]|$)/du
  for (const match of matches(text, labelled)) {
    const group = match[1] !== undefined ? 1 : match[2] !== undefined ? 2 : 3
    const [start, end] = groupSpan(match, group)
    push({ type: 'address', start, end, severity: 'block', replacement: '○○' })
  }
  // 住所が「名古屋市…65」, 住所を名古屋市…65と入力: after other particles only what looks like an address (a city,
  // ward or town and a number), since 住所を確認した is common.
  const afterParticle = /(?:現住所|住所)\s*(?:が|を|欄に|の欄に)\s*「?([^\s、。,，()（）「」]{4,60}?)(?=」|[とをがにで、。]|\s|$)/du
  for (const match of matches(text, afterParticle)) {
    const value = match[1] ?? ''
    if (!/[都道府県市区町村郡]/u.test(value) || !/\d|[一二三四五六七八九十]+(?:丁目|番)/u.test(value)) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'address', start, end, severity: 'block', replacement: '○○' })
  }
  // 名古屋市昭和区鶴舞町に住む, 春日井市鳥居松町在住: a town inside a city where someone lives narrows it to a few
  // thousand people; a warning. A city or a ward alone (名古屋市昭和区在住) is not one.
  const townLivedIn = new RegExp(
    `(?:(?:${PREFECTURE_PATTERN})\\s?)?[${HAN}${KATA}]{1,6}?市\\s?(?:[${HAN}${KATA}]{1,4}?区\\s?)?[${HAN}${KATA}]{1,6}?[町村](?=\\s?(?:に住|に在住|在住|に居住|の自宅|の実家|で独居|に独居))`,
    'u',
  )
  for (const match of matches(text, townLivedIn)) {
    push({ type: 'address', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: '○○' })
  }
}

function detectIds(text: string, push: Push) {
  const value = `([A-Za-z]{0,3}[${DASH}]?\\d[\\d${DASH}]{2,15})(?![\\d${DASH}])`
  const japanese = new RegExp(
    `(?:患者ID|患者番号|患者No\\.?|カルテ番号|カルテNo\\.?|カルテID|診察券番号|診察券No\\.?|ID番号|病歴番号|入院番号|受付番号|検体番号|登録番号|(?<![A-Za-z])(?:MRN|MR#|ID|Id)(?![A-Za-z]))\\s*(?:は|が|:|：|#|No\\.?|番号)?\\s*[:：#]?\\s*${value}`,
    'du',
  )
  const english = new RegExp(
    `(?:[Mm]edical record (?:number|no\\.?|#)|[Rr]ecord (?:number|no\\.?)|[Pp]atient (?:ID|number|no\\.?|#)|[Hh]ospital (?:number|no\\.?|ID)|[Cc]hart (?:number|no\\.?|#)|[Cc]ase (?:number|no\\.?))\\s*(?:is|was|of)?\\s*[:#]?\\s*${value}`,
    'du',
  )
  for (const pattern of [japanese, english]) {
    for (const match of matches(text, pattern)) {
      const [start, end] = groupSpan(match, 1)
      if (digitCount(match[1] ?? '') < 3) continue
      push({ type: 'patient-id', start, end, severity: 'block', replacement: '○○' })
    }
  }
  // A long bare number may be an ID: warn, unless it is a lot / product number or has a unit.
  for (const match of matches(text, /(?<![\d.,\-/:A-Za-z])\d{7,}(?![\d.,\-/:])/u)) {
    const before = text.slice(Math.max(0, match.index - 10), match.index)
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 3)
    if (/ロット|[Ll]ot|LOT|製造|JAN|GTIN|バーコード|型番|品番|製品|[¥￥$]/u.test(before)) continue
    if (/^\s*(?:円|万|件|名|人|床|回|mg|mL|ml|g|%|個)/u.test(after)) continue
    push({ type: 'patient-id', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: '○○' })
  }
}

function detectInsuranceNumbers(text: string, push: Push) {
  // Every part of the number holds a digit, so the words after it are not swallowed (12345678 was printed).
  const NUMBER_PART = '[A-Za-z0-9]*\\d[A-Za-z0-9]*'
  const pattern = new RegExp(
    `(?:被保険者証番号|被保険者番号|保険者番号|公費負担者番号|負担者番号|受給者証番号|受給者番号|基礎年金番号|年金番号|保険証番号|保険証の番号|記号[・･/]?番号|記号|個人番号|マイナンバー|[Ii]nsurance (?:number|no\\.?|ID|#)|[Pp]olicy (?:number|no\\.?)|[Mm]ember ID)\\s*(?:は|:|：|#)?\\s*` +
      `(${NUMBER_PART}(?:[${DASH}・･ ]{1,2}${NUMBER_PART}){0,3}(?:\\s*[、,・･]?\\s*番号\\s*[:：]?\\s*${NUMBER_PART}(?:[${DASH}]${NUMBER_PART}){0,2})?)`,
    'du',
  )
  for (const match of matches(text, pattern)) {
    if (digitCount(match[1] ?? '') < 2) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'insurance-number', start, end, severity: 'block', replacement: '○○' })
  }
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec'
const WEEKDAY = '(?:\\s?[(（](?:[月火水木金土日](?:曜日?)?|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[)）])?'

/** Words for a time of day or a shift that make 3/14 a date (3/14の朝, 2/28 深夜). */
const TIME_OF_DAY = '朝|昼|夕|夜|晩|深夜|未明|早朝|夕方|夜間|午前|午後|日中|日勤|夜勤|準夜|深夜帯|準夜帯|日勤帯|夜勤帯|頃|ごろ|AM|PM|am|pm'

const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31
const kanjiNumber = (value: string): number => {
  if (/^\d+$/.test(value)) return Number(value)
  if (value === '元') return 1
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
  const [tens, ones] = value.includes('十') ? value.split('十') : ['', value]
  return (value.includes('十') ? (tens ? (digits[tens] ?? 0) : 1) * 10 : 0) + (ones ? (digits[ones] ?? 0) : 0)
}

// 生年月日欄に, 生年月日（西暦）:, 誕生日が, 生年月日を… の: a few words between the label and the date still make it one.
// The label may also be joined to the date by a few connecting words (生年月日、, 生年月日の欄に, 生年月日が同じ,
// 生年月日を尋ねると「, 生まれは): still one statement about the date. A verb in between (生年月日を確認しないまま、)
// ends the statement, so the date after it is an ordinary date.
const BIRTH_BEFORE =
  /(?:生年月日|誕生日|生まれ日|出生日|生年|生まれ(?=\s*[はが:：])|DOB|D\.O\.B\.?|[Dd]ate of [Bb]irth|[Bb]irth ?date|[Bb]orn(?: on)?)\s*(?:欄|の記載|記載|の(?:入力)?欄|[(（](?:西暦|和暦)[)）])?\s*(?:は|が|に|を|で|:|：|=|＝)?\s*(?:[、,]|同じ|同一の?|一致する|(?:尋ね|聞|訊|問|確認す)(?:ると|たところ))?\s*(?:[(（]?(?:西暦|和暦)[)）]?)?\s*[(（「]?\s*$/u
const BIRTH_AFTER = /^\s*(?:[(（][^()（）]{0,12}[)）]\s*)?(?:生まれ|生|に生まれ|出生|産まれ|の?誕生日)/u
const NOT_PATIENT_DATE_BEFORE =
  /(?:期限|有効期限|使用期限|消費期限|[Ee]xp(?:iry|iration)?(?: date)?|EXP|[Ll]ot|LOT|ロット|改訂|制定|施行|発行|公布|更新日|作成日|版)\s*(?:日)?\s*(?:は|:|：|\(|（)?\s*$/u
const NOT_PATIENT_DATE_AFTER =
  /^\s*(?:(?:付け?|の)?\s*(?:施行|改訂|制定|発行|公布|版|まで有効|期限)|付け?の?[^。、\n]{0,10}(?:通知|事務連絡|告示|省令|通達)|付け?で(?:配置換え|異動|採用|着任|就任|退職|施行|改訂))/u

function detectDates(text: string, push: Push) {
  const full = (start: number, end: number) => {
    const before = text.slice(Math.max(0, start - 16), start)
    const after = text.slice(end, end + 16)
    if (BIRTH_BEFORE.test(before) || BIRTH_AFTER.test(after)) {
      push({ type: 'birth-date', start, end, severity: 'block', replacement: '○○' })
      return
    }
    // Expiry dates and the dates of circulars or revised manuals say nothing about a patient: a warning only.
    const aboutAThing = NOT_PATIENT_DATE_BEFORE.test(before) || NOT_PATIENT_DATE_AFTER.test(after)
    push({ type: 'date', start, end, severity: aboutAThing ? 'warn' : 'block', replacement: 'X日目' })
  }
  const num = '(\\d{1,2}|[一二三四五六七八九十]{1,3})'
  // 2024年5月3日(金), 令和6年5月3日, 平成元年5月3日
  for (const match of matches(
    text,
    new RegExp(`(?<!\\d)(?:(?:19|20)\\d{2}|(?:令和|平成|昭和|大正|明治)\\s?(?:元|\\d{1,2}|[一二三四五六七八九十]{1,3})|[RHST]\\d{1,2})\\s?年\\s?${num}\\s?月\\s?${num}\\s?日${WEEKDAY}`, 'u'),
  )) {
    if (validDay(kanjiNumber(match[1] ?? ''), kanjiNumber(match[2] ?? ''))) full(match.index, match.index + match[0].length)
  }
  // 2024/5/3, 2024-05-03, 2024.5.3 (the same separator twice)
  for (const match of matches(text, new RegExp(`(?<![\\d./-])(?:19|20)\\d{2}([/.\\-])(\\d{1,2})\\1(\\d{1,2})(?![\\d/]|\\.\\d)${WEEKDAY}`, 'u'))) {
    if (validDay(Number(match[2]), Number(match[3]))) full(match.index, match.index + match[0].length)
  }
  // R6.5.3, H30/1/2, S25-3-4, 令和6.5.3 (era initials or names with separators)
  for (const match of matches(text, /(?<![A-Za-z\d])(?:[RHST]\.?|令和|平成|昭和|大正)\s?(\d{1,2}|元)([./-])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)/u)) {
    if (validDay(Number(match[3]), Number(match[4]))) full(match.index, match.index + match[0].length)
  }
  // 20240503
  for (const match of matches(text, /(?<!\d)(?:19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/u)) {
    full(match.index, match.index + match[0].length)
  }
  // 05/03/2024, 5/3/24, 03.05.2024
  for (const match of matches(text, /(?<![\d/.])(\d{1,2})(?:\/(\d{1,2})\/((?:19|20)\d{2}|\d{2})|\.(\d{1,2})\.((?:19|20)\d{2}))(?![\d/]|\.\d)/u)) {
    const a = Number(match[1])
    const b = Number(match[2] ?? match[4])
    if ((validDay(a, b) || validDay(b, a)) && a > 0 && b > 0) full(match.index, match.index + match[0].length)
  }
  // May 3, 2024 / 3 May 2024 / 3rd of May, 2024
  for (const match of matches(
    text,
    new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?,?\\s+(?:19|20)\\d{2}\\b`, 'u'),
  )) {
    full(match.index, match.index + match[0].length)
  }
  // Month and day without a year are an exact date too and block like a full date (issue 14): with the year of
  // the case they pin the incident to one day. Relative days (入院3日目) and year-month stay allowed.
  for (const match of matches(text, new RegExp(`(?<!\\d)(?<!(?:\\d|元|[一二三四五六七八九十])\\s?年\\s?|[.\\/-])${num}\\s?月\\s?${num}\\s?日(?!目|間|分|前後|以内|ぶり|おき|毎)${WEEKDAY}`, 'u'))) {
    if (validDay(kanjiNumber(match[1] ?? ''), kanjiNumber(match[2] ?? ''))) full(match.index, match.index + match[0].length)
  }
  for (const match of matches(text, new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?!\\s*(?:mg|mL|ml|%|kg|g\\b|units?|patients?|beds?|cases?|times?|hours?|days?))|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`, 'u'))) {
    full(match.index, match.index + match[0].length)
  }
  // 5/3(金), 5/3 14:30, 3/14の朝, 2/28 深夜, 3/14に転倒: a slash date is a date only when a weekday, a time, a
  // time of day or a particle of time follows (1/2錠, 1/3量, 1/2に減量 and 120/80 are not dates).
  const slashFollow = `(?:${WEEKDAY.slice(0, -1)}|(?=\\s?\\d{1,2}:\\d{2})|(?=\\s?(?:の)?\\s?(?:${TIME_OF_DAY}))|(?=\\s?に(?!減|増|希釈|分割|短縮|延長|変更)))`
  for (const match of matches(text, new RegExp(`(?<![\\d/.])(\\d{1,2})\\/(\\d{1,2})(?![\\d/])${slashFollow}`, 'u'))) {
    if (validDay(Number(match[1]), Number(match[2]))) full(match.index, match.index + match[0].length)
  }
  // A month/day after a birth label or before 生まれ is a birthday whatever follows (誕生日 3/2, 3/2生まれ).
  for (const match of matches(text, /(?<![\d/.])(\d{1,2})[/.](\d{1,2})(?![\d/.])/u)) {
    if (!validDay(Number(match[1]), Number(match[2]))) continue
    const start = match.index
    const end = match.index + match[0].length
    if (BIRTH_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || BIRTH_AFTER.test(text.slice(end, end + 16))) {
      push({ type: 'birth-date', start, end, severity: 'block', replacement: '○○' })
    }
  }
  // 生年月日 45.3.2: a two-digit year after a birth label.
  for (const match of matches(text, /(?<![\d/.A-Za-z])\d{2}([./-])(\d{1,2})\1(\d{1,2})(?![\d/.])/u)) {
    const start = match.index
    if (validDay(Number(match[2]), Number(match[3])) && BIRTH_BEFORE.test(text.slice(Math.max(0, start - 16), start))) {
      push({ type: 'birth-date', start, end: start + match[0].length, severity: 'block', replacement: '○○' })
    }
  }
  // 1950（昭和25）年5月6日, 1950年（昭和25年）5月6日, 昭和25（1950）年5月6日: a year written both ways.
  for (const match of matches(text, new RegExp(`(?<!\\d)(?:(?:19|20)\\d{2}\\s?年?\\s?[(（](?:昭和|平成|令和|大正|[RHST])\\s?(?:元|\\d{1,2})\\s?年?[)）]|(?:昭和|平成|令和|大正|[RHST])\\s?(?:元|\\d{1,2})\\s?年?\\s?[(（](?:19|20)\\d{2}\\s?年?[)）])\\s?年?\\s?${num}\\s?月\\s?${num}\\s?日${WEEKDAY}`, 'u'))) {
    if (validDay(kanjiNumber(match[1] ?? ''), kanjiNumber(match[2] ?? ''))) full(match.index, match.index + match[0].length)
  }
  // 生年月日：50年5月5日: a two-digit year with 年 after a birth label.
  for (const match of matches(text, new RegExp(`(?<![\\d年])\\d{2}\\s?年\\s?${num}\\s?月\\s?${num}\\s?日`, 'u'))) {
    const start = match.index
    if (validDay(kanjiNumber(match[1] ?? ''), kanjiNumber(match[2] ?? '')) && BIRTH_BEFORE.test(text.slice(Math.max(0, start - 16), start))) {
      push({ type: 'birth-date', start, end: start + match[0].length, severity: 'block', replacement: '○○' })
    }
  }
  // Year of birth only (昭和10年生まれ, 昭和五十年生まれ, H12年生まれ, S14生, born in 1931): warn, it gives the exact
  // age. 生 must end the word (2020年生活, 3年生 are not births); 昭和50年代生まれ is a decade, not a year.
  const year = `(?:(?:19|20)\\d{2}\\s?年|(?:令和|平成|昭和|大正|明治)\\s?(?:元|\\d{1,2}|[一二三四五六七八九十]{1,3})\\s?年|(?<![A-Za-z])[RHSTM]\\.?\\d{1,2}\\s?年?)`
  const born = `(?:生まれ|産まれ|生(?=[男女の、。,.\\s)）」]|$))`
  for (const match of matches(text, new RegExp(`${year}\\s?(?:\\d{1,2}\\s?月\\s?)?${born}|[Bb]orn in (?:19|20)\\d{2}`, 'u'))) {
    push({ type: 'birth-date', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: '○○' })
  }
  // The year after a label for it (生年は昭和25年, 生年：1950年): the same warning.
  for (const match of matches(text, new RegExp(`(?<=(?:生年|生まれ年|出生年)\\s*(?:は|が|:|：)?\\s*)${year}(?!\\s?\\d{1,2}\\s?月)`, 'u'))) {
    push({ type: 'birth-date', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: '○○' })
  }
}

function detectAges(text: string, push: Push) {
  for (const match of matches(text, /(?<![\d.])(9\d|1[01]\d)\s?(?:歳|才)(?!代|台|以上|未満|以下|超|前後)/u)) {
    push({ type: 'age-over-89', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '90歳以上' })
  }
  for (const match of matches(text, /(九十[一二三四五六七八九]?|百[一二三四五六七八九十]*)\s?(?:歳|才)(?!代|台|以上|未満|以下)/u)) {
    push({ type: 'age-over-89', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '90歳以上' })
  }
  // 患者（93）, 女性(95歳、, 年齢：95, 93F, 93y男性, 九〇歳: an age in shorthand.
  const shorthand = [
    /(?<=(?:患者|男性|女性|様|さん|氏|くん|ちゃん|本人|男|女)\s?[(（]\s?)(?:9\d|1[01]\d)(?:\s?(?:歳|才))?(?=\s?[、,)）])/u,
    /(?<=年齢\s?(?:は|:|：)\s?)(?:9\d|1[01]\d)(?![\d.%])(?!\s?(?:歳|才)?\s?(?:代|台|以上|未満|以下|超|前後))/u,
    /(?<![\d.A-Za-z])(?:9\d|1[01]\d)(?:[MF]|y(?=[男女]))(?![A-Za-z\d/])/u,
    /九[〇零一二三四五六七八九]\s?(?:歳|才)(?!代|台|以上|未満|以下)/u,
  ]
  for (const pattern of shorthand) {
    for (const match of matches(text, pattern)) {
      push({ type: 'age-over-89', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '90歳以上' })
    }
  }
  const english = /(?<![\d.])(9\d|1[01]\d)(?=[- ](?:years?|yrs?)[- ]old\b|\s?(?:y\/o|yo|y\.o\.)(?![A-Za-z]))|(?<=\b(?:[Aa]ged?|[Aa]ge:)\s{0,2})(9\d|1[01]\d)\b(?!\s*(?:%|mg|kg|mL|years? ago|\+|and over|or over|and older|or older|and above))/u
  for (const match of matches(text, english)) {
    push({ type: 'age-over-89', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '90+' })
  }
}

/** The name part of a run of kanji that precedes an honorific or a title, or null when it is a role word. */
function nameFromHanRun(run: string): { name: string; offset: number } | null {
  const stripped = run.replace(ROLE_PREFIX, '')
  const offset = run.length - stripped.length
  const compact = stripped.replace(/\s/g, '')
  if (!compact || PLACEHOLDER.test(compact)) return null
  if (NOT_NAMES.has(compact)) return null
  // 阿部, 土屋, 緒方, 庄司, 小室, 井手 end like roles (薬剤部, 事務方, 教室) but are common surnames (issue 14):
  // a run of two or three kanji with one of these endings counts as a name.
  if (NOT_NAME_ENDINGS.test(compact) && !(compact.length >= 2 && compact.length <= 3 && SURNAME_ENDINGS_LIKE_ROLES.test(compact))) return null
  return { name: stripped, offset }
}

function detectJapaneseNames(text: string, push: Push) {
  const hanRun = `[${HAN}]{1,8}(?:[ ][${HAN}]{1,4})?`
  // A reading in brackets between name and honorific belongs to the name: 田中太郎（たなか たろう）さん
  const READING = `[(（][\\p{Script=Hiragana}${KATA}\\s]{2,20}[)）]`
  const kataRun = `[${KATA}]{2,12}(?:[ ][${KATA}]{2,12})?`
  const initials = '(?:[A-Z][.・･]?\\s?){2,3}'
  const pattern = new RegExp(`(?:(${hanRun})|(${kataRun})|(?<![A-Za-z])(${initials}))(?:\\s?${READING})?\\s?(${HONORIFICS})(?!名|達|たち|式|子|々|態|相|物|ら(?![いれ]))`, 'du')
  for (const match of matches(text, pattern)) {
    const honorific = match[4] ?? ''
    const [honorificStart, end] = groupSpan(match, 4)
    if (match[1] !== undefined) {
      const found = nameFromHanRun(match[1])
      if (!found) continue
      const [runStart] = groupSpan(match, 1)
      const name = found.name.replace(/\s/g, '')
      // One kanji before an honorific (林さん) is usually a surname, but also 父さん-like words we do not list: warn.
      const confident = name.length >= 2 || startsWithCommonSurname(name)
      const tooLong = name.length > 6 && !startsWithCommonSurname(name)
      const start = tooLong ? honorificStart - 4 : runStart + found.offset
      push({
        type: 'person-name',
        start,
        end,
        severity: confident && !tooLong ? 'block' : 'warn',
        replacement: `○○${honorific}`,
      })
    } else if (match[2] !== undefined) {
      const word = match[2].replace(/[・\s]/g, '')
      if (KATAKANA_NOT_NAMES.test(word) || /(?:ワーカー|スタッフ|ナース|ドクター|ヘルパー|マネージャー|リーダー|セラピスト)$/u.test(word)) continue
      const [start] = groupSpan(match, 2)
      push({ type: 'person-name', start, end, severity: 'block', replacement: `○○${honorific}` })
    } else if (match[3] !== undefined) {
      // PTさん, MEさん, MSWさん are professions, not initials.
      // PTさん, MEさん, MSWさん are professions, not initials; S・Tさん and S.T.さん are initials.
      if (!/[.・･]/u.test(match[3]) && LATIN_ROLES.test(match[3].replace(/\s/g, ''))) continue
      const [start] = groupSpan(match, 3)
      push({ type: 'person-name', start, end, severity: 'block', replacement: `○○${honorific}` })
    }
  }

  // Initials next to a role or a title: 担当医（T.O.）, 患者(S.K.), H.N.Ns, K.T.看護師, M・K医師.
  const dotted = '[A-Z](?:[.・･]\\s?[A-Z]){1,2}\\.?'
  const roleThenInitials = new RegExp(
    `(?:患者|担当医|主治医|担当看護師|看護師|医師|薬剤師|担当者|担当|本人|家族|当事者|発見者|Dr\\.?|Ns\\.?)\\s?[(（]\\s?(${dotted}|[A-Z]{2,3})\\s?[)）]`,
    'du',
  )
  for (const match of matches(text, roleThenInitials)) {
    if (!/[.・･]/u.test(match[1] ?? '') && LATIN_ROLES.test(match[1] ?? '')) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
  const initialsThenTitle = new RegExp(`(?<![A-Za-z])(${dotted})\\s?(${STAFF_TITLES}|PT|OT|ST|ME|CE|MSW)(?![A-Za-z])`, 'du')
  for (const match of matches(text, initialsThenTitle)) {
    const [start] = groupSpan(match, 1)
    const [, end] = groupSpan(match, 2)
    push({ type: 'person-name', start, end, severity: 'block', replacement: `○○${match[2] ?? ''}` })
  }

  // Given names in hiragana (ゆいちゃん, たなかさん): only at the start of a phrase; a block for a child's name.
  const hiragana = /(?<=^|[\s、。「『（(・]|の|は|が|と)([\p{Script=Hiragana}]{2,5})(ちゃん|くん|さん|さま|様)/du
  for (const match of matches(text, hiragana)) {
    const word = match[1] ?? ''
    if (HIRAGANA_NOT_NAMES.test(word)) continue
    const [start] = groupSpan(match, 1)
    const [, end] = groupSpan(match, 2)
    // ちゃん / くん after a hiragana word is a child's given name (ゆいちゃん, たけるくん): as identifying as a surname.
    const child = match[2] === 'ちゃん' || match[2] === 'くん'
    push({ type: 'person-name', start, end, severity: child ? 'block' : 'warn', replacement: `○○${match[2] ?? ''}` })
  }

  // A name with its reading, or after a label for a person: 鈴木一郎（すずき いちろう）, 妻：山田花子, 主治医：高橋
  const withReading = new RegExp(`([${HAN}]{2,6})\\s?[(（][\\p{Script=Hiragana}${KATA}]{1,8}[\\s][\\p{Script=Hiragana}${KATA}]{1,8}[)）]`, 'du')
  for (const match of matches(text, withReading)) {
    const found = nameFromHanRun(match[1] ?? '')
    if (!found) continue
    const [runStart] = groupSpan(match, 1)
    push({ type: 'person-name', start: runStart + found.offset, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  const personLabel = new RegExp(
    `(?:妻|夫|長男|長女|次男|次女|息子|娘|父|母|兄|姉|弟|妹|家族|キーパーソン|主治医|担当医|担当看護師|担当者|担当|執刀医|発見者|報告者|当事者|面会者|記載者|指示者|実施者|確認者|Ns|Dr)\\s*[:：]\\s*([${HAN}]{2,6}(?:[ ][${HAN}]{1,4})?)`,
    'du',
  )
  for (const match of matches(text, personLabel)) {
    const found = nameFromHanRun(match[1] ?? '')
    if (!found || found.offset > 0) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: startsWithCommonSurname(found.name) ? 'block' : 'warn', replacement: '○○' })
  }
  // A common surname standing alone before a particle (斎藤が転倒していた, 山田太郎を発見): low confidence, a warning.
  for (const match of matches(text, BARE_SURNAME)) {
    const found = nameFromHanRun(match[0])
    if (!found || found.offset > 0) continue
    push({ type: 'person-name', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: '○○' })
  }
  // 木村と名乗る男性
  for (const match of matches(text, new RegExp(`([${HAN}]{2,6}|[${KATA}]{2,10})(?=と名乗|と名のる|と称する|という名前)`, 'du'))) {
    const found = nameFromHanRun(match[1] ?? '')
    if (!found || found.offset > 0) continue
    push({ type: 'person-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }

  // Staff written as surname + title (山田看護師, 鈴木Dr): confident for common surnames, otherwise a warning.
  // The shortest run before a title, so 山口看護師長 is 山口 + 看護師長 rather than 山口看護 + 師長.
  const titled = new RegExp(`([${HAN}]{2,8}?)(${STAFF_TITLES}|${STAFF_ABBREVIATIONS})(?![${HAN}])`, 'du')
  for (const match of matches(text, titled)) {
    const found = nameFromHanRun(match[1] ?? '')
    if (!found) continue
    const name = found.name
    if (name.length < 2 || name.length > 6) continue
    const [runStart] = groupSpan(match, 1)
    const [, end] = groupSpan(match, 2)
    push({
      type: 'person-name',
      start: runStart + found.offset,
      end,
      severity: startsWithCommonSurname(name) ? 'block' : 'warn',
      replacement: `○○${match[2] ?? ''}`,
    })
  }
  // Title before the name: Ns.山田, Dr.鈴木
  // 「Dr指示」「Dr.コール」「Nsステーション」 are ward shorthand, so only common surnames are confident here.
  for (const match of matches(text, new RegExp(`(?<![A-Za-z])(Ns|NS|Dr|DR|R?Ph)\\.?\\s?[:：]?\\s?([${HAN}]{1,4}|[${KATA}]{2,10})`, 'du'))) {
    const name = match[2] ?? ''
    if (NOT_NAMES.has(name) || ROLE_WORDS.includes(name) || NOT_NAME_ENDINGS.test(name) || PLACEHOLDER.test(name)) continue
    if (KATAKANA_NOT_NAMES.test(name) || /^(?:コール|ステーション|ヘリ|カー|ハリー)/u.test(name) || WARD_ACTIONS.test(name)) continue
    const [start, end] = groupSpan(match, 2)
    push({ type: 'person-name', start, end, severity: startsWithCommonSurname(name) ? 'block' : 'warn', replacement: '○○' })
  }
  // A title before the name without a particle (担当看護師山田が, 薬剤師鈴木より) or in brackets after it (山田（看護師）).
  const titleBefore = new RegExp(`(?:${STAFF_TITLES})\\s?([${HAN}]{2,4})(?=[がはにへとのもを、。,\\s)）]|より|から|$)`, 'du')
  for (const match of matches(text, titleBefore)) {
    const name = match[1] ?? ''
    if (NOT_NAMES.has(name) || ROLE_WORDS.includes(name) || NOT_NAME_ENDINGS.test(name) || WARD_ACTIONS.test(name) || ABBREVIATION_NOT_NAMES.test(name)) continue
    if (!startsWithCommonSurname(name)) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
  // リーダー看護師の石田に, 主任の中村が: a title, の, then a common surname on its own (看護師の原因分析 is not one).
  const titleOfName = new RegExp(`(?:${STAFF_TITLES})\\s?の\\s?([${HAN}]{1,3})(?=[がはにへとのもを、。,\\s)）]|より|から|$)`, 'du')
  for (const match of matches(text, titleOfName)) {
    if (!isCommonSurname(match[1] ?? '')) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
  const titleInBrackets = new RegExp(`(?<![${HAN}])([${HAN}]{2,4})\\s?[(（](?:${STAFF_TITLES}|PT|OT|ST|ME|CE|MSW)[)）]`, 'du')
  for (const match of matches(text, titleInBrackets)) {
    const found = nameFromHanRun(match[1] ?? '')
    if (!found || found.offset > 0) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: startsWithCommonSurname(found.name) ? 'block' : 'warn', replacement: '○○' })
  }
  // A ward abbreviation before the name (PT山田, OT・佐藤, ME 田中が, MSWの伊藤より): a name when a particle or a
  // bracket follows; confident for common surnames, otherwise a warning (ST評価では, PT介入が stay warnings at most).
  const abbreviationBefore = new RegExp(
    `(?<![A-Za-z])(?:PT|OT|ST|ME|CE|MSW|PSW|SW|CW|RT|ORT)\\.?\\s?(?:の|・|:|：|[(（])?\\s?([${HAN}]{1,4}|[${KATA}]{2,10})(?=[)）]?(?:[がはにへとのもを、。,\\s]|より|から|$)|・(?:PT|OT|ST|ME|CE|MSW|PSW|SW|CW|RT|ORT|Ns|Dr))`,
    'du',
  )
  for (const match of matches(text, abbreviationBefore)) {
    const name = match[1] ?? ''
    if (NOT_NAMES.has(name) || ROLE_WORDS.includes(name) || NOT_NAME_ENDINGS.test(name) || PLACEHOLDER.test(name)) continue
    if (KATAKANA_NOT_NAMES.test(name) || WARD_ACTIONS.test(name) || ABBREVIATION_NOT_NAMES.test(name)) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: startsWithCommonSurname(name) ? 'block' : 'warn', replacement: '○○' })
  }
  // One-kanji surnames before a ward abbreviation (林Dr, 森Ns, 原PT): the common ones only.
  for (const match of matches(text, new RegExp(`(?<![${HAN}])([${HAN}])(Ns|NS|Dr|DR|${STAFF_ABBREVIATIONS})\\.?(?![A-Za-z])`, 'du'))) {
    if (!startsWithCommonSurname(match[1] ?? '')) continue
    push({ type: 'person-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: `○○${match[2] ?? ''}` })
  }
  // A name in katakana before a ward abbreviation (ヤマダNs, ミラーPT): a warning, since ward words in katakana
  // stand there too (フリーNs, ラウンドNs, リハビリPT), and the commonest of them are left out.
  const katakanaThenRole = new RegExp(`(?<![${KATA}])([${KATA}]{2,8})\\s?(Ns|NS|Dr|DR|${STAFF_ABBREVIATIONS})`, 'du')
  for (const match of matches(text, katakanaThenRole)) {
    const word = match[1] ?? ''
    if (KATAKANA_NOT_NAMES.test(word) || KATAKANA_WARD_WORDS.test(word)) continue
    const [start] = groupSpan(match, 1)
    const [, end] = groupSpan(match, 2)
    push({ type: 'person-name', start, end, severity: 'warn', replacement: `○○${match[2] ?? ''}` })
  }
  // Initials without dots before a title (KT Ns, YK看護師, SM PT): team names and units (ICU, NST) are not initials.
  const initialsThenRole = new RegExp(`(?<![A-Za-z])([A-Z]{2,3})\\s?(Ns|NS|Dr|DR|PT|OT|ST|ME|CE|MSW|${STAFF_TITLES})(?![A-Za-z])`, 'du')
  for (const match of matches(text, initialsThenRole)) {
    const initials = match[1] ?? ''
    if (LATIN_ROLES.test(initials) || TEAMS_AND_UNITS.test(initials)) continue
    const [start] = groupSpan(match, 1)
    const [, end] = groupSpan(match, 2)
    push({ type: 'person-name', start, end, severity: 'block', replacement: `○○${match[2] ?? ''}` })
  }
  // Dr.Yamada, Ns.Suzuki without a space (the English rule needs one).
  for (const match of matches(text, /(?<![A-Za-z])(?:Dr|DR|Ns|NS)\.\s?([A-Z][a-z]{2,})(?![a-z])/du)) {
    const name = match[1] ?? ''
    if (ENGLISH_NOT_NAMES.has(name) || INSTITUTION_WORDS.test(name)) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
  // Full names in katakana (ヤマダ タロウ, ヤマダタロウと呼名した): after a label for a person with a space or a dot
  // between the parts, or before a verb of calling or printing.
  const kataName = `[${KATA}]{2,7}(?:[ \\u3000・][${KATA}]{2,7})?`
  const kataFull = new RegExp(
    // 患者 and 本人 also start compound nouns (患者リストバンド・インスリン製剤), so after them a space, は, a colon or a
    // bracket must come before the name; the other labels name a person by themselves.
    `(?:(?:(?:患者名|患者氏名|氏名|お名前|名前|フリガナ|カナ氏名|ネーム)\\s*(?:は|欄に|:|：)?\\s*[「『]?|(?:患者|本人)(?:\\s*(?:は|:|：)\\s*[「『]?|\\s+[「『]?|[「『]))\\s*([${KATA}]{2,7}[ \\u3000・][${KATA}]{2,7})(?![${KATA}])` +
      `|(?<![${KATA}])(${kataName})(?=[」』]?\\s?(?:と|を)?(?:呼名|呼んだ|呼び|呼ば|名乗|記載|印字|書かれ|記入|表示|入力|登録)))`,
    'du',
  )
  for (const match of matches(text, kataFull)) {
    const group = match[1] !== undefined ? 1 : 2
    const name = match[group] ?? ''
    const parts = name.split(/[ \u3000・]/u)
    if (parts.some((part) => KATAKANA_NOT_NAMES.test(part) || KATAKANA_OBJECT_ENDING.test(part))) continue
    // Without a space, only a verb of calling makes katakana a name (ワーファリンと記載, ヘパリン・生食と記載 are drugs).
    if (group === 2 && !/[ \u3000]/u.test(name) && !/^[」』]?\s?(?:と|を)?(?:呼名|呼んだ|呼び|呼ば|名乗)/u.test(text.slice(match.index + match[0].length, match.index + match[0].length + 6))) continue
    const [start, end] = groupSpan(match, group)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
  // A common surname and a given name in hiragana with a space between (伊藤 さくら; an ideographic space too).
  const hiraganaGiven = new RegExp(`(?<![${HAN}])([${HAN}]{1,3})[ \\u3000]([\\p{Script=Hiragana}]{2,4})(?=[ \\u3000、。」』)）]|[のがはをにとへも](?![\\p{Script=Hiragana}]{2})|さん|様|ちゃん|くん|$)`, 'du')
  for (const match of matches(text, hiraganaGiven)) {
    const surname = match[1] ?? ''
    const given = match[2] ?? ''
    if (!startsWithCommonSurname(surname) || surname.length < 2 && !startsWithCommonSurname(surname)) continue
    if (/^(?:から|より|まで|など|ので|のみ|には|では|とは|への|での|なら|だけ|しか|ほど|くらい|ぐらい|さん|さま|くん|ちゃん|して|した|する|され|また|および|かつ|ならびに|について|による|により|として|また|ため|こと|もの|ところ|とき)/u.test(given)) continue
    if (HIRAGANA_NOT_NAMES.test(given)) continue
    push({ type: 'person-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  // After a label: 氏名：山田太郎, 患者名 佐藤花子
  for (const match of matches(text, new RegExp(`(?:氏名|患者氏名|患者名|お名前|名前|[Pp]atient name|[Nn]ame)\\s*(?:は|:|：)\\s*([${HAN}${KATA}]{2,8}(?:[ ][${HAN}${KATA}]{1,6})?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)`, 'du'))) {
    const name = match[1] ?? ''
    if (PLACEHOLDER.test(name) || NOT_NAMES.has(name) || /^(?:不明|未詳|なし|無し|匿名|非公開|伏せ字|記載なし)$/u.test(name)) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
}

/** Katakana words that name things handled in care, not people (リストバンド, シリンジポンプ …): never a name part. */
const KATAKANA_OBJECT_ENDING = /(?:ワーカー|スタッフ|ナース|ドクター|ヘルパー|リーダー|コール|ラベル|バンド|カード|シール|ボタン|モニター|ポンプ|チューブ|カテーテル|テープ|ベッド|センサー|マット|トイレ|シリンジ|ルート|ライン|セット|ボトル|バッグ|パック|マスク|ガーゼ|ドレーン|ケア|リハビリ|トレイ|カート|ワゴン|シーツ|パッド|オムツ|ガウン|グローブ)$/u

function detectEnglishNames(text: string, push: Push) {
  const word = "[A-Z][a-z'’-]+"
  for (const match of matches(text, new RegExp(`\\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Nurse|Doctor)(\\.?\\s+)(${word}(?:\\s+${word})?)`, 'du'))) {
    const parts = (match[3] ?? '').replace(/['’]s$/u, '').split(/\s+/)
    while (parts.length && ENGLISH_NOT_NAMES.has(parts[parts.length - 1] ?? '')) parts.pop()
    if (!parts.length || ENGLISH_NOT_NAMES.has(parts[0] ?? '')) continue
    const end = match.index + (match[1] ?? '').length + (match[2] ?? '').length + parts.join(' ').length
    push({ type: 'person-name', start: match.index, end, severity: 'block', replacement: `${match[1]}${match[2]}○○` })
  }
  for (const match of matches(text, new RegExp(`\\b(${word})-(san|sama|sensei|kun|chan)\\b`, 'du'))) {
    push({ type: 'person-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: `○○-${match[2]}` })
  }
  for (const match of matches(text, new RegExp(`\\b(?:patient|pt\\.?|named|called|nurse|pharmacist|resident|surgeon)\\s+(${word}\\s+${word})`, 'du'))) {
    const parts = (match[1] ?? '').split(/\s+/)
    if (parts.some((part) => ENGLISH_NOT_NAMES.has(part))) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
}

function detectRomajiNames(text: string, push: Push) {
  const surname = `(?:${ROMAJI_SURNAMES}|${ROMAJI_SURNAMES.toUpperCase()})`
  const pattern = new RegExp(`\\b(?:([A-Z][a-z]+|[A-Z]{2,})\\s)?(${surname})\\b(?:\\s([A-Z][a-z]+|[A-Z]{2,})\\b)?`, 'du')
  for (const match of matches(text, pattern)) {
    const isGiven = (word: string | undefined) =>
      word !== undefined && !ENGLISH_NOT_NAMES.has(word) && !INSTITUTION_WORDS.test(word) && !/^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Nurse|Doctor|Patient|The)$/.test(word)
    // Ito University Hospital is a place, not a person.
    if (match[3] !== undefined && INSTITUTION_WORDS.test(match[3])) continue
    const before = isGiven(match[1])
    const after = isGiven(match[3])
    const [surnameStart, surnameEnd] = groupSpan(match, 2)
    const start = before ? match.index : surnameStart
    const end = after ? match.index + match[0].length : surnameEnd
    push({ type: 'person-name', start, end, severity: before || after ? 'block' : 'warn', replacement: '○○' })
  }
}

/** Hiragana before 病院 that is a particle phrase or an adjective, not a name (あの, 近くの, ちいさな, あたらしい). */
/** Katakana ward words before Ns, Dr or PT that are not names (フリーNs, ラウンドNs, プリセプターNs, チームDr). */
const KATAKANA_WARD_WORDS =
  /^(?:フリー|リリーフ|プリセプター|プリセプティ|ラウンド|ナイト|デイ|ペア|サブ|メイン|チーフ|ヘッド|シニア|ジュニア|ベッドサイド|フロア|ユニット|ステーション|コール|オンコール|エコー|カテ|アンギオ|レジデント|インターン|ベテラン|ケアマネ|チーム|リハ|リハビリ|ホスピス|ワクチン|プライマリー|プライマリ|サポート|フォロー|アシスト|スポット|バックアップ|ヘルプ|ローテーション|ローテ|メンター|リンク|エキスパート|スペシャリスト|ジェネラリスト|クリニカル|ナース|ドクター)$/u
const NOT_A_FACILITY_NAME_KANA = /(?:[のにをはへ]|な|しい|さい|きい|ような)$/u

// A hospital or clinic named with a proper-noun part blocks publishing (issue 14): other hospitals must never be
// named (../shared/domain.md "Anonymisation"). Generic words (当院, 大学病院, 近隣の総合病院, A病院) are not names.
function detectFacilities(text: string, push: Push) {
  const pattern = new RegExp(`([${HAN}${KATA}A-Za-z0-9]{0,20})(${FACILITY_SUFFIXES})`, 'du')
  for (const match of matches(text, pattern)) {
    const prefix = match[1] ?? ''
    let [start] = groupSpan(match, 1)
    // 病院 inside a longer word (入院病院) is caught by the run before it; a bare suffix needs a hiragana name (あおぞら薬局).
    if (!prefix && /[\p{Script=Han}\p{Script=Katakana}]$/u.test(text.slice(Math.max(0, start - 1), start))) continue
    if (PLACEHOLDER.test(prefix)) continue
    // 転院先名古屋第一病院: the words saying which hospital it was are not part of its name.
    const lead = prefix.match(LEADING_FACILITY_WORDS)?.[0] ?? ''
    if (lead.length < prefix.length) start += lead.length
    // A hiragana word directly before the run belongs to the name when it starts a clause or follows の
    // (みなと中央病院, 紹介元のさくら内科クリニック), even when the rest is generic (内科クリニック). Particles and
    // adjectives (あの, 近くの, ちいさな, 新しい) are not names. Only a few characters are looked at: linear.
    let kana = ''
    if (!lead) {
      const window = text.slice(Math.max(0, start - 7), start)
      const atTextStart = start - 7 <= 0
      const before = window.match(/(?:^|[\s、。「『（(・の])([\p{Script=Hiragana}]{2,6})$/u)
      const boundaryOk = before && (before.index !== 0 || atTextStart || /^[\s、。「『（(・の]/u.test(before[0]))
      if (before?.[1] && boundaryOk && !NOT_A_FACILITY_NAME_KANA.test(before[1])) kana = before[1]
    }
    const own = prefix.slice(lead.length)
    if (!kana && (!own || GENERIC_FACILITY.test(own) || GENERIC_FACILITY.test(prefix))) continue
    start -= kana.length
    const [, end] = groupSpan(match, 2)
    push({ type: 'facility-name', start, end, severity: 'block', replacement: `○○${match[2]}` })
  }
  // A clinic named after a department (あおば整形外科, さくら内科医院): a hiragana name starting the phrase.
  const department = /(?<=^|[\s、。「『（(・の])([\p{Script=Hiragana}]{2,6})(整形外科|形成外科|内科|外科|眼科|皮膚科|耳鼻咽喉科|耳鼻科|小児科|産婦人科|婦人科|歯科|泌尿器科|心療内科|脳神経外科)(?!病棟|外来|部|医|的|系|領域|疾患|学|的|治療|手術)/du
  for (const match of matches(text, department)) {
    const kana = match[1] ?? ''
    if (NOT_A_FACILITY_NAME_KANA.test(kana) || HIRAGANA_NOT_NAMES.test(kana)) continue
    push({ type: 'facility-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: `○○${match[2] ?? ''}` })
  }
  // A clinic named after its doctor (加藤眼科, 山田歯科, 佐藤内科): a common surname as the whole word before a
  // department. Specialities (消化器内科, 心療内科) and a doctor of the department (田中内科医, 山田外科部長) are not.
  const surnameDepartment = new RegExp(`(?<![${HAN}])([${HAN}]{1,3}?)(整形外科|形成外科|内科|外科|眼科|皮膚科|耳鼻咽喉科|耳鼻科|小児科|産婦人科|婦人科|歯科|泌尿器科|脳神経外科)(?:医院|クリニック)?(?![${HAN}]|ドクター|ナース)`, 'du')
  for (const match of matches(text, surnameDepartment)) {
    if (!isCommonSurname(match[1] ?? '')) continue
    push({ type: 'facility-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: `○○${match[2] ?? ''}` })
  }
  // A hospital's name with hiragana inside (中部ろうさい病院): a kanji word, then hiragana, then the suffix, at
  // the start of a phrase. Adjectives and verbs before 病院 (新しい病院, 紹介された病院) end like words, not names.
  const mixedName = new RegExp(`(?<=^|[\\s、。「『（(・の])([${HAN}]{2,6})([\\p{Script=Hiragana}]{3,6})(病院|医院|クリニック|診療所)`, 'du')
  for (const match of matches(text, mixedName)) {
    const kana = match[2] ?? ''
    if (/^[のにをはがでとへもや]|(?:しい|らしい|きい|ない|った|てる|ている|する|した|れる|れた|ある|いる|な)$/u.test(kana) || GENERIC_FACILITY.test(match[1] ?? '')) continue
    push({ type: 'facility-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: `○○${match[3] ?? ''}` })
  }
  // A medical or welfare corporation's name (社会医療法人大雄会, 医療法人社団青葉会): it names the hospitals it runs.
  const corporation = /(?:社会医療法人|特定医療法人|医療法人|社会福祉法人)(?:社団|財団)?\s?([\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]{1,10}?(?:会|園|団))(?![\p{Script=Han}])/du
  for (const match of matches(text, corporation)) {
    const name = match[1] ?? ''
    if (/^[のにをはがでとへもや]/u.test(name) || PLACEHOLDER.test(name) || /^(?:理事|総|評議員|委員|研究|勉強|説明|協議|連絡)会$/u.test(name)) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'facility-name', start, end, severity: 'block', replacement: '○○会' })
  }
  // Care homes and services named after their type (介護老人保健施設ひまわり苑, グループホームあかりの家, デイサービスさくら,
  // 特養緑風園): the type word alone (特別養護老人ホームから入院, デイサービスの利用日) is generic.
  const careEnd = `(?=[のにでへとをはが、。\\s)）」』]|から|より|$)`
  const careName =
    `(?:[${HAN}${KATA}\\p{Script=Hiragana}]{0,8}?(?:苑|園|荘|館|寮|の家|の里|の郷|の杜|の森|ホーム|ハウス|ヴィラ|センター)(?![${HAN}${KATA}])` +
    `|[${KATA}]{2,10}(?![${KATA}])(?:[${HAN}]{1,6}${careEnd})?(?![${HAN}])` +
    `|[\\p{Script=Hiragana}]{2,6}(?:の(?:家|里|郷|杜|森|丘))?${careEnd})`
  const care = new RegExp(`(${CARE_FACILITY_TYPES})\\s?[「『]?(${careName})`, 'du')
  for (const match of matches(text, care)) {
    const name = match[2] ?? ''
    if (/^(?:から|より|まで|など|への|での|には|では|にて|へ|に|で|と|を|は|が|の|も)/u.test(name)) continue
    if (KATAKANA_NOT_NAMES.test(name) || CARE_NOT_NAMES.test(name) || PLACEHOLDER.test(name) || HIRAGANA_NOT_NAMES.test(name)) continue
    const [, end] = groupSpan(match, 2)
    push({ type: 'facility-name', start: match.index, end, severity: 'block', replacement: `${match[1] ?? ''}○○` })
  }
  // A name ending in 苑 or 荘 is a care home (ひまわり苑, 緑風荘), apart from a few words (別荘, 山荘).
  for (const match of matches(text, new RegExp(`([${HAN}${KATA}\\p{Script=Hiragana}]{2,6})(苑|荘)(?![${HAN}])`, 'du'))) {
    const prefix = match[1] ?? ''
    if (/^[\p{Script=Hiragana}]/u.test(prefix) && /[\p{Script=Hiragana}]$/u.test(prefix) && /[のにをはがでと]$/u.test(prefix)) continue
    if (/(?:別|山|旅|村|山|田|草)$/u.test(prefix) || PLACEHOLDER.test(prefix)) continue
    push({ type: 'facility-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: `○○${match[2] ?? ''}` })
  }
  const english =
    /\b((?:[A-Z][a-z'’.]+\s){1,4})(Hospital|Clinic|Medical Cent(?:er|re)|Health Cent(?:er|re))\b/u
  for (const match of matches(text, english)) {
    const words = (match[1] ?? '').trim().split(/\s+/)
    const generic = /^(?:The|A|An|Our|This|That|Another|Local|General|University|Community|Regional|Teaching|Referring|Receiving|Other|Previous|Nearby|Psychiatric|Children's|Private|Public|City|Prefectural|National)$/
    if (words.every((w) => generic.test(w))) continue
    const first = words.findIndex((w) => !/^(?:The|A|An|Our|This|That|Another|Local|Referring|Receiving|Other|Previous|Nearby)$/.test(w))
    const skipped = words.slice(0, first).reduce((sum, w) => sum + w.length + 1, 0)
    push({
      type: 'facility-name',
      start: match.index + skipped,
      end: match.index + match[0].length,
      severity: 'block',
      replacement: `○○ ${match[2]}`,
    })
  }
}

/**
 * Room and bed numbers (502号室, 3番ベッド, 711-2床, 5階東病棟502号室): quasi-identifiers, a warning (issue 14):
 * with the ward and the month they narrow a case down to a few patients. A bed count (50床の病院) is not one.
 */
function detectRoomNumbers(text: string, push: Push) {
  const ward = `(?:\\d{1,2}\\s?階\\s?[東西南北]?\\s?(?:[${HAN}${KATA}A-Za-z]{0,6}病棟)?\\s?)?`
  const room = new RegExp(
    `${ward}(?:(?<![\\d${DASH}])\\d{1,4}(?:[${DASH}]\\d{1,2})?\\s?号室|(?<![\\d${DASH}])\\d{1,4}[${DASH}]\\d{1,2}\\s?床|(?<!\\d)\\d{1,2}\\s?番\\s?(?:ベッド|床)|ベッド\\s?(?:番号)?\\s?[:：]?\\s?\\d{1,2}(?:\\s?番)?(?![\\d台床名人件%]))`,
    'u',
  )
  for (const match of matches(text, room)) {
    push({ type: 'room-number', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: '○○' })
  }
  // 512号の患者, 個室512, 502号室B床, ベッドNo.3, Room 502, bed 3: a room or a bed in other words.
  const others = [
    new RegExp(`(?<![\\d${DASH}第])\\d{3,4}\\s?号(?![室機線館車棟条証議数目令外液])`, 'u'),
    /(?:個室|病室|部屋|大部屋|ルーム)\s?(?:No\.?|番号)?\s?[:：]?\s?\d{2,4}(?![\d人床名件%])/u,
    new RegExp(`(?<![\\d${DASH}])\\d{1,4}\\s?号室\\s?[${DASH}]?\\s?(?:[A-Za-z]|\\d{1,2})\\s?(?:床|ベッド)?(?![A-Za-z\\d])`, 'u'),
    /ベッド\s?(?:No\.?|#)\s?\d{1,2}(?!\d)/u,
    /\b(?:[Rr]oom|[Bb]ed)\s?(?:No\.?\s?|#\s?)?\d{1,4}[A-Za-z]?\b(?!\s*(?:days?|hours?|h\b|min|mg|mL|%|patients?|beds?|rooms?|times?))/u,
  ]
  for (const pattern of others) {
    for (const match of matches(text, pattern)) {
      push({ type: 'room-number', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: '○○' })
    }
  }
}

const DETECTORS = [
  detectEmails,
  detectPhones,
  detectPostalCodes,
  detectAddresses,
  detectIds,
  detectInsuranceNumbers,
  detectDates,
  detectAges,
  detectJapaneseNames,
  detectEnglishNames,
  detectRomajiNames,
  detectFacilities,
  detectRoomNumbers,
]

// ---------------------------------------------------------------------------------------------------------------

/** All identifiers in `text`, sorted by start and non-overlapping; offsets are UTF-16 indices into `text`. */
export function findIdentifiers(text: string): Finding[] {
  if (!text) return []
  const normalised = normalise(text)
  const candidates: Candidate[] = []
  const push: Push = (candidate) => {
    if (candidate.end > candidate.start) candidates.push(candidate)
  }
  for (const detect of DETECTORS) detect(normalised.text, push)

  // Block before warn, then the longer span, then the earlier one.
  candidates.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  )
  // Which normalised positions are taken: linear in the total length of the candidates, however many there are.
  const taken = new Uint8Array(normalised.text.length)
  const accepted: Candidate[] = []
  for (const candidate of candidates) {
    if (taken.subarray(candidate.start, candidate.end).includes(1)) continue
    taken.fill(1, candidate.start, candidate.end)
    accepted.push(candidate)
  }
  accepted.sort((a, b) => a.start - b.start)

  return accepted.map((candidate) => {
    const start = normalised.startOf[candidate.start] ?? 0
    const end = normalised.endOf[candidate.end - 1] ?? text.length
    return { type: candidate.type, start, end, text: text.slice(start, end), severity: candidate.severity, replacement: candidate.replacement }
  })
}

/** `text` with every finding replaced by its replacement; overlapping or out-of-range findings are skipped. */
export function maskFindings(text: string, findings: readonly Pick<Finding, 'start' | 'end' | 'replacement'>[]): string {
  const ordered = [...findings].sort((a, b) => b.start - a.start)
  let result = text
  let limit = text.length
  for (const finding of ordered) {
    if (finding.start < 0 || finding.end > limit || finding.start >= finding.end) continue
    result = result.slice(0, finding.start) + finding.replacement + result.slice(finding.end)
    limit = finding.start
  }
  return result
}
