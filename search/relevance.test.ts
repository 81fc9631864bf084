/**
 * Relevance over a fixed set of fictional case documents (no database needed): each query names the case a
 * member means; it must be in the top 3. Prints the hit rate. The same exercise over the demo cases, through the
 * real case mapper, is tests/integration/search-relevance.test.ts once the cases area is on main.
 */
import { beforeAll, expect, test } from 'vitest'
import { finishDocument } from './documents/document.ts'
import { EmbeddedEngine } from './embedded.server.ts'

const CASES: [string, string, string, string[]][] = [
  ['k01', 'インスリンの単位を読み誤り10倍量を皮下注射', '手書き指示の「U」を「0」と読み、速効型インスリンを過量に投与した。昼前に低血糖で発見。', ['インスリン', '低血糖']],
  ['k02', '高濃度カリウム製剤の急速静注指示を薬剤師が止めた', '塩化カリウム注をワンショットで静注する指示が出たが、疑義照会で中止された。', ['ハイリスク薬', '疑義照会']],
  ['k03', '抗凝固薬の休薬が伝わらず手術が延期', '外来で説明した休薬指示が病棟に伝わらず、ワルファリンを内服したまま入院した。', ['周術期', '持参薬']],
  ['k04', '採血時に患者を取り違え、血液型が不一致', '同じ時間帯に採血した別の患者の検体ラベルを貼り、二回目の検査で判明した。', ['輸血', '採血']],
  ['k05', '夜間せん妄の高齢患者がトイレで転倒し骨折', '離床センサーの電源が切れており、単独で歩いてトイレへ向かう途中に転倒した。', ['高齢者', '夜間']],
  ['k06', '移送中に酸素ボンベの残量がなくなった', 'CT室へ移送する途中で酸素ボンベが空になり、SpO2が低下した。', ['医療機器', '移送']],
  ['k07', '抜歯で左右を取り違えかけた', '全身麻酔下の抜歯で、タイムアウト時に左右の誤りに気づいた。', ['手術部位', 'タイムアウト']],
  ['k08', '経鼻胃管の誤挿入に気づかず栄養剤を注入', '胃管が気管に入ったまま経腸栄養を開始し、呼吸状態が悪化した。', ['経鼻胃管', '経腸栄養']],
  ['k09', '画像診断レポートの所見を確認せず診断が遅れた', 'CTレポートに記載された肺結節を主治医が見落とし、半年後に判明した。', ['見落とし', 'CT']],
  ['k10', '同姓の患者に内服薬を与薬', '同じ病棟に同姓の患者が二人おり、ネームバンドを確認せずに別の患者へ配薬した。', ['患者確認', '誤薬']],
  ['k11', 'ベッド柵の隙間に腕が挟まり皮下出血', 'サイドレールの隙間に前腕が入り、背上げ操作で挟み込みが起きた。', ['ベッド', '認知症']],
  ['k12', 'シリンジポンプの流量を10倍に設定', 'ヘパリンの流量を2.0のつもりで20と入力した。ドラッグライブラリは未導入だった。', ['シリンジポンプ', 'ハイリスク薬']],
  ['k13', '不穏の患者が中心静脈カテーテルを自己抜去', '夜間に不穏となりCVカテーテルを抜いた。抑制の判断基準を見直した。', ['チューブ', 'せん妄']],
  ['k14', '造影剤の副作用歴が伝わらずアナフィラキシー', '前回の造影で蕁麻疹が出ていたが問診票に反映されず、造影CTで血圧が低下した。', ['造影剤', 'アレルギー']],
  ['k15', '口頭指示のノルアドレナリンを聞き違えた', '救急外来で「ノルアド」を「アドレナリン」と聞き、復唱しなかった。', ['口頭指示', '救急外来']],
  ['k16', '夜間の輸血で照合を省略し別の患者の製剤を接続', 'ベッドサイドでのバーコード照合を省き、同室患者の赤血球製剤をつないだ。ABO不適合は回避された。', ['輸血', '夜間']],
  ['k17', '嚥下障害のある患者に常食が配膳され窒息', '食形態の指示が変更されず、食事中に誤嚥して窒息した。', ['誤嚥', '食事']],
  ['k18', '麻薬金庫の錠剤が一錠足りない', 'オキシコドン錠の数量が合わず、紛失として届け出た。', ['麻薬', '薬品管理']],
  ['k19', '術後のX線でガーゼの遺残が判明', '腹部手術後の撮影で体内にガーゼが残っていることがわかり、再手術となった。', ['手術', 'ガーゼカウント']],
  ['k20', '小児の抗がん剤で体重換算を誤った', '体重の単位を取り違え、約2倍量のオーダを薬剤師が発見した。', ['抗がん剤', '小児']],
  ['k21', 'モニタのアラーム音量が最小で呼吸停止の発見が遅れた', 'SpO2モニタの音量が下げられており、アラーム疲労が背景にあった。', ['アラーム', 'モニタ']],
  ['k22', 'NPPVマスクによる鼻の褥瘡', 'マスクの圧迫で鼻根部に医療関連機器圧迫創傷ができた。', ['褥瘡', 'NPPV']],
  ['k23', 'ダブルチェックしたのにモルヒネの規格を間違えた', '二人で確認したが規格違いを見逃し、呼吸抑制が起きた。確認が形骸化していた。', ['ダブルチェック', '麻薬']],
  ['k24', '経腸栄養剤を点滴ラインにつなぎかけた', '誤接続防止コネクタ（ENFit）への切り替えが済んでいない病棟で起きたヒヤリハット。', ['誤接続', 'チューブ']],
  ['k25', '救急外来で患者家族から職員への暴力', '待ち時間への不満から家族が看護師を押した。院内暴力への対応手順を整えた。', ['院内暴力', 'クレーム']],
  ['k26', 'エコーを使わないCV穿刺で動脈を誤穿刺', '研修医が超音波ガイドなしで穿刺し、動脈に入った。', ['CVカテーテル', '研修医']],
  ['k27', '転院時の持参薬で降圧薬が重複', '情報提供書と持参薬の照合が不十分で、同じ降圧薬を二重に内服して低血圧となった。', ['持参薬', '重複投与']],
  ['k28', '認知症の患者が夜間に病棟から離院', '見守りの隙に病棟を出て、屋外で保護された。徘徊への対策を見直した。', ['離院', '認知症']],
]

// [query, expected case, what it exercises]
const QUERIES: [string, string, string][] = [
  ['インスリン 過量', 'k01', 'multi-word'],
  ['いんすりん', 'k01', 'hiragana for katakana'],
  ['ｲﾝｽﾘﾝ', 'k01', 'half-width'],
  ['インシュリン 低血糖', 'k01', 'synonym spelling'],
  ['塩化カリウム ワンショット', 'k02', 'multi-word'],
  ['抗凝固薬 休薬', 'k03', 'multi-word'],
  ['ワーファリン', 'k03', 'synonym ワルファリン'],
  ['患者誤認 血液型', 'k04', 'synonym 取り違え'],
  ['転落 骨折', 'k05', 'synonym 転倒'],
  ['せん妄 トイレ', 'k05', 'multi-word'],
  ['酸素ボンベ', 'k06', 'compound'],
  ['左右取り違え 抜歯', 'k07', 'synonym + multi-word'],
  ['タイムアウト', 'k07', 'katakana'],
  ['経鼻胃管 誤挿入', 'k08', 'multi-word'],
  ['肺結節 見落とし', 'k09', 'multi-word'],
  ['与薬エラー 同姓', 'k10', 'synonym 誤薬'],
  ['ベッド柵 挟み込み', 'k11', 'multi-word'],
  ['サイドレール', 'k11', 'katakana'],
  ['シリンジポンプ 流量', 'k12', 'multi-word'],
  ['へぱりん', 'k12', 'hiragana for katakana'],
  ['ｼﾘﾝｼﾞﾎﾟﾝﾌﾟ', 'k12', 'half-width with voiced marks'],
  ['シリンジポンブ', 'k12', 'typo'],
  ['カテーテル 自己抜去', 'k13', 'multi-word'],
  ['造影剤 アナフィラキシー', 'k14', 'multi-word'],
  ['アナフィラキ', 'k14', 'prefix while typing'],
  ['ノルアドレナリソ', 'k15', 'typo'],
  ['口頭指示 復唱', 'k15', 'multi-word'],
  ['輸血 照合', 'k16', 'multi-word'],
  ['ABO不適合', 'k16', 'latin + kanji'],
  ['誤嚥 常食', 'k17', 'multi-word'],
  ['麻薬 紛失', 'k18', 'multi-word'],
  ['おきしこどん', 'k18', 'hiragana for katakana'],
  ['ガーゼ 遺残', 'k19', 'multi-word'],
  ['抗がん剤 体重換算', 'k20', 'multi-word'],
  ['アラーム 音量', 'k21', 'multi-word'],
  ['床ずれ マスク', 'k22', 'synonym 褥瘡'],
  ['モルヒネ 規格', 'k23', 'multi-word'],
  ['ダブルチェック 形骸化', 'k23', 'multi-word'],
  ['ＥＮＦｉｔ', 'k24', 'full-width latin'],
  ['インシデント 経腸栄養', 'k24', 'synonym ヒヤリハット'],
  ['院内暴力', 'k25', 'compound'],
  ['動脈 誤穿刺', 'k26', 'multi-word'],
  ['降圧薬 重複', 'k27', 'multi-word'],
  ['離院 認知症', 'k28', 'multi-word'],
  ['徘徊', 'k28', 'body word'],
]

const engine = new EmbeddedEngine()

beforeAll(async () => {
  async function* source() {
    yield CASES.map(([id, title, body, tags], i) =>
      finishDocument({ type: 'case', id, title, body, url: `/cases/${id}`, tags, jqCategory: null, impactLevel: null, year: 2024, publishedAt: Date.UTC(2024, 0, 1 + i) }),
    )
  }
  await engine.rebuild(source())
})

test(`relevance: ${QUERIES.length} Japanese queries over ${CASES.length} cases, the meant case in the top 3`, async () => {
  expect(QUERIES.length).toBeGreaterThanOrEqual(40)
  const misses: string[] = []
  for (const [q, expected, kind] of QUERIES) {
    const { hits } = await engine.search({ q, pageSize: 3 })
    if (!hits.some((hit) => hit.document.id === expected)) misses.push(`${q} (${kind}) → ${expected}; got ${hits.map((hit) => hit.document.id).join(', ') || 'nothing'}`)
  }
  const rate = (QUERIES.length - misses.length) / QUERIES.length
  console.log(`Search relevance (fixture cases): ${QUERIES.length - misses.length}/${QUERIES.length} in the top 3 (hit rate ${(rate * 100).toFixed(1)}%)`)
  if (misses.length) console.log(`Misses:\n  ${misses.join('\n  ')}`)
  expect(rate).toBeGreaterThanOrEqual(0.9)
})
