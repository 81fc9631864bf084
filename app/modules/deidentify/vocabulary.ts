// Word lists for the de-identification detector (detect.ts): which words are names, roles, relatives or generic
// hospital words, and the character classes the patterns share. Kept apart so detect.ts reads as rules.
// Pure and client-safe.

export const HAN = '\\p{Script=Han}々ヶ'
export const KATA = '\\p{Script=Katakana}ー・'
export const DASH = '\\-‐‑‒–—―−'
export const PLACEHOLDER = /[〇○◯●◎×✕＊*＿_]|某/u

/** About 300 common Japanese surnames: a name-like word that starts with one is a confident finding. */
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
/** Surnames that are also place names (千葉県, 石川県) are left out of the bare-surname rule. */
const PLACE_SURNAMES = new Set(['千葉', '福島', '宮崎', '石川', '福井', '熊谷', '松本', '岡崎', '上野', '成田', '上田', '山口'])
export const BARE_SURNAME = new RegExp(
  `(?<=^|[\\s、。「『（(・:：]|[のはがをにへとでもや])(?:${[...COMMON_SURNAMES]
    .filter((name) => name.length >= 2 && !PLACE_SURNAMES.has(name))
    .sort((a, b) => b.length - a.length)
    .join('|')})[${HAN}]{0,3}(?=[がはをにとへもや]|から|より)`,
  'u',
)
/** The word is one of the common surnames, nothing more (加藤 in 加藤眼科, not 原 in 原因). */
export const isCommonSurname = (word: string) => COMMON_SURNAMES.has(word)
export const startsWithCommonSurname = (word: string) => {
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
export const ROLE_WORDS = [
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
  // Departments before 部長 / 科長 (薬剤部長, 看護部長 are roles, issue 14).
  '薬剤', '看護', '薬剤部', '看護部', '事務部', '診療部', '医療技術部', '検査部', '放射線部', '栄養部', '医局', '総務', '医事',
]
export const ROLE_PREFIX = new RegExp(`^.*(?:${[...ROLE_WORDS].sort((a, b) => b.length - a.length).join('|')})`, 'u')

/** Whole words that are not names even though an honorific follows (お客様, 皆さん, 赤ちゃん …). */
export const NOT_NAMES = new Set(
  ('患者 家族 客 皆 奥 神 仏 父 母 兄 姉 弟 妹 息子 娘 夫 妻 旦那 嫁 婿 孫 祖父 祖母 叔父 叔母 伯父 伯母 彼 彼女 同 両 ' +
    '各 本人 隣 相手 先方 担当 赤 坊 王 姫 主人 ご主人 御主人 個人 他人 友人 知人 老人 夫人 婦人 親 親御 婆 爺 嬢 子 ' +
    '子供 子ども 様子 親子 若 大将 殿 姐 方 皆様 皆さん 甲 乙 丙 丁 諸 貴 某 当 本 自分 お前 俺 僕 私 先 医者 歯医者 ' +
    '大家 八百屋 魚屋 花屋 床屋 人 男 女 一 二 三 四 主 店 業者 職人 運転手 選手 歌手 先輩 後輩 上司 部下 仲間 ' +
    '同僚 友達 恋人 彼氏 源 平 氏 名 姓 御 ご お 賓 来賓 客人 仏様 神様 王様 殿様 奥様 奥さん 福 恵比寿 閻魔 地蔵 観音 ' +
    '両親 親族 遺族 家人 身内 親戚 同居人 長男 次男 三男 長女 次女 三女 夫婦 兄弟 姉妹 祖父母 義母 義父 義姉 義兄 義妹 義弟 ' +
    '甥 姪 孫娘 娘婿 子息 令嬢 受付 窓口 清掃 警備 売店 給食 医事 委託 派遣 当番 早番 遅番 中材 救急隊 大工 研修生 ' +
    '仕 模 多 異 有 無 左 上 今 沈 宮 御殿 宮殿 神殿 沈殿 同様 異様 仕様 模様 多様 一様 左様 有様 貴様 皆様方 お隣 向かい ' +
    // Words ending like the surnames 阿部, 土屋, 緒方, 庄司, 小室, 井手 (SURNAME_ENDINGS_LIKE_ROLES) that are not names.
    '本屋 薬屋 酒屋 肉屋 米屋 問屋 小屋 部屋 花屋 助手 上手 下手 両手 片手 右手 左手 裏方 親方 味方 夕方 朝方 双方 両方 ' +
    '貴方 相方 仕方 見方 地方 他方 一方 上司 行司 寿司 宮司 教室 病室 個室 同室 控室 和室 洋室 居室 自室 別室 各部 全部 ' +
    '一部 内部 外部 幹部 本部 支部 学部 医学部 薬学部 看護学部 事務方 奥方 殿方 先方 相手')
    .split(' '),
)
/** Endings of NOT_NAME_ENDINGS that many surnames share (阿部, 土屋, 緒方, 庄司, 小室, 井手). */
export const SURNAME_ENDINGS_LIKE_ROLES = /[部屋方司室手]$/u
/** Name-like words ending in these are roles or places, not people (清掃員さん, 介護士さん, 薬局さん). */
export const NOT_NAME_ENDINGS = /[者員士師医長児係婦様方官役課科室棟院局部会族屋店僚輩司任護級勤業直制齢手嬢坊隊番工]$/u

export const KATAKANA_NOT_NAMES =
  /^(?:ナース|ドクター|ヘルパー|ケアマネ(?:ジャー)?|ママ|パパ|リーダー|サブリーダー|スタッフ|ケアワーカー|ソーシャルワーカー|ワーカー|クラーク|ボランティア|ドライバー|メーカー|ディーラー|ベテラン|パート|バイト|アルバイト|ゲスト|ユーザー|メンバー|セラピスト|カウンセラー|コーディネーター|マネージャー|マネジャー|オペ|ナースエイド|エイド|ドクターズクラーク|ポーター|チーム|ペア|パートナー|オーナー|シェフ|プロ|ファン|モデル|キャスト|お客|トレーナー|インストラクター|コンシェルジュ|ガードマン|ホスト|ホステス|サンタ|オジ|オバ|ネエ|ニイ|バア|ジイ|リハ|リハビリ|ケア|ベンダー|クライアント|ドナー|レシピエント|キーパーソン|ファミリー|レントゲン|ラボ|ペイシェント|ゲスト|ナースコール)$/u

export const HONORIFICS = '様|さま|さん|氏|くん|君|ちゃん|先生|殿'
/** What follows "Dr" or "Ns" in ward shorthand when it is not a name (Dr指示, Ns申し送り). */
export const WARD_ACTIONS =
  /^(?:指示|診察|報告|確認|判断|到着|来棟|来室|不在|対応|許可|説明|処方|記載|回診|当直|診断|依頼|同席|同意|相談|連絡|訪室|処置|往診|待機|介入|管理|承認|診|指|申|記録|観察|判|付|同|付添|付き添い|間|側|全員|複数|二名|2名|1名|一名)/u
export const HIRAGANA_NOT_NAMES =
  /^(?:お?ばあ|お?じい|お?ねえ|お?にい|お?かあ|お?とう|あか|ぼっ|おじょう|おっ|みんな|みな|おば|おじ|ばっ|じっ|いっ|こっ|そっ|あっ|どっ|たく|おきゃく|きゃく|おいしゃ|いしゃ|かんごし|おく|おこ|むすこ|むすめ|だんな|おまわり|おにい|おねえ|ごしゅじん|おくさ|おきゃくさ|ごかぞく|おとなり|おむかい|おやこ|おふたり|ふたり|おひとり|ひとり|おそれ|さん|たいへん|みなさ|おつかれ|ごくろう|おかげ|おたがい|おさき|おまち|おだいじ|おつき|ともだち|おともだち|ごりょうしん|おとうと|いもうと|おじょう|おぼっ|ぼう|あんちゃ|かあ|とう)$/u
/** Job abbreviations used like names in Japanese wards (PTさん, MEさん). */
export const LATIN_ROLES = /^(?:PT|OT|ST|ME|CE|MSW|PSW|SW|CW|NS|Ns|DR|Dr|MR|SE|RT|ORT|CRC|CM|MA|NP|PA|DH|CP|RD|ER|OP|HCU|ICU|NICU|ECU|MC|TA|AD|PM|IT|QA|QC|GM)$/u
/**
 * Job abbreviations written after a surname (山田PT, 中村Ph., 西村CN): therapists, engineers, social and care workers,
 * radiographers, lab technicians, pharmacists, certified and specialist nurses, nurse practitioners, clinical
 * psychologists (CP), care managers (CM); ns / dr typed in lower case. Longer first.
 */
export const STAFF_ABBREVIATIONS = '(?:PharmD|RPh\\.?|Rph\\.?|Ph\\.?|MSW|PSW|CNS|ORT|PT|OT|ST|ME|CE|CW|SW|RT|CN|NP|RN|MT|CP|CM|ns\\.?|dr\\.?)(?![A-Za-z])'
/** Words after a ward abbreviation that are not a name (ST評価, PT介入, OT訓練, ME機器). */
export const ABBREVIATION_NOT_NAMES =
  /^(?:中|時|後|前|室|科|部|的|等|用)$|^(?:評価|介入|訓練|開始|実施|終了|中止|専門|担当|主体|機器|点検|練習|処方|依頼|指示|計画|歩行|離床|場面|時間|単位|後方|同行|同席|不在|休み|病棟|外来|部門|全員|複数|二名|2名|1名|一名|見守り|介助|立位|座位|移乗|嚥下|食事|検査|機器管理|操作|交換|導入|退院|入院|自主|個別|集団|通常|再開|変更|追加|増量|減量)/u
/** Letters before a title that are a team or a unit, not initials (ICU看護師, NST Dr, RRT Ns). */
export const TEAMS_AND_UNITS =
  /^(?:ICU|HCU|CCU|SCU|GCU|NICU|PICU|MFICU|EICU|ER|OR|OP|NST|RST|ICT|AST|DST|PCT|RRT|MET|CRC|IVR|HD|CKD|DM|PCU|MSW|PSW|CE|ME|PT|OT|ST|SW|CW|RT|ORT|NP|PA|MD|RN|LPN|CNS|CN|DPAT|DMAT|JMAT|ECMO|CPA|OPE|ANS|APN|SPD|QC|QA|IT|TV|PC|NHK|JR|DX|EMR|EHR|ACP|BLS|ACLS|ICLS|PALS|NCPR|CVC|PICC|CV|IV|IM|SC|PO|NG|OGT|NGT|PEG|ADL|QOL|PS|JCS|GCS|CT|MRI|MR|RI|US|ECG|EKG|EEG|ABG|BGA|CPR|AED|DNR|DNAR|POLST|KP|PM|AM|OK|NG)$/u
/** Job titles written after a staff member's surname (山田看護師, 鈴木Dr). */
export const STAFF_TITLES =
  '看護師長代理|副看護師長|副師長|主任看護師|主任薬剤師|病棟薬剤師|認定看護師|専門看護師|看護補助者|臨床工学技士|管理栄養士|' +
  '診療放射線技師|放射線技師|臨床検査技師|介護福祉士|社会福祉士|精神保健福祉士|歯科衛生士|救急救命士|救命士|' +
  '医療ソーシャルワーカー|ソーシャルワーカー|ケアワーカー|ケアマネジャー|ケアマネージャー|' +
  'リーダー看護師|リーダーナース|リーダー|副主任|看護主任|係長|指導医|専攻医|上級医|執刀医|担当医|' +
  '看護部長|薬剤部長|事務部長|診療部長|看護師長|准看護師|看護師|看護助手|助産師|保健師|医師|主治医|研修医|薬剤師|師長|主任|技師長|技師|技士|理学療法士|作業療法士|言語聴覚士|栄養士|介護士|事務員|部長|医長|科長|院長|副院長|教授|Ns\\.?|NS\\.?|Dr\\.?|DR\\.?|ドクター|ナース'

export const FACILITY_SUFFIXES = '保健医療総合センター|保健医療センター|こども医療センター|小児医療センター|医療研究センター|がん研究センター|がんセンター|医科大学|医大|病院|医院|クリニック|診療所|医療センター|歯科医院|薬局|訪問看護ステーション|整骨院|接骨院'
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
  '外来', '病院', '保健', '保健医療', '総合保健', 'こども', '在宅療養支援', '支援', '医療', '老人', '介護', '療養病床', '単科', '精神', 'がん', '産婦人科',
]
/** Kinds of care home and service that are followed by their own name (グループホームさくら, 老健ひまわり苑). */
export const CARE_FACILITY_TYPES =
  '介護老人保健施設|老人保健施設|特別養護老人ホーム|有料老人ホーム|住宅型有料老人ホーム|介護付き?有料老人ホーム|養護老人ホーム|軽費老人ホーム|老人ホーム|' +
  'サービス付き高齢者向け住宅|サ高住|グループホーム|デイサービスセンター|デイサービス|デイケア|通所リハビリテーション|通所リハビリ|通所介護|' +
  'ショートステイ|小規模多機能型居宅介護|小規模多機能ホーム|小規模多機能|居宅介護支援事業所|ケアハウス|老健|特養|介護医療院|障害者支援施設|' +
  // Home-care services are named after their type too (訪問看護ステーションあおば, ケアプランセンターみどり).
  '訪問看護ステーション|訪問看護ST|訪問介護事業所|訪問介護ステーション|ヘルパーステーション|ケアプランセンター|居宅介護支援センター|' +
  '地域包括支援センター|在宅介護支援センター'
/** What follows a kind of care home without being its name (グループホームの職員, デイサービス利用者, 老健スタッフ). */
export const CARE_NOT_NAMES =
  /^(?:スタッフ|センター|ホーム|ハウス|ケア|サービス|リハビリ|リハ|ステイ|ナース|ヘルパー|ケアマネ|ケアマネジャー|ケアマネージャー|ワーカー|ドクター|ショート|デイ|ルーム|フロア|ユニット|バス|カー|ベッド|トイレ|ホール|マネージャー|レク|レクリエーション|プログラム|メニュー|グループ|ケアプラン|プラン|カンファレンス|チーム)$/u
export const LEADING_FACILITY_WORDS = /^(?:転院先|転院元|搬送先|搬送元|紹介先|紹介元|前医|近隣|地元|市内|県内|市外|県外|近医)+/u
// One-kanji words (同, 当, 大, 他) are generic alone or before longer words (当大学, 同総合), but two of them together
// are a name (大同病院).
const generic = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|')
export const GENERIC_FACILITY = new RegExp(
  `^(?:(?:${generic(GENERIC_FACILITY_WORDS.filter((word) => word.length === 1))})?(?:${generic(GENERIC_FACILITY_WORDS.filter((word) => word.length > 1))}|[A-Z]|[〇○◯])+|${generic(GENERIC_FACILITY_WORDS.filter((word) => word.length === 1))}|[A-Z]|[〇○◯])$`,
  'u',
)


export const ENGLISH_NOT_NAMES = new Set(
  ('On In At The A An And Or Of For To From With By Was Is Has Had Said Called Checked Ordered Gave Noted Found Saw Came ' +
    'Then Also Who Call Calls Office Staff Practice Training Handover Rounds Notes Orders ' +
    'Manager Managers Practitioner Practitioners Educator Educators Specialist Specialists Consultant Consultants ' +
    'Supervisor Supervisors Director Directors Coordinator Coordinators Navigator Navigators Anesthetist Anesthetists ' +
    'Midwife Midwives Aide Aides Assistant Assistants Team Teams Leader Leaders Unit Units Station Stations Champion ' +
    'Champions Lead Leads Shift Shifts Ratio Ratios In-charge Charge')
    .split(' '),
)

/** Common Japanese surnames in romaji, for English text without a title (Hanako Yamada, YAMADA Taro). */
export const ROMAJI_SURNAMES =
  'Sato|Suzuki|Takahashi|Tanaka|Ito|Watanabe|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|Sasaki|Yamaguchi|Matsumoto|' +
  'Inoue|Kimura|Hayashi|Saito|Shimizu|Yamazaki|Ikeda|Hashimoto|Ishikawa|Yamashita|Nakajima|Ishii|Ogawa|Maeda|Okada|' +
  'Hasegawa|Fujita|Goto|Kondo|Murakami|Endo|Aoki|Sakamoto|Fukuda|Nishimura|Fujii|Kaneko|Okamoto|Fujiwara|Nakano|Miura|' +
  'Harada|Nakagawa|Matsuda|Takeuchi|Tamura|Nakayama|Wada|Ishida|Morita|Ueda|Shibata|Kudo|Yokoyama|Miyazaki|Miyamoto|' +
  'Uchida|Takagi|Ando|Shimada|Taniguchi|Ohno|Takada|Maruyama|Imai|Fujimoto|Murata|Takeda|Sugiyama|Masuda|Koyama|' +
  'Otsuka|Hirano|Sugawara|Matsui|Iwasaki|Sakurai|Kinoshita|Noguchi|Matsuo|Kikuchi|Nomura|Arai|Okabe|Mizuno|Hattori'
export const INSTITUTION_WORDS = /^(?:University|Hospital|Clinic|Medical|General|Memorial|Prefecture|Prefectural|City|Station|Center|Centre|Institute|College|School|Corporation|Pharmaceutical|Pharma|Co|Ltd|Inc)$/
