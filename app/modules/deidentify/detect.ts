// De-identification: finds identifiers in Japanese and English free text (../shared/domain.md "Anonymisation").
// Pure and client-safe (no Node APIs): the editor may run it in the browser, the server runs it before publishing.
//
// How it works: the text is NFKC-normalised one code point at a time (full-width digits and letters become ASCII,
// half-width katakana become full-width), with a map from every normalised index back to the original, so the
// patterns below only need ASCII digits while offsets always point into the text the author typed.
// Each detector proposes candidates; overlaps are resolved in favour of `block`, then the longer span.
import { PREFECTURES } from '#app/modules/members/labels.ts'

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
// Character classes and vocabularies

const HAN = '\\p{Script=Han}々ヶ'
const KATA = '\\p{Script=Katakana}ー・'
const DASH = '\\-‐‑‒–—―−'
const PLACEHOLDER = /[〇○◯●◎×✕＊*＿_]|某/u

/** The 100 or so most common Japanese surnames: a name-like word that starts with one is a confident finding. */
const COMMON_SURNAMES = new Set(
  ('佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 斉藤 清水 山崎 森 ' +
    '池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井 ' +
    '金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 柴田 酒井 工藤 横山 宮崎 宮本 ' +
    '内田 高木 安藤 島田 谷口 大野 高田 丸山 今井 河野 藤本 村田 武田 上野 杉山 増田 小山 大塚 平野 菅原 久保 松井 ' +
    '千葉 岩崎 桜井 木下 野口 松尾 菊地 野村 新井 渡部 水野 服部 浅野 加納 鈴村 杉浦 大橋 伊東 神谷 堀 西川 片山 ' +
    '佐野 大西 杉本 古川 今村 辻 小島 吉川 平田 山内 関 石原 大石 中田 望月 永井 小松 荒木 星野 松下 大久保 川口 ' +
    '中西 熊谷 田口 北村 須藤 内藤 小池 吉村 松岡 安田 黒田 川村 樋口 荒井 秋山 土屋 岩田 小西 野田 細川 本田 西田 ' +
    '市川 小田 榎本 飯田 五十嵐 大島 松浦 平井 宮田 山中 宮下 川上 永田 川崎 石黒 高野 北川 富田 福島 吉岡 菅野 ' +
    '桑原 中本 岩本 堀田 奥村 松村 矢野 小沢 森本 西山 関口 大谷 武藤 坂口 前川 金井 浜田 村井 山岸 久保田 西尾 ' +
    '大森 池上 長田 飯塚 米田 滝沢 竹田 早川 佐久間 高島 浅井 岡 宮川 若林 田辺 酒井 杉田 石塚 上原 横田 森下 ' +
    '岡崎 河合 八木 稲垣 長尾 須田 梅田 荻野 栗原 関根 鎌田 福井 田島 二宮 落合 小谷 池本 島崎 大川 尾崎 成田')
    .split(' '),
)
const startsWithCommonSurname = (word: string) => {
  for (let length = Math.min(3, word.length); length >= 1; length--) {
    if (COMMON_SURNAMES.has(word.slice(0, length)) && (length >= 2 || word.length <= 3)) return true
  }
  return false
}

/**
 * Words that stand before an honorific or a job title without being a name: roles, relatives, departments.
 * The longest match anywhere in a run of kanji is cut away together with everything before it
 * (「担当看護師山田」→「山田」).
 */
const ROLE_WORDS = [
  '看護師長', '副看護師長', '准看護師', '看護師', '看護助手', '看護補助者', '看護学生', '助産師', '保健師', '医師', '主治医',
  '担当医', '研修医', '専攻医', '指導医', '上級医', '当直医', '執刀医', '麻酔科医', '前医', '歯科医師', '歯科医', '薬剤師',
  '技師長', '技師', '技士', '療法士', '栄養士', '介護士', '介護福祉士', '社会福祉士', '事務員', '事務', '師長', '主任', '部長',
  '科長', '医長', '課長', '係長', '院長', '副院長', '教授', '准教授', '講師', '助教', '患者', '家族', '本人', '担当', '受持',
  '当直', '日勤', '夜勤', '準夜', '深夜', '病棟', '外来', '手術室', '病室', '同室', '隣室', '隣', '職員', '同僚', '先輩',
  '後輩', '新人', '上司', '部下', '学生', '実習生', '利用者', '入所者', '入院患者', '来院者', '面会者', '付添者', '保護者',
  '介護者', '相手', '先方', '当該', '対象', '医療者', '医療従事者', '委員長', '委員', '管理者', '責任者', '担任', '施設',
  '各', '他', '同', '両', '諸', '男性', '女性', '高齢', '患児', '新生児', '母親', '父親', '救急', '内科', '外科', '科',
  '認定', '専門', '専任', '専従', '管理', '感染管理', '医療安全', '副', '常勤', '非常勤', '派遣', '若手', '中堅', '熟練',
  '応援', '他病棟', '主担当', '指導', '教育', '実地', '臨床', '集中ケア', '放射線', '臨床検査', '臨床工学', '病院', '当番',
  '早番', '遅番', '退院調整', '訪問', '在宅', '地域連携', '検査', '透析', '内視鏡', '中材', '病棟薬剤', '外来化学療法',
]
const ROLE_PREFIX = new RegExp(`^.*(?:${[...ROLE_WORDS].sort((a, b) => b.length - a.length).join('|')})`, 'u')

/** Whole words that are not names even though an honorific follows (お客様, 皆さん, 赤ちゃん …). */
const NOT_NAMES = new Set(
  ('患者 家族 客 皆 奥 神 仏 父 母 兄 姉 弟 妹 息子 娘 夫 妻 旦那 嫁 婿 孫 祖父 祖母 叔父 叔母 伯父 伯母 彼 彼女 同 両 ' +
    '各 本人 隣 相手 先方 担当 赤 坊 王 姫 主人 ご主人 御主人 個人 他人 友人 知人 老人 夫人 婦人 親 親御 婆 爺 嬢 子 ' +
    '子供 子ども 様子 親子 若 大将 殿 姐 方 皆様 皆さん 甲 乙 丙 丁 諸 貴 某 当 本 自分 お前 俺 僕 私 先 医者 歯医者 ' +
    '大家 八百屋 魚屋 花屋 床屋 人 男 女 一 二 三 四 主 店 業者 職人 運転手 選手 歌手 先輩 後輩 上司 部下 仲間 ' +
    '同僚 友達 恋人 彼氏 源 平 氏 名 姓 御 ご お 賓 来賓 客人 仏様 神様 王様 殿様 奥様 奥さん 福 恵比寿 閻魔 地蔵 観音 ' +
    '両親 親族 遺族 家人 身内 親戚 同居人 長男 次男 三男 長女 次女 三女 夫婦 兄弟 姉妹 祖父母 義母 義父 義姉 義兄 義妹 義弟 ' +
    '甥 姪 孫娘 娘婿 子息 令嬢 受付 窓口 清掃 警備 売店 給食 医事 委託 派遣 当番 早番 遅番 中材 救急隊 大工 研修生 ' +
    '仕 模 多 異 有 無 左 上 今 沈 宮 御殿 宮殿 神殿 沈殿 同様 異様 仕様 模様 多様 一様 左様 有様 貴様 皆様方 お隣 向かい')
    .split(' '),
)
/** Name-like words ending in these are roles or places, not people (清掃員さん, 介護士さん, 薬局さん). */
const NOT_NAME_ENDINGS = /[者員士師医長児係婦様方官役課科室棟院局部会族屋店僚輩司任護級勤業直制齢手嬢坊隊番工]$/u

const KATAKANA_NOT_NAMES =
  /^(?:ナース|ドクター|ヘルパー|ケアマネ(?:ジャー)?|ママ|パパ|リーダー|サブリーダー|スタッフ|ケアワーカー|ソーシャルワーカー|ワーカー|クラーク|ボランティア|ドライバー|メーカー|ディーラー|ベテラン|パート|バイト|アルバイト|ゲスト|ユーザー|メンバー|セラピスト|カウンセラー|コーディネーター|マネージャー|マネジャー|オペ|ナースエイド|エイド|ドクターズクラーク|ポーター|チーム|ペア|パートナー|オーナー|シェフ|プロ|ファン|モデル|キャスト|お客|トレーナー|インストラクター|コンシェルジュ|ガードマン|ホスト|ホステス|サンタ|オジ|オバ|ネエ|ニイ|バア|ジイ|リハ|リハビリ|ケア|ベンダー|クライアント|ドナー|レシピエント|キーパーソン|ファミリー|レントゲン|ラボ|ペイシェント|ゲスト|ナースコール)$/u

const HONORIFICS = '様|さま|さん|氏|くん|君|ちゃん|先生|殿'
const HIRAGANA_NOT_NAMES =
  /^(?:お?ばあ|お?じい|お?ねえ|お?にい|お?かあ|お?とう|あか|ぼっ|おじょう|おっ|みんな|みな|おば|おじ|ばっ|じっ|いっ|こっ|そっ|あっ|どっ|たく|おきゃく|きゃく|おいしゃ|いしゃ|かんごし|おく|おこ|むすこ|むすめ|だんな|おまわり|おにい|おねえ|ごしゅじん|おくさ|おきゃくさ|ごかぞく|おとなり|おむかい|おやこ|おふたり|ふたり|おひとり|ひとり|おそれ|さん|たいへん|みなさ|おつかれ|ごくろう|おかげ|おたがい|おさき|おまち|おだいじ|おつき|ともだち|おともだち|ごりょうしん|おとうと|いもうと|おじょう|おぼっ|ぼう|あんちゃ|かあ|とう)$/u
/** Job abbreviations used like names in Japanese wards (PTさん, MEさん). */
const LATIN_ROLES = /^(?:PT|OT|ST|ME|CE|MSW|PSW|SW|CW|NS|Ns|DR|Dr|MR|SE|RT|ORT|CRC|CM|MA|NP|PA|DH|CP|RD|ER|OP|HCU|ICU|NICU|ECU|MC|TA|AD|PM|IT|QA|QC|GM)$/u
/** Job titles written after a staff member's surname (山田看護師, 鈴木Dr). */
const STAFF_TITLES =
  '看護師長|副看護師長|准看護師|看護師|看護助手|助産師|保健師|医師|主治医|研修医|薬剤師|師長|主任|技師長|技師|技士|理学療法士|作業療法士|言語聴覚士|栄養士|介護士|事務員|部長|医長|科長|院長|副院長|教授|Ns\\.?|NS\\.?|Dr\\.?|DR\\.?|ドクター|ナース'

const FACILITY_SUFFIXES = '病院|医院|クリニック|診療所|医療センター|歯科医院|薬局'
/** Generic words around 病院 that do not name a particular hospital (大学病院, 転院先の病院, A病院). */
const GENERIC_FACILITY_WORDS = [
  '転院先', '転院元', '搬送先', '搬送元', '紹介先', '紹介元', '前医', '近隣', '近く', '地域', '地元', '市内', '県内', '市外',
  '県外', '同', '他', '別', '某', '当', '本', '自', '各', '一般', '総合', '大学', '大学附属', '附属', '付属', '精神科', '療養型',
  '療養', '急性期', '慢性期', '回復期', '基幹', '中核', '市中', '専門', '小児', '救急', '救命救急', '連携', '協力', '関連',
  '系列', '民間', '公立', '私立', '国立', '市立', '県立', '町立', '村立', '大規模', '中規模', '小規模', '有床', '無床',
  '歯科', '眼科', '内科', '外科', '整形外科', '皮膚科', '耳鼻科', '産婦人科', '産科', '婦人科', '心療内科', '訪問',
  '調剤', '院内', '院外', '保険', '門前', '地方', '都市部', '周辺', '付近', '受診', '入院', '通院', 'かかりつけ', '掛かり付け',
  '近医', '前', '後方', '送り先', '受入', '受け入れ', '受入先', '高度', '第三者', '認定', '指定', '災害拠点', '拠点',
  '搬送', '紹介', '転院', '元', '次', '提携', '同一', '複数', '二次', '三次', '大', '小', '中小', '市民', '県民', '町民',
  '赤十字', '日赤', '労災', '済生会', '厚生', '国保', '共済', '医療支援', '地域医療支援', '特定機能', '臨床研修指定',
  '救急指定', '公的', '国公立', '自治体', 'リハビリ', 'リハビリテーション', 'ケアミックス', '周産期', '母子', '総合周産期',
  '地域周産期', 'ペイン', '禁煙', '物忘れ', '女性', '美容', '心療', '在宅', 'メンタル', '睡眠', '透析', '糖尿病', '頭痛',
  '外来', '病院', '在宅療養支援', '支援', '医療', '老人', '介護', '療養病床', '単科', '精神', 'がん', '産婦人科',
]
const GENERIC_FACILITY = new RegExp(
  `^(?:${[...GENERIC_FACILITY_WORDS].sort((a, b) => b.length - a.length).join('|')}|[A-Z]|[〇○◯])+$`,
  'u',
)

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

function detectPostalCodes(text: string, push: Push) {
  for (const match of matches(text, new RegExp(`〒\\s?\\d{3}\\s?[${DASH}ー]?\\s?\\d{4}(?!\\d)`, 'u'))) {
    push({ type: 'postal-code', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '〒○○○-○○○○' })
  }
  const labelled = new RegExp(`(?:郵便番号|[Zz]ip(?: code)?|[Pp]ostal code)\\s*[:：]?\\s*(\\d{3}[${DASH}]?\\d{4})(?!\\d)`, 'du')
  for (const match of matches(text, labelled)) {
    const [start, end] = groupSpan(match, 1)
    push({ type: 'postal-code', start, end, severity: 'block', replacement: '○○○-○○○○' })
  }
}

const PREFECTURE_PATTERN = PREFECTURES.join('|')

function detectAddresses(text: string, push: Push) {
  // 愛知県名古屋市昭和区鶴舞町65 / 名古屋市中区栄3丁目1-1 / 東京都新宿区西新宿2-8-1: a prefecture or a city,
  // then a district, ending in a street number. A city alone (名古屋市在住) is not an identifier.
  const place = `[${HAN}${KATA}]`
  const street = `(?:\\d{1,4}|[一二三四五六七八九十]{1,3})(?:(?:丁目|番地|番|号)(?:\\d{1,4})?|[${DASH}ー]\\d{1,4}){0,4}`
  const japanese = new RegExp(
    `(?:(${PREFECTURE_PATTERN})\\s?)?(${place}{1,6}?[市郡])?(${place}{1,5}?[区町村])?([${HAN}${KATA}\\p{Script=Hiragana}]{0,8}?)\\s?(${street})(?=[\\s、。,，)）]|$|[^\\d${DASH}])`,
    'du',
  )
  for (const match of matches(text, japanese)) {
    const prefecture = match[1]
    const city = match[2]
    const numbers = match[5] ?? ''
    if (!prefecture && !city) continue
    if (!city && !match[3]) continue
    // A bare number must be followed by a street marker or stand at the end of the address.
    const hasStreetMarker = /丁目|番|号|[-‐‑‒–—―−ー]\d/u.test(numbers)
    const following = text.slice(match.index + match[0].length, match.index + match[0].length + 1)
    // Hiragana inside the street part means a clause, not an address (都市部で3-4名); a unit after the number too.
    if (match[4] && /\p{Script=Hiragana}/u.test(match[4])) continue
    if (/^[名人件回日時分歳才錠枚本個床%]/u.test(following)) continue
    if (!hasStreetMarker) {
      // 鶴舞町65 needs a street name without particles before it and nothing like a unit after it (市内で3回).
      if (!/^(?:[\s、。,，)）]|$|[かにのでへをはがま])/u.test(following)) continue
      if (!match[4] || /\p{Script=Hiragana}/u.test(match[4])) continue
    }
    push({
      type: 'address',
      start: match.index,
      end: match.index + match[0].length,
      severity: 'block',
      replacement: prefecture ? `${prefecture}○○` : '○○',
    })
  }
  // English: 123 Main Street; 65 Tsurumai-cho, Showa-ku.
  const english =
    /\b\d{1,5}(?:-\d{1,4}){0,2}\s+(?:[A-Z][a-z]+\s){0,3}(?:[A-Z][a-z]+\s(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Way|Court)|[A-Z][a-z]+-(?:cho|machi|ku|shi)\b(?:,\s[A-Z][a-z]+-(?:ku|shi))?)/u
  for (const match of matches(text, english)) {
    push({ type: 'address', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }
  // After a label: 住所：…, Address: … up to the end of the clause.
  const labelled = /(?:現住所|住所)\s*(?:は)?[:：]\s*([^\s、。,，()（）]{2,60})|[Aa]ddress\s*[:：]\s*([^\s.,;][^.;\n]{1,60}?)(?=[.;\n]|,\s[a-z]|$)/du
  for (const match of matches(text, labelled)) {
    const group = match[1] !== undefined ? 1 : 2
    const [start, end] = groupSpan(match, group)
    push({ type: 'address', start, end, severity: 'block', replacement: '○○' })
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
  const TOKEN = '[A-Za-z0-9]*\\d[A-Za-z0-9]*'
  const pattern = new RegExp(
    `(?:被保険者証番号|被保険者番号|保険者番号|公費負担者番号|負担者番号|受給者証番号|受給者番号|基礎年金番号|年金番号|保険証番号|保険証の番号|記号[・･/]?番号|記号|個人番号|マイナンバー|[Ii]nsurance (?:number|no\\.?|ID|#)|[Pp]olicy (?:number|no\\.?)|[Mm]ember ID)\\s*(?:は|:|：|#)?\\s*` +
      `(${TOKEN}(?:[${DASH}・･ ]{1,2}${TOKEN}){0,3}(?:\\s*[、,・･]?\\s*番号\\s*[:：]?\\s*${TOKEN}(?:[${DASH}]${TOKEN}){0,2})?)`,
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

const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31
const kanjiNumber = (value: string): number => {
  if (/^\d+$/.test(value)) return Number(value)
  if (value === '元') return 1
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
  const [tens, ones] = value.includes('十') ? value.split('十') : ['', value]
  return (value.includes('十') ? (tens ? (digits[tens] ?? 0) : 1) * 10 : 0) + (ones ? (digits[ones] ?? 0) : 0)
}

const BIRTH_BEFORE = /(?:生年月日|誕生日|生まれ日|DOB|D\.O\.B\.?|[Dd]ate of [Bb]irth|[Bb]irth ?date|[Bb]orn(?: on)?)\s*(?:は|が|:|：)?\s*$/u
const BIRTH_AFTER = /^\s*(?:生まれ|生|に生まれ|出生)/u

function detectDates(text: string, push: Push) {
  const full = (start: number, end: number) => {
    const isBirth = BIRTH_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || BIRTH_AFTER.test(text.slice(end, end + 5))
    push(
      isBirth
        ? { type: 'birth-date', start, end, severity: 'block', replacement: '○○' }
        : { type: 'date', start, end, severity: 'block', replacement: 'X日目' },
    )
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
  for (const match of matches(text, /(?<![A-Za-z\d])(?:[RHST]|令和|平成|昭和|大正)\s?(\d{1,2}|元)([./-])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)/u)) {
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
  // Month and day without a year are an exact date too, but often harmless in context: warn.
  for (const match of matches(text, new RegExp(`(?<!\\d)${num}\\s?月\\s?${num}\\s?日(?!目|間|分|前後|以内|ぶり|おき|毎)${WEEKDAY}`, 'u'))) {
    if (validDay(kanjiNumber(match[1] ?? ''), kanjiNumber(match[2] ?? ''))) {
      push({ type: 'date', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: 'X日目' })
    }
  }
  for (const match of matches(text, new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?!\\s*(?:mg|mL|ml|%|kg|g\\b|units?|patients?|beds?|cases?|times?|hours?|days?))|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`, 'u'))) {
    push({ type: 'date', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: 'X日目' })
  }
  // 5/3(金), 5/3 14:30: slash dates are dates only when a weekday or a time follows (1/2錠 is half a tablet).
  for (const match of matches(text, new RegExp(`(?<![\\d/.])(\\d{1,2})\\/(\\d{1,2})(?:${WEEKDAY.slice(0, -1)}|(?=\\s\\d{1,2}:\\d{2}))`, 'u'))) {
    if (validDay(Number(match[1]), Number(match[2]))) {
      push({ type: 'date', start: match.index, end: match.index + match[0].length, severity: 'warn', replacement: 'X日目' })
    }
  }
  // Year of birth only (昭和10年生まれ, born in 1931): warn, it gives the exact age.
  for (const match of matches(
    text,
    /(?:(?:19|20)\d{2}|(?:令和|平成|昭和|大正|明治)\s?(?:元|\d{1,2}))\s?年\s?(?:\d{1,2}\s?月\s?)?(?:生まれ|生)|[Bb]orn in (?:19|20)\d{2}/u,
  )) {
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
  if (NOT_NAMES.has(compact) || NOT_NAME_ENDINGS.test(compact)) return null
  return { name: stripped, offset }
}

function detectJapaneseNames(text: string, push: Push) {
  const hanRun = `[${HAN}]{1,8}(?:[ ][${HAN}]{1,4})?`
  // A reading in brackets between name and honorific belongs to the name: 田中太郎（たなか たろう）さん
  const READING = `[(（][\\p{Script=Hiragana}${KATA}\\s]{2,20}[)）]`
  const kataRun = `[${KATA}]{2,12}(?:[ ][${KATA}]{2,12})?`
  const initials = '(?:[A-Z]\\.?\\s?){2,3}'
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
      if (LATIN_ROLES.test(match[3].replace(/[.\s]/g, ''))) continue
      const [start] = groupSpan(match, 3)
      push({ type: 'person-name', start, end, severity: 'block', replacement: `○○${honorific}` })
    }
  }

  // Children's given names in hiragana (ゆいちゃん, そうたくん): only at the start of a phrase, and only a warning.
  // Given names in hiragana (ゆいちゃん, たなかさん): only at the start of a phrase, and only a warning.
  const hiragana = /(?<=^|[\s、。「『（(・]|の|は|が|と)([\p{Script=Hiragana}]{2,5})(ちゃん|くん|さん|さま|様)/du
  for (const match of matches(text, hiragana)) {
    const word = match[1] ?? ''
    if (HIRAGANA_NOT_NAMES.test(word)) continue
    const [start] = groupSpan(match, 1)
    const [, end] = groupSpan(match, 2)
    push({ type: 'person-name', start, end, severity: 'warn', replacement: `○○${match[2] ?? ''}` })
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
    `(?:妻|夫|長男|長女|次男|次女|息子|娘|父|母|兄|姉|弟|妹|家族|キーパーソン|主治医|担当医|担当看護師|執刀医|発見者|報告者|当事者|面会者)\\s*[:：]\\s*([${HAN}]{2,6}(?:[ ][${HAN}]{1,4})?)`,
    'du',
  )
  for (const match of matches(text, personLabel)) {
    const found = nameFromHanRun(match[1] ?? '')
    if (!found || found.offset > 0) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: startsWithCommonSurname(found.name) ? 'block' : 'warn', replacement: '○○' })
  }
  // 木村と名乗る男性
  for (const match of matches(text, new RegExp(`([${HAN}]{2,6}|[${KATA}]{2,10})(?=と名乗|と名のる|と称する|という名前)`, 'du'))) {
    const found = nameFromHanRun(match[1] ?? '')
    if (!found || found.offset > 0) continue
    push({ type: 'person-name', start: match.index, end: match.index + match[0].length, severity: 'block', replacement: '○○' })
  }

  // Staff written as surname + title (山田看護師, 鈴木Dr): confident for common surnames, otherwise a warning.
  const titled = new RegExp(`([${HAN}]{2,8})(${STAFF_TITLES})(?![${HAN}])`, 'du')
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
  for (const match of matches(text, new RegExp(`(?<![A-Za-z])(Ns|NS|Dr|DR)\\.?\\s?([${HAN}]{1,4}|[${KATA}]{2,10})`, 'du'))) {
    const name = match[2] ?? ''
    if (NOT_NAMES.has(name) || ROLE_WORDS.includes(name) || NOT_NAME_ENDINGS.test(name) || PLACEHOLDER.test(name)) continue
    const [start, end] = groupSpan(match, 2)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
  // After a label: 氏名：山田太郎, 患者名 佐藤花子
  for (const match of matches(text, new RegExp(`(?:氏名|患者氏名|患者名|お名前|名前|[Pp]atient name|[Nn]ame)\\s*(?:は|:|：)\\s*([${HAN}${KATA}]{2,8}(?:[ ][${HAN}${KATA}]{1,6})?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)`, 'du'))) {
    const name = match[1] ?? ''
    if (PLACEHOLDER.test(name) || NOT_NAMES.has(name) || /^(?:不明|未詳|なし|無し|匿名|非公開|伏せ字|記載なし)$/u.test(name)) continue
    const [start, end] = groupSpan(match, 1)
    push({ type: 'person-name', start, end, severity: 'block', replacement: '○○' })
  }
}

const ENGLISH_NOT_NAMES = new Set(
  ('On In At The A An And Or Of For To From With By Was Is Has Had Said Called Checked Ordered Gave Noted Found Saw Came ' +
    'Then Also Who Call Calls Office Staff Practice Training Handover Rounds Notes Orders ' +
    'Manager Managers Practitioner Practitioners Educator Educators Specialist Specialists Consultant Consultants ' +
    'Supervisor Supervisors Director Directors Coordinator Coordinators Navigator Navigators Anesthetist Anesthetists ' +
    'Midwife Midwives Aide Aides Assistant Assistants Team Teams Leader Leaders Unit Units Station Stations Champion ' +
    'Champions Lead Leads Shift Shifts Ratio Ratios In-charge Charge')
    .split(' '),
)

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

/** Common Japanese surnames in romaji, for English text without a title (Hanako Yamada, YAMADA Taro). */
const ROMAJI_SURNAMES =
  'Sato|Suzuki|Takahashi|Tanaka|Ito|Watanabe|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|Sasaki|Yamaguchi|Matsumoto|' +
  'Inoue|Kimura|Hayashi|Saito|Shimizu|Yamazaki|Ikeda|Hashimoto|Ishikawa|Yamashita|Nakajima|Ishii|Ogawa|Maeda|Okada|' +
  'Hasegawa|Fujita|Goto|Kondo|Murakami|Endo|Aoki|Sakamoto|Fukuda|Nishimura|Fujii|Kaneko|Okamoto|Fujiwara|Nakano|Miura|' +
  'Harada|Nakagawa|Matsuda|Takeuchi|Tamura|Nakayama|Wada|Ishida|Morita|Ueda|Shibata|Kudo|Yokoyama|Miyazaki|Miyamoto|' +
  'Uchida|Takagi|Ando|Shimada|Taniguchi|Ohno|Takada|Maruyama|Imai|Fujimoto|Murata|Takeda|Sugiyama|Masuda|Koyama|' +
  'Otsuka|Hirano|Sugawara|Matsui|Iwasaki|Sakurai|Kinoshita|Noguchi|Matsuo|Kikuchi|Nomura|Arai|Okabe|Mizuno|Hattori'
const INSTITUTION_WORDS = /^(?:University|Hospital|Clinic|Medical|General|Memorial|Prefecture|Prefectural|City|Station|Center|Centre|Institute|College|School|Corporation|Pharmaceutical|Pharma|Co|Ltd|Inc)$/

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

function detectFacilities(text: string, push: Push) {
  const pattern = new RegExp(`([${HAN}${KATA}A-Za-z0-9]{1,20})(${FACILITY_SUFFIXES})`, 'du')
  for (const match of matches(text, pattern)) {
    let prefix = match[1] ?? ''
    let [start] = groupSpan(match, 1)
    if (GENERIC_FACILITY.test(prefix) || PLACEHOLDER.test(prefix)) continue
    // A hiragana word directly before the run belongs to the name when it starts a clause (みなと中央病院).
    const before = text.slice(0, start).match(/(?:^|[\s、。「『（(・])([\p{Script=Hiragana}]{2,6})$/u)
    if (before?.[1] && !/[のにをはがでへ]$/u.test(before[1])) {
      start -= before[1].length
      prefix = before[1] + prefix
    }
    const [, end] = groupSpan(match, 2)
    push({ type: 'facility-name', start, end, severity: 'warn', replacement: `○○${match[2]}` })
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
      severity: 'warn',
      replacement: `○○ ${match[2]}`,
    })
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
export function maskFindings(text: string, findings: Finding[]): string {
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
