import { findIdentifiers, MAX_TEXT_LENGTH } from '#app/modules/deidentify/detect.ts'

type Figures = { median: number; p95: number; runs: number }

/** De-identification: what one live check costs the server, for ordinary and for hostile text. */
export async function benchDeidentify(
  measure: (runs: number, task: (i: number) => Promise<unknown>) => Promise<Figures>,
  show: (label: string, figures: Figures) => void,
) {
  const sentence = '患者の山田太郎様（78歳）は2024年5月3日22:15頃、トイレ歩行中に転倒した。担当看護師が発見し、主治医に報告。影響度3b。'
  const report = (length: number) => sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length)
  console.log('\n== De-identification (findIdentifiers, the work behind POST /api/deidentify)')
  for (const length of [2_000, 20_000, MAX_TEXT_LENGTH]) {
    const text = report(length)
    show(`incident text, ${length.toLocaleString('en')} characters`, await measure(length > 20_000 ? 5 : 30, async () => findIdentifiers(text)))
  }
  // Inputs built to make regular expressions backtrack: each must stay in the same range as ordinary text.
  const hostile: Array<[string, string]> = [
    ['digits', '1'.repeat(MAX_TEXT_LENGTH)],
    ['"a." repeated (e-mail without @)', 'a.'.repeat(MAX_TEXT_LENGTH / 2)],
    ['"0-" repeated (phone-like)', '0-'.repeat(MAX_TEXT_LENGTH / 2)],
    ['"市" repeated (address-like)', '市'.repeat(MAX_TEXT_LENGTH)],
    ['kanji run', '山'.repeat(MAX_TEXT_LENGTH)],
    ['"5月3日" repeated (25,000 findings)', '5月3日'.repeat(MAX_TEXT_LENGTH / 4)],
  ]
  for (const [label, text] of hostile) show(`hostile: ${label}, 100,000 characters`, await measure(3, async () => findIdentifiers(text)))
}
