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
  // "hanako.anzen@…" also as "hanako" and "anzen", so that a password built from them is recognised.
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[\s@._+-]+/)]).filter((part) => part.length >= 3)
  const result = await checker().check(password, inputs)
  if (result.score >= MINIMUM_SCORE) return null
  // Made only of listed passwords and words ("password" + "1234"): say so plainly.
  if (result.sequence.every((part) => part.pattern === 'dictionary' && part.dictionaryName !== 'userInputs')) {
    return 'よく使われているパスワードです。推測されにくい別のパスワードにしてください'
  }
  return '推測されやすいパスワードです（よく使われる語・連続した文字・氏名やメールアドレスを含むなど）。別のパスワードにしてください'
}
