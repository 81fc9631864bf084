import { expect, test } from 'vitest'
import { getEnv } from '#app/lib/env.server.ts'
import { claimEmbeddedSearchLock } from './instance-lock.server.ts'

test('a second embedded-search instance on the same database is refused with what to set; the lock frees when the first stops', async () => {
  const url = getEnv().DATABASE_URL
  const first = await claimEmbeddedSearchLock(url)
  await expect(claimEmbeddedSearchLock(url)).rejects.toThrow(/set MEILI_HOST/)
  await first.release()
  const next = await claimEmbeddedSearchLock(url)
  await next.release()
})
