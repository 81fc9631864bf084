import { expect, test } from 'vitest'
import { buildDatabaseUrl, parseDatabaseUrl, withDatabase } from './database-url.ts'

test('parses every part, decoding special characters in the password', () => {
  expect(parseDatabaseUrl('postgresql://qso:p%40ss%2Fword@db.internal:6543/qso_hub')).toEqual({
    host: 'db.internal',
    port: 6543,
    user: 'qso',
    password: 'p@ss/word',
    database: 'qso_hub',
  })
})

test('defaults the port and round-trips through buildDatabaseUrl', () => {
  const config = parseDatabaseUrl('postgres://u:p@localhost/db')
  expect(config.port).toBe(5432)
  expect(parseDatabaseUrl(buildDatabaseUrl(config))).toEqual(config)
})

test('switches database on the same server', () => {
  expect(withDatabase('postgresql://u:p@h:1/a', 'b')).toBe('postgresql://u:p@h:1/b')
})

test.each(['not a url', 'mysql://u:p@h/db', 'postgresql://u:p@h:1/'])('refuses %s with a message saying what to set', (url) => {
  expect(() => parseDatabaseUrl(url)).toThrow(/DATABASE_URL/)
})
