import http from 'node:http'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { CLIENT_IP_HEADER } from '#app/lib/request-meta.server.ts'
import { describeError, log } from '#app/lib/log.server.ts'
import { isForeignMutation } from './csrf.ts'
import { projectRoot } from './database.ts'
import { requestLog } from './request-log.ts'

export type AppOptions = { dev: boolean; appOrigin: string; trustProxy?: string }

/** The HTTP server: security headers and the origin check in front of the Remix app. */
export async function createAppServer(options: AppOptions) {
  const app = express()
  const server = http.createServer(app)
  app.disable('x-powered-by')
  app.use(requestLog)
  // Behind a load balancer, set TRUST_PROXY (e.g. "1" or "loopback") so the client IP used for throttling
  // and the audit log is the real one, not the proxy's.
  if (options.trustProxy) app.set('trust proxy', /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy)

  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('Content-Security-Policy', "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'")
    if (options.appOrigin.startsWith('https:')) res.setHeader('Strict-Transport-Security', 'max-age=31536000')
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
    next()
  })

  const allowedOrigins = [options.appOrigin]
  app.use((req, res, next) => {
    const foreign = isForeignMutation({
      method: req.method,
      origin: req.get('origin'),
      secFetchSite: req.get('sec-fetch-site'),
      allowedOrigins: options.dev ? [...allowedOrigins, `${req.protocol}://${req.get('host')}`] : allowedOrigins,
    })
    if (!foreign) return next()
    res.status(403).type('text/plain; charset=utf-8').send('他のサイトからの送信は受け付けられません。QSO Hub の画面から操作してください。')
  })

  if (options.dev) {
    const vite = await import('vite').then((module) =>
      module.createServer({ root: projectRoot, server: { middlewareMode: true, hmr: { server } }, appType: 'custom' }),
    )
    app.use(vite.middlewares)
    app.all(
      '*',
      createRequestHandler({
        build: () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
        mode: 'development',
      }),
    )
  } else {
    const clientDir = path.join(projectRoot, 'build', 'client')
    app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }))
    app.use(express.static(clientDir, { maxAge: '1h' }))
    const build = (await import(path.join(projectRoot, 'build', 'server', 'index.js'))) as ServerBuild
    app.all('*', createRequestHandler({ build, mode: 'production' }))
  }

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    log.error({ requestId: res.locals.requestId as string | undefined, error: describeError(error) }, 'unhandled error')
    res.status(500).type('text/plain; charset=utf-8').send('サーバーでエラーが発生しました。時間をおいて再度お試しください。')
  })
  return server
}
