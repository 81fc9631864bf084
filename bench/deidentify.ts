import { loadAnalyser } from '#app/modules/deidentify/analyser.server.ts'
import { analyserStats, stopCheckPool } from '#app/modules/deidentify/check-pool.server.ts'
import { findIdentifiers, MAX_TEXT_LENGTH } from '#app/modules/deidentify/detect.ts'
import { checkText, checkTextWith } from '#app/modules/deidentify/server-check.server.ts'

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

  // The server check (issue 14): the rule engine plus the kuromoji analyser, the gate for publishing.
  console.log('\n== De-identification server check (rule engine + kuromoji analyser; goal: 2,000 characters ≤ 20 ms median)')
  const heapBefore = process.memoryUsage().heapUsed
  const { analyser, loadMs, heapBytes } = await loadAnalyser()
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
  console.log(`analyser load on this thread: ${loadMs.toFixed(0)} ms, heap +${mb(heapBytes)} (process heap now ${mb(process.memoryUsage().heapUsed)}, was ${mb(heapBefore)})`)
  const twoThousand = report(2_000)
  show('rule engine alone, 2,000 characters (baseline)', await measure(50, async () => findIdentifiers(twoThousand)))
  show('server check in-thread, 2,000 characters', await measure(50, async () => checkTextWith(analyser, twoThousand)))
  show('server check in-thread, 20,000 characters', await measure(10, async () => checkTextWith(analyser, report(20_000))))
  for (const [label, text] of hostile.slice(0, 5)) show(`server check, hostile: ${label}, 100,000 characters`, await measure(2, async () => checkTextWith(analyser, text)))
  // Through the worker pool, as routes call it: the first call starts a worker and loads its analyser.
  const started = performance.now()
  await checkText('起動')
  console.log(`worker pool: first check (worker start + analyser load) ${(performance.now() - started).toFixed(0)} ms`)
  const stats = await analyserStats()
  console.log(`worker analyser: load ${stats.loadMs.toFixed(0)} ms, heap +${mb(stats.heapBytes)}, worker heap ${mb(stats.threadHeapBytes)}`)
  show('server check through the worker pool, 2,000 characters', await measure(50, () => checkText(twoThousand)))
  await stopCheckPool()
}
