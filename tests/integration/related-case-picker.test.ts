/**
 * The related-case picker of practices (issue 17): /api/cases/picker finds only cases the member may see, by
 * title words or case number; the practice form accepts the picker's ids and, without JavaScript, typed case
 * numbers; links are stored by case id as before.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { parseCaseRefs } from '#app/modules/practices/schemas.ts'
import { loader as pickerLoader } from '#app/routes/api/case-picker.ts'
import * as editRoute from '#app/routes/practices/edit.tsx'
import { createUser, multipartRequest, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { createCase, sessionUser } from '#tests/fixtures/cases.ts'
import { expectResponse, routeArgs, unwrap } from '#tests/fixtures/routes.ts'

const cases = { published: { id: '', number: 0 }, ownDraft: { id: '', number: 0 }, othersDraft: { id: '', number: 0 }, hidden: { id: '', number: 0 } }
let authorCookie = ''
let otherCookie = ''

const practiceForm = {
  intent: 'draft',
  title: '配薬時の患者確認の手順',
  problem: '同姓患者の取り違えが続いた',
  whatWasDone: 'バーコード認証を導入した。',
  steps: '1. 病棟で試行',
  theme: 'MEDICATION',
}

beforeAll(async () => {
  const authorUser = await createUser()
  const otherUser = await createUser()
  const author = await sessionUser(authorUser.id)
  const other = await sessionUser(otherUser.id)
  const published = await createCase(other, { intent: 'draft', title: '配薬カートの引き出し違いによる誤薬' })
  await prisma.case.update({ where: { id: published.id }, data: { status: 'PUBLISHED', publishedAt: new Date() } })
  const ownDraft = await createCase(author, { intent: 'draft', title: '配薬時の自分の下書き' })
  const othersDraft = await createCase(other, { intent: 'draft', title: '配薬に関する他人の下書き' })
  const hidden = await createCase(other, { intent: 'draft', title: '配薬の非表示事例' })
  await prisma.case.update({ where: { id: hidden.id }, data: { status: 'PUBLISHED', publishedAt: new Date(), hiddenAt: new Date() } })
  for (const [key, row] of Object.entries({ published, ownDraft, othersDraft, hidden })) cases[key as keyof typeof cases] = { id: row.id, number: row.number }
  authorCookie = await sessionCookieFor(authorUser.id)
  otherCookie = await sessionCookieFor(otherUser.id)
})

async function pick(q: string, cookie: string | null = authorCookie) {
  const response = await pickerLoader(routeArgs(makeRequest(`/api/cases/picker?${new URLSearchParams({ q })}`, cookie ? { cookie } : {})))
  return { status: response.status, body: (await response.json()) as { cases?: { id: string; number: number; title: string; draft: boolean }[]; error?: string } }
}

describe('/api/cases/picker', () => {
  test('not signed in: 401 JSON, no cases', async () => {
    const { status, body } = await pick('配薬', null)
    expect(status).toBe(401)
    expect(body.cases).toBeUndefined()
  })

  test('title words find published cases and the member’s own drafts, never others’ drafts or hidden cases', async () => {
    const { status, body } = await pick('配薬')
    expect(status).toBe(200)
    expect(body.cases?.map((item) => item.id).sort()).toEqual([cases.published.id, cases.ownDraft.id].sort())
    expect(body.cases?.find((item) => item.id === cases.ownDraft.id)?.draft).toBe(true)
    // The other member sees their own draft, not the first member's.
    const theirs = await pick('配薬', otherCookie)
    expect(theirs.body.cases?.map((item) => item.id)).not.toContain(cases.ownDraft.id)
    expect(theirs.body.cases?.map((item) => item.id)).toContain(cases.othersDraft.id)
  })

  test('several words must all be in the title', async () => {
    expect((await pick('配薬 引き出し')).body.cases?.map((item) => item.id)).toEqual([cases.published.id])
    expect((await pick('配薬 存在しない語')).body.cases).toEqual([])
  })

  test.each(['{n}', '#{n}', 'No.{n}', 'no{n}', '＃{n}'])('a case number: %s', async (pattern) => {
    const { body } = await pick(pattern.replace('{n}', String(cases.published.number)))
    expect(body.cases?.map((item) => item.id)).toContain(cases.published.id)
  })

  test('the number of a case the member may not see finds nothing', async () => {
    expect((await pick(`#${cases.hidden.number}`)).body.cases).toEqual([])
    expect((await pick(`#${cases.othersDraft.number}`)).body.cases).toEqual([])
  })
})

describe('parseCaseRefs', () => {
  test.each<[string, string[]]>([
    ['12, 15', ['#12', '#15']],
    ['#12、No.15\nno.3 事例4', ['#12', '#15', '#3', '#4']],
    ['１２', ['#12']],
    ['http://localhost:3000/cases/cm0abcdefghij123?x=1, cm0abcdefghij123', ['cm0abcdefghij123']],
    ['abc, -1, 1.5', []],
  ])('%s', (input, expected) => {
    expect(parseCaseRefs(input)).toEqual(expected)
  })
})

describe('saving a practice with related cases', () => {
  async function save(relatedCases: string) {
    return settle(() => editRoute.action(routeArgs(multipartRequest('/practices/new', { cookie: authorCookie, fields: { ...practiceForm, relatedCases } }))))
  }

  test('typed numbers (no JavaScript) and the picker’s ids are stored as case links by id', async () => {
    for (const value of [`${cases.published.number}, #${cases.ownDraft.number}`, `${cases.published.id}, ${cases.ownDraft.id}`]) {
      const location = expectResponse(await save(value), 302).headers.get('Location') ?? ''
      const practiceId = location.split('/')[2]?.split('?')[0] ?? ''
      const links = await prisma.practiceCase.findMany({ where: { practiceId }, select: { caseId: true } })
      expect(links.map((link) => link.caseId).sort()).toEqual([cases.published.id, cases.ownDraft.id].sort())
    }
  })

  test('a number the author may not see is refused beside the field, with what was typed kept', async () => {
    const typed = `${cases.published.number}, ${cases.othersDraft.number}`
    const result = await save(typed)
    const { status, data } = unwrap(result as Exclude<typeof result, Response>)
    expect(status).toBe(400)
    const reply = data as unknown as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }
    expect(reply.result.error.relatedCases).toEqual([`関連事例「No.${cases.othersDraft.number}」が見つかりません。事例番号を確認してください`])
    expect(reply.result.initialValue.relatedCases).toBe(typed)
  })

  test('the edit form shows the linked cases with their numbers and titles', async () => {
    const location = expectResponse(await save(String(cases.published.number)), 302).headers.get('Location') ?? ''
    const practiceId = location.split('/')[2]?.split('?')[0] ?? ''
    const { data } = unwrap(await editRoute.loader(routeArgs(makeRequest(`/practices/${practiceId}/edit`, { cookie: authorCookie }), { id: practiceId })))
    expect(data.existing?.relatedCases).toEqual([{ id: cases.published.id, number: cases.published.number, title: '配薬カートの引き出し違いによる誤薬' }])
    expect(data.existing?.defaults.relatedCases).toBe(`#${cases.published.number}`)
  })
})
