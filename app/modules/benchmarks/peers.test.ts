import { describe, expect, test } from 'vitest'
import { bedBand, MIN_PEERS, peerStats, percentile, positionLabel } from './peers.ts'

describe('percentiles (linear interpolation, type 7)', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  test.each([
    [0.1, 1.9], // position 9 × 0.1 = 0.9 → 1 + 0.9
    [0.25, 3.25],
    [0.5, 5.5],
    [0.75, 7.75],
    [0.9, 9.1],
    [0, 1],
    [1, 10],
  ])('P%s of 1…10 is %s', (p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10)
  })

  test('peer statistics sort their input; 10 hospitals get quartiles but no P10/P90', () => {
    const stats = peerStats([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])
    expect(stats).toEqual({ suppressed: false, hospitals: 10, p10: null, p25: 3.25, median: 5.5, p75: 7.75, p90: null })
  })
})

describe('suppression below 5 hospitals', () => {
  test('4 hospitals: nothing but the count', () => {
    expect(MIN_PEERS).toBe(5)
    expect(peerStats([1, 2, 3, 4])).toEqual({ suppressed: true, hospitals: 4 })
  })
  test('5–9 hospitals: the median only (five type-7 percentiles of 5 values would give back all five)', () => {
    expect(peerStats([1, 2, 3, 4, 5])).toEqual({ suppressed: false, hospitals: 5, median: 3, p25: null, p75: null, p10: null, p90: null })
    expect(peerStats([1, 2, 3, 4, 5, 6, 7, 8, 9])).toMatchObject({ median: 5, p25: null, p10: null })
  })
  test('20 hospitals: P10 and P90 too (1…20: P10 = 1 + 19 × 0.1 = 2.9, P90 = 18.1)', () => {
    const stats = peerStats(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(stats).toMatchObject({ hospitals: 20, p25: 5.75, median: 10.5, p75: 15.25 })
    if (!stats.suppressed) expect(stats.p10).toBeCloseTo(2.9, 10)
    if (!stats.suppressed) expect(stats.p90).toBeCloseTo(18.1, 10)
  })
  test('values that are not numbers do not count as hospitals', () => {
    expect(peerStats([1, 2, 3, 4, Number.NaN]).suppressed).toBe(true)
  })
})

describe('bed bands', () => {
  test.each([
    [0, 'small'],
    [199, 'small'],
    [200, 'medium'],
    [499, 'medium'],
    [500, 'large'],
  ])('%s beds → %s', (beds, band) => {
    expect(bedBand(beds)).toBe(band)
  })
})

test('position in words, only as fine as the published statistics', () => {
  const twenty = peerStats(Array.from({ length: 20 }, (_, i) => i + 1))
  expect(positionLabel(1.5, twenty)).toBe('下位10%未満')
  expect(positionLabel(10, twenty)).toBe('中央50%の範囲')
  expect(positionLabel(19.5, twenty)).toBe('上位10%')
  const ten = peerStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  expect(positionLabel(1.5, ten)).toBe('下位25%未満')
  expect(positionLabel(9.5, ten)).toBe('上位25%')
  expect(positionLabel(2, peerStats([1, 2, 3, 4, 5]))).toBe('中央値より低い')
  expect(positionLabel(5, peerStats([1]))).toBeNull()
})
