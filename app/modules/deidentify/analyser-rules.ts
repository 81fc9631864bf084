// Identifiers found from the analyser's part of speech and the words around them, not from a list: IPADIC tags
// surnames and given names it knows (名詞-固有名詞-人名-姓 / 名), including many that no list of common surnames
// holds (蓮見, 緒方, 庄司). A tag alone is weak evidence (橋本病 is a disease, 千葉 a prefecture), so a name counts
// only with context: an honorific or a job title after it, a label before it (患者名, 氏名, 担当), or a surname
// followed by a given name. Pure: the tokens come from analyser.server.ts.
import type { Finding } from './detect.ts'
import type { Token } from './analyser.server.ts'
import { HONORIFICS, STAFF_ABBREVIATIONS, STAFF_TITLES } from './vocabulary.ts'

const isPersonName = (token: Token) => token.detail1 === '固有名詞' && token.detail2 === '人名'
const isProperNoun = (token: Token) => token.detail1 === '固有名詞'
const isSpace = (token: Token) => /^[\s\u3000]+$/u.test(token.surface)
const SCRIPTS = [/^\p{Script=Han}$/u, /^\p{Script=Hiragana}$/u, /^\p{Script=Katakana}$/u, /^[A-Za-z]$/u]
const sameScript = (a: string, b: string) => a !== '' && SCRIPTS.some((script) => script.test(a) && script.test(b))

/** An honorific, a job title or a ward abbreviation right after the name: 様, 看護師長, PT, Ns. */
const TITLE_AFTER = new RegExp(
  `^(?:[\\s\\u3000]?(?:${HONORIFICS})|(?:${STAFF_TITLES}|看護部長|薬剤部長|技師|療法士)|[\\s\\u3000]?(?:${STAFF_ABBREVIATIONS}|(?:Ns|NS|Dr|DR)(?![A-Za-z])))`,
  'u',
)
/** A label or a role before the name: 患者 佐々木花子, 患者名「村上健二」, 担当医 山田, Dr.中村. */
const LABEL_BEFORE =
  /(?:患者名?|氏名|名前|担当(?:医|看護師|者)?|主治医|看護師|医師|薬剤師|研修医|技師|Dr\.?|Ns\.?)\s*(?:[:：]|は|の)?[\s\u3000]*[「『(（]?$/u
/** What makes the tagged word something other than a person: an eponymous disease, a place, an institution. */
const NOT_A_PERSON_AFTER =
  /^(?:病(?!棟)|症|症候群|分類|式|法|反射|徴候|試験|手技|病院|医院|クリニック|診療所|県|市|区|町|村|郡|駅|大学|線|川|山|通り?|丘|台|橋|公園|神社|寺|港|空港|地区|地方|方面|出身|在住|インター|営業所|支店|工場|製薬|社)/u
/** A particle that makes a bare surname the subject or object of the sentence (蓮見が転倒した). */
const PARTICLE_AFTER = /^(?:が|は|を|に|と|へ|も|から|より)/u
const BOUNDARY_BEFORE = /(?:^|[\s\u3000、。「『（(・:：]|[のはがをにへとでもや])$/u

/**
 * Person names the analyser's tags and their context reveal. `tokens` must come from analysing `text` itself.
 */
export function analyserFindings(text: string, tokens: readonly Token[]): Finding[] {
  const findings: Finding[] = []
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]
    if (!first || !isPersonName(first) || text.slice(first.start, first.end) !== first.surface) continue
    // Inside a longer katakana or hiragana word (ケアマネさん: マネ), the tag is an accident of segmentation.
    const previousChar = text.slice(Math.max(0, first.start - 1), first.start)
    const sameScriptBefore = sameScript(previousChar, first.surface[0] ?? '')
    if (sameScriptBefore && !/^\p{Script=Han}$/u.test(previousChar)) continue
    // The name: a surname and what follows it as a given name (another tagged name, or a proper noun such as
    // 美咲, which IPADIC knows as a place), one space allowed between them.
    let last = i
    let hasGiven = first.detail3 === '名'
    const hasSurname = first.detail3 === '姓'
    for (let j = i + 1; j < tokens.length && j <= last + 2; j++) {
      const token = tokens[j]
      if (!token) break
      if (isSpace(token) && j === last + 1) continue
      const follows = isPersonName(token) || (hasSurname && !hasGiven && isProperNoun(token) && token.surface.length <= 3)
      if (!follows || !/^\p{Script=Han}+$|^\p{Script=Hiragana}+$|^\p{Script=Katakana}+$/u.test(token.surface)) break
      hasGiven ||= token.detail3 !== '姓'
      last = j
    }
    // After a label, a surname is followed by a given name the dictionary may not know (患者 佐藤 ゆかり,
    // 患者名「田中翔太」): a short word in Japanese script right after it, before a particle, bracket or space.
    if (hasSurname && !hasGiven && LABEL_BEFORE.test(text.slice(Math.max(0, first.start - 12), first.start))) {
      const gap = tokens[last + 1] && isSpace(tokens[last + 1] as Token) ? 2 : 1
      const candidate = tokens[last + gap]
      const afterCandidate = candidate ? text.slice(candidate.end, candidate.end + 1) : ''
      if (
        candidate &&
        candidate.pos === '名詞' &&
        /^(?:\p{Script=Han}{1,3}|\p{Script=Hiragana}{2,4}|\p{Script=Katakana}{2,5})$/u.test(candidate.surface) &&
        /^(?:$|[\s\u3000、。」』)）がはをにのとも])/u.test(afterCandidate)
      ) {
        last += gap
        hasGiven = true
      }
    }
    // A given name whose surname IPADIC tags as a place (高野 由美): the proper noun before it is the surname.
    let start = first.start
    if (!hasSurname && hasGiven) {
      const gap = i >= 2 && tokens[i - 1] && isSpace(tokens[i - 1] as Token) ? 2 : 1
      const before = tokens[i - gap]
      if (before && isProperNoun(before) && /^\p{Script=Han}{1,3}$/u.test(before.surface)) start = before.start
    }
    const lastToken = tokens[last] ?? first
    let end = lastToken.end
    i = last
    const after = text.slice(end, end + 12)
    if (NOT_A_PERSON_AFTER.test(after)) continue
    const title = TITLE_AFTER.exec(after)?.[0]
    const labelled = LABEL_BEFORE.test(text.slice(Math.max(0, start - 12), start))
    const fullName = (hasSurname || start < first.start) && hasGiven
    let severity: Finding['severity'] | undefined
    let suffix = ''
    if (title) {
      severity = 'block'
      suffix = title
      end += title.length
    } else if (labelled || (fullName && !sameScriptBefore)) {
      severity = 'block'
    } else if (hasSurname && !sameScriptBefore && first.surface.length >= 2 && PARTICLE_AFTER.test(after) && BOUNDARY_BEFORE.test(text.slice(Math.max(0, start - 1), start))) {
      severity = 'warn'
    }
    if (!severity) continue
    findings.push({ type: 'person-name', start, end, text: text.slice(start, end), severity, replacement: `○○${suffix}` })
  }
  return findings
}

/**
 * The rule engine's findings and the analyser's as one list, sorted and non-overlapping, resolved like the rule
 * engine resolves its own candidates: `block` before `warn`, then the longer span, then the earlier one.
 */
export function combineFindings(textLength: number, ...lists: ReadonlyArray<readonly Finding[]>): Finding[] {
  const all = lists.flat()
  all.sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  )
  // Which positions are taken: linear in the total length of the findings, however many there are.
  const taken = new Uint8Array(textLength)
  const accepted: Finding[] = []
  for (const finding of all) {
    if (taken.subarray(finding.start, finding.end).includes(1)) continue
    taken.fill(1, finding.start, finding.end)
    accepted.push(finding)
  }
  return accepted.sort((a, b) => a.start - b.start)
}
