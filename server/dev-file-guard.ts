import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * Which requests the development server may hand to Vite (issue 13, F5). Vite serves any file under the project
 * root by its path, which exposed .data/ (the database password, mail with reset links, uploads), server code and
 * dotfiles. Only what a page in development loads goes to Vite: its own endpoints, pre-bundled dependencies,
 * browser modules under app/ (never *.server.* files) and public/. Everything else goes to Remix, which knows no
 * such URL (404). vite.config.ts's server.fs.allow/deny is the second fence behind this one.
 */
export function devMayServe(urlPath: string, projectRoot: string): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return false
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return false
  if (['/@vite/client', '/@react-refresh', '/__vite_ping'].includes(decoded) || decoded.startsWith('/@id/')) return true
  if (decoded.startsWith('/@fs/')) return isServableFile(path.resolve(decoded.slice('/@fs'.length)), projectRoot)
  const file = path.resolve(projectRoot, `.${path.posix.normalize(decoded)}`)
  if (!file.startsWith(projectRoot + path.sep)) return false
  if (isServableFile(file, projectRoot)) return true
  // public/ files are served at the site root (/favicon.svg).
  const publicFile = path.join(projectRoot, 'public', path.relative(projectRoot, file))
  return publicFile.startsWith(path.join(projectRoot, 'public') + path.sep) && !hasHiddenSegment(publicFile, projectRoot) && existsSync(publicFile)
}

function isServableFile(file: string, projectRoot: string): boolean {
  const relative = path.relative(projectRoot, file)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false
  const [top] = relative.split(path.sep)
  if (top === 'node_modules') return !relative.split(path.sep).slice(1).some((segment) => segment.startsWith('.') && segment !== '.vite')
  // search/ holds browser modules too (highlight.ts, used by the header's type-ahead): without them no page with
  // the header hydrates under `npm run dev`. Its server code is named *.server.ts like app/'s and stays refused.
  if ((top !== 'app' && top !== 'search') || hasHiddenSegment(file, projectRoot)) return false
  // Server-only code and the generated database client never go to a browser, not even in development.
  return !/\.server(\.|\/)/.test(relative) && !relative.startsWith(path.join('app', 'generated', 'prisma', 'internal'))
}

function hasHiddenSegment(file: string, projectRoot: string): boolean {
  return path.relative(projectRoot, file).split(path.sep).some((segment) => segment.startsWith('.'))
}

/** Vite's own fence (server.fs): files outside these folders, and these patterns inside them, are never served. */
export function viteFsOptions(projectRoot: string) {
  return {
    strict: true,
    allow: [path.join(projectRoot, 'app'), path.join(projectRoot, 'search'), path.join(projectRoot, 'node_modules'), path.join(projectRoot, 'public')],
    deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.data/**', '**/.git/**', '**/*.server.*', '**/*.server/**'],
  }
}
