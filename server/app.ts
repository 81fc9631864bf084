import http from 'node:http'
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { CLIENT_IP_HEADER } from '#app/lib/request-meta.server.ts'
import { databaseTroubleOf } from '#app/lib/database-trouble.ts'
import { describeError, log } from '#app/lib/log.server.ts'
import { isForeignMutation } from './csrf.ts'
import { projectRoot } from './database.ts'
import { sendDatabaseTrouble } from './database-unavailable.ts'
import { devMayServe, viteFsOptions } from './dev-file-guard.ts'
import { sendRefusal } from './error-pages.ts'
import { createRequestHandler } from './remix-handler.ts'
import { requestGuards } from './request-guards.ts'
import { requestLog } from './request-log.ts'
import { securityHeaders } from './security-headers.ts'

export type AppOptions = { dev: boolean; appOrigin: string; trustProxy?: string }

/** The HTTP server: security headers, request guards and the origin check in front of the Remix app. */
export async function createAppServer(options: AppOptions) {
  const app = express()
  const server = http.createServer(app)
  app.disable('x-powered-by')
  app.use(requestLog)
  // Behind a load balancer, set TRUST_PROXY (e.g. "1" or "loopback") so the client IP used for throttling
  // and the audit log is the real one, not the proxy's.
  if (options.trustProxy) app.set('trust proxy', /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy)

  app.use(securityHeaders({ appOrigin: options.appOrigin }))
  app.use((req, _res, next) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
    next()
  })
  app.use(requestGuards())

  const allowedOrigins = [options.appOrigin]
  app.use((req, res, next) => {
    const foreign = isForeignMutation({
      method: req.method,
      origin: req.get('origin'),
      secFetchSite: req.get('sec-fetch-site'),
      allowedOrigins: options.dev ? [...allowedOrigins, `${req.protocol}://${req.get('host')}`] : allowedOrigins,
      host: req.get('host'),
      forwardedHost: req.get('x-forwarded-host'),
    })
    if (!foreign) return next()
    sendRefusal(res, req.path, 403)
  })

  if (options.dev) {
    const vite = await import('vite').then((module) =>
      module.createServer({
        root: projectRoot,
        server: { middlewareMode: true, hmr: { server }, fs: viteFsOptions(projectRoot) },
        appType: 'custom',
      }),
    )
    app.use((req, res, next) => (devMayServe(req.path, projectRoot) ? vite.middlewares(req, res, next) : next()))
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

  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const trouble = databaseTroubleOf(error)
    if (trouble) return void sendDatabaseTrouble(req, res, trouble)
    log.error({ requestId: res.locals.requestId as string | undefined, error: describeError(error) }, 'unhandled error')
    if (res.headersSent) return
    res.status(500).type('text/plain; charset=utf-8').send('サーバーでエラーが発生しました。時間をおいて再度お試しください。')
  })
  return server
}
