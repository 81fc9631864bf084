// The Japanese morphological analyser behind the server's de-identification check: kuromoji with the IPADIC
// dictionary it ships (node_modules/kuromoji/dict, read from disk; nothing is downloaded). Loading takes about
// 1.5 s and 80 MB of heap, so it happens once per thread, lazily, on the first check — in practice inside the
// check worker (check-worker.ts), never on a request's thread.
import { createRequire } from 'node:module'
import path from 'node:path'
import kuromoji from 'kuromoji'

/** One morpheme: where it is in the text and the IPADIC part of speech (品詞, 品詞細分類1–3). */
export type Token = {
  surface: string
  /** UTF-16 index into the analysed text. */
  start: number
  end: number
  pos: string
  detail1: string
  detail2: string
  detail3: string
}

export type Analyser = { tokenize: (text: string) => Token[] }

export type AnalyserLoad = { analyser: Analyser; loadMs: number; heapBytes: number }

let loading: Promise<AnalyserLoad> | undefined

function dictionaryPath(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict')
}

/** The analyser of this thread, loaded on first use; with what loading it cost (for `npm run bench`). */
export function loadAnalyser(): Promise<AnalyserLoad> {
  loading ??= new Promise<AnalyserLoad>((resolve, reject) => {
    const started = performance.now()
    const heapBefore = process.memoryUsage().heapUsed
    kuromoji.builder({ dicPath: dictionaryPath() }).build((error, tokenizer) => {
      if (error) {
        loading = undefined
        reject(error)
        return
      }
      const analyser: Analyser = {
        tokenize(text) {
          return tokenizer.tokenize(text).map((token) => {
            // word_position is 1-based and counts UTF-16 code units.
            const start = token.word_position - 1
            return {
              surface: token.surface_form,
              start,
              end: start + token.surface_form.length,
              pos: token.pos,
              detail1: token.pos_detail_1,
              detail2: token.pos_detail_2,
              detail3: token.pos_detail_3,
            }
          })
        },
      }
      resolve({ analyser, loadMs: performance.now() - started, heapBytes: process.memoryUsage().heapUsed - heapBefore })
    })
  })
  return loading
}
