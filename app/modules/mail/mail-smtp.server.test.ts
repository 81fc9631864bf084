import { SMTPServer } from 'smtp-server'
import { expect, test } from 'vitest'
import { sendMail } from './mail.server.ts'

// Its own file: the environment is read once, at the first send, so SMTP_URL is set before that.
test('with SMTP_URL, mail goes through a real SMTP server', async () => {
  const received: { from?: string; to: string[]; raw: string }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()))
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  process.env.SMTP_URL = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  try {
    await sendMail({ to: 'member@test.example', subject: '【QSO Hub】テスト', text: 'こんにちは' })
    expect(received).toHaveLength(1)
    expect(received[0]?.to).toEqual(['member@test.example'])
    expect(received[0]?.from).toBe('no-reply@qso-hub.example')
    expect(received[0]?.raw).toMatch(/Subject: =\?UTF-8\?/)
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})
