import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { sendMail } from './mail.server.ts'

test('without SMTP_URL, mail is written to MAIL_DIR as JSON and only recipient and subject are logged', async () => {
  await sendMail({ to: 'member@test.example', subject: '件名', text: '本文 https://example/join/secret-token' })
  const dir = process.env.MAIL_DIR ?? ''
  const files = await readdir(dir)
  const mail = JSON.parse(await readFile(path.join(dir, files[0] ?? ''), 'utf8')) as Record<string, string>
  expect(mail).toMatchObject({ to: 'member@test.example', subject: '件名', text: '本文 https://example/join/secret-token' })
})
