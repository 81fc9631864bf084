import { expect, test } from 'vitest'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { sendMail } from './mail.server.ts'

test('without SMTP_URL, mail is written to MAIL_DIR as JSON', async () => {
  await sendMail({ to: 'member@test.example', subject: '件名', text: '本文 https://example/join/secret-token' })
  const [mail] = await mailsTo('member@test.example')
  expect(mail).toMatchObject({ to: 'member@test.example', subject: '件名', text: '本文 https://example/join/secret-token' })
})
