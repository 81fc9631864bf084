/**
 * Demo incident cases for development databases (never production).
 * All cases are FICTIONAL composites of common patient-safety patterns; they describe no real patient,
 * staff member or hospital. People are referred to by role only, dates by year-month / 「入院X日目」.
 */
export type DemoImpactLevel = '0' | '1' | '2' | '3a' | '3b' | '4a' | '4b' | '5' | 'other'
export type DemoJqCategory = 'medication' | 'transfusion' | 'treatment' | 'device' | 'drain_tube' | 'test' | 'care' | 'other'
export type DemoPlace = 'ward' | 'outpatient' | 'operating_room' | 'icu_hcu' | 'emergency' | 'laboratory' | 'pharmacy' | 'other'
export type DemoProfession = 'physician' | 'dentist' | 'nurse' | 'pharmacist' | 'clinical_engineer' | 'radiological_technologist' | 'laboratory_technologist' | 'other'
export type DemoExperience = 'under_1' | '1_3' | '3_5' | '5_10' | 'over_10'   // 年目 bands
export type DemoFactor = { framework: 'SHELL' | 'P-mSHELL' | '4M'; element: string; description: string }
  // element codes — SHELL: 'S','H','E','L','L-L' (周囲の人); P-mSHELL: those plus 'P' (患者), 'm' (管理); 4M: 'Man','Machine','Media','Management'
export type DemoCountermeasure = { text: string; strength: 'strong' | 'medium' | 'weak'; responsibleRole: string; dueMonth: string /* YYYY-MM */; effectMeasure: string }
export type DemoComment = { authorEmail: string; body: string; replies?: { authorEmail: string; body: string }[] }
export type DemoCase = {
  key: string                 // stable: 'demo-case-01' …
  title: string; summary: string   // summary 1–3 sentences
  impactLevel: DemoImpactLevel; jqCategory: DemoJqCategory; place: DemoPlace
  occurredOn: string          // 'YYYY-MM' between 2023-01 and 2026-10
  professions: { profession: DemoProfession; experience: DemoExperience }[]
  chronology: string; discovery: string; analysis: string; countermeasuresText: string; lessons: string
    // plain text; paragraphs separated by a blank line; chronology as lines like 「入院3日目 10:00 …」 (relative days, never dates)
  factors: DemoFactor[]; countermeasures: DemoCountermeasure[]; tags: string[]
  authorEmail: 'member@qso.example' | 'member2@qso.example' | 'admin@qso.example' | 'consultant@qso.example'
  anonymous: boolean; status: 'published' | 'draft'
  comments: DemoComment[]
}

const MEMBER = 'member@qso.example'
const MEMBER2 = 'member2@qso.example'
const ADMIN = 'admin@qso.example'
const CONSULTANT = 'consultant@qso.example'

export const DEMO_CASES: DemoCase[] = [
  // ───────────────────────────── 01 薬剤: インスリン単位の誤読 ─────────────────────────────
  {
    key: 'demo-case-01',
    title: '手書き指示の「4U」を「40単位」と読み誤ったインスリン過量投与',
    summary: '紙の指示簿に手書きされた「4U」の「U」を「0」と読み誤り、速効型インスリンを40単位皮下注射した。約2時間後に低血糖で意識レベルが低下し、ブドウ糖静注で回復した。',
    impactLevel: '3a', jqCategory: 'medication', place: 'ward', occurredOn: '2023-05',
    professions: [{ profession: 'nurse', experience: '1_3' }, { profession: 'physician', experience: '3_5' }],
    chronology: `入院2日目 07:30 主治医が紙の指示簿に血糖スケールを手書きで追記（「BS 200〜299：4U」）。
入院2日目 11:30 食前血糖 248 mg/dL。担当看護師（2年目）が指示簿を見て「40単位」と読み、インスリンペンを40単位に設定。
入院2日目 11:40 病棟ルールでは「指示変更時のみダブルチェック」とされており、単独で皮下注射を実施。
入院2日目 12:00 昼食は半量摂取。
入院2日目 13:50 同室患者のナースコールで訪室。患者Aは冷汗・応答鈍麻、血糖 38 mg/dL。
入院2日目 13:55 当直医の指示で50%ブドウ糖 40 mL 静注。14:20 血糖 126 mg/dL、意識清明。
入院2日目 15:00 主治医と指示簿を照合し、指示量は4単位であったことが判明。患者・家族に説明し謝罪。`,
    discovery: '低血糖症状は同室患者のナースコールで発見された。原因は、低血糖の振り返りで指示簿と実施記録を照合した際に判明した。',
    analysis: `「U」の略語は手書きで「0」や「4」と誤読されやすく、国内外で繰り返し報告されている既知のリスクである。指示簿には電子オーダとは別に手書きの追記が残っており、単位の表記ルールが徹底されていなかった。

担当看護師は「インスリンを増量中の患者」と事前に申し送りを受けており、40単位という量に違和感を持たなかった（確証バイアス）。ダブルチェックは「指示変更時のみ」と限定されていたため、通常時の実施では確認の機会がなかった。患者は食事摂取量が少なく、過量の影響が強く出た。`,
    countermeasuresText: `インスリンの指示は電子カルテの注射オーダに一本化し、紙の指示簿への手書き追記と「U」表記を禁止した。オーダリングに1回量の上限（20単位超でハードストップ、解除には理由入力）を設定した。

あわせて、インスリン投与時はペンの設定単位を読み上げる指差し呼称を行い、前回量の2倍を超える場合は主治医に確認するルールとした。`,
    lessons: '手書きの「U」は誤読の温床であり、表記ルールよりも手書き指示そのものをなくす方が確実である。量に違和感を持てるよう、通常量の目安を現場で共有しておくことも重要である。ダブルチェックは対象を限定すると形骸化しやすく、システムによる上限設定と組み合わせて考えたい。',
    factors: [
      { framework: 'P-mSHELL', element: 'S', description: '紙の指示簿に手書き追記が残り、「U」表記の禁止が徹底されていなかった。' },
      { framework: 'P-mSHELL', element: 'L', description: '「増量中」という申し送りから40単位を妥当と思い込んだ（確証バイアス）。' },
      { framework: 'P-mSHELL', element: 'm', description: 'ダブルチェックの対象が「指示変更時のみ」に限定されていた。' },
      { framework: 'P-mSHELL', element: 'P', description: '食事摂取量が少なく、低血糖が顕在化しやすい状態であった。' },
    ],
    countermeasures: [
      { text: 'インスリン指示を電子オーダに一本化し、1回量20単位超をハードストップとする上限設定を導入', strength: 'strong', responsibleRole: '医療情報部長', dueMonth: '2023-09', effectMeasure: 'インスリン関連の誤薬報告件数（月次）と、上限アラートの発生・解除件数' },
      { text: '手書き指示と「U」「IU」表記の禁止を院内規程に明記し、指示簿の書式を改訂', strength: 'medium', responsibleRole: '医療安全管理者', dueMonth: '2023-07', effectMeasure: '病棟ラウンドでの手書き指示残存率' },
      { text: '投与前にペンの設定単位を指差し呼称し、前回量の2倍超は主治医へ確認', strength: 'weak', responsibleRole: '看護部 病棟看護師長', dueMonth: '2023-07', effectMeasure: '抜き打ち観察での指差し呼称実施率' },
    ],
    tags: ['インスリン', '低血糖', '誤読', '手書き指示', '単位', 'ダブルチェック', '誤薬', '与薬エラー'],
    authorEmail: MEMBER, anonymous: false, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '「U」の誤読は海外でも「使ってはいけない略語」の代表例です。上限設定のハードストップまで踏み込んだ点は素晴らしいと思います。解除理由の入力内容も定期的に見直すと、形骸化の早期発見につながります。' },
      {
        authorEmail: MEMBER2,
        body: '当院でも同じタイプのヒヤリハットがありました。スライディングスケール自体を廃止して、固定量＋補正のプロトコルに変えたところ報告が減りました。',
        replies: [{ authorEmail: MEMBER, body: 'ありがとうございます。スケール廃止は内分泌内科とも相談中です。導入時の院内調整のポイントをまたお聞きしたいです。' }],
      },
    ],
  },
  // ───────────────────────────── 02 薬剤: KCl急速静注（未遂） ─────────────────────────────
  {
    key: 'demo-case-02',
    title: '塩化カリウム注の「ワンショット静注」指示を薬剤師が疑義照会で阻止',
    summary: '研修医が低カリウム血症の補正で塩化カリウム注を「静注」とオーダし、用法欄に希釈の記載がなかった。調剤時に薬剤師が疑義照会し、点滴希釈の指示に修正されたため患者には実施されなかった。',
    impactLevel: '0', jqCategory: 'medication', place: 'pharmacy', occurredOn: '2023-08',
    professions: [{ profession: 'physician', experience: 'under_1' }, { profession: 'pharmacist', experience: '5_10' }],
    chronology: `入院5日目 09:10 血清K 2.9 mEq/L。研修医が上級医の口頭助言を受け、塩化カリウム注 20 mEq を「静注」でオーダ。
入院5日目 09:40 注射薬の払い出し準備中、薬剤師Bが用法「静注」・希釈なしに気付く。
入院5日目 09:45 薬剤師Bが研修医へ疑義照会。研修医は「点滴で入れるつもりだった」と回答。
入院5日目 10:00 生理食塩液 500 mL に混注、20 mEq/時以下で投与する指示に修正。
入院5日目 10:30 上級医・病棟看護師長に報告。ヒヤリハットとして報告。`,
    discovery: '注射薬の調剤・払い出し時の処方監査で薬剤師が発見した。',
    analysis: `オーダ画面では高濃度カリウム製剤を選択しても用法の初期値が「静注」のままで、希釈や投与速度の入力が必須になっていなかった。研修医は投与経路の違いによる危険性を知識としては持っていたが、オーダ入力の場面で結びつかなかった。

薬剤部の処方監査は機能したが、夜間・休日の緊急払い出しは病棟定数配置から行われることがあり、同じ誤りが監査を経ずに実施される可能性が残っていた。`,
    countermeasuresText: `高濃度カリウム製剤（アンプル）を全病棟の定数配置から撤去し、プレミックス製剤（希釈済みバッグ）に切り替えた。オーダリングでは高濃度カリウムの「静注」を選択不可とし、希釈・速度の入力を必須化した。

研修医オリエンテーションで本事例を教材に、ハイリスク薬の投与経路について KYT を実施する。`,
    lessons: 'KCl の急速静注は致死的になりうる古典的なエラーであり、人の注意ではなく「できない仕組み」で防ぐべきである。処方監査で止まったのは幸運と捉え、監査を経ない経路が残っていないか棚卸しすることが大切である。',
    factors: [
      { framework: '4M', element: 'Man', description: '研修医が投与経路のリスクをオーダ入力時に想起できなかった。' },
      { framework: '4M', element: 'Machine', description: 'オーダ画面の用法初期値が「静注」で、希釈・速度の入力が必須でなかった。' },
      { framework: '4M', element: 'Management', description: '高濃度カリウム製剤が病棟に定数配置され、監査を経ずに使用できる経路が残っていた。' },
    ],
    countermeasures: [
      { text: '高濃度カリウム製剤のアンプルを病棟定数から撤去し、プレミックス製剤へ切り替え', strength: 'strong', responsibleRole: '薬剤部長', dueMonth: '2023-10', effectMeasure: '病棟におけるアンプル在庫ゼロの確認（四半期ごとの棚卸し）' },
      { text: 'オーダリングで高濃度カリウムの「静注」を選択不可とし、希釈・速度入力を必須化', strength: 'strong', responsibleRole: '医療情報部長', dueMonth: '2023-11', effectMeasure: '疑義照会件数（カリウム製剤）の推移' },
      { text: '研修医オリエンテーションでハイリスク薬の投与経路に関するKYTを実施', strength: 'weak', responsibleRole: '臨床研修センター長', dueMonth: '2024-04', effectMeasure: '研修後テストの正答率' },
    ],
    tags: ['塩化カリウム', 'KCl', '高濃度カリウム', 'ハイリスク薬', '疑義照会', 'ヒヤリハット', 'KYT'],
    authorEmail: MEMBER2, anonymous: true, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '病棟からのアンプル撤去は強い対策の好例です。撤去後も手術室やICUに例外的な在庫が残りがちなので、例外部署のリストと管理方法もあわせて決めておくと安心です。' },
    ],
  },
  // ───────────────────────────── 03 薬剤: 周術期の抗凝固薬中止忘れ ─────────────────────────────
  {
    key: 'demo-case-03',
    title: '術前外来で抗凝固薬の休薬指示が伝わらず、予定手術が延期',
    summary: '予定手術の術前外来で、他科処方の直接経口抗凝固薬（DOAC）の休薬指示が患者に伝わっていなかった。入院時の持参薬確認で服用継続が判明し、手術を延期した。',
    impactLevel: '1', jqCategory: 'medication', place: 'outpatient', occurredOn: '2024-01',
    professions: [{ profession: 'physician', experience: '3_5' }, { profession: 'nurse', experience: '5_10' }, { profession: 'pharmacist', experience: '1_3' }],
    chronology: `術前外来 主治医（外科）が手術日を決定。お薬手帳の確認は看護師に依頼した。
術前外来 外来看護師は同日の混雑で問診票の記載のみ確認し、循環器内科処方のDOACが問診票に記載されていなかった。
手術前日 入院。病棟薬剤師が持参薬を鑑別し、DOACを前日朝まで服用していたことを確認。
手術前日 16:00 主治医・麻酔科医で協議し、出血リスクを考慮して手術を延期。患者・家族に説明し謝罪。
退院後 休薬計画を循環器内科と調整のうえ、改めて手術を実施（合併症なし）。`,
    discovery: '入院時の病棟薬剤師による持参薬鑑別で発見された。',
    analysis: `術前の休薬確認が「誰が・いつ・何を確認するか」決まっておらず、医師と看護師の間で責任が曖昧だった。患者は「血液サラサラの薬」を別の診療科でもらっており、外科受診時には伝える必要を感じていなかった。

問診票は自己申告に依存し、お薬手帳や他科処方の電子カルテ情報を参照する手順がなかった。休薬が必要な薬剤の一覧は存在したが、外来の診察室では参照しにくい場所にあった。`,
    countermeasuresText: `術前外来に「入院前支援（PFM）」として薬剤師面談を組み込み、抗血栓薬の休薬計画を薬剤師が作成して主治医が承認する流れに変更した。手術申込オーダに抗血栓薬の有無と休薬計画の入力を必須項目として追加した。`,
    lessons: '周術期の抗血栓薬管理は複数科にまたがるため、確認の責任者を明確にした仕組みが必要である。自己申告の問診票だけに頼らず、薬剤師による持参薬確認を入院前に前倒しすると効果的である。',
    factors: [
      { framework: 'SHELL', element: 'S', description: '術前休薬の確認手順と担当者が規定されていなかった。' },
      { framework: 'SHELL', element: 'L-L', description: '医師と看護師の間で確認の依頼・完了が明確に伝わらなかった。' },
      { framework: 'SHELL', element: 'E', description: '外来が混雑し、お薬手帳の確認時間が確保できなかった。' },
    ],
    countermeasures: [
      { text: '手術申込オーダに抗血栓薬の有無・休薬計画を必須入力項目として追加', strength: 'strong', responsibleRole: '医療情報部長', dueMonth: '2024-06', effectMeasure: '抗血栓薬関連の手術延期件数（半期）' },
      { text: '入院前支援に薬剤師面談を組み込み、休薬計画を薬剤師が作成・主治医が承認', strength: 'medium', responsibleRole: '薬剤部長', dueMonth: '2024-04', effectMeasure: '予定手術患者の入院前薬剤師面談実施率' },
    ],
    tags: ['抗凝固薬', 'DOAC', '休薬', '周術期', '持参薬', '手術延期', '入院前支援'],
    authorEmail: MEMBER, anonymous: false, status: 'published',
    comments: [
      {
        authorEmail: MEMBER2,
        body: '当院でも入院前支援に薬剤師が入ってから、抗血栓薬の中止忘れによる延期はほぼなくなりました。休薬の再開指示の漏れにも注意が必要です。',
        replies: [{ authorEmail: MEMBER, body: '再開指示は盲点でした。退院時サマリーのチェック項目に入れることを検討します。' }],
      },
      { authorEmail: ADMIN, body: '本事例は次回の事例検討会（周術期の薬剤管理）で取り上げさせていただく予定です。' },
    ],
  },
  // ───────────────────────────── 04 輸血: 血液型検体の採血取り違え（WBIT） ─────────────────────────────
  {
    key: 'demo-case-04',
    title: '血液型検査の検体採血で患者を取り違え、2回目の検体で不一致を発見',
    summary: '病棟で2人分の採血を同時に行った際、血液型検査用の採血管に別の患者のラベルを貼付した。輸血部で「異なる時点で採血した2検体による確認」を行ったところ血液型が一致せず、輸血前に発見された。',
    impactLevel: '0', jqCategory: 'transfusion', place: 'laboratory', occurredOn: '2023-11',
    professions: [{ profession: 'nurse', experience: 'under_1' }, { profession: 'laboratory_technologist', experience: 'over_10' }],
    chronology: `入院1日目 06:00 新人看護師が同室の患者Aと患者Bの早朝採血を担当。ラベルを2人分まとめて印刷し、トレイに入れて訪室。
入院1日目 06:10 患者Aの採血後、ベッドサイドではなくナースステーションに戻ってからラベルを貼付。患者Aの血液型検体に患者Bのラベルを貼った。
入院1日目 09:00 輸血部で血液型検査。患者Bとして登録された検体はA型と判定。
入院2日目 06:00 輸血予定のため患者Bの2回目の血液型検体を採血。O型と判定され、1回目と不一致。
入院2日目 09:30 臨床検査技師が病棟に連絡。再採血で患者AはA型、患者BはO型と確認。取り違えと判明。`,
    discovery: '輸血部で、異なる時点に採血した2検体による血液型の照合（ダブルサンプリング）を行った際に不一致として発見された。',
    analysis: `ラベルをベッドサイドで貼付するルールはあったが、新人看護師は「まとめて貼る方が速い」と先輩の行動を見て覚えていた。2人分のラベルと採血管を同じトレイで運んでおり、取り違えが起こりやすい状況であった。

一方で、輸血部が血液型の確定に2回の採血を必須としていたことが、重大な不適合輸血を防いだ。防護の層が機能した好事例でもある。`,
    countermeasuresText: `携帯端末で患者リストバンドと採血管ラベルをバーコード照合し、照合後にラベルを発行する「ベッドサイド発行」方式に変更した。トレイは1患者1トレイとした。

新人教育では、採血は「1患者ずつ完結」させることを実技で確認する。`,
    lessons: '血液型の2回採血ルールは、WBIT（wrong blood in tube）を検出する確かな防護層である。ラベルの「まとめ貼り」のような省略行動は先輩から後輩へ伝わるため、現場の実際の手順を観察して見直す必要がある。',
    factors: [
      { framework: 'P-mSHELL', element: 'L', description: '新人看護師がラベルを後でまとめて貼付した（省略行動）。' },
      { framework: 'P-mSHELL', element: 'H', description: 'ラベルの事前一括印刷と共用トレイで、検体が混在しやすかった。' },
      { framework: 'P-mSHELL', element: 'L-L', description: '先輩の省略行動が手本として引き継がれていた。' },
    ],
    countermeasures: [
      { text: '携帯端末でリストバンドをバーコード認証してからラベルを発行するベッドサイド発行方式へ変更', strength: 'strong', responsibleRole: '臨床検査部長', dueMonth: '2024-03', effectMeasure: 'ラベル貼り間違い報告件数と血液型2回検体の不一致件数' },
      { text: '採血トレイを1患者1トレイとし、同時に複数患者の検体を持ち歩かない', strength: 'medium', responsibleRole: '看護部 副看護部長', dueMonth: '2023-12', effectMeasure: '早朝採血の観察ラウンドでの遵守率' },
    ],
    tags: ['輸血', '血液型', '取り違え', 'WBIT', '採血', 'ラベル', 'バーコード認証', 'ヒヤリハット'],
    authorEmail: MEMBER2, anonymous: false, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: 'ダブルサンプリングで止まった事例は、防護層の価値を職員に伝える良い教材になります。輸血部から病棟へ「止めた事例」をフィードバックすると報告文化の醸成にもつながります。' },
    ],
  },
  // ───────────────────────────── 05 療養上の世話: 夜間せん妄患者の転倒 ─────────────────────────────
  {
    key: 'demo-case-05',
    title: '夜間せん妄の高齢患者がトイレへ単独歩行し転倒、大腿骨頸部骨折',
    summary: '術後に夜間せん妄を呈していた80歳代の患者が、深夜に一人でトイレへ向かう途中で転倒し、大腿骨頸部骨折を受傷した。手術を行ったが、退院時には杖歩行となった。',
    // 4b: independent walking was lost for good (永続的・日常生活に影響あり), not 4a.
    impactLevel: '4b', jqCategory: 'care', place: 'ward', occurredOn: '2023-02',
    professions: [{ profession: 'nurse', experience: '3_5' }, { profession: 'nurse', experience: 'under_1' }],
    chronology: `入院4日目（術後3日目）21:00 患者Aは落ち着きがなく、点滴を触る行動あり。転倒転落アセスメントは危険度Ⅱ。
入院4日目 23:00 夜勤看護師2名で病棟40床を担当。隣室で急変対応が発生。
入院5日目 02:10 離床センサーの電源が入っていないことに気付かないまま巡視を継続。
入院5日目 02:40 廊下で大きな音。トイレ前で患者Aが倒れているのを発見。右股関節痛を訴える。
入院5日目 03:00 当直医が診察、X線で右大腿骨頸部骨折。家族に電話で説明。
入院7日目 人工骨頭置換術。退院時は杖歩行で、受傷前の独歩には戻らなかった。`,
    discovery: '夜勤看護師が廊下での物音に気付き、トイレ前で倒れている患者を発見した。',
    analysis: `患者は高齢・術後・睡眠薬の使用・せん妄という複数の転倒リスクを持っていたが、アセスメントの再評価が入院時のみで、せん妄発症後に危険度が見直されていなかった。離床センサーは清拭時に電源を切ったまま再開されていなかった。

夜間は2名体制で、急変対応が重なると巡視間隔が大きく空いた。排泄パターンの把握と定時の排泄誘導が計画されていなかった。`,
    countermeasuresText: `せん妄スクリーニング（日中・夜間）を看護記録に組み込み、陽性時は転倒リスクを自動的に再評価する運用とした。離床センサーは電源切り忘れを防ぐため、ナースコール盤に作動状態が表示される機種へ更新した。

せん妄ハイリスク患者には夜間の定時排泄誘導を看護計画に入れ、睡眠薬はせん妄を誘発しにくい薬剤を優先する院内指針を作成した。`,
    lessons: 'せん妄の発症は転倒リスクが急上昇するサインであり、アセスメントはその時点で見直す必要がある。センサーは「置くこと」より「作動していること」を確認できる仕組みが大切である。夜間の人員が限られる中では、排泄誘導のような先回りのケアが有効である。',
    factors: [
      { framework: 'P-mSHELL', element: 'P', description: '高齢・術後・夜間せん妄・睡眠薬使用が重なっていた。' },
      { framework: 'P-mSHELL', element: 'H', description: '離床センサーの電源が切れたままで、作動状態を確認する表示がなかった。' },
      { framework: 'P-mSHELL', element: 'S', description: 'せん妄発症時に転倒リスクを再評価する手順がなかった。' },
      { framework: 'P-mSHELL', element: 'm', description: '夜間2名体制で、急変対応時の応援体制が決まっていなかった。' },
    ],
    countermeasures: [
      { text: '作動状態がナースコール盤に表示される離床センサーへ更新', strength: 'strong', responsibleRole: '看護部長・臨床工学技士長', dueMonth: '2023-08', effectMeasure: 'センサー電源切れに起因する転倒件数' },
      { text: 'せん妄スクリーニング陽性時に転倒リスクを自動再評価する記録テンプレートを導入', strength: 'medium', responsibleRole: '医療情報部・看護記録委員会', dueMonth: '2023-06', effectMeasure: '転倒・転落発生率（1,000患者日あたり）と損傷を伴う転倒の件数' },
      { text: '夜間急変時に他病棟から応援を呼ぶ基準を明文化', strength: 'medium', responsibleRole: '看護部 夜間管理者', dueMonth: '2023-05', effectMeasure: '応援要請件数と巡視間隔の記録' },
    ],
    tags: ['転倒・転落', 'せん妄', '夜間', '離床センサー', '骨折', '高齢者', '排泄誘導'],
    authorEmail: MEMBER, anonymous: true, status: 'published',
    comments: [
      { authorEmail: MEMBER2, body: '当院では転倒後の「損傷を伴う転倒率」をQIとして毎月出していますが、センサーの電源切れは毎年必ず出てきます。作動表示のある機種への更新は予算が通りやすかったですか？' },
      { authorEmail: CONSULTANT, body: '骨折後に家族へ説明する際、転倒予防策としてどこまで実施していたかを記録で示せることが重要です。説明内容も記録に残しておきましょう。' },
    ],
  },
  // ───────────────────────────── 06 医療機器: 酸素ボンベ残量切れ ─────────────────────────────
  {
    key: 'demo-case-06',
    title: 'CT検査への移送中に酸素ボンベが空になりSpO2が低下',
    summary: '酸素投与中の患者をCT室へ移送した際、酸素ボンベの残量を確認せずに出発し、検査待ちの間に酸素が途切れた。SpO2が82%まで低下したが、中央配管への切り替えで回復した。',
    impactLevel: '2', jqCategory: 'device', place: 'other', occurredOn: '2024-04',
    professions: [{ profession: 'nurse', experience: '1_3' }, { profession: 'radiological_technologist', experience: '5_10' }, { profession: 'clinical_engineer', experience: '5_10' }],
    chronology: `入院3日目 14:00 患者A（肺炎、酸素 5 L/分）のCT検査が決定。担当看護師が病棟の酸素ボンベを車椅子に装着。
入院3日目 14:10 圧力計の確認をせずに出発。ボンベは前の使用後に返却されたもので、残量は少なかった。
入院3日目 14:20 CT室前で前の検査が延長し、待機。
入院3日目 14:35 患者Aが息苦しさを訴え、診療放射線技師がパルスオキシメータで SpO2 82% を確認。ボンベ圧はゼロ。
入院3日目 14:37 検査室の中央配管に接続し、酸素 5 L/分を再開。14:45 SpO2 94%。
入院3日目 15:00 予定通りCT実施。病棟帰室後も状態は安定。`,
    discovery: '患者の訴えを受けて診療放射線技師がSpO2低下とボンベ残量ゼロを確認した。',
    analysis: `使用後のボンベが「使用済み」と区別されずに保管場所へ戻されており、残量が少ないことが外観から分からなかった。出発前の残量確認と使用可能時間の計算は手順書にあったが、実際には行われていなかった。

検査待ちの時間が想定より長くなることは珍しくないが、移送時に予備ボンベを携行するルールや、検査部門で酸素の切り替えを行う取り決めがなかった。`,
    countermeasuresText: `残量と使用可能時間がデジタル表示され、残量低下時にアラームが鳴る酸素ボンベ用レギュレータを導入した。使用済みボンベは「使用中／空」の札を付けて別の場所に返却する運用とした。

移送前チェックリストに「ボンベ残量と使用可能時間」を追加し、待ち時間が発生した場合は検査部門の中央配管へ切り替えることを取り決めた。`,
    lessons: '酸素ボンベ切れは全国で繰り返し報告されているインシデントであり、「確認する」だけでは防ぎきれない。残量が見える機器と、空ボンベが混ざらない保管方法を組み合わせることが有効である。',
    factors: [
      { framework: '4M', element: 'Machine', description: '圧力計のみで残量・使用可能時間が直感的に分からなかった。' },
      { framework: '4M', element: 'Media', description: '使用済みボンベと満タンのボンベが同じ場所に区別なく置かれていた。' },
      { framework: '4M', element: 'Man', description: '出発前の残量確認が習慣化していなかった。' },
      { framework: '4M', element: 'Management', description: '検査待ち時間の延長に備えた取り決めがなかった。' },
    ],
    countermeasures: [
      { text: '残量・使用可能時間のデジタル表示と残量アラーム付きレギュレータを導入', strength: 'strong', responsibleRole: '臨床工学技士長', dueMonth: '2024-09', effectMeasure: '酸素ボンベ残量切れ報告件数（年次）' },
      { text: '使用済みボンベの返却場所を分け、「空／使用中」札を運用', strength: 'medium', responsibleRole: '看護部 病棟看護師長', dueMonth: '2024-05', effectMeasure: 'ボンベ保管場所の定期点検での混在件数' },
      { text: '移送前チェックリストに残量・使用可能時間の確認を追加', strength: 'weak', responsibleRole: '医療安全管理者', dueMonth: '2024-05', effectMeasure: 'チェックリスト記入率' },
    ],
    tags: ['酸素ボンベ', '残量切れ', '移送', 'SpO2低下', '医療機器', 'CT', 'チェックリスト'],
    authorEmail: MEMBER2, anonymous: false, status: 'published',
    comments: [
      {
        authorEmail: MEMBER,
        body: 'デジタル表示のレギュレータは全ボンベ分そろえると高額ですが、移送用だけ先行導入するという方法もありますね。',
        replies: [{ authorEmail: MEMBER2, body: 'はい、当院も移送用と救急カートから始めました。臨床工学技士が台数管理しています。' }],
      },
    ],
  },
  // ───────────────────────────── 07 治療・処置: 手術部位の左右取り違え（未遂） ─────────────────────────────
  {
    key: 'demo-case-07',
    title: '全身麻酔下抜歯で左右を取り違えそうになり、タイムアウトで気付いた',
    summary: '歯科口腔外科の全身麻酔下での智歯抜歯で、術者が反対側の下顎智歯に器具を当てかけた。手術室看護師がタイムアウト時の手術側と異なることに気付いて声をかけ、正しい側で手術が行われた。',
    impactLevel: '0', jqCategory: 'treatment', place: 'operating_room', occurredOn: '2024-07',
    professions: [{ profession: 'dentist', experience: '1_3' }, { profession: 'nurse', experience: '5_10' }],
    chronology: `手術当日 08:30 病棟で手術部位マーキング（右頬部）。同意書の記載は「右下顎智歯抜去」。
手術当日 09:10 入室、麻酔導入。経鼻挿管のため顔面を覆うドレープでマーキングが見えなくなった。
手術当日 09:30 タイムアウトで「右下顎智歯」を全員で確認。
手術当日 09:40 術者（歯科医師2年目）がパノラマX線画像を左右反転した状態で見ており、左側に開口器と器具を当てかけた。
手術当日 09:41 外回り看護師が「タイムアウトでは右です」と声をかけ、手を止めて画像と同意書を再確認。
手術当日 09:45 右側で抜歯を実施。患者への影響なし。`,
    discovery: 'タイムアウト内容を覚えていた外回り看護師が、術者の操作部位との相違に気付き声をかけた。',
    analysis: `口腔内の手術では、ドレープによって皮膚のマーキングが術野から見えなくなる。術者は術野に対面する位置から画像を見ており、画像ビューアの表示設定が通常と異なっていたことに気付かなかった。

タイムアウトは実施されていたが、タイムアウト後に術野で部位を確認する手順はなかった。看護師が声をかけやすいチームの雰囲気があったことが、未然防止につながった。`,
    countermeasuresText: `口腔内手術では、タイムアウト時に術者が対象歯を直接指し示し、全員が目視で確認する「術野タイムアウト」を追加した。画像ビューアは左右反転表示を既定で無効化し、画面に「患者右」の表示を常時出すよう設定した。`,
    lessons: 'タイムアウトは実施しただけでは不十分で、確認した内容を術野の操作と結びつける必要がある。誰でも「止めて」と言えるチームの心理的安全性は、どの対策にも勝る防護層である。',
    factors: [
      { framework: 'SHELL', element: 'E', description: 'ドレープでマーキングが見えず、術野から左右の手がかりが得られなかった。' },
      { framework: 'SHELL', element: 'H', description: '画像ビューアで左右反転表示が可能で、表示状態が分かりにくかった。' },
      { framework: 'SHELL', element: 'L', description: '経験の浅い術者が画像の向きを思い込みで判断した。' },
    ],
    countermeasures: [
      { text: '画像ビューアの左右反転表示を既定で無効化し、「患者右」表示を常時表示', strength: 'strong', responsibleRole: '医療情報部長', dueMonth: '2024-10', effectMeasure: '部位取り違え関連のヒヤリハット件数' },
      { text: '口腔内手術で対象歯を術者が指し示す術野タイムアウトを追加', strength: 'medium', responsibleRole: '手術部長・歯科口腔外科長', dueMonth: '2024-09', effectMeasure: '手術室での観察によるタイムアウト完全実施率' },
    ],
    tags: ['手術部位', '左右取り違え', 'タイムアウト', '歯科口腔外科', '抜歯', '心理的安全性', 'ヒヤリハット'],
    authorEmail: CONSULTANT, anonymous: false, status: 'published',
    comments: [
      { authorEmail: MEMBER, body: '声をかけた看護師を組織として評価する仕組み（グッドキャッチ表彰）はありますか？当院では年に一度表彰しています。' },
      { authorEmail: MEMBER2, body: '歯科は部位の呼び方（歯式）が他職種に伝わりにくいので、タイムアウトでは歯式と日本語の両方で言うようにしています。' },
    ],
  },
  // ───────────────────────────── 08 ドレーン・チューブ: 経鼻胃管の誤挿入 ─────────────────────────────
  {
    key: 'demo-case-08',
    title: '経鼻胃管が気管内に誤挿入されたまま経腸栄養剤を注入、呼吸不全で死亡',
    summary: '経鼻胃管の入れ替え後、気泡音の聴取のみで位置確認を行い、経腸栄養剤を注入した。直後から呼吸状態が悪化し、X線で胃管の気管内誤挿入が判明した。集中治療を行ったが、重症肺炎により死亡した。',
    impactLevel: '5', jqCategory: 'drain_tube', place: 'ward', occurredOn: '2023-10',
    professions: [{ profession: 'nurse', experience: '3_5' }, { profession: 'physician', experience: '1_3' }],
    chronology: `入院12日目 09:00 患者A（脳梗塞後、意識レベル低下、嚥下障害）の経鼻胃管が自己抜去されているのを発見。
入院12日目 09:30 担当看護師が再挿入。咳嗽反射は弱く、抵抗なく挿入できた。気泡音を聴取し、胃内と判断。
入院12日目 10:00 胃内容物の吸引はできなかったが、「空腹時のため」と判断。経腸栄養剤 200 mL の注入を開始。
入院12日目 10:15 SpO2 98% → 85% に低下、喘鳴・頻呼吸。注入を中止し医師へ報告。
入院12日目 10:40 胸部X線で胃管先端が右主気管支内にあることを確認。抜去、気管内吸引、酸素投与。
入院12日目 13:00 人工呼吸管理のためICUへ転棟。
入院20日目 重症の誤嚥性肺炎・ARDSにより死亡。家族に経緯を説明し、医療事故調査制度に基づき報告。`,
    discovery: '注入開始後のSpO2低下を受けて胸部X線を撮影し、胃管先端の位置異常が判明した。',
    analysis: `気泡音による位置確認は、気管内や食道内でも胃内と類似した音が聞こえることがあり、単独では信頼できないことが知られている。院内の手順書は「気泡音と胃内容物の吸引」で確認するとしていたが、吸引できない場合の対応（X線確認やpH測定）が規定されていなかった。

意識レベル低下と咳嗽反射の減弱により、気管内に挿入しても患者の反応が乏しかった。再挿入は定時の業務の合間に行われ、相談できる医師がすぐには不在であった。`,
    countermeasuresText: `経鼻胃管の挿入・入れ替え後、初回の注入前には原則として胸部X線で先端位置を確認し、医師が読影結果を記録してから注入を開始する運用とした。X線が困難な場合はpH測定で確認し、判定基準を満たさない場合は注入しない。

電子カルテで「胃管位置確認済み」の記録がないと経腸栄養の注入指示が実施できないよう設定した。`,
    lessons: '気泡音のみでの位置確認は危険であり、手順書に「確認できない場合は注入しない」という明確な停止基準が必要である。意識障害や嚥下障害のある患者は誤挿入時の反応が乏しく、ハイリスクとして扱うべきである。本事例は予期しない死亡として医療事故調査制度の対象となった。',
    factors: [
      { framework: 'P-mSHELL', element: 'S', description: '胃内容物が吸引できない場合の確認方法・停止基準が手順書になかった。' },
      { framework: 'P-mSHELL', element: 'L', description: '気泡音の聴取で胃内にあると判断した（気泡音の限界についての知識不足）。' },
      { framework: 'P-mSHELL', element: 'P', description: '意識レベル低下・咳嗽反射減弱で誤挿入の徴候が出にくかった。' },
      { framework: 'P-mSHELL', element: 'm', description: '初回注入前の医師による位置確認を求める体制がなかった。' },
    ],
    countermeasures: [
      { text: '位置確認記録がないと経腸栄養の注入指示を実施できない電子カルテ設定', strength: 'strong', responsibleRole: '医療情報部長', dueMonth: '2024-03', effectMeasure: '初回注入前のX線またはpH確認の実施率（監査）' },
      { text: '初回注入前の胸部X線確認を標準化し、pH測定を代替手段として手順化', strength: 'medium', responsibleRole: '医療安全管理部長', dueMonth: '2024-01', effectMeasure: '胃管誤挿入の報告件数' },
      { text: '気泡音の限界と停止基準について全看護職員に研修を実施', strength: 'weak', responsibleRole: '看護部 教育担当', dueMonth: '2024-02', effectMeasure: '研修受講率と理解度テスト' },
    ],
    tags: ['経鼻胃管', '誤挿入', '気管内', '経腸栄養', '誤嚥性肺炎', '医療事故調査制度', 'RCA'],
    authorEmail: ADMIN, anonymous: true, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '医療安全調査機構の提言でも、X線確認の標準化が繰り返し推奨されています。読影する医師側の教育（先端位置の確認方法）もあわせて進めると効果が高まります。' },
      {
        authorEmail: MEMBER,
        body: '夜間や休日のX線撮影が難しい場合の運用をどうされているか、参考に伺えますか。',
        replies: [{ authorEmail: CONSULTANT, body: '夜間は入れ替えを原則行わず、必要時はpH測定で確認、基準外なら翌朝まで注入しない運用が多いと思います。点滴での水分補給に切り替える指示をあらかじめ出しておくと現場が迷いません。' }],
      },
    ],
  },
  // ───────────────────────────── 09 検査: 画像診断レポートの未確認 ─────────────────────────────
  {
    key: 'demo-case-09',
    title: 'CTの画像診断レポートで指摘された肺結節を主治医が確認せず、診断が遅れた',
    summary: '整形外科受診時に撮影した胸腹部CTのレポートに「肺結節、精査推奨」と記載されていたが、主治医が既読にせず患者に伝わらなかった。約1年後に咳嗽で受診した際に進行肺がんと診断された。',
    impactLevel: '4b', jqCategory: 'test', place: 'outpatient', occurredOn: '2024-09',
    professions: [{ profession: 'physician', experience: '5_10' }, { profession: 'radiological_technologist', experience: 'over_10' }, { profession: 'physician', experience: 'over_10' }],
    chronology: `初回受診 外傷後の精査目的で胸腹部CTを撮影。主治医は骨折の有無のみ画像で確認し、患者に説明。
初回受診の3日後 放射線科医がレポートを作成。「右上葉に 12 mm の結節、悪性を否定できず精査を推奨」。
初回受診の3日後以降 主治医はレポートを開かず、以後の外来は病状安定のため画像を見返さなかった。
約1年後 咳嗽・体重減少で呼吸器内科を受診。CTで結節の増大と縦隔リンパ節腫大、遠隔転移を認めた。
約1年後 過去のCTレポートに精査推奨の記載があったことが判明。患者・家族へ説明し謝罪。院内事故調査委員会を設置。`,
    discovery: '呼吸器内科医が診断時に過去の画像とレポートを参照し、1年前に指摘があったことに気付いた。',
    analysis: `依頼目的（骨折の評価）以外の偶発所見は、依頼医の関心外になりやすい。レポートの既読管理は電子カルテ上にあったが、未読でも警告が出ず、重要所見を依頼医に直接連絡するルールも「緊急所見」に限られていた。

外来の主治医は多数の検査結果を確認しており、報告書が画像撮影の数日後に確定する時間差のため、確認のタイミングを逃した。同種事例は全国的に報告されており、組織としての仕組みの欠如が根本原因と考えられた。`,
    countermeasuresText: `放射線科医が「要精査」などの重要所見フラグを付けたレポートは、医療安全管理部門の専任スタッフが既読と対応状況を追跡し、2週間以内に対応記録がない場合は依頼医と診療科長に連絡する仕組みとした。電子カルテでは未読の重要所見レポートがある患者のカルテを開くと警告を表示する。

患者にもレポートの要点を書面で渡す運用を試行する。`,
    lessons: '画像診断レポートの見落としは個人の注意力の問題ではなく、結果を確実に届ける仕組みの問題である。重要所見の「伝達」と「対応完了」まで追跡するループを作ることが重要である。偶発所見は依頼目的外だからこそ、組織として拾い上げる必要がある。',
    factors: [
      { framework: '4M', element: 'Man', description: '依頼目的以外の所見に注意が向かず、レポートを開かなかった。' },
      { framework: '4M', element: 'Machine', description: '未読の重要所見レポートに対する警告機能がなかった。' },
      { framework: '4M', element: 'Media', description: 'レポート確定が撮影の数日後で、外来診察時に結果がそろっていなかった。' },
      { framework: '4M', element: 'Management', description: '重要所見の伝達・対応完了を追跡する担当と手順がなかった。' },
    ],
    countermeasures: [
      { text: '重要所見フラグ付きレポートを医療安全部門が追跡し、未対応時は依頼医と診療科長へ連絡', strength: 'medium', responsibleRole: '医療安全管理部長・放射線科長', dueMonth: '2025-01', effectMeasure: '重要所見レポートの2週間以内対応完了率' },
      { text: '未読の重要所見レポートがある患者のカルテ展開時に警告を表示', strength: 'strong', responsibleRole: '医療情報部長', dueMonth: '2025-03', effectMeasure: '重要所見レポートの未読率（月次）' },
      { text: 'レポートの要点を患者へ書面で渡す運用を一部診療科で試行', strength: 'weak', responsibleRole: '外来医長', dueMonth: '2025-06', effectMeasure: '試行診療科での患者アンケートと未対応件数' },
    ],
    tags: ['画像診断', 'レポート未確認', '見落とし', '診断遅延', 'CT', '偶発所見', '重要所見', 'RCA'],
    authorEmail: CONSULTANT, anonymous: true, status: 'published',
    comments: [
      { authorEmail: MEMBER2, body: '当院でも同じ仕組みを導入しましたが、追跡担当の業務量が大きく、事務職員を1名配置してようやく回るようになりました。体制づくりの参考になれば幸いです。' },
      { authorEmail: MEMBER, body: '病理レポートでも同じ構造の問題がありますね。対象を広げる際の優先順位について議論したいです。' },
      { authorEmail: ADMIN, body: 'ベストプラクティス共有のテーマ候補として登録しました。' },
    ],
  },
  // ───────────────────────────── 10 薬剤: 同姓同名患者への誤与薬 ─────────────────────────────
  {
    key: 'demo-case-10',
    title: '同姓の患者が同じ病棟に入院中、内服薬を別の患者に与薬',
    summary: '同じ病棟に同姓の患者が2名入院しており、看護師が姓だけで呼びかけて返事をした別の患者に降圧薬を与薬した。直後に配薬カートの残りから誤りに気付き、血圧の経過観察を行ったが変化はなかった。',
    impactLevel: '1', jqCategory: 'medication', place: 'ward', occurredOn: '2024-06',
    professions: [{ profession: 'nurse', experience: 'under_1' }],
    chronology: `入院8日目 08:00 新人看護師が朝の配薬を担当。同じ病棟に同姓の患者Aと患者Bが入院しており、ベッドネームに「同姓注意」の表示があった。
入院8日目 08:15 患者Bのベッドサイドで姓を呼ぶと、隣の患者Aが「はい」と返事。患者Bの降圧薬を患者Aに渡し、内服を確認した。
入院8日目 08:20 カートに患者Aの薬が残っていることに気付き、誤りが判明。リーダー看護師・主治医に報告。
入院8日目 08:30〜12:00 主治医の指示で1時間ごとに血圧測定。血圧低下なし。
入院8日目 13:00 患者Aと家族に説明し謝罪。`,
    discovery: '配薬後、配薬カートに本来の患者の薬が残っていることに看護師自身が気付いた。',
    analysis: `患者確認はフルネームを患者自身に名乗ってもらう規程であったが、朝の配薬が集中する時間帯で、姓で呼びかける省略が常態化していた。バーコード認証の端末はあったが、内服薬は対象外であった。

「同姓注意」の表示は貼られていたが、同室・隣室に配置されるなどベッドの配置上の配慮はされていなかった。`,
    countermeasuresText: `内服薬の与薬時にもリストバンドと薬袋のバーコード認証を必須とし、認証しないと実施記録が完了しないよう設定した。同姓の患者は原則として別の部屋（可能なら別チーム）に配置する。

患者確認は「名乗ってもらう」ことを改めて周知し、5R（正しい患者・薬・量・方法・時間）の確認を配薬時の指差し呼称とセットで行う。`,
    lessons: '呼びかけへの返事は患者確認にはならない。特に高齢・難聴の患者は自分が呼ばれたと思って返事をすることがある。同姓の表示だけでなく、配置とバーコード認証で取り違えの機会そのものを減らすことが大切である。',
    factors: [
      { framework: 'SHELL', element: 'L', description: '姓の呼びかけへの返事を患者確認と見なした。' },
      { framework: 'SHELL', element: 'S', description: '内服薬がバーコード認証の対象外だった。' },
      { framework: 'SHELL', element: 'E', description: '同姓の患者が隣接したベッドに配置されていた。' },
    ],
    countermeasures: [
      { text: '内服薬の与薬にもバーコード認証を必須化（認証なしでは実施記録が完了しない）', strength: 'strong', responsibleRole: '看護部長・医療情報部長', dueMonth: '2024-12', effectMeasure: '内服薬の患者間違い報告件数とバーコード認証実施率' },
      { text: '同姓の患者を別室・別チームに配置するベッドコントロール基準を作成', strength: 'medium', responsibleRole: 'ベッドコントロール担当看護師長', dueMonth: '2024-08', effectMeasure: '同姓患者の同室配置件数' },
    ],
    tags: ['患者誤認', '取り違え', '同姓同名', '誤薬', '与薬エラー', '5R', 'バーコード認証', '指差し呼称'],
    authorEmail: MEMBER, anonymous: false, status: 'published',
    comments: [],
  },
  // ───────────────────────────── 11 療養上の世話: ベッド柵への挟み込み ─────────────────────────────
  {
    key: 'demo-case-11',
    title: 'ベッド柵の隙間に前腕が挟まり、ベッドの背上げ操作で皮下出血',
    summary: '認知症のある患者の前腕がベッド柵とマットレスの隙間に入り込んでいることに気付かず、看護補助者がリモコンで背上げを行った。前腕に皮下出血を生じたが、X線で骨折はなく経過観察となった。',
    impactLevel: '2', jqCategory: 'care', place: 'ward', occurredOn: '2025-01',
    professions: [{ profession: 'other', experience: '1_3' }, { profession: 'nurse', experience: '5_10' }],
    chronology: `入院6日目 07:50 朝食の配膳前に、看護補助者が患者Aのベッドの背上げをリモコンで開始。
入院6日目 07:51 患者Aが「痛い」と声を上げ、操作を停止。左前腕がサイドレールの隙間に挟まっていた。
入院6日目 07:55 担当看護師が確認。左前腕に 5 cm 大の皮下出血と軽度の腫脹。
入院6日目 09:00 主治医が診察しX線撮影。骨折なし。冷罨法で経過観察。
入院6日目 11:00 家族へ電話で説明。`,
    discovery: '背上げ操作中の患者の訴えで発見された。',
    analysis: `ベッドは分割型のサイドレールで、柵と柵の間、柵とマットレスの間に隙間があった。患者は認知症があり、柵を握ったり腕を差し込んだりする行動が以前から見られたが、その情報が看護補助者に共有されていなかった。

電動ベッドの操作前に患者の手足の位置を目視確認する手順は、看護師向けには教育されていたが、看護補助者の教育には含まれていなかった。`,
    countermeasuresText: `隙間を埋めるサイドレールカバー（隙間防止クッション）をハイリスク患者のベッドに使用し、更新時は隙間の小さいJIS適合ベッドへ順次入れ替える。電動ベッドの操作前に「手足よし」の指差し呼称を全職種の手順として教育する。`,
    lessons: 'ベッド柵の隙間による挟み込みは、重大な骨折や窒息にもつながる既知のリスクである。機器の隙間対策と、操作前の確認を看護補助者を含む全職種に広げることが重要である。',
    factors: [
      { framework: 'P-mSHELL', element: 'H', description: 'サイドレールとマットレスの間に隙間があるベッドだった。' },
      { framework: 'P-mSHELL', element: 'P', description: '認知症があり、柵に腕を差し込む行動があった。' },
      { framework: 'P-mSHELL', element: 'm', description: '電動ベッド操作時の確認手順が看護補助者の教育に含まれていなかった。' },
    ],
    countermeasures: [
      { text: 'ハイリスク患者のベッドに隙間防止カバーを装着し、更新時に隙間の小さいベッドへ入れ替え', strength: 'strong', responsibleRole: '用度課長・看護部長', dueMonth: '2025-06', effectMeasure: 'ベッド柵による挟み込み報告件数' },
      { text: '電動ベッド操作前の「手足よし」指差し呼称を看護補助者研修に追加', strength: 'weak', responsibleRole: '看護部 教育担当', dueMonth: '2025-03', effectMeasure: '研修受講率と観察ラウンドでの実施率' },
    ],
    tags: ['ベッド柵', 'サイドレール', '挟み込み', '認知症', '看護補助者', '電動ベッド', '療養上の世話'],
    authorEmail: MEMBER2, anonymous: false, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '看護補助者を対象に含めた点が大事ですね。多職種で同じ手順を共有するために、KYTの写真教材を作ると理解が深まります。' },
    ],
  },
  // ───────────────────────────── 12 薬剤: シリンジポンプ流量設定10倍 ─────────────────────────────
  {
    key: 'demo-case-12',
    title: 'シリンジポンプの流量を「2.0」のつもりが「20」と設定、ヘパリン10倍量投与',
    summary: 'ICUでヘパリン持続静注の流量を 2.0 mL/時 に設定するところ、小数点を入力せず 20 mL/時 で開始した。約1時間後の交代時の確認で発見し、APTT著明延長に対してプロタミンで中和した。出血はなかった。',
    impactLevel: '3a', jqCategory: 'medication', place: 'icu_hcu', occurredOn: '2025-03',
    professions: [{ profession: 'nurse', experience: '3_5' }, { profession: 'clinical_engineer', experience: '5_10' }],
    chronology: `ICU入室2日目 15:00 ヘパリン持続静注の新しいシリンジを準備。指示は 2.0 mL/時。
ICU入室2日目 15:05 担当看護師がシリンジポンプの流量を入力。小数点キーが反応せず「20」と表示されたが、確認せず開始。
ICU入室2日目 16:00 勤務交代時のベッドサイド確認で、引き継ぐ看護師が流量 20 mL/時 とシリンジ残量の急減に気付く。
ICU入室2日目 16:05 ポンプを停止し医師へ報告。APTT 120 秒超。
ICU入室2日目 16:30 プロタミン硫酸塩を投与。18:00 APTT 改善。出血徴候なし。
ICU入室3日目 ヘパリンを再開。家族へ経緯を説明。`,
    discovery: '勤務交代時に、引き継ぐ看護師が流量表示と残量をベッドサイドで確認して発見した。',
    analysis: `使用したシリンジポンプは旧型で、小数点キーの反応が悪いことが臨床工学部門に報告されていたが修理待ちであった。薬剤ライブラリ（ドラッグライブラリ）機能がなく、ヘパリンとしての上限流量の警告が出なかった。

開始時のダブルチェックはICUの規程にあったが、同時刻に別患者の処置が重なり、「後で確認してもらう」つもりで単独開始した。流量の桁間違い（10倍）は全国で繰り返し報告されている典型的なエラーである。`,
    countermeasuresText: `ICUのシリンジポンプをドラッグライブラリ搭載機種に更新し、ヘパリンなどハイリスク薬は薬剤ごとの流量上限（ハードリミット）を設定した。不具合の報告があった機器は即日使用中止とし、代替機を貸し出す運用とした。

開始時のダブルチェックは「開始ボタンを押す前」に行うことを明確化し、交代時のベッドサイド確認（流量・残量・ライン）は継続する。`,
    lessons: '流量の10倍設定は、機器のハードリミットで防げる典型的なエラーである。不具合のある機器を使い続けない管理体制と、交代時のベッドサイド確認という防護層の両方が重要である。',
    factors: [
      { framework: 'SHELL', element: 'H', description: '小数点キーの反応不良があり、ドラッグライブラリ機能もなかった。' },
      { framework: 'SHELL', element: 'L', description: '表示の確認とダブルチェックを省略して開始した。' },
      { framework: 'SHELL', element: 'E', description: '別患者の処置が重なり、確認者を呼べる状況になかった。' },
      { framework: 'SHELL', element: 'S', description: '不具合報告機器の使用中止基準がなかった。' },
    ],
    countermeasures: [
      { text: 'ドラッグライブラリ搭載シリンジポンプへ更新し、ハイリスク薬に流量ハードリミットを設定', strength: 'strong', responsibleRole: '臨床工学技士長', dueMonth: '2025-09', effectMeasure: 'ドラッグライブラリ使用率とハードリミット作動件数' },
      { text: '不具合報告のあった機器を即日使用中止・代替機貸出とする運用', strength: 'medium', responsibleRole: '臨床工学技士長', dueMonth: '2025-04', effectMeasure: '不具合報告から使用中止までの日数' },
      { text: '開始ボタンを押す前のダブルチェックを明文化し、観察で遵守を確認', strength: 'weak', responsibleRole: 'ICU看護師長', dueMonth: '2025-04', effectMeasure: '観察監査でのダブルチェック実施率' },
    ],
    tags: ['シリンジポンプ', '流量設定', '10倍', 'ヘパリン', 'ドラッグライブラリ', 'ハイリスク薬', 'ダブルチェック', 'ICU'],
    authorEmail: MEMBER, anonymous: true, status: 'published',
    comments: [
      {
        authorEmail: MEMBER2,
        body: 'ドラッグライブラリの導入後、ライブラリを使わずに「mL/時モード」で動かす運用が残ってしまい苦労しました。使用率のモニタリングは必須だと思います。',
        replies: [{ authorEmail: MEMBER, body: '貴重な情報をありがとうございます。臨床工学部門とログの抽出方法を相談します。' }],
      },
      { authorEmail: CONSULTANT, body: '交代時のベッドサイド確認で発見できたのは、チームの防護層が働いた証拠です。この点も職員にフィードバックしてください。' },
    ],
  },
  // ───────────────────────────── 13 ドレーン・チューブ: CVカテーテル自己抜去 ─────────────────────────────
  {
    key: 'demo-case-13',
    title: '夜間に不穏となった患者がCVカテーテルを自己抜去',
    summary: 'HCUで術後管理中の患者が夜間に不穏となり、内頸静脈の中心静脈カテーテルを自己抜去した。刺入部を圧迫止血し、空気塞栓の徴候はなかったが、翌日に再挿入を要した。',
    impactLevel: '3a', jqCategory: 'drain_tube', place: 'icu_hcu', occurredOn: '2024-11',
    professions: [{ profession: 'nurse', experience: '1_3' }, { profession: 'physician', experience: '3_5' }],
    chronology: `術後1日目 22:00 患者Aは入眠。せん妄評価（CAM-ICU）は陰性。
術後2日目 01:30 患者Aが覚醒し、ナースコールなしで体動。担当看護師は隣のベッドの処置中。
術後2日目 01:40 モニタのアラームで訪室。CVカテーテルが完全に抜けており、刺入部から少量出血。
術後2日目 01:42 患者を仰臥位にし、刺入部を用手圧迫。10分で止血。呼吸・循環に変化なし。
術後2日目 02:00 当直医が診察。末梢ルートを確保し、輸液を継続。
術後2日目 10:00 主治医が超音波ガイド下でCVカテーテルを再挿入。`,
    discovery: '輸液ラインの圧アラームで訪室した看護師が、抜去されたカテーテルを発見した。',
    analysis: `日中のせん妄評価は陰性であったが、夜間に症状が変動した。カテーテルは頸部に固定され、患者の手が届きやすい位置にあった。固定テープは1か所のみで、ループを作っていなかった。

HCUは患者4名を看護師1名で担当しており、処置中は他の患者を観察できなかった。CVカテーテルが本当に必要か（末梢で代替できないか）の毎日の評価は行われていなかった。`,
    countermeasuresText: `CVカテーテルの必要性を毎日評価するチェック項目を回診の記録テンプレートに追加し、不要なラインを早期に抜去する。固定方法を標準化し（刺入部の固定＋ループ＋衣服の中を通す）、写真付きの手順書を作成した。

せん妄の評価は勤務帯ごとに行い、変動がある患者には抑制ではなく家族の面会調整や環境調整を優先する。`,
    lessons: 'もっとも確実な自己抜去対策は、不要なラインを残さないことである。せん妄は時間帯によって変動するため、評価の頻度と固定方法の標準化をあわせて見直すと効果的である。',
    factors: [
      { framework: 'P-mSHELL', element: 'P', description: '夜間にせん妄が出現し、ラインを触る行動があった。' },
      { framework: 'P-mSHELL', element: 'H', description: '固定が1か所のみで、患者の手が届きやすい位置にあった。' },
      { framework: 'P-mSHELL', element: 'm', description: 'CVカテーテル留置の必要性を毎日評価する仕組みがなかった。' },
    ],
    countermeasures: [
      { text: '回診記録にCVカテーテル必要性の毎日評価を必須項目として追加', strength: 'medium', responsibleRole: 'HCU室長（医師）', dueMonth: '2025-02', effectMeasure: 'CVカテーテル留置日数とデバイス使用比' },
      { text: '写真付き手順書で固定方法を標準化', strength: 'medium', responsibleRole: 'HCU看護師長', dueMonth: '2025-01', effectMeasure: '計画外抜去件数（1,000デバイス日あたり）' },
    ],
    tags: ['CVカテーテル', '中心静脈カテーテル', '自己抜去', 'せん妄', 'HCU', 'ライン管理', 'チューブ'],
    authorEmail: MEMBER2, anonymous: true, status: 'published',
    comments: [
      { authorEmail: MEMBER, body: '計画外抜去の指標を「1,000デバイス日あたり」で出すのは良いですね。当院では件数のみだったので見直します。' },
    ],
  },
  // ───────────────────────────── 14 検査: 造影剤アレルギー歴の見落とし ─────────────────────────────
  {
    key: 'demo-case-14',
    title: 'ヨード造影剤の副作用歴が伝わらず、造影CTでアナフィラキシー',
    summary: '過去に造影剤で蕁麻疹と呼吸困難を起こした記録が他科の紙カルテ時代の記載にしか残っておらず、造影CTを実施した。注入直後にアナフィラキシーを起こし、アドレナリン筋注で回復した。',
    // 3b: an outpatient admitted overnight for observation needed more than simple treatment (濃厚な処置・治療).
    impactLevel: '3b', jqCategory: 'test', place: 'other', occurredOn: '2025-05',
    professions: [{ profession: 'radiological_technologist', experience: '3_5' }, { profession: 'physician', experience: '5_10' }, { profession: 'nurse', experience: '5_10' }],
    chronology: `検査当日 10:00 CT室で問診票を確認。「アレルギーなし」に丸がついていた。
検査当日 10:10 造影剤注入開始。約1分後、全身の紅斑と咳嗽、喘鳴が出現。
検査当日 10:12 診療放射線技師が注入を中止し、緊急コール。看護師が救急カートを準備。
検査当日 10:14 放射線科医がアドレナリン 0.5 mg を筋注、酸素投与、輸液。
検査当日 10:40 症状軽快。経過観察目的で一泊入院とし、翌日退院。
検査後 振り返りで、過去の紙カルテに造影剤副作用の記載があったことが判明。`,
    discovery: '検査後の振り返りで、スキャンされた過去の紙カルテを確認した際に副作用歴の記載が見つかった。',
    analysis: `電子カルテ移行前の副作用歴がアレルギー情報欄に転記されておらず、スキャン文書の中にしか残っていなかった。患者本人は当時の症状を「造影剤のせい」とは認識しておらず、問診票には記入しなかった。

救急対応は、CT室に救急カートとアナフィラキシー対応手順が掲示されていたことで迅速に行われた。初期対応が良かった点は評価できる。`,
    countermeasuresText: `電子カルテのアレルギー・副作用歴を構造化入力とし、造影剤の副作用歴が登録されている患者に造影検査をオーダすると警告（前投薬の確認を含む）が出るよう設定した。過去のスキャン文書からの転記は、薬剤部と放射線部が分担して重点的に実施する。

問診票は「以前に造影検査を受けた際に、気分が悪くなったりじんましんが出たことはありますか」と具体的な表現に改めた。`,
    lessons: '副作用歴は、記録が存在しても必要な場面で見えなければ防護にならない。構造化された登録とオーダ時の警告で情報を「届ける」仕組みが重要である。アナフィラキシー対応の準備と訓練は、事故を最小限にとどめる防護層である。',
    factors: [
      { framework: '4M', element: 'Media', description: '副作用歴がスキャン文書にのみ記載され、アレルギー情報欄に転記されていなかった。' },
      { framework: '4M', element: 'Machine', description: '造影検査オーダ時に副作用歴を照合する警告機能がなかった。' },
      { framework: '4M', element: 'Man', description: '患者が過去の症状を造影剤副作用と認識しておらず、問診で把握できなかった。' },
    ],
    countermeasures: [
      { text: '構造化されたアレルギー登録と、造影検査オーダ時の副作用歴警告を導入', strength: 'strong', responsibleRole: '医療情報部長・放射線部長', dueMonth: '2025-10', effectMeasure: '造影剤副作用歴のある患者への無警告オーダ件数' },
      { text: '過去の紙カルテ・スキャン文書から副作用歴を重点転記', strength: 'medium', responsibleRole: '薬剤部長', dueMonth: '2025-12', effectMeasure: '転記完了件数と登録率' },
      { text: '造影検査の問診票を具体的な表現に改訂', strength: 'weak', responsibleRole: '放射線部 技師長', dueMonth: '2025-07', effectMeasure: '問診での副作用歴把握件数' },
    ],
    tags: ['造影剤', 'アレルギー', 'アナフィラキシー', '副作用歴', 'CT', '問診', '見落とし'],
    authorEmail: CONSULTANT, anonymous: false, status: 'published',
    comments: [
      { authorEmail: MEMBER2, body: '当院ではアレルギー登録の「未確認」と「なし」を区別するようにしてから、確認漏れが見えるようになりました。' },
      {
        authorEmail: MEMBER,
        body: '初期対応が迅速だった点を報告書に明記しているのが良いと思いました。うまくいったことも共有する文化を広げたいです。',
        replies: [{ authorEmail: CONSULTANT, body: 'Safety-IIの視点ですね。事例検討会でも「うまくいった点」を必ず一つ挙げるようにしています。' }],
      },
    ],
  },
  // ───────────────────────────── 15 薬剤: 口頭指示の聞き違い ─────────────────────────────
  {
    key: 'demo-case-15',
    title: '救急外来の口頭指示「ノルアドレナリン」を「アドレナリン」と聞き違え',
    summary: '救急外来で、医師の口頭指示「ノルアドレナリン」を看護師が「アドレナリン」と聞き違え、準備した薬剤を投与した。投与後に著明な頻脈と血圧上昇を認め、医師が空アンプルを確認して誤りが判明した。',
    impactLevel: '2', jqCategory: 'medication', place: 'emergency', occurredOn: '2025-02',
    professions: [{ profession: 'physician', experience: '1_3' }, { profession: 'nurse', experience: '1_3' }],
    chronology: `来院後20分 敗血症性ショックの患者A。複数の医療者が処置中で、モニタ音が鳴り続けていた。
来院後25分 研修医が「ノルアドレナリン、準備して」と口頭指示。看護師は「アドレナリン」と聞き取った。
来院後27分 看護師は「アドレナリン準備します」と言いながら準備したが、研修医は別の処置中で復唱を聞き取れていなかった。
来院後30分 投与後、心拍数 150 回/分、収縮期血圧 200 mmHg 台に上昇。
来院後32分 上級医が空アンプルを確認し誤りが判明。経過観察で10分後に回復。以後はノルアドレナリンの持続投与を開始。`,
    discovery: '投与後のバイタルサインの急変を受け、上級医が空アンプルを確認して発見した。',
    analysis: `騒がしい環境で、名称が類似した薬剤の口頭指示が行われた。復唱は行われたが、指示者が聞いていなかったため「閉じたループ（クローズドループ）」になっていなかった。指示には用量や投与方法が含まれておらず、薬剤名だけのやりとりであった。

救急外来では口頭指示が日常的であり、指示を記録するホワイトボードなどの手段がなかった。`,
    countermeasuresText: `緊急時の口頭指示は「薬剤名・用量・投与経路」をセットで伝え、受け手は指示者の目を見て復唱し、指示者が「はい」と返すクローズドループコミュニケーションを徹底する。救急外来の蘇生エリアにホワイトボードを設置し、記録係が指示を板書する。

投与前に空アンプル（またはバイアル）を指示者に見せる「見せて確認」を手順化した。ノルアドレナリンとアドレナリンは救急カート内で別の段に配置し、表示の色を分けた。`,
    lessons: '口頭指示は、騒音・名称類似・省略という条件が重なるとエラーが起こりやすい。復唱は指示者に届いて初めて意味を持つ。チームトレーニング（TeamSTEPPS など）の手法が有効である。',
    factors: [
      { framework: 'SHELL', element: 'E', description: 'モニタ音や複数の会話で騒がしい環境だった。' },
      { framework: 'SHELL', element: 'L-L', description: '復唱が指示者に届かず、クローズドループが成立しなかった。' },
      { framework: 'SHELL', element: 'S', description: '口頭指示で用量・経路を伝えるルールや記録手段がなかった。' },
      { framework: 'SHELL', element: 'H', description: '名称が類似した薬剤が救急カートの隣接した場所にあった。' },
    ],
    countermeasures: [
      { text: '名称類似薬を救急カートの別の段に配置し、ラベルの色を分ける', strength: 'medium', responsibleRole: '薬剤部長・救急外来看護師長', dueMonth: '2025-04', effectMeasure: '救急カートの点検時の配置遵守率' },
      { text: '蘇生エリアにホワイトボードを設置し、記録係が口頭指示を板書', strength: 'medium', responsibleRole: '救急科部長', dueMonth: '2025-04', effectMeasure: 'シミュレーションでの指示記録率' },
      { text: 'クローズドループコミュニケーションのチームトレーニングを年2回実施', strength: 'weak', responsibleRole: '医療安全管理者', dueMonth: '2025-09', effectMeasure: '研修参加率と口頭指示関連の報告件数' },
    ],
    tags: ['口頭指示', '聞き違い', '名称類似', 'ノルアドレナリン', 'アドレナリン', '復唱', '救急外来', 'TeamSTEPPS'],
    authorEmail: MEMBER2, anonymous: false, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '用量と経路をセットで言うだけでも、聞き違いに気付くきっかけが増えます。シミュレーションの際は、あえて騒音を入れて練習するのもおすすめです。' },
    ],
  },
  // ───────────────────────────── 16 輸血: 照合漏れによるABO不適合輸血 ─────────────────────────────
  {
    key: 'demo-case-16',
    title: '夜間の輸血でベッドサイド照合を省略し、同室患者の赤血球製剤を接続',
    summary: '夜間に同室の2名の輸血が重なり、ベッドサイドでのバーコード照合を省略して、別の患者の赤血球製剤を接続した。約50 mL 投与した時点で発熱・腰背部痛が出現し、ABO不適合輸血と判明した。HCUで集中治療を行い回復した。',
    impactLevel: '3b', jqCategory: 'transfusion', place: 'ward', occurredOn: '2023-06',
    professions: [{ profession: 'nurse', experience: '3_5' }, { profession: 'nurse', experience: '1_3' }, { profession: 'physician', experience: '5_10' }],
    chronology: `入院9日目 21:30 同室の患者Aと患者Bに赤血球製剤の輸血指示。輸血部から2名分の製剤を同時に受領。
入院9日目 21:45 ナースステーションで看護師2名が製剤と伝票を読み合わせ。
入院9日目 22:00 担当看護師が2つの製剤を同じトレイに載せて病室へ。携帯端末の電池が切れており、バーコード照合を「後で入力」として省略。
入院9日目 22:05 患者Aに患者Bの製剤を接続し、輸血開始。
入院9日目 22:20 患者Aが悪寒・腰背部痛を訴え、38.9℃。輸血を中止し当直医へ報告。
入院9日目 22:30 製剤ラベルを確認し、取り違えが判明。患者AはO型、製剤はA型。
入院9日目 23:00 HCUへ転棟し、輸液・利尿、DIC対策を実施。
入院14日目 腎機能が回復し一般病棟へ戻る。家族に説明し謝罪。`,
    discovery: '輸血開始15分後の副反応の観察で症状に気付き、製剤ラベルを確認して発見した。',
    analysis: `ナースステーションでの読み合わせは行われたが、最も重要なベッドサイドでの「患者と製剤」の照合が省略された。携帯端末の充電が不十分で、代替手段（2人でのリストバンド読み合わせ）も実施されなかった。

2名分の製剤を同時に払い出し、同じトレイで運ぶ運用が取り違えの条件をつくっていた。一方で、開始後15分の観察ルールが守られていたことで、投与量が少ないうちに発見できた。`,
    countermeasuresText: `輸血製剤は1患者分ずつ払い出し、病棟でも1患者分ずつ運ぶ運用とした。バーコード照合が完了しないと輸血の実施記録が開始できない設定とし、携帯端末は予備機と充電ステーションを各病棟に配備した。

照合ができない場合は輸血を開始しない（停止基準）ことを手順書に明記した。`,
    lessons: '輸血の取り違えはベッドサイドで起こる。照合を「後で入力」にできる運用は、照合がないのと同じである。開始後の観察ルールは、被害を最小限にする最後の防護層として維持する必要がある。',
    factors: [
      { framework: 'P-mSHELL', element: 'H', description: '携帯端末の電池切れで、バーコード照合ができなかった。' },
      { framework: 'P-mSHELL', element: 'S', description: '2名分の同時払い出しと、照合の事後入力を許す運用があった。' },
      { framework: 'P-mSHELL', element: 'L', description: '照合できない状況で開始を止める判断ができなかった。' },
      { framework: 'P-mSHELL', element: 'm', description: '夜間の輸血が重なる状況での人員配置と手順が考慮されていなかった。' },
    ],
    countermeasures: [
      { text: 'バーコード照合完了まで輸血実施記録を開始できない設定（事後入力の禁止）', strength: 'strong', responsibleRole: '輸血部長・医療情報部長', dueMonth: '2023-10', effectMeasure: 'ベッドサイド照合実施率（システムログ）' },
      { text: '輸血製剤の1患者ずつの払い出し・搬送', strength: 'medium', responsibleRole: '輸血部長', dueMonth: '2023-08', effectMeasure: '同時払い出し件数' },
      { text: '携帯端末の予備機と充電ステーションを各病棟に配備', strength: 'medium', responsibleRole: '医療情報部長', dueMonth: '2023-09', effectMeasure: '端末の不具合による照合不能件数' },
    ],
    tags: ['輸血', 'ABO不適合', '照合漏れ', '取り違え', 'バーコード認証', '夜間', '輸血バッグ'],
    authorEmail: MEMBER, anonymous: true, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '3b以上の事例として、家族への説明と職員のケア（セカンドビクティム対策）はどうされましたか。当事者の看護師への支援も報告に含めると、他院の参考になると思います。' },
      {
        authorEmail: MEMBER2,
        body: '当院も「後で入力」が残っていました。システムで事後入力を止めたところ、最初は現場から反発がありましたが、端末の予備機を増やすことで落ち着きました。',
        replies: [{ authorEmail: MEMBER, body: '同じ懸念が出ています。予備機の台数の目安を教えていただけると助かります。' }],
      },
    ],
  },
  // ───────────────────────────── 17 療養上の世話: 誤嚥・窒息 ─────────────────────────────
  {
    key: 'demo-case-17',
    title: '嚥下機能低下のある患者に常食が配膳され、食事中に窒息',
    summary: '嚥下機能評価で「きざみ・とろみ」と判定された患者に、食事オーダの変更漏れで常食が配膳された。食事中に窒息し心肺停止となったが、吸引と心肺蘇生で自己心拍が再開し、ICUで数日間の人工呼吸管理を要した。',
    impactLevel: '3b', jqCategory: 'care', place: 'ward', occurredOn: '2025-08',
    professions: [{ profession: 'nurse', experience: '5_10' }, { profession: 'other', experience: 'over_10' }, { profession: 'physician', experience: '3_5' }],
    chronology: `入院3日目 言語聴覚士が嚥下評価を実施し、「きざみ・とろみ付き」を推奨。カンファレンスで共有された。
入院3日目 主治医が食事オーダの変更を予定したが、緊急入院対応で入力を忘れた。
入院4日目 12:00 常食が配膳される。配膳担当の看護補助者は食札どおりに配膳。
入院4日目 12:10 患者Aが一人で摂取中、むせ込みののち顔面蒼白。同室患者がナースコール。
入院4日目 12:12 看護師が駆けつけ、口腔内に食塊。吸引、背部叩打を実施。反応なく、コードブルー。
入院4日目 12:16 心肺蘇生を開始し、3分後に自己心拍再開。気管挿管し、ICUへ。
入院8日目 抜管。神経学的後遺症なく、一般病棟へ戻る。`,
    discovery: '同室患者のナースコールで看護師が駆けつけ、窒息に気付いた。',
    analysis: `嚥下評価の結果はカンファレンスで共有されたが、食事オーダの変更は主治医の入力に依存し、入力されたかを誰も確認していなかった。配膳時は食札と患者の照合のみで、食形態が患者の状態に合っているかを確認する手順はなかった。

嚥下障害のある患者が見守りなしに一人で食事をしていた。食事介助・見守りの必要度が看護計画に反映されていなかった。`,
    countermeasuresText: `言語聴覚士が嚥下評価に基づいて食形態を「代行入力」し、主治医が承認する運用とした。食札に嚥下調整食の区分と「見守り要」を表示し、配膳時に看護師が食形態を確認する。

嚥下障害のある患者の初回食事は、看護師または言語聴覚士の見守り下で行う。窒息時の対応（吸引器の配置、ハイムリック法）を病棟でシミュレーション訓練する。`,
    lessons: 'チームで共有された決定も、オーダに反映されなければ現場には届かない。職種間の情報の「受け渡し」を仕組みで確実にすることが重要である。窒息時の迅速な対応が救命につながったことは、日頃の訓練の成果である。',
    factors: [
      { framework: '4M', element: 'Man', description: '主治医が繁忙で食事オーダの変更を忘れた。' },
      { framework: '4M', element: 'Media', description: '食札に嚥下調整食の区分や見守りの要否が表示されていなかった。' },
      { framework: '4M', element: 'Management', description: 'カンファレンスの決定がオーダに反映されたかを確認する仕組みがなかった。' },
    ],
    countermeasures: [
      { text: '言語聴覚士による食形態の代行入力と主治医承認の運用', strength: 'medium', responsibleRole: 'リハビリテーション部長', dueMonth: '2025-11', effectMeasure: '嚥下評価から食事オーダ変更までの時間' },
      { text: '食札に嚥下調整食区分と「見守り要」を表示', strength: 'medium', responsibleRole: '栄養管理部長', dueMonth: '2025-10', effectMeasure: '食形態の誤配膳報告件数' },
      { text: '窒息対応の病棟シミュレーション訓練を年1回実施', strength: 'weak', responsibleRole: '医療安全管理者', dueMonth: '2026-03', effectMeasure: '訓練実施病棟数' },
    ],
    tags: ['誤嚥', '窒息', '嚥下障害', '食形態', '食事オーダ', '心肺蘇生', '多職種連携'],
    authorEmail: MEMBER2, anonymous: true, status: 'published',
    comments: [
      { authorEmail: MEMBER, body: '代行入力の範囲（食形態・とろみの濃さ）は院内の委員会で承認を取りましたか？当院でも導入を検討しています。' },
      { authorEmail: CONSULTANT, body: '窒息は「療養上の世話」の中でも死亡につながりやすい事象です。配膳時の確認を看護補助者に任せる場合は、確認項目を絞って明確にすることが大切です。' },
    ],
  },
  // ───────────────────────────── 18 その他: 麻薬の紛失 ─────────────────────────────
  {
    key: 'demo-case-18',
    title: '病棟の麻薬金庫でオキシコドン錠1錠が数量不一致（紛失）',
    summary: '病棟の麻薬金庫の定時点検で、オキシコドン速放錠の数が帳簿より1錠少ないことが判明した。院内を捜索したが発見できず、都道府県への麻薬事故届を提出した。患者への影響はなかった。',
    impactLevel: '0', jqCategory: 'other', place: 'ward', occurredOn: '2024-03',
    professions: [{ profession: 'nurse', experience: '5_10' }, { profession: 'pharmacist', experience: '3_5' }],
    chronology: `点検当日 09:00 日勤リーダーが麻薬金庫を点検。オキシコドン速放錠の残数が帳簿より1錠少ない。
点検当日 09:30 前日の夜勤者に連絡。夜間に2回の払い出しがあり、1回は患者が服用を拒否して返却予定であった。
点検当日 10:00 病棟内、配薬カート、廃棄物、返却薬保管場所を捜索。発見できず。
点検当日 11:00 薬剤部の麻薬管理者に報告。
点検翌日 麻薬事故届を提出。院内で経緯を調査。`,
    discovery: '日勤リーダーによる麻薬金庫の定時点検で、帳簿との数量不一致として発見された。',
    analysis: `服用を拒否された麻薬を一時的にポケットに入れ、後で金庫に戻す運用が一部で行われていた。返却時の記録と金庫への収納が同時に行われず、二人での確認もされていなかった。

夜間は麻薬の払い出しが多く、夜勤者は救急入院の対応と重なっていた。返却麻薬の手順は文書化されていたが、夜間の実態に合っていなかった。`,
    countermeasuresText: `麻薬は患者ごとに1回分ずつ個包装し、払い出しから投与・返却まで専用の携行ケースで扱う。返却・服用拒否時は、その場で二人で確認して記録し、金庫に戻すまでケースから出さない。

自動払い出し機能付きの麻薬保管庫（生体認証）の導入を検討する。`,
    lessons: '麻薬の紛失は患者への影響がなくても法令上の報告義務がある重大な事象である。「後で戻す」という一時保管が紛失の入口であり、持ち運びの容器と手順を決めておくことが大切である。',
    factors: [
      { framework: 'SHELL', element: 'S', description: '服用拒否時の返却手順が夜間の実態に合っていなかった。' },
      { framework: 'SHELL', element: 'H', description: '麻薬を一時的に保管する専用の容器がなかった。' },
      { framework: 'SHELL', element: 'E', description: '夜間の救急入院対応と払い出しが重なっていた。' },
    ],
    countermeasures: [
      { text: '麻薬の1回分個包装と専用携行ケースの導入', strength: 'medium', responsibleRole: '薬剤部 麻薬管理者', dueMonth: '2024-06', effectMeasure: '麻薬の数量不一致件数' },
      { text: '生体認証付き麻薬保管庫の導入を検討（予算申請）', strength: 'strong', responsibleRole: '薬剤部長・事務部長', dueMonth: '2025-03', effectMeasure: '導入病棟での数量不一致件数と点検時間' },
      { text: '返却時の二人確認と即時記録を手順書に明記', strength: 'weak', responsibleRole: '看護部 病棟看護師長', dueMonth: '2024-04', effectMeasure: '麻薬帳簿の記載監査' },
    ],
    tags: ['麻薬', '紛失', '数量不一致', '麻薬事故届', 'オキシコドン', '薬品管理'],
    authorEmail: MEMBER, anonymous: true, status: 'published',
    comments: [
      { authorEmail: MEMBER2, body: '当院では服用拒否時の返却を「その場で薬剤師に電話連絡」にしました。夜間は当直薬剤師の負担が増えましたが、不一致はなくなりました。' },
    ],
  },
  // ───────────────────────────── 19 治療・処置: ガーゼ遺残 ─────────────────────────────
  {
    key: 'demo-case-19',
    title: '腹部手術後のX線で体内にガーゼ遺残が判明し、再手術',
    summary: '腹部手術の閉腹前のガーゼカウントで数が合っていると判断されたが、術後のX線でX線造影糸入りのガーゼが腹腔内に残存していることが判明した。同日に再開腹して摘出した。',
    impactLevel: '3b', jqCategory: 'treatment', place: 'operating_room', occurredOn: '2023-04',
    professions: [{ profession: 'physician', experience: '5_10' }, { profession: 'nurse', experience: '1_3' }, { profession: 'nurse', experience: '3_5' }],
    chronology: `手術当日 09:00 開腹手術開始。
手術当日 11:30 出血への対応で追加のガーゼを多数使用。器械出し看護師の交代（休憩）があった。
手術当日 13:00 閉腹前のガーゼカウント。外回り看護師がカウントボードを見て「合っています」と報告。
手術当日 13:40 閉腹終了。手術室で腹部X線を撮影したが、読影は病棟帰室後に行う予定だった。
手術当日 15:00 主治医がX線を確認し、腹腔内に造影糸の陰影を認めた。
手術当日 17:00 再開腹し、ガーゼ1枚を摘出。患者・家族に説明し謝罪。入院期間が延長した。`,
    discovery: '主治医が術後X線を病棟で確認した際に、造影糸の陰影に気付いた。',
    analysis: `出血時に追加したガーゼがカウントボードに記載されていなかった。器械出し看護師の交代時の申し送りで、使用中のガーゼの枚数が伝わっていなかった。

術後X線は撮影されていたが、閉腹直後の手術室内で読影する手順になっておらず、再手術の負担（再度の麻酔導入）を大きくした。`,
    countermeasuresText: `ガーゼは10枚1束の単位で払い出し、追加時は必ず束で出して外回り看護師がボードに記載する。交代時はカウントを一緒に実施してから交代する。

閉腹前のカウントに加えて、手術室退室前に術後X線を術者と放射線科医（または術者2名）が確認し、確認を記録してから退室する。RFIDタグ付きガーゼの導入も検討する。`,
    lessons: 'カウントは「数える人」と「記録」の両方がそろって初めて機能する。交代と追加が重なる場面はリスクが高い。術後X線は、退室前に読影してこそ防護層になる。',
    factors: [
      { framework: 'P-mSHELL', element: 'L-L', description: '器械出し看護師の交代時にガーゼ枚数が申し送られなかった。' },
      { framework: 'P-mSHELL', element: 'S', description: '追加ガーゼの記載方法と、退室前のX線確認の手順がなかった。' },
      { framework: 'P-mSHELL', element: 'E', description: '出血対応中で、術野が慌ただしかった。' },
    ],
    countermeasures: [
      { text: '手術室退室前に術後X線を2名で確認・記録する手順の導入', strength: 'medium', responsibleRole: '手術部長', dueMonth: '2023-07', effectMeasure: '退室前X線確認の実施率と体内遺残件数' },
      { text: 'RFIDタグ付きガーゼと検知装置の導入', strength: 'strong', responsibleRole: '手術部長・事務部長', dueMonth: '2024-04', effectMeasure: '体内遺残件数とカウント不一致の検知件数' },
      { text: 'ガーゼの束単位での追加と交代時の合同カウント', strength: 'medium', responsibleRole: '手術部 看護師長', dueMonth: '2023-06', effectMeasure: '手術室内観察での遵守率' },
    ],
    tags: ['ガーゼ遺残', '体内遺残', 'ガーゼカウント', '手術', '再手術', '術後X線', 'RFID'],
    authorEmail: MEMBER2, anonymous: false, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '体内遺残は医療事故情報収集等事業でも毎年報告されるテーマです。RFIDの導入費用と効果の評価がまとまったら、ぜひ共有してください。' },
    ],
  },
  // ───────────────────────────── 20 薬剤: 小児の抗がん剤 投与量計算 ─────────────────────────────
  {
    key: 'demo-case-20',
    title: '小児の抗がん剤で体重換算を取り違え、約2倍量のオーダを薬剤師が発見',
    summary: '小児の化学療法で、体表面積（m²）あたりの用量を体重（kg）あたりとして計算し、約2倍量の抗がん剤がオーダされた。調製前の薬剤師による監査で発見され、投与前に修正された。',
    impactLevel: '0', jqCategory: 'medication', place: 'pharmacy', occurredOn: '2025-10',
    professions: [{ profession: 'physician', experience: '1_3' }, { profession: 'pharmacist', experience: '3_5' }],
    chronology: `化学療法開始前日 16:00 小児科の医師（3年目）がレジメンに基づき抗がん剤をオーダ。プロトコルの「mg/m²」を「mg/kg」として計算。
化学療法開始前日 16:30 上級医の承認を受ける（計算過程は確認せず）。
化学療法当日 08:30 薬剤師Bが無菌調製前の監査で、体表面積から計算した量の約2倍であることに気付く。
化学療法当日 08:45 疑義照会。医師がプロトコルを再確認し、用量を修正。
化学療法当日 10:00 正しい用量で投与開始。`,
    discovery: '薬剤部での無菌調製前の処方監査で、薬剤師が体表面積から再計算して発見した。',
    analysis: `このレジメンはレジメン管理システムに登録されておらず、医師が手計算でオーダしていた。小児では体重あたりと体表面積あたりの用量が混在し、換算の誤りが起こりやすい。

上級医の承認は結果の数値だけを見る形式的なものになっていた。薬剤師が身長・体重から独立に再計算する監査手順が機能した。`,
    countermeasuresText: `小児の抗がん剤レジメンをすべてレジメン管理システムに登録し、身長・体重から用量が自動計算され、手入力の場合は上限値を超えるとオーダできない設定とした。登録外レジメンの使用は、薬剤部とがん化学療法委員会の事前審査を必須とした。`,
    lessons: '小児の用量は単位（mg/kg、mg/m²）の取り違えが起こりやすく、手計算に頼る運用そのものがリスクである。薬剤師による独立した再計算は重要な防護層であり、ダブルチェックは「同じ数字を見る」のではなく「独立に計算する」ことが肝要である。',
    factors: [
      { framework: '4M', element: 'Man', description: '医師が投与量の単位（mg/m² と mg/kg）を取り違えた。' },
      { framework: '4M', element: 'Machine', description: 'レジメンがシステム未登録で、自動計算や上限チェックがなかった。' },
      { framework: '4M', element: 'Management', description: '上級医の承認が計算過程を確認しない形式的なものだった。' },
    ],
    countermeasures: [
      { text: '小児レジメンのシステム登録と、手入力時の上限値ハードストップ', strength: 'strong', responsibleRole: 'がん化学療法委員長・医療情報部長', dueMonth: '2026-03', effectMeasure: 'レジメン登録率と抗がん剤の疑義照会（用量）件数' },
      { text: '登録外レジメン使用時の事前審査を必須化', strength: 'medium', responsibleRole: '薬剤部長', dueMonth: '2025-12', effectMeasure: '登録外レジメンの使用件数' },
    ],
    tags: ['抗がん剤', '小児', '体重換算', '投与量計算', '体表面積', 'レジメン', '疑義照会', 'ダブルチェック'],
    authorEmail: CONSULTANT, anonymous: true, status: 'published',
    comments: [
      {
        authorEmail: MEMBER,
        body: '「独立に計算する」ダブルチェックは、当院でも手順書の言葉を変えるだけで意識が変わりました。',
        replies: [{ authorEmail: CONSULTANT, body: '言葉の定義は大事ですね。どの段階で誰が何を独立に確認するかまで書けると、さらに形骸化を防げます。' }],
      },
    ],
  },
  // ───────────────────────────── 21 医療機器: アラームの設定・無視 ─────────────────────────────
  {
    key: 'demo-case-21',
    title: 'SpO2モニタのアラーム音量が最小に設定され、呼吸停止の発見が遅れた',
    summary: 'オピオイドを使用中の術後患者で、ベッドサイドモニタのアラーム音量が最小に設定され、セントラルモニタへの送信も切れていた。呼吸停止の発見が遅れ、心肺蘇生とICUでの管理を要したが、後遺症なく回復した。',
    impactLevel: '3b', jqCategory: 'device', place: 'ward', occurredOn: '2026-01',
    professions: [{ profession: 'nurse', experience: '1_3' }, { profession: 'clinical_engineer', experience: 'over_10' }, { profession: 'physician', experience: '5_10' }],
    chronology: `術後1日目 20:00 患者Aは硬膜外鎮痛とオピオイドの静注PCAを使用中。SpO2モニタを装着。
術後1日目 20:30 同室者への配慮として、家族の要望でベッドサイドモニタの音量を最小に変更（変更者は不明）。
術後1日目 23:00 巡視。入眠中で呼吸は浅いが規則的と判断。
術後2日目 00:10 セントラルモニタの当該ベッドが「電波切れ」表示のまま。頻繁な誤報アラームのため、表示に注意が向いていなかった。
術後2日目 01:00 巡視時に患者Aが呼名に反応せず、呼吸停止、SpO2 測定不能。コードブルー。
術後2日目 01:03 バッグバルブマスク換気、ナロキソン投与。数分で自発呼吸が戻る。
術後2日目 02:00 ICUへ転棟し、呼吸管理。術後4日目に一般病棟へ戻り、神経学的後遺症なし。`,
    discovery: '定時巡視で看護師が患者の無反応・呼吸停止に気付いた。',
    analysis: `病棟では誤報（体動によるノイズ、電極外れ）によるアラームが1人あたり1時間に何度も鳴っており、アラーム疲労が生じていた。セントラルモニタの「電波切れ」も日常的に出るため、重要な表示として扱われていなかった。

ベッドサイドの音量は誰でも変更でき、最小音量の下限設定がなかった。オピオイド使用中の呼吸抑制リスクに応じたモニタリング基準（カプノグラフィの使用など）もなかった。`,
    countermeasuresText: `臨床工学技士がモニタの設定を見直し、音量の下限を設定して「消音」にできないようにした。電波切れは一定時間で病棟全体に警告音が鳴るよう変更した。

誤報を減らすため、アラーム閾値と電極交換の手順を標準化し、アラーム件数を病棟ごとに月次で集計する。オピオイドPCA使用患者には呼吸数・カプノグラフィの監視基準を設ける。`,
    lessons: 'アラームが多すぎる環境では、本当に危険なアラームが無視される。アラーム対策は「鳴らす」ことより「意味のあるアラームだけを確実に届ける」ことが目的である。モニタ設定を変更できる範囲を機器側で制限することは強い対策になる。',
    factors: [
      { framework: 'SHELL', element: 'H', description: 'ベッドサイドモニタの音量に下限がなく、誰でも最小にできた。' },
      { framework: 'SHELL', element: 'E', description: '誤報アラームが多く、アラーム疲労が生じていた。' },
      { framework: 'SHELL', element: 'S', description: '電波切れの対応手順やオピオイド使用時の監視基準がなかった。' },
      { framework: 'SHELL', element: 'L-L', description: '音量の変更が誰にも共有されていなかった。' },
    ],
    countermeasures: [
      { text: 'モニタ音量の下限設定と電波切れ時の病棟全体警告を機器側で設定', strength: 'strong', responsibleRole: '臨床工学技士長', dueMonth: '2026-03', effectMeasure: '電波切れの持続時間（ログ）とアラーム関連インシデント件数' },
      { text: 'アラーム閾値・電極交換の標準化と、病棟ごとのアラーム件数の月次集計', strength: 'medium', responsibleRole: 'アラーム対策ワーキンググループ', dueMonth: '2026-06', effectMeasure: '病床・日あたりのアラーム件数' },
      { text: 'オピオイドPCA使用患者の呼吸数・カプノグラフィ監視基準の作成', strength: 'medium', responsibleRole: '麻酔科長・急性疼痛管理チーム', dueMonth: '2026-06', effectMeasure: 'オピオイド関連の呼吸抑制によるコードブルー件数' },
    ],
    tags: ['アラーム', 'アラーム疲労', 'モニタ', 'SpO2', '呼吸停止', 'オピオイド', 'PCA', '医療機器'],
    authorEmail: MEMBER, anonymous: true, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: 'アラーム疲労は組織の課題として扱うべきテーマです。臨床工学技士を中心にしたワーキンググループを立ち上げた点が良いと思います。誤報を減らすと、アラームへの反応時間も短くなります。' },
      { authorEmail: MEMBER2, body: '当院では電極を毎日定時に交換するだけで誤報が3割ほど減りました。地道ですが効果的でした。' },
    ],
  },
  // ───────────────────────────── 22 療養上の世話: 褥瘡（医療関連機器圧迫創傷） ─────────────────────────────
  {
    key: 'demo-case-22',
    title: 'NPPVマスクによる鼻根部の褥瘡（医療関連機器圧迫創傷）',
    summary: 'ICUでNPPV（非侵襲的陽圧換気）を使用中の患者の鼻根部に、マスクの圧迫による深い褥瘡が発生した。皮膚・排泄ケア認定看護師の介入と外用薬による処置で治癒した。',
    impactLevel: '3a', jqCategory: 'care', place: 'icu_hcu', occurredOn: '2025-06',
    professions: [{ profession: 'nurse', experience: '1_3' }, { profession: 'nurse', experience: 'over_10' }],
    chronology: `ICU入室1日目 呼吸不全でNPPVを開始。マスクのリークが多く、ベルトを強めに締めた。
ICU入室1〜3日目 マスクを外すと SpO2 が低下するため、除圧やスキンケアの時間が取れなかった。
ICU入室4日目 10:00 マスクを外した際、鼻根部に 2 cm 大の潰瘍を発見（真皮を越える深さ）。
ICU入室4日目 14:00 皮膚・排泄ケア認定看護師が評価。マスクのサイズが合っていなかった。フルフェイスマスクへ変更し、皮膚保護材を貼付。
ICU入室4日目以降 外用薬による処置を継続し、約3週間で治癒。`,
    discovery: 'マスクを外して清拭した際に担当看護師が発見した。',
    analysis: `マスクのサイズ選択が入室時の慌ただしい中で行われ、サイズゲージが使われていなかった。リーク対策としてベルトを締める以外の方法（サイズ変更、マスクの種類変更）が検討されなかった。

医療関連機器圧迫創傷（MDRPU）の予防策として、皮膚保護材の予防的貼付と定時の皮膚観察の手順がICUの標準になっていなかった。`,
    countermeasuresText: `NPPV開始時にサイズゲージでマスクを選択し、鼻根部に予防的に皮膚保護材を貼付することを手順に加えた。勤務帯ごとにマスク接触部の皮膚を観察し、記録テンプレートに入力する。

リークが多い場合はベルトを締める前に臨床工学技士・認定看護師に相談するルールとした。`,
    lessons: '医療機器による褥瘡は、予防策を手順に組み込むことで大きく減らせる。リーク対策でベルトを締めすぎることは典型的な原因であり、サイズ選択と予防的な皮膚保護が重要である。',
    factors: [
      { framework: 'P-mSHELL', element: 'H', description: 'マスクのサイズが合わず、ベルトを強く締めていた。' },
      { framework: 'P-mSHELL', element: 'P', description: '呼吸状態が不安定で、マスクを外して除圧することが困難だった。' },
      { framework: 'P-mSHELL', element: 'S', description: 'MDRPU予防の皮膚保護材貼付と観察の手順がなかった。' },
    ],
    countermeasures: [
      { text: 'NPPV開始時のサイズゲージ使用と予防的皮膚保護材貼付を手順化', strength: 'medium', responsibleRole: 'ICU看護師長・皮膚・排泄ケア認定看護師', dueMonth: '2025-08', effectMeasure: 'NPPV関連MDRPUの発生率' },
      { text: '勤務帯ごとの皮膚観察を記録テンプレートに組み込み', strength: 'medium', responsibleRole: '看護記録委員会', dueMonth: '2025-09', effectMeasure: '皮膚観察の記録率' },
    ],
    tags: ['褥瘡', 'MDRPU', '医療関連機器圧迫創傷', 'NPPV', 'マスク', 'ICU', 'スキンケア'],
    authorEmail: MEMBER2, anonymous: false, status: 'published',
    comments: [
      { authorEmail: MEMBER, body: '院内で褥瘡を影響度分類でどう判定するか、施設ごとに差がありそうです。DESIGN-Rの深さと影響度の対応表を作っている施設はありますか。' },
    ],
  },
  // ───────────────────────────── 23 薬剤: ハイリスク薬の二重確認形骸化 ─────────────────────────────
  {
    key: 'demo-case-23',
    title: 'ダブルチェックしたのにモルヒネ注の規格違いを見逃し、呼吸抑制',
    summary: '看護師2名でダブルチェックを行ったが、モルヒネ注の規格（10 mg と 50 mg）の違いに気付かず、指示の5倍量を持続皮下注のシリンジに充填した。数時間後に呼吸抑制を来し、ナロキソン投与とHCUでの管理を要した。',
    impactLevel: '3b', jqCategory: 'medication', place: 'ward', occurredOn: '2026-03',
    professions: [{ profession: 'nurse', experience: '5_10' }, { profession: 'nurse', experience: 'under_1' }, { profession: 'pharmacist', experience: '5_10' }],
    chronology: `入院15日目 13:00 緩和ケアの患者Aにモルヒネ持続皮下注の新しいシリンジを準備。指示は「モルヒネ注 10 mg/日」。
入院15日目 13:10 病棟には 10 mg/1 mL と 50 mg/5 mL の2規格が配置されていた。担当看護師は「1アンプル」と思い、50 mg 製剤を取り出した。
入院15日目 13:15 新人看護師とダブルチェック。担当看護師が指示を読み上げ、新人看護師はアンプルを見て「はい」と答えた。
入院15日目 13:20 シリンジを交換し、投与開始。
入院15日目 19:00 患者Aの呼吸数 6 回/分、呼名に反応が乏しい。SpO2 85%。
入院15日目 19:05 当直医がナロキソンを投与。呼吸数が回復。
入院15日目 19:30 残りのアンプル数の確認で規格違いが判明。HCUへ転棟し、24時間監視。
入院17日目 病棟へ戻る。家族に説明し謝罪。`,
    discovery: '準夜勤の看護師が呼吸抑制に気付き、原因検索で空アンプルと残数を確認して判明した。',
    analysis: `ダブルチェックは一人が読み上げ、もう一人が「はい」と答える形式で、確認者が独立に指示と薬剤を照合していなかった。新人看護師は先輩の読み上げに異論を唱えにくく、実質的には一人の確認であった（ダブルチェックの形骸化）。

同じ薬剤の複数規格が同じ引き出しに並び、外観も類似していた。「1アンプル＝10 mg」という思い込みが生じやすい配置だった。`,
    countermeasuresText: `病棟に配置するモルヒネ注は 10 mg 規格のみとし、高用量規格は薬剤部から患者ごとに払い出す。持続皮下注のシリンジは薬剤部で調製する運用へ段階的に移行する。

ダブルチェックは「二人が独立して、指示と薬剤をそれぞれ確認する」方式に手順を改め、確認者が自分で指示を読み、薬剤を手に取って照合する。新人が疑問を言えるよう、確認時に「規格は？」と問いかける確認語を定めた。`,
    lessons: 'ダブルチェックは、形式だけでは安全を保証しない。確認者が独立に照合する方式でなければ、思い込みは二人で共有されるだけである。規格の配置を絞るなど、間違えようのない環境をつくることが優先される。',
    factors: [
      { framework: 'P-mSHELL', element: 'L', description: '「1アンプル＝10 mg」という思い込みがあった。' },
      { framework: 'P-mSHELL', element: 'L-L', description: '新人看護師が先輩の読み上げに異論を唱えにくい関係性があった。' },
      { framework: 'P-mSHELL', element: 'H', description: '外観の類似した2規格が同じ引き出しに配置されていた。' },
      { framework: 'P-mSHELL', element: 'm', description: 'ダブルチェックの方法が定義されておらず、形骸化していた。' },
    ],
    countermeasures: [
      { text: '病棟配置のモルヒネ注を低用量規格のみに限定し、高用量規格は患者ごとに払い出し', strength: 'strong', responsibleRole: '薬剤部長', dueMonth: '2026-05', effectMeasure: '病棟の高用量規格在庫ゼロの確認と麻薬関連の誤薬件数' },
      { text: '持続皮下注シリンジの薬剤部調製への移行', strength: 'strong', responsibleRole: '薬剤部長・緩和ケアチーム', dueMonth: '2026-10', effectMeasure: '薬剤部調製の割合' },
      { text: 'ダブルチェックを独立照合方式に改め、確認語を定める', strength: 'weak', responsibleRole: '医療安全管理者・看護部', dueMonth: '2026-04', effectMeasure: '観察監査での独立照合の実施率' },
    ],
    tags: ['ダブルチェック', '形骸化', 'ハイリスク薬', 'モルヒネ', '規格違い', '呼吸抑制', '麻薬', '誤薬'],
    authorEmail: MEMBER, anonymous: true, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: 'ダブルチェックの方法（独立照合か、読み合わせか）を院内で定義していない施設は多いです。どの場面でどの方式を使うかを一覧にすると、限られた人手を重要な場面に集中できます。' },
      {
        authorEmail: MEMBER2,
        body: '「規格は？」の確認語、良いですね。当院では新人が「止める」ことを練習するロールプレイを研修に入れています。',
        replies: [{ authorEmail: MEMBER, body: 'ロールプレイの資料をぜひ拝見したいです。事例検討会の際にご相談させてください。' }],
      },
      { authorEmail: ADMIN, body: 'ハイリスク薬の管理は次回のフォロー研修会のテーマ候補です。' },
    ],
  },
  // ───────────────────────────── 24 ドレーン・チューブ: 経腸栄養ラインと輸液ラインの誤接続（未遂） ─────────────────────────────
  {
    key: 'demo-case-24',
    title: '経腸栄養剤を点滴ラインの側管に接続しかけた（誤接続のヒヤリハット）',
    summary: '小児病棟で、カテーテルチップ型シリンジに吸った経腸栄養剤を、誤って末梢静脈ラインの三方活栓に接続しかけた。接続部の形状が合わず、その場で気付いたため注入はされなかった。',
    impactLevel: '0', jqCategory: 'drain_tube', place: 'ward', occurredOn: '2025-11',
    professions: [{ profession: 'nurse', experience: 'under_1' }],
    chronology: `入院4日目 17:50 新人看護師が患者A（乳児）の経鼻胃管からの注入を準備。病棟では経腸栄養用の専用シリンジが品切れで、一般のシリンジを使用。
入院4日目 18:00 ベッド上で胃管と点滴ラインが同じ方向にまとめられていた。照明を落とした状態で、点滴ラインの三方活栓に接続しようとした。
入院4日目 18:01 コネクタの形状が合わず、手元を確認して誤りに気付いた。
入院4日目 18:05 リーダー看護師に報告。正しく胃管から注入。ヒヤリハットとして報告。`,
    discovery: '接続しようとした際にコネクタが合わず、看護師本人が気付いた。',
    analysis: `経腸栄養用の専用シリンジが品切れで、静脈ラインに接続できてしまう形状のシリンジが代用されていた。偶然、三方活栓の形状が合わなかったが、シリンジの種類によっては接続できた可能性がある。

胃管と点滴ラインがベッド上で区別なく配置され、照明を落とした環境で作業していた。`,
    countermeasuresText: `経腸栄養関連の器材を、国際規格に準拠した誤接続防止コネクタ（ENFit）製品に全面切り替えし、静脈系とは物理的に接続できないようにした。専用シリンジの定数を見直し、品切れ時に一般のシリンジで代用することを禁止した。

チューブ類はベッドの左右で経路を分けて固定し、ラインに経路名のタグを付ける。`,
    lessons: '誤接続は、コネクタの形状で「物理的に接続できない」ようにするのが最も確実な対策である。専用品の品切れによる代用は、強い対策を無効にしてしまうため、在庫管理も安全対策の一部として扱う必要がある。',
    factors: [
      { framework: '4M', element: 'Machine', description: '静脈ラインに接続できる形状のシリンジが経腸栄養に代用されていた。' },
      { framework: '4M', element: 'Media', description: 'ベッド上でチューブ類の経路が区別されていなかった。' },
      { framework: '4M', element: 'Management', description: '専用シリンジの在庫管理が不十分で、代用が黙認されていた。' },
    ],
    countermeasures: [
      { text: '経腸栄養器材を誤接続防止コネクタ（ENFit）製品に全面切り替え', strength: 'strong', responsibleRole: '用度課長・栄養サポートチーム', dueMonth: '2026-03', effectMeasure: '経腸栄養ラインの誤接続報告件数と旧規格製品の在庫ゼロ確認' },
      { text: '専用シリンジの定数見直しと代用の禁止', strength: 'medium', responsibleRole: '小児病棟看護師長', dueMonth: '2025-12', effectMeasure: '専用シリンジの品切れ件数' },
      { text: 'チューブ類の左右分離固定と経路名タグの運用', strength: 'weak', responsibleRole: '小児病棟看護師長', dueMonth: '2025-12', effectMeasure: '病棟ラウンドでの遵守率' },
    ],
    tags: ['誤接続', '経腸栄養', 'コネクタ', 'ENFit', 'チューブ', '小児', 'ヒヤリハット', '三方活栓'],
    authorEmail: MEMBER2, anonymous: false, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '物理的に接続できないコネクタは、RCA2の階層で最も強い対策の一つです。切り替え期間中の旧規格製品の混在に注意してください。' },
    ],
  },
  // ───────────────────────────── 25 その他: 患者からの暴力（影響度：その他） ─────────────────────────────
  {
    key: 'demo-case-25',
    title: '救急外来で待ち時間に不満を持った患者家族が看護師に暴力',
    summary: '救急外来で長時間待機していた患者の家族が、待ち時間への不満から受付対応の看護師の腕をつかみ突き飛ばした。看護師は打撲を負った。警備員が駆けつけて制止し、警察に通報した。',
    impactLevel: 'other', jqCategory: 'other', place: 'emergency', occurredOn: '2026-02',
    professions: [{ profession: 'nurse', experience: '3_5' }, { profession: 'other', experience: 'over_10' }],
    chronology: `来院後1時間 トリアージで緊急度の低い区分と判定され、待合で待機。
来院後2時間 家族が受付で待ち時間について強い口調で繰り返し質問。トリアージ看護師が説明。
来院後2時間30分 家族が大声を出し、看護師の腕をつかんで突き飛ばす。看護師は壁に肩を打撲。
来院後2時間32分 他の職員が非常ボタンを押し、警備員が駆けつけて制止。
来院後2時間40分 管理当直者の判断で警察に通報。
同日 看護師は整形外科を受診し、打撲の診断。労働災害として手続き。翌日以降、医療安全管理者と看護部が面談し、心理的支援を実施。`,
    discovery: '現場にいた職員が目撃し、非常ボタンで警備員を呼んだ。',
    analysis: `救急外来ではトリアージの結果や待ち時間の見込みが患者・家族に伝わっておらず、不満が高まりやすかった。待合の掲示は「順番にお呼びします」のみであった。

暴言が始まった時点で応援を呼ぶ基準がなく、看護師が一人で対応を続けた。非常ボタンと警備員の連携は機能したが、暴力発生後の職員支援や警察への通報基準は明文化されていなかった。`,
    countermeasuresText: `待合に、トリアージの仕組みと待ち時間の目安を示すモニタを設置し、定期的に声かけを行う。暴言が出た段階で「一人で対応しない」ことをルール化し、複数名と警備員で対応する院内コード（コードホワイト）を整備した。

暴力発生時の警察通報基準、被害職員の休養・受診・相談窓口を含む対応マニュアルを作成した。`,
    lessons: '院内暴力は影響度分類では「その他」に分類されるが、職員の安全と医療の継続を脅かす重要な事象である。「一人で対応しない」組織的な仕組みと、被害を受けた職員への支援をあらかじめ整えておくことが大切である。',
    factors: [
      { framework: 'P-mSHELL', element: 'P', description: '家族の不安と待ち時間への不満が高まっていた。' },
      { framework: 'P-mSHELL', element: 'S', description: '暴言段階での応援要請基準や警察通報基準がなかった。' },
      { framework: 'P-mSHELL', element: 'E', description: '待合にトリアージや待ち時間の情報がなかった。' },
      { framework: 'P-mSHELL', element: 'm', description: '暴力被害を受けた職員への支援体制が明文化されていなかった。' },
    ],
    countermeasures: [
      { text: '院内暴力対応コード（コードホワイト）の整備と、警備員との合同訓練', strength: 'medium', responsibleRole: '医療安全管理部長・総務課長', dueMonth: '2026-06', effectMeasure: 'コード発動件数と応援到着までの時間' },
      { text: '待合にトリアージの説明と待ち時間の目安を表示するモニタを設置', strength: 'medium', responsibleRole: '救急外来看護師長', dueMonth: '2026-05', effectMeasure: '救急外来の苦情件数' },
      { text: '被害職員の支援を含む院内暴力対応マニュアルの作成', strength: 'weak', responsibleRole: '看護部長・人事課長', dueMonth: '2026-04', effectMeasure: '職員アンケートでの安心感の評価' },
    ],
    tags: ['院内暴力', '暴言', '患者家族', 'クレーム', '救急外来', '職員支援', 'コードホワイト'],
    authorEmail: MEMBER, anonymous: true, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '被害を受けた職員への支援を対策に含めている点が大切です。警察への通報をためらう職員が多いので、通報基準を管理者が明示することで現場の負担が軽くなります。' },
      { authorEmail: MEMBER2, body: '当院では救急外来の待合に「現在の待ち人数」と「重症の方を優先します」の表示を出してから、苦情が目に見えて減りました。' },
    ],
  },
  // ───────────────────────────── 26 治療・処置: CV挿入時の動脈誤穿刺 ─────────────────────────────
  {
    key: 'demo-case-26',
    title: '研修医がエコーを使わずにCVカテーテル穿刺を行い、動脈を誤穿刺',
    summary: '病棟で研修医が、リアルタイム超音波ガイドを使わずに内頸静脈へ中心静脈カテーテルを挿入しようとし、総頸動脈を誤穿刺した。ダイレーター挿入前に拍動性の逆血で気付いて抜針し、圧迫止血した。頸部血腫を生じたが、気道圧迫はなく保存的に改善した。',
    impactLevel: '3a', jqCategory: 'treatment', place: 'ward', occurredOn: '2026-05',
    professions: [{ profession: 'physician', experience: 'under_1' }, { profession: 'physician', experience: '5_10' }],
    chronology: `入院7日目 16:00 末梢静脈路の確保が困難となり、CVカテーテル挿入の方針。上級医は外来診療中。
入院7日目 16:30 研修医が単独で処置を開始。病棟の超音波装置は他病棟へ貸出中で、ランドマーク法で穿刺した。
入院7日目 16:40 ガイドワイヤー挿入前、拍動性の鮮紅色の逆血を確認。動脈誤穿刺と判断し抜針、用手圧迫。
入院7日目 16:55 上級医が到着。頸部に血腫あり、呼吸状態は安定。超音波で血腫の拡大がないことを確認。
入院7日目 17:30 上級医の指導のもと、超音波ガイド下で反対側から挿入。
入院8日目 血腫は縮小。患者・家族に説明。`,
    discovery: '穿刺中に研修医自身が拍動性の逆血に気付いた。',
    analysis: `院内の指針ではCV挿入時の超音波ガイドを「推奨」としていたが、必須ではなかった。研修医が単独でCV挿入を行ってよいかの基準（認定制度）がなく、上級医が不在のまま処置が始まった。

超音波装置が病棟に1台しかなく、貸出中で使えなかった。ダイレーター挿入前に気付いて抜針したことで、重大な合併症は避けられた。`,
    countermeasuresText: `CV挿入はリアルタイム超音波ガイドを必須とし、シミュレーション研修と指導下での実施経験を満たした医師のみが単独で行える院内認定制度を導入した。CV挿入キットは超音波プローブカバーと一体化したものに変更し、超音波装置を増設する。`,
    lessons: 'CVカテーテル挿入は、日本医療安全調査機構の提言でも超音波ガイドと実施者の認定が求められている手技である。「推奨」ではなく「必須」にし、必要な機器をそろえることで、人に頼らない仕組みにできる。',
    factors: [
      { framework: 'SHELL', element: 'S', description: '超音波ガイドが必須でなく、単独実施の基準もなかった。' },
      { framework: 'SHELL', element: 'H', description: '超音波装置が貸出中で使用できなかった。' },
      { framework: 'SHELL', element: 'L', description: '研修医が経験不足のまま単独で処置を開始した。' },
    ],
    countermeasures: [
      { text: 'CV挿入の院内認定制度（シミュレーション研修＋指導下実施）を導入', strength: 'medium', responsibleRole: '臨床研修センター長・医療安全管理部長', dueMonth: '2026-09', effectMeasure: 'CV挿入の機械的合併症の発生率' },
      { text: '超音波ガイドを必須化し、プローブカバー一体型キットと超音波装置の増設', strength: 'strong', responsibleRole: '医療安全管理部長・用度課長', dueMonth: '2026-10', effectMeasure: '超音波ガイド使用率（処置記録）' },
    ],
    tags: ['CVカテーテル', '中心静脈カテーテル', '動脈誤穿刺', '超音波ガイド', '研修医', '手技', '認定制度'],
    authorEmail: CONSULTANT, anonymous: false, status: 'published',
    comments: [
      { authorEmail: MEMBER, body: '認定制度を入れると、夜間に認定医がいない時間帯が問題になりませんか。当院ではそこで議論が止まっています。' },
    ],
  },
  // ───────────────────────────── 27 薬剤: 持参薬の重複（転院時の情報伝達） ─────────────────────────────
  {
    key: 'demo-case-27',
    title: '転院時の情報提供書と持参薬で降圧薬が重複し、低血圧',
    summary: '他の医療機関から転院した患者で、情報提供書に記載された降圧薬を院内処方で開始した一方、同じ成分の後発医薬品の持参薬も継続され、重複投与となった。入院3日目にふらつきと低血圧を認め、補液で改善した。',
    impactLevel: '2', jqCategory: 'medication', place: 'ward', occurredOn: '2026-06',
    professions: [{ profession: 'physician', experience: '1_3' }, { profession: 'pharmacist', experience: 'under_1' }, { profession: 'nurse', experience: '5_10' }],
    chronology: `入院1日目 転院。情報提供書に降圧薬（先発品名）の記載。持参薬は後発医薬品名の薬袋で、一包化されていた。
入院1日目 主治医が情報提供書をもとに院内処方で降圧薬を開始。持参薬も「継続」と指示。
入院1日目 病棟薬剤師（1年目）が持参薬を鑑別したが、一包化の中身と院内処方との照合は翌日に持ち越し。
入院3日目 10:00 患者Aがトイレでふらつき、収縮期血圧 82 mmHg。転倒はなし。
入院3日目 10:30 主治医が診察。補液で血圧回復。持参薬と院内処方で同じ成分が重複していたことが判明。`,
    discovery: '低血圧の原因検索で、病棟薬剤師が持参薬と院内処方を照合して発見した。',
    analysis: `先発品名と後発医薬品名が異なり、一包化されていたことで同一成分であることに気付きにくかった。転院時の情報提供書と持参薬の内容が一致しているかを確認する手順がなく、主治医は両方を「別の薬」として扱った。

持参薬の鑑別と院内処方との照合が入院当日に完了しない場合の取り扱い（照合完了まで持参薬を保留するなど）が決まっていなかった。`,
    countermeasuresText: `持参薬は病棟薬剤師の鑑別・照合が完了するまで投与を保留し、電子カルテ上で「照合済み」となってから継続指示を出す運用とした。持参薬鑑別システムで一般名を表示し、院内処方と同一成分の場合は重複警告が出るよう設定した。

転院元との情報連携は、薬剤情報提供書（お薬手帳）を必ず添付してもらうよう地域連携室から依頼する。`,
    lessons: '転院時は情報提供書・持参薬・お薬手帳など複数の情報源があり、食い違いが起こりやすい。一般名での照合とシステムによる重複チェックを組み合わせ、照合が終わるまで「使わない」ことが安全である。',
    factors: [
      { framework: 'P-mSHELL', element: 'S', description: '持参薬の照合完了前に継続指示を出せる運用だった。' },
      { framework: 'P-mSHELL', element: 'H', description: '持参薬が一包化され、後発医薬品名で同一成分と気付きにくかった。' },
      { framework: 'P-mSHELL', element: 'L-L', description: '転院元からの情報と院内の処方内容の突き合わせが行われなかった。' },
    ],
    countermeasures: [
      { text: '持参薬鑑別システムで一般名表示と院内処方との重複警告を設定', strength: 'strong', responsibleRole: '薬剤部長・医療情報部長', dueMonth: '2026-09', effectMeasure: '持参薬と院内処方の重複に関する報告件数' },
      { text: '照合完了まで持参薬を保留する運用を規程化', strength: 'medium', responsibleRole: '薬剤部長', dueMonth: '2026-08', effectMeasure: '入院24時間以内の持参薬照合完了率' },
      { text: '転院元へ薬剤情報提供書の添付を依頼', strength: 'weak', responsibleRole: '地域連携室長', dueMonth: '2026-08', effectMeasure: '転院時の薬剤情報添付率' },
    ],
    tags: ['持参薬', '重複投与', '転院', '情報伝達', '後発医薬品', '一包化', '降圧薬', '誤薬'],
    authorEmail: MEMBER2, anonymous: true, status: 'published',
    comments: [
      { authorEmail: CONSULTANT, body: '転院時の情報伝達は医療機関の間の問題なので、地域の医療安全ネットワークで共通の書式を作るのも一案です。' },
      { authorEmail: MEMBER, body: '持参薬の保留ルール、当院でも検討します。夜間入院の場合はどうしていますか。' },
    ],
  },
  // ───────────────────────────── 28 検査: 検体ラベル貼り間違い（下書き） ─────────────────────────────
  {
    key: 'demo-case-28',
    title: '外来採血室で検体ラベルを前の患者の採血管に貼り間違え',
    summary: '外来採血室で、前の患者のラベルが残っている状態で次の患者の採血を行い、採血管に前の患者のラベルを貼った。検査部で前回値との差（デルタチェック）から異常を疑い、両患者の再採血で判明した。',
    impactLevel: '1', jqCategory: 'test', place: 'outpatient', occurredOn: '2026-08',
    professions: [{ profession: 'laboratory_technologist', experience: '1_3' }, { profession: 'laboratory_technologist', experience: 'over_10' }],
    chronology: `受診当日 08:40 外来採血室が混雑。臨床検査技師が患者Aの採血を終えたが、ラベル1枚が採血台に残っていた。
受診当日 08:42 患者Bを呼び込み、受付票の確認後に採血。採血台に残っていた患者Aのラベルを患者Bの採血管に貼付。
受診当日 09:30 検査部で、患者Aの検体の値が前回値と大きく異なりデルタチェックでエラー。
受診当日 09:45 検査部から外来に連絡。両患者に説明し再採血。患者Bの診察は約1時間遅れた。`,
    discovery: '検査部の自動分析装置のデルタチェック（前回値との比較）でエラーとなり、検査技師が疑った。',
    analysis: `採血台にラベルが残った状態で次の患者を呼び込んでいた。ラベルの患者名と患者本人の照合は、受付票との照合のみで、ラベルそのものとの照合は行われなかった。

（下書き：要因分析の続きと、採血管準備システムの設定内容を確認して追記予定）`,
    countermeasuresText: `患者ごとに採血トレイを分け、次の患者を呼び込む前に採血台を空にする。採血管準備システムで、受付票のバーコードとラベルを照合してから採血する運用を検討中。`,
    lessons: 'デルタチェックは検体取り違えを見つける有効な防護層である。一人の採血が終わったら作業台を空にする「一患者一トレイ」の徹底が基本である。',
    factors: [
      { framework: 'SHELL', element: 'E', description: '採血室が混雑し、前の患者のラベルが採血台に残っていた。' },
      { framework: 'SHELL', element: 'L', description: 'ラベルと患者本人の照合を省略した。' },
    ],
    countermeasures: [
      { text: '一患者一トレイの徹底と、呼び込み前に採血台を空にする手順', strength: 'weak', responsibleRole: '臨床検査部 技師長', dueMonth: '2026-10', effectMeasure: 'ラベル貼り間違い報告件数' },
    ],
    tags: ['検体', 'ラベル', '貼り間違い', '取り違え', '採血', 'デルタチェック', '外来'],
    authorEmail: MEMBER, anonymous: false, status: 'draft',
    comments: [],
  },
  // ───────────────────────────── 29 療養上の世話: 認知症患者の離院 ─────────────────────────────
  {
    key: 'demo-case-29',
    title: '認知症のある入院患者が夜間に病棟から離院し、屋外で保護',
    summary: '認知症のある高齢の入院患者が、夜間に面会者の出入りに紛れて病棟から出て行き、院外へ離院した。約1時間後に近隣の路上で警察に保護された。擦り傷のみで、皮膚の処置は不要であった。',
    impactLevel: '2', jqCategory: 'care', place: 'ward', occurredOn: '2026-09',
    professions: [{ profession: 'nurse', experience: '1_3' }, { profession: 'other', experience: '5_10' }],
    chronology: `入院2日目 19:30 患者A（80歳代、アルツハイマー型認知症）は「家に帰る」と何度も訴えていた。
入院2日目 20:00 面会終了時間に、面会者の退出に続いて病棟の出入口を通過。スタッフは気付かなかった。
入院2日目 20:20 巡視で不在に気付く。病棟内を捜索。
入院2日目 20:35 院内放送（コード）で全館捜索。警備員が防犯カメラを確認し、正面玄関から出たことが判明。
入院2日目 20:50 管理当直者が家族に連絡し、警察に捜索を依頼。
入院2日目 21:20 警察が近隣の路上で保護。手のひらに擦り傷。病棟に戻り、主治医が診察。`,
    discovery: '巡視の際に看護師が患者の不在に気付いた。',
    analysis: `患者は入院時から帰宅願望が強く、離院のリスクがあったが、リスク評価の項目になかった。病棟の出入口は面会時間中は施錠されず、面会終了時の人の出入りが多い時間帯に見守りが手薄になった。

院内捜索から警察への依頼までの手順は存在したが、防犯カメラの確認までに時間がかかった。`,
    countermeasuresText: `入院時の評価に離院リスク（帰宅願望、徘徊歴）を追加し、ハイリスク患者には離床センサーや見守りの強化、家族の協力を依頼する。病棟出入口に、登録した患者が近づくと通知が出る見守りシステムを導入した。

離院発生時の捜索手順を時系列（発見から15分で全館捜索、30分で警察へ連絡）で明確化した。`,
    lessons: '離院は屋外での事故や低体温など重大な結果につながりうる。リスクのある患者を入院時に把握し、出入口の物理的な対策と捜索手順の時間目標をあわせて整えておくことが重要である。',
    factors: [
      { framework: 'P-mSHELL', element: 'P', description: '認知症で帰宅願望が強かった。' },
      { framework: 'P-mSHELL', element: 'S', description: '入院時の評価に離院リスクの項目がなかった。' },
      { framework: 'P-mSHELL', element: 'E', description: '面会終了時に出入口の人の出入りが多く、見守りが手薄だった。' },
    ],
    countermeasures: [
      { text: '病棟出入口への見守りシステム（登録患者の接近通知）の導入', strength: 'strong', responsibleRole: '看護部長・施設課長', dueMonth: '2027-03', effectMeasure: '離院件数と出入口での検知件数' },
      { text: '入院時評価への離院リスク項目の追加', strength: 'medium', responsibleRole: '看護記録委員会', dueMonth: '2026-12', effectMeasure: '離院リスク評価の実施率' },
      { text: '離院時の捜索手順を時間目標付きで改訂し、訓練を実施', strength: 'weak', responsibleRole: '医療安全管理者・警備担当', dueMonth: '2026-12', effectMeasure: '訓練での警察連絡までの所要時間' },
    ],
    tags: ['離院', '無断離院', '認知症', '徘徊', '高齢者', '捜索', '見守り'],
    authorEmail: MEMBER2, anonymous: true, status: 'published',
    comments: [
      { authorEmail: MEMBER, body: '当院でも面会終了時間が最も危ない時間帯です。面会者に「一緒に出ようとする患者がいたら声をかけてください」と掲示しています。' },
    ],
  },
  // ───────────────────────────── 30 療養上の世話: 車椅子移乗時の転倒（下書き） ─────────────────────────────
  {
    key: 'demo-case-30',
    title: 'リハビリ外来で車椅子のブレーキをかけ忘れ、移乗時に転倒',
    summary: 'リハビリ外来で、車椅子から治療台への移乗介助中に車椅子のブレーキがかかっておらず、車椅子が動いて患者が床に尻もちをついた。診察で外傷はなかった。',
    impactLevel: '1', jqCategory: 'care', place: 'outpatient', occurredOn: '2026-10',
    professions: [{ profession: 'other', experience: 'under_1' }],
    chronology: `受診当日 10:00 リハビリ外来で、理学療法士（1年目）が片麻痺のある患者Aの移乗を介助。
受診当日 10:01 ブレーキをかけずに立ち上がりを介助したため車椅子が後方へ動き、患者Aが床に尻もち。
受診当日 10:10 医師が診察。疼痛・外傷なし。家族に説明。`,
    discovery: '介助していた理学療法士がその場で転倒を確認した。',
    analysis: `移乗前のブレーキ確認が習慣化していなかった。使用した車椅子は外来の貸出用で、ブレーキのレバーが小さく、かかっているかが分かりにくかった。

（下書き：追加の要因と対策を整理中）`,
    countermeasuresText: `移乗前に「ブレーキよし、フットレストよし」の指差し呼称を行う。立ち上がると自動でブレーキがかかる車椅子への更新を検討する。`,
    lessons: '移乗時の転倒は、ブレーキ確認という基本動作で防げることが多い。自動ブレーキ付き車椅子のように、確認に頼らない仕組みも検討したい。',
    factors: [
      { framework: '4M', element: 'Man', description: '移乗前のブレーキ確認を忘れた。' },
      { framework: '4M', element: 'Machine', description: '貸出用車椅子のブレーキの状態が分かりにくかった。' },
    ],
    countermeasures: [
      { text: '自動ブレーキ付き車椅子への更新を検討', strength: 'strong', responsibleRole: 'リハビリテーション部 技師長', dueMonth: '2027-03', effectMeasure: '移乗時の転倒件数' },
      { text: '移乗前の指差し呼称の徹底', strength: 'weak', responsibleRole: 'リハビリテーション部 技師長', dueMonth: '2026-11', effectMeasure: '観察での実施率' },
    ],
    tags: ['転倒・転落', '車椅子', 'ブレーキ', '移乗', 'リハビリ', '外来'],
    authorEmail: MEMBER, anonymous: false, status: 'draft',
    comments: [],
  },
]
