/**
 * Demo best practices (issue 7) with adoptions across the demo hospitals. Everything here is invented and
 * de-identified (no person or hospital names in the text; the author's hospital is shown from their profile).
 * Safe to run again: practices are matched by seedKey, adoptions by (practice, hospital).
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { AdoptionStatusCode, PracticeThemeCode } from '#app/modules/practices/labels.ts'
import { COUNTED_ADOPTION_STATUSES } from '#app/modules/practices/labels.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'

type DemoResult = { metric: string; before: string; after: string; unit?: string; period?: string }
type DemoAdoption = { hospital: string; status: AdoptionStatusCode; before?: string; after?: string; note?: string }
export type DemoPractice = {
  key: string
  author: string
  title: string
  theme: PracticeThemeCode
  tags: string[]
  problem: string
  whatWasDone: string
  steps: string
  resources: string
  pitfalls: string
  results: DemoResult[]
  adoptions: DemoAdoption[]
}

export const DEMO_PRACTICES: DemoPractice[] = [
  {
    key: 'fall-bundle',
    author: 'member@qso.example',
    title: '転倒予防バンドルの全病棟展開',
    theme: 'CARE',
    tags: ['転倒', 'バンドル', '夜間'],
    problem: '入院患者の転倒が月に十数件あり、骨折に至る事例も年に数件あった。病棟ごとに対策がばらばらで、アセスメントも入院時の一回きりだった。',
    whatWasDone:
      '転倒リスクアセスメントを入院時・術後・転棟時・睡眠薬開始時の4つの時点で必ず行うことにした。\n\n高リスク患者には「低床ベッド、離床センサー、履物の確認、排泄パターンに合わせた定時誘導、夜間の足元灯」の5項目をバンドルとして一括で実施し、毎日の勤務交代時にチェックリストで確認した。\n\n月1回、転倒事例を病棟ごとに振り返り、バンドルが守られていたかを確認した。',
    steps:
      '1. 医療安全管理室と看護部で5項目を決める（1か月）\n2. モデル病棟2つで3か月試行し、チェックリストを修正\n3. 全病棟の看護師長会で説明し、電子カルテにチェック欄を追加\n4. 毎月、遵守率と転倒率を病棟別に掲示',
    resources: 'リンクナース各病棟1名（月2時間程度）。離床センサーの追加購入（約20台）。電子カルテのテンプレート改修。',
    pitfalls: '離床センサーの鳴りすぎで夜勤者が疲弊し、電源が切られていた時期があった。対象患者を絞り、鳴ったときの対応を決めてから改善した。',
    results: [
      { metric: '転倒率', before: '3.1', after: '2.2', unit: '‰', period: '12か月' },
      { metric: '骨折を伴う転倒', before: '6', after: '2', unit: '件/年', period: '12か月' },
    ],
    adoptions: [
      { hospital: 'さくら台総合病院', status: 'ADOPTED', before: '転倒率 3.4‰', after: '2.6‰（6か月）', note: '離床センサーは既存のものを再配置して対応した。' },
      { hospital: 'しおかぜ記念病院', status: 'TRIAL', note: '整形外科病棟で試行中。' },
      { hospital: 'あおば北総合医療センター', status: 'CONSIDERING' },
    ],
  },
  {
    key: 'insulin-barcode',
    author: 'member2@qso.example',
    title: 'インスリン投与時のバーコード認証とダブルチェックの組み合わせ',
    theme: 'MEDICATION',
    tags: ['インスリン', 'バーコード', 'ダブルチェック', 'ハイリスク薬'],
    problem: 'インスリンの単位間違い・患者間違いのヒヤリ・ハットが続いていた。二人で読み合わせるダブルチェックは形骸化し、もう一人が見ているだけになっていた。',
    whatWasDone:
      '投与直前に患者リストバンド・インスリン製剤・指示をバーコードで照合し、照合できない場合は投与画面に進めないようにした。\n\nダブルチェックは「二人目が指示を見ずに単位を読み上げ、一人目が指示と照らす」独立した確認方法に変えた。スライディングスケールは院内で3種類に統一した。',
    steps:
      '1. 薬剤部・看護部・情報システム部門で照合の流れを決める\n2. インスリン製剤すべてに個別バーコードを貼付（薬剤部）\n3. 独立ダブルチェックの手順を動画で作成し、全看護師が視聴\n4. 3か月ごとに照合のスキップ件数を確認',
    resources: '携帯端末の追加（各病棟2台）。薬剤部での貼付作業（1日約30分）。',
    pitfalls: '緊急時に照合をスキップする運用を認めたところ、スキップが常態化した。スキップ理由の入力を必須にし、月次で確認するようにした。',
    results: [
      { metric: 'インスリン関連インシデント', before: '14', after: '5', unit: '件/半年', period: '6か月' },
      { metric: 'バーコード照合実施率', before: '0', after: '97', unit: '%', period: '6か月' },
    ],
    adoptions: [
      { hospital: 'みなと中央病院', status: 'ADOPTED', before: '11件/半年', after: '4件/半年', note: 'スライディングスケールの統一が一番効いた印象。' },
      { hospital: '東海みらい大学病院', status: 'TRIAL' },
      { hospital: 'しおかぜ記念病院', status: 'CONSIDERING', note: '端末の予算を申請中。' },
      { hospital: 'ひかり野こころの病院', status: 'DISCONTINUED', note: 'インスリン使用患者が少なく、費用に見合わないと判断した。' },
    ],
  },
  {
    key: 'rrs',
    author: 'demo.cqso5@qso.example',
    title: '院内迅速対応システム（RRS）の導入と起動基準の簡素化',
    theme: 'TREATMENT',
    tags: ['RRS', '急変', '早期警告スコア'],
    problem: '予期せぬ心停止の多くで、数時間前からバイタルサインの悪化が記録されていたが、主治医への連絡が遅れていた。',
    whatWasDone:
      '集中治療医と看護師からなる対応チームを平日日中に配置し、呼吸数・SpO2・血圧・脈拍・意識の5項目の早期警告スコアで一定点数以上なら誰でも直接呼べるようにした。\n\n「心配だから呼ぶ」も起動基準に入れ、呼んだことを責めない方針を院長名で周知した。',
    steps:
      '1. 対応チームの構成と時間帯を決める\n2. 早期警告スコアを電子カルテに組み込み、自動計算\n3. 全職員向けの説明会と、起動の模擬訓練\n4. 起動件数と院内心停止件数を四半期ごとに報告',
    resources: '集中治療医・集中ケア認定看護師の時間（当番制）。電子カルテの改修費用。',
    pitfalls: '起動件数が少ない時期は「呼びにくさ」が原因だった。チームから病棟へ出向いて顔の見える関係を作ると増えた。',
    results: [
      { metric: '院内心停止', before: '2.8', after: '1.6', unit: '件/千入院', period: '24か月' },
      { metric: 'RRS起動件数', before: '3', after: '21', unit: '件/月', period: '24か月' },
    ],
    adoptions: [
      { hospital: 'あおば北総合医療センター', status: 'ADOPTED', before: '院内心停止 2.5件/千入院', after: '1.9件/千入院（12か月）' },
      { hospital: 'みなと中央病院', status: 'TRIAL', note: '夜間帯は当直医の対応で試行中。' },
    ],
  },
  {
    key: 'brought-in-drugs',
    author: 'member2@qso.example',
    title: '持参薬鑑別を薬剤師が入院当日に行う体制',
    theme: 'MEDICATION',
    tags: ['持参薬', '薬剤師', '入院時'],
    problem: '持参薬の確認が病棟看護師任せで、同効薬の重複投与や休薬すべき抗血栓薬の継続が起きていた。',
    whatWasDone:
      '予定入院は入院前の外来で、緊急入院は入院当日中に、薬剤師が持参薬を鑑別して電子カルテに一覧を作成するようにした。\n\n抗血栓薬・糖尿病薬・免疫抑制薬は「要確認」として主治医に通知し、継続・中止の指示を受けるまで投与しないルールにした。',
    steps:
      '1. 入院支援センターに薬剤師を配置（午前・午後各1名）\n2. 持参薬鑑別書のテンプレートを作成\n3. 休日入院分は翌朝一番に鑑別',
    resources: '薬剤師0.5〜1名分の人員。病棟薬剤業務実施加算の算定で一部を賄った。',
    pitfalls: '休日入院の鑑別が遅れる。休日は病棟看護師が「要確認薬」の有無だけ確認する簡易版を用意した。',
    results: [{ metric: '持参薬関連インシデント', before: '22', after: '9', unit: '件/年', period: '12か月' }],
    adoptions: [
      { hospital: 'みなと中央病院', status: 'ADOPTED', before: '18件/年', after: '8件/年' },
      { hospital: 'やまなみクリニック', status: 'CONSIDERING', note: '入院はないが、手術前の内服確認に応用できないか検討。' },
      { hospital: 'しおかぜ記念病院', status: 'ADOPTED' },
    ],
  },
  {
    key: 'kyt-training',
    author: 'demo.aqso4@qso.example',
    title: 'イラストを使ったKYT（危険予知トレーニング）研修の定例化',
    theme: 'EDUCATION',
    tags: ['KYT', '研修', '新人'],
    problem: '新人看護師の転倒・誤薬に関するヒヤリ・ハットが多く、集合研修では「わかったつもり」で終わっていた。',
    whatWasDone:
      '病棟でよくある場面のイラスト（夜間のトイレ歩行、配薬カートの前など）を10枚作成し、4人1組で「どんな危険が潜んでいるか」「自分ならどうするか」を話し合う15分のKYTを、各病棟の朝の申し送り後に月2回行った。\n\n話し合った内容はシートに残し、リスクマネージャーがコメントを返した。',
    steps: '1. イラストを10枚作成（院内のデザインが得意な職員に依頼）\n2. 進行役の手引きを作成\n3. 各病棟で月2回、15分で実施\n4. 半年ごとにイラストを入れ替え',
    resources: '進行役の看護師（各病棟1名）。イラスト作成の時間。費用はほぼなし。',
    pitfalls: '業務が忙しい日に流れやすい。実施日を病棟の年間予定に組み込み、短時間で終えることを徹底した。',
    results: [
      { metric: '新人の転倒関連ヒヤリ・ハット報告', before: '8', after: '15', unit: '件/半年', period: '6か月' },
      { metric: '新人の転倒事故（3a以上）', before: '4', after: '1', unit: '件/半年', period: '6か月' },
    ],
    adoptions: [
      { hospital: 'さくら台総合病院', status: 'ADOPTED', note: '薬剤部の新人研修にも使っている。' },
      { hospital: 'みなと中央病院', status: 'ADOPTED' },
      { hospital: '東海みらい大学病院', status: 'TRIAL' },
      { hospital: 'やまなみクリニック', status: 'TRIAL', note: '外来の場面に合わせてイラストを描き直した。' },
    ],
  },
  {
    key: 'patient-id-naming',
    author: 'member@qso.example',
    title: '患者参加型の誤認防止：患者さん自身に名乗ってもらう',
    theme: 'PATIENT_ENGAGEMENT',
    tags: ['患者誤認', '名乗り', '患者参加'],
    problem: '同姓の患者や似た名前の患者での取り違えが、採血・配膳・与薬の場面で起きていた。職員が「○○さんですね」と聞くと、患者は「はい」と答えてしまう。',
    whatWasDone:
      '職員が名前を言うのをやめ、「お名前と生年月日を教えてください」と患者さんに名乗ってもらい、リストバンドや伝票と照合する方法に全部署で統一した。\n\n入院時に患者さん向けのリーフレットで「確認のために何度もお名前を伺います」と説明し、協力をお願いした。名乗れない患者さんはリストバンドとバーコードで確認する。',
    steps: '1. 全部署共通の声かけ手順を決める\n2. 患者さん向けリーフレットとポスターを作成\n3. 各部署で1週間の集中キャンペーン\n4. 医療安全ラウンドで実施状況を確認',
    resources: 'リーフレット・ポスターの印刷費。キャンペーン期間のラウンド担当者。',
    pitfalls: '外来の会計や売店など、医療者以外の部署でも同じ方法にしないと患者さんが戸惑う。事務部門も巻き込んだ。',
    results: [{ metric: '患者誤認インシデント', before: '31', after: '17', unit: '件/年', period: '12か月' }],
    adoptions: [
      { hospital: 'ひかり野こころの病院', status: 'ADOPTED', note: '名乗れない患者さんには顔写真付きのリストバンドを併用。' },
      { hospital: 'しおかぜ記念病院', status: 'ADOPTED', before: '24件/年', after: '15件/年' },
      { hospital: 'あおば北総合医療センター', status: 'ADOPTED' },
      { hospital: 'さくら台総合病院', status: 'TRIAL' },
      { hospital: 'やまなみクリニック', status: 'ADOPTED', note: '受付から診察室まで同じ声かけにした。' },
    ],
  },
  {
    key: 'sbar',
    author: 'demo.cqso3@qso.example',
    title: 'SBARによる報告の標準化と医師側の受け方研修',
    theme: 'INTERPROFESSIONAL',
    tags: ['SBAR', 'コミュニケーション', '報告'],
    problem: '夜間の看護師から当直医への電話報告で要点が伝わらず、指示が遅れる・「様子を見て」で終わる事例があった。',
    whatWasDone:
      '看護師向けにSBAR（状況・背景・評価・提案）での報告を練習するロールプレイ研修を行い、電話の横にSBARカードを置いた。\n\n同時に、研修医・当直医向けに「報告を受けるときは最後に復唱し、次に連絡する基準を伝える」受け方の研修を行った。報告する側だけでなく受ける側も変えたのが要点。',
    steps: '1. SBARカードの作成\n2. 看護師向けロールプレイ研修（60分×年2回）\n3. 研修医オリエンテーションに受け方の研修（30分）を追加\n4. 夜間の報告事例を月1回多職種で振り返る',
    resources: '研修の講師（医療安全管理者、救急医）。カードの印刷。',
    pitfalls: 'ベテラン医師に「長い」と言われて使われなくなった病棟があった。Sを一文で言う練習に重点を置いた。',
    results: [{ metric: '報告の遅れが要因の事例', before: '9', after: '3', unit: '件/年', period: '12か月' }],
    adoptions: [
      { hospital: 'みなと中央病院', status: 'ADOPTED' },
      { hospital: '東海みらい大学病院', status: 'ADOPTED', note: '研修医向けの受け方研修を必修にした。' },
      { hospital: 'ひかり野こころの病院', status: 'CONSIDERING' },
    ],
  },
  {
    key: 'safety-rounds',
    author: 'demo.aqso2@qso.example',
    title: '多職種による医療安全ラウンドと「その場で直す」ルール',
    theme: 'SAFETY_CULTURE',
    tags: ['医療安全ラウンド', '多職種', '現場'],
    problem: 'マニュアルの遵守状況が現場でどうなっているかわからず、インシデント報告からしか問題が見えなかった。',
    whatWasDone:
      '医師・看護師・薬剤師・臨床工学技士・事務の5職種で、毎週1部署を30分ラウンドするようにした。確認項目はその月のテーマ（薬剤保管、輸液ポンプ、救急カートなど）に絞った。\n\nその場で直せることはその場で直し、直せないことは2週間以内に回答をもらう。結果は良かった点から先に部署へ返した。',
    steps: '1. 年間テーマとチェック項目を決める\n2. ラウンドの日程を部署に事前通知\n3. ラウンド後1週間以内に結果を返す\n4. 改善できなかった項目は医療安全委員会で扱う',
    resources: '5職種の担当者の時間（週30分＋まとめ30分）。',
    pitfalls: '「指摘される場」と受け取られると部署が身構える。良い取り組みを他部署に紹介する場としても使うと雰囲気が変わった。',
    results: [
      { metric: '救急カートの点検記録の不備', before: '38', after: '6', unit: '%', period: '12か月' },
      { metric: 'ラウンドで見つけた改善点', before: '0', after: '57', unit: '件/年', period: '12か月' },
    ],
    adoptions: [
      { hospital: 'さくら台総合病院', status: 'ADOPTED' },
      { hospital: 'あおば北総合医療センター', status: 'TRIAL', note: '月2回から開始。' },
      { hospital: 'やまなみクリニック', status: 'DISCONTINUED', note: '職員数が少なく毎週は難しかった。月1回の点検に切り替えた。' },
    ],
  },
  {
    key: 'good-job-reports',
    author: 'member@qso.example',
    title: '「グッドジョブ報告」でインシデント報告を増やす',
    theme: 'REPORTING_CULTURE',
    tags: ['報告文化', 'グッドジョブ', 'ヒヤリ・ハット'],
    problem: 'インシデント報告の大半が看護師からで、医師やコメディカルからの報告が少なかった。報告は「反省文」と受け取られていた。',
    whatWasDone:
      '未然に防いだ事例や、他の職員の良い気づきを報告する「グッドジョブ報告」の欄を報告システムに加えた。\n\n月に一度、医療安全ニュースで良い報告を紹介し、年度末に病院長から表彰した。報告件数は部署の評価に使わないことを明言した。',
    steps: '1. 報告システムに報告区分を追加\n2. 医療安全ニュースで毎月紹介\n3. 年度末に表彰',
    resources: '報告システムの設定変更。表彰の記念品（少額）。',
    pitfalls: '最初の数か月は管理職からの報告ばかりだった。現場の職員の報告を優先して紹介した。',
    results: [
      { metric: 'インシデント報告件数', before: '1,820', after: '2,640', unit: '件/年', period: '12か月' },
      { metric: '医師からの報告の割合', before: '2.1', after: '5.8', unit: '%', period: '12か月' },
    ],
    adoptions: [
      { hospital: '東海みらい大学病院', status: 'ADOPTED', before: '医師の報告 3%', after: '7%' },
      { hospital: 'さくら台総合病院', status: 'ADOPTED' },
      { hospital: 'しおかぜ記念病院', status: 'TRIAL' },
      { hospital: 'ひかり野こころの病院', status: 'ADOPTED' },
      { hospital: 'あおば北総合医療センター', status: 'CONSIDERING' },
    ],
  },
  {
    key: 'transfusion-bedside',
    author: 'demo.aqso2@qso.example',
    title: '輸血開始時のベッドサイド照合を二人同時に行う手順',
    theme: 'TRANSFUSION',
    tags: ['輸血', '照合', 'ベッドサイド'],
    problem: '輸血製剤の照合をナースステーションで行い、ベッドサイドでは一人で開始していたため、患者間違いのリスクが残っていた。',
    whatWasDone:
      '照合はベッドサイドで、二人が同時に、患者さんに名乗ってもらいながら、製剤・伝票・リストバンドを携帯端末で照合する手順に統一した。\n\n開始後5分と15分に観察し、記録する欄を電子カルテに設けた。',
    steps: '1. 輸血療法委員会で手順を改訂\n2. 全病棟で実技研修\n3. 輸血部門が月1回、記録を抜き取りで確認',
    resources: '実技研修の時間（1回30分）。',
    pitfalls: '夜間に二人がそろわないことがある。開始時刻を日勤帯に寄せるよう医師にも協力を求めた。',
    results: [{ metric: 'ベッドサイド照合の実施率', before: '62', after: '98', unit: '%', period: '6か月' }],
    adoptions: [
      { hospital: 'みなと中央病院', status: 'ADOPTED' },
      { hospital: 'あおば北総合医療センター', status: 'ADOPTED', before: '照合実施率 70%', after: '96%' },
    ],
  },
  {
    key: 'pump-standardisation',
    author: 'demo.eqso1@qso.example',
    title: '輸液ポンプ・シリンジポンプの機種統一と中央管理',
    theme: 'DEVICE',
    tags: ['輸液ポンプ', '機種統一', '臨床工学'],
    problem: '病棟ごとに異なる機種のポンプを使っており、操作の違いによる流量設定の誤りや、点検漏れがあった。',
    whatWasDone:
      '更新時期に合わせて輸液ポンプとシリンジポンプをそれぞれ1機種に統一し、臨床工学部門で中央管理（貸出・返却時点検）にした。\n\n薬剤ライブラリ付きのポンプにして、ハイリスク薬の上限流量を設定した。',
    steps: '1. 現有機器の台数と更新時期を調査\n2. 多職種で機種を選定（操作性の試用評価）\n3. 3年かけて順次更新\n4. 薬剤ライブラリを薬剤部と作成',
    resources: '機器更新費用（計画的更新の範囲内）。臨床工学技士の中央管理業務。',
    pitfalls: '移行期間は新旧の機種が混在し、かえって混乱した。病棟単位で一斉に切り替えた。',
    results: [
      { metric: 'ポンプ関連インシデント', before: '27', after: '11', unit: '件/年', period: '36か月' },
      { metric: '定期点検の実施率', before: '71', after: '100', unit: '%', period: '36か月' },
    ],
    adoptions: [
      { hospital: '東海みらい大学病院', status: 'TRIAL', note: '台数が多く、まず集中治療部門から。' },
      { hospital: 'しおかぜ記念病院', status: 'CONSIDERING' },
    ],
  },
  {
    key: 'critical-result-call',
    author: 'demo.aqso2@qso.example',
    title: 'パニック値の直接電話連絡と受け手の記録ルール',
    theme: 'TEST',
    tags: ['パニック値', '検査', '報告'],
    problem: '検査のパニック値が電子カルテ上の表示だけで、主治医が気づくまで数時間かかった事例があった。',
    whatWasDone:
      'パニック値は臨床検査技師が主治医（不在時は病棟のリーダー看護師）に直接電話し、受けた人が復唱して電子カルテに記録するルールにした。\n\n30分以内に記録がない場合は、検査部門から再度連絡する。',
    steps: '1. パニック値の項目と基準を見直し\n2. 連絡先の優先順位を決める\n3. 電子カルテに受け手記録のテンプレートを追加',
    resources: '臨床検査技師の電話対応の時間。',
    pitfalls: '外来患者で連絡がつかない場合の手順を先に決めておく必要があった。',
    results: [{ metric: 'パニック値への対応開始までの時間（中央値）', before: '96', after: '24', unit: '分', period: '12か月' }],
    adoptions: [{ hospital: 'みなと中央病院', status: 'ADOPTED' }],
  },
  {
    key: 'tube-labels',
    author: 'demo.aqso4@qso.example',
    title: 'ドレーン・チューブの色分けラベルと挿入物一覧表',
    theme: 'DRAIN_TUBE',
    tags: ['ドレーン', 'ラベル', '自己抜去'],
    problem: '複数のドレーンやチューブが入っている患者で、接続間違いや自己抜去の発見の遅れがあった。',
    whatWasDone:
      '挿入物ごとに色分けしたラベル（名称・挿入日からの日数・挿入長）を根元と接続部の両方に貼り、ベッドサイドに挿入物の一覧表を置いた。\n\n勤務交代時に一覧表と実物を指差しで確認する。',
    steps: '1. ラベルの色と表示項目を決める\n2. ラベルを印刷して各病棟に配布\n3. 交代時の確認手順を申し送りに組み込む',
    resources: 'ラベルの印刷費。',
    pitfalls: 'ラベルが多すぎると見なくなる。色は5色までに絞った。',
    results: [{ metric: 'チューブ類の接続・誤抜去インシデント', before: '19', after: '12', unit: '件/年', period: '12か月' }],
    adoptions: [
      { hospital: 'しおかぜ記念病院', status: 'TRIAL' },
      { hospital: 'さくら台総合病院', status: 'CONSIDERING' },
    ],
  },
  {
    key: 'timeout-checklist',
    author: 'consultant@qso.example',
    title: '手術安全チェックリストのタイムアウトを全員が手を止めて行う',
    theme: 'STANDARDISATION',
    tags: ['手術', 'タイムアウト', 'チェックリスト'],
    problem: 'タイムアウトが形式的で、執刀医が準備をしながら聞き流していた。部位の左右間違いのヒヤリ・ハットが続いた。',
    whatWasDone:
      '執刀前のタイムアウトは全員が手を止め、外回り看護師が読み上げ、各職種が自分の担当項目を声に出して答える方式にした。\n\nマーキングは執刀医が術前に患者さんと一緒に行い、マーキングがなければ入室させない。',
    steps: '1. チェックリストを自院用に改訂\n2. 麻酔科・外科系診療科の合同説明会\n3. 手術部看護師が実施状況を観察し、月次で報告',
    resources: '観察と集計の時間（手術部看護師）。',
    pitfalls: '緊急手術で省略されやすい。緊急時も短縮版を必ず行うことにした。',
    results: [{ metric: 'タイムアウト完全実施率（観察）', before: '54', after: '95', unit: '%', period: '6か月' }],
    adoptions: [
      { hospital: 'しおかぜ記念病院', status: 'ADOPTED' },
      { hospital: 'あおば北総合医療センター', status: 'ADOPTED' },
      { hospital: 'みなと中央病院', status: 'TRIAL' },
    ],
  },
  {
    key: 'discharge-medication-review',
    author: 'consultant@qso.example',
    title: '退院時の内服薬を患者さん・家族と一緒に確認する',
    theme: 'OTHER',
    tags: ['退院支援', '服薬指導', '患者参加'],
    problem: '退院後に入院中の変更内容が伝わらず、中止したはずの薬を自宅で再開していた事例があった。',
    whatWasDone: '退院前日に、薬剤師と看護師が患者さん・家族と一緒に「続ける薬・やめた薬・新しい薬」を一覧表で確認し、その一覧表をお薬手帳に貼るようにした。',
    steps: '1. 一覧表の様式を作成\n2. 退院前日の確認を退院支援の流れに組み込む',
    resources: '薬剤師・看護師の時間（1人15分程度）。',
    pitfalls: '急な退院では前日に確認できない。当日の朝に短縮版で行う。',
    results: [],
    adoptions: [],
  },
]

function doc(text: string) {
  const paragraphs = text.split(/\n{2,}/).map((part) => part.trim()).filter(Boolean)
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph.split('\n').flatMap((line, index) => [...(index ? [{ type: 'hardBreak' }] : []), { type: 'text', text: line }]),
    })),
  }
}

export async function seedPractices(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ select: { id: true, email: true, hospitalId: true, hospital: { select: { name: true } } }, orderBy: { createdAt: 'asc' } })
  const byEmail = new Map(users.map((user) => [user.email, user]))
  const hospitals = await prisma.hospital.findMany({ select: { id: true, name: true } })
  const hospitalByName = new Map(hospitals.map((hospital) => [hospital.name, hospital.id]))
  // Someone at each hospital records its adoptions.
  const recorderAt = new Map<string, string>()
  for (const user of users) if (user.hospitalId && !recorderAt.has(user.hospitalId)) recorderAt.set(user.hospitalId, user.id)

  let count = 0
  const now = Date.now()
  for (const [index, item] of DEMO_PRACTICES.entries()) {
    const author = byEmail.get(item.author)
    if (!author) continue
    // Spread publication over the last months so "newest" has an order.
    const publishedAt = new Date(now - (DEMO_PRACTICES.length - index) * 9 * 24 * 60 * 60 * 1000)
    const content = {
      title: item.title,
      problem: item.problem,
      whatWasDone: doc(item.whatWasDone),
      steps: doc(item.steps),
      resources: item.resources,
      pitfalls: item.pitfalls,
      theme: item.theme,
      tags: item.tags,
    }
    await prisma.$transaction(async (tx) => {
      const practice = await tx.practice.upsert({
        where: { seedKey: `demo:${item.key}` },
        update: content,
        create: {
          ...content,
          seedKey: `demo:${item.key}`,
          status: 'PUBLISHED',
          publishedAt,
          authorId: author.id,
          hospitalId: author.hospitalId,
          hospitalName: author.hospital?.name ?? null,
          follows: { create: { userId: author.id } },
        },
        select: { id: true },
      })
      await tx.practiceResult.deleteMany({ where: { practiceId: practice.id } })
      await tx.practiceResult.createMany({
        data: item.results.map((result, position) => ({ practiceId: practice.id, ...result, unit: result.unit ?? '', period: result.period ?? '', position })),
      })
      for (const adoption of item.adoptions) {
        const hospitalId = hospitalByName.get(adoption.hospital)
        if (!hospitalId) continue
        const data = { status: adoption.status, resultBefore: adoption.before ?? null, resultAfter: adoption.after ?? null, note: adoption.note ?? null }
        const existing = await tx.adoption.findUnique({ where: { practiceId_hospitalId: { practiceId: practice.id, hospitalId } }, select: { id: true } })
        if (existing) {
          await tx.adoption.update({ where: { id: existing.id }, data })
        } else {
          const recordedById = recorderAt.get(hospitalId) ?? null
          await tx.adoption.create({
            data: { ...data, practiceId: practice.id, hospitalId, recordedById, history: { create: { status: adoption.status, changedById: recordedById } } },
          })
        }
      }
      // Related demo cases: published ones with the practice's main (first) tag; the cases seed runs first.
      const related = await tx.case.findMany({
        where: { status: 'PUBLISHED', hiddenAt: null, tags: { has: item.tags[0] ?? '' } },
        orderBy: { publishedAt: 'desc' },
        take: 2,
        select: { id: true },
      })
      await tx.practiceCase.deleteMany({ where: { practiceId: practice.id } })
      await tx.practiceCase.createMany({ data: related.map((row) => ({ practiceId: practice.id, caseId: row.id })) })
      const adoptionCount = await tx.adoption.count({ where: { practiceId: practice.id, status: { in: [...COUNTED_ADOPTION_STATUSES] } } })
      await tx.practice.update({ where: { id: practice.id }, data: { adoptionCount } })
      await enqueueSearchChange(tx, { type: 'practice', id: practice.id })
    })
    count += 1
  }
  console.log(`Demo data: ${count} practices with adoptions.`)
}
