import { expect, test } from 'vitest'
import { loader } from '#app/routes/healthz.ts'

test('/healthz reports the database as ok, uncached', async () => {
  const response = await loader()
  expect(response.status).toBe(200)
  expect(response.headers.get('Cache-Control')).toBe('no-store')
  expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } })
})
