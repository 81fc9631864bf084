// A de-identification worker thread (started by check-pool.server.ts through check-worker.mjs): loads the
// analyser once and answers checks. Texts are never logged: they are the very content that may hold identifiers.
import { parentPort } from 'node:worker_threads'
import { loadAnalyser } from './analyser.server.ts'
import type { PoolReply, PoolRequest } from './check-pool.server.ts'
import { checkTextWith } from './server-check.server.ts'

const port = parentPort
if (!port) throw new Error('check-worker.ts runs only as a worker thread')

port.on('message', (request: PoolRequest) => {
  void answer(request).then((reply) => port.postMessage(reply))
})

async function answer(request: PoolRequest): Promise<PoolReply> {
  try {
    const { analyser, loadMs, heapBytes } = await loadAnalyser()
    if (request.kind === 'stats') {
      return { id: request.id, ok: true, stats: { loadMs, heapBytes, threadHeapBytes: process.memoryUsage().heapUsed } }
    }
    return { id: request.id, ok: true, findings: request.texts.map((text) => checkTextWith(analyser, text)) }
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.name : 'Error' }
  }
}
