import { useSubmit } from '@remix-run/react'
import { useState } from 'react'
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser'

type Props = {
  label: string
  /** Extra fields posted with the answer (e.g. the passkey's name when registering). */
  fields?: Record<string, string>
  intent: string
  mode: 'authenticate' | 'register'
  /** The options the server made (generate…Options), as JSON text: loader data keeps it byte for byte. */
  optionsJson: string
}

/**
 * Asks the browser's WebAuthn API (through @simplewebauthn/browser) to use or create a passkey for the options the
 * server made, then posts the answer as `response` to the current route's action. The browser library is loaded
 * on click, so pages without passkeys do not carry it.
 */
export function PasskeyButton(props: Props) {
  const submit = useSubmit()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function run() {
    setError(null)
    setBusy(true)
    try {
      const webauthn = await import('@simplewebauthn/browser')
      if (!webauthn.browserSupportsWebAuthn()) {
        setError('このブラウザはパスキーに対応していません。')
        return
      }
      // Our own server's output of generateAuthenticationOptions / generateRegistrationOptions.
      const answer =
        props.mode === 'authenticate'
          ? await webauthn.startAuthentication({ optionsJSON: JSON.parse(props.optionsJson) as PublicKeyCredentialRequestOptionsJSON })
          : await webauthn.startRegistration({ optionsJSON: JSON.parse(props.optionsJson) as PublicKeyCredentialCreationOptionsJSON })
      submit({ ...props.fields, intent: props.intent, response: JSON.stringify(answer) }, { method: 'post' })
    } catch {
      setError('パスキーの操作が取り消されたか、失敗しました。もう一度お試しください。')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="stack">
      <button type="button" className="button" onClick={() => void run()} disabled={busy}>
        {props.label}
      </button>
      {error ? (
        <p className="error-list" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

