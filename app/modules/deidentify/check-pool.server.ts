// The pool of de-identification worker threads. A check of a 500,000-character text takes seconds; on the
// request's thread it would stall every other request (issue 13, F4: /healthz took 2.9 s). Each worker loads the
// analyser once (about 80 MB of heap), so the pool is small: DEIDENTIFY_WORKERS, by default one worker per spare
// core, at most two. Workers start on the first check and keep the process alive only while a check is pending.
import { createRequire } from 'node:module'
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Finding } from './detect.ts'

export type AnalyserStats = { loadMs: number; heapBytes: number; threadHeapBytes: number }
export type PoolRequest = { id: number; kind: 'check'; texts: string[] } | { id: number; kind: 'stats' }
export type PoolReply =
  | { id: number; ok: true; findings: Finding[][] }
  | { id: number; ok: true; stats: AnalyserStats }
  | { id: number; ok: false; error: string }

type Pending = { resolve: (reply: PoolReply) => void; reject: (error: Error) => void }
type Member = { worker: Worker; pending: Map<number, Pending> }

const members: Member[] = []
let nextId = 1

function poolSize(): number {
  const configured = Number(process.env.DEIDENTIFY_WORKERS)
  if (Number.isInteger(configured) && configured >= 1 && configured <= 8) return configured
  return Math.max(1, Math.min(2, os.availableParallelism() - 1))
}

function workerEntry(): string {
  // Resolved through package.json "imports", so it is found both from app/ and from the built server bundle.
  return createRequire(import.meta.url).resolve('#app/modules/deidentify/check-worker.mjs')
}

function startMember(): Member {
  const worker = new Worker(workerEntry())
  const member: Member = { worker, pending: new Map() }
  worker.unref()
  worker.on('message', (reply: PoolReply) => {
    const waiting = member.pending.get(reply.id)
    if (!waiting) return
    member.pending.delete(reply.id)
    if (!member.pending.size) worker.unref()
    waiting.resolve(reply)
  })
  const fail = (error: Error) => {
    const index = members.indexOf(member)
    if (index !== -1) members.splice(index, 1)
    for (const waiting of member.pending.values()) waiting.reject(error)
    member.pending.clear()
  }
  worker.on('error', (error) => fail(new Error(`de-identification worker failed: ${error.name}`)))
  worker.on('exit', (code) => fail(new Error(`de-identification worker exited (${code})`)))
  members.push(member)
  return member
}

/** The least busy worker, starting one while the pool is below its size. */
function pickMember(): Member {
  const idle = members.find((member) => member.pending.size === 0)
  if (idle) return idle
  if (members.length < poolSize()) return startMember()
  return members.reduce((best, member) => (member.pending.size < best.pending.size ? member : best))
}

type Unnumbered = { kind: 'check'; texts: string[] } | { kind: 'stats' }

function ask(request: Unnumbered): Promise<PoolReply> {
  const member = pickMember()
  const id = nextId++
  return new Promise<PoolReply>((resolve, reject) => {
    member.pending.set(id, { resolve, reject })
    member.worker.ref()
    const message: PoolRequest = { ...request, id }
    member.worker.postMessage(message)
  })
}

/** The server check of each text, computed in a worker thread. */
export async function runInPool(texts: string[]): Promise<Finding[][]> {
  const reply = await ask({ kind: 'check', texts })
  if (!reply.ok) throw new Error(`de-identification check failed in the worker: ${reply.error}`)
  if (!('findings' in reply)) throw new Error('de-identification worker answered a check with statistics')
  return reply.findings
}

/** How long a worker took to load the analyser and the heap it holds (`npm run bench`). */
export async function analyserStats(): Promise<AnalyserStats> {
  const reply = await ask({ kind: 'stats' })
  if (!reply.ok || !('stats' in reply)) throw new Error('de-identification worker did not report its statistics')
  return reply.stats
}

/**
 * How many workers run and how many requests they are working on, for /healthz: a count that stays up while
 * nothing else moves shows a stuck worker, and it lets a test see a check in flight from outside the process.
 */
export function checkPoolHealth(): { workers: number; inFlight: number } {
  return { workers: members.length, inFlight: members.reduce((sum, member) => sum + member.pending.size, 0) }
}

/** Stops every worker (tests and scripts that want to exit promptly). */
export async function stopCheckPool(): Promise<void> {
  const stopping = members.splice(0, members.length)
  await Promise.all(stopping.map((member) => member.worker.terminate()))
}
