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

  test('peer statistics sort their input', () => {
    const stats = peerStats([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])
    expect(stats).toEqual({ suppressed: false, hospitals: 10, p10: 1.9, p25: 3.25, median: 5.5, p75: 7.75, p90: 9.1 })
  })
})

describe('suppression below 5 hospitals', () => {
  test('4 hospitals: nothing but the count', () => {
    expect(MIN_PEERS).toBe(5)
    expect(peerStats([1, 2, 3, 4])).toEqual({ suppressed: true, hospitals: 4 })
  })
  test('5 hospitals: shown', () => {
    const stats = peerStats([1, 2, 3, 4, 5])
    expect(stats.suppressed).toBe(false)
    if (!stats.suppressed) expect(stats.median).toBe(3)
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

test('position in words', () => {
  const stats = peerStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  expect(positionLabel(1.5, stats)).toBe('下位10%未満')
  expect(positionLabel(5, stats)).toBe('中央50%の範囲')
  expect(positionLabel(9.5, stats)).toBe('上位10%')
  expect(positionLabel(5, peerStats([1]))).toBeNull()
})
