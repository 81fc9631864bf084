import { describe, expect, test } from 'vitest'
import { describeAuditEvent, describeDetails, summariseUserAgent } from './describe.ts'

describe('browser strings summarised', () => {
  // Real User-Agent strings as the browsers send them (copied from each browser's own about/UA page).
  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome / Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge / Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', 'Safari / macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1', 'Chrome / iOS'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox / Linux'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome / Android'],
    ['curl/8.5.0', 'curl'],
    ['something odd', '不明なブラウザ'],
  ])('%s → %s', (userAgent, expected) => {
    expect(summariseUserAgent(userAgent)).toBe(expected)
  })
  test('no string, no summary', () => expect(summariseUserAgent(null)).toBeNull())
})

describe('events in words', () => {
  test('who did what to whom, without ids', () => {
    expect(describeAuditEvent({ action: 'case.hidden', actorName: '安全 花子', targetType: 'case', targetName: '夜間の転倒' })).toBe('安全 花子 が 事例の非表示（事例 夜間の転倒）')
    expect(describeAuditEvent({ action: 'auth.sign-in-failed', actorName: null, targetType: 'email', targetName: 'x@example.jp' })).toBe(
      '未ログインの利用者 が ログイン失敗（メールアドレス x@example.jp）',
    )
    expect(describeAuditEvent({ action: 'job.retried', actorName: '事務局 管理者', targetType: 'job', targetName: null })).toBe('事務局 管理者 が バックグラウンド処理の再実行（バックグラウンド処理）')
  })

  test('details: known keys in Japanese, ids dropped, no JSON', () => {
    expect(describeDetails({ from: 'MEMBER', to: 'ADMIN', userId: 'cm123' })).toBe('変更前：会員、変更後：管理者')
    expect(describeDetails({ view: 'desk' })).toBe('画面：相談デスク')
    expect(describeDetails({ caseIds: ['a', 'b'], rows: 3, obliged: true })).toBe('件数：3、報告義務：はい')
    expect(describeDetails({ consultantId: 'x' })).toBeNull()
    expect(describeDetails(null)).toBeNull()
  })
})
