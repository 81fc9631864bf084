import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'

// Passwords are checked against zxcvbn-ts's common-password list (@zxcvbn-ts/language-common, about 30,000
// leaked passwords plus a diceware word list) and its pattern matchers (sequences, keyboard rows, dates, repeats).
// NIST SP 800-63B §5.1.1.2 asks verifiers to refuse passwords found in lists of commonly used or compromised
// values; OWASP ASVS 4.0 V2.1.7 the same. On the server only: the dictionaries are too large for the page.
const MINIMUM_SCORE = 3 // zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario"

let factory: ZxcvbnFactory | undefined
function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs })
  return factory
}

/** A Japanese message for the field when the password is common or easy to guess, else null. */
export async function weakPasswordMessage(password: string, userInputs: string[] = []): Promise<string | null> {
  const result = await checker().check(password, userInputs.filter(Boolean))
  const [only] = result.sequence
  if (result.sequence.length === 1 && only?.pattern === 'dictionary') {
    return 'よく使われているパスワードです。推測されにくい別のパスワードにしてください'
  }
  if (result.score < MINIMUM_SCORE) {
    return '推測されやすいパスワードです（よく使われる語・連続した文字・氏名やメールアドレスを含むなど）。別のパスワードにしてください'
  }
  return null
}
