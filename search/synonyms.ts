/**
 * Domain synonyms for patient-safety search: the ONE list. Each group is a set of expressions that mean the same
 * thing to a member searching; a query containing any of them also finds the others. Both engines use it (the
 * embedded engine expands queries, Meilisearch receives it as its `synonyms` setting). Write the expressions as
 * members would type them; normalisation (NFKC, katakana → hiragana, lower case) is applied automatically.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['転倒', '転落', '転倒転落', 'てんとう'],
  ['ヒヤリハット', 'ヒヤリ・ハット', 'インシデント', 'ニアミス'],
  ['誤薬', '与薬エラー', '投薬ミス', '誤投与', '与薬ミス', '薬剤エラー'],
  ['患者誤認', '患者取り違え', '患者間違い'],
  ['インスリン', 'インシュリン'],
  ['抗凝固薬', 'ワルファリン', 'ワーファリン'],
  ['誤嚥', '窒息'],
  ['褥瘡', '床ずれ'],
  ['チューブ', 'カテーテル', 'ライン'],
  ['自己抜去', '事故抜去', '抜去'],
  ['せん妄', '不穏'],
  ['身体拘束', '抑制'],
  ['アナフィラキシー', 'アレルギー'],
  ['RRS', 'ラピッドレスポンス', '院内迅速対応'],
  ['手術部位', '左右取り違え', '部位間違い'],
  ['根本原因分析', 'RCA'],
  ['報告', 'レポート'],
]
