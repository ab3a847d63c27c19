import { describe, expect, it } from 'vitest'
import {
  consolePreferencesSchema,
  normaliseEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from './console-user.js'

describe('console users', () => {
  it('asks for 12 to 1024 characters, counted as characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12)
    expect(PASSWORD_MAX_LENGTH).toBe(1024)
    expect(passwordProblem('a'.repeat(11))).toContain('at least 12 characters')
    expect(passwordProblem('a'.repeat(12))).toBeUndefined()
    expect(passwordProblem('\u{1F600}'.repeat(11))).toContain('at least 12')
    expect(passwordProblem('a'.repeat(1024))).toBeUndefined()
    expect(passwordProblem('a'.repeat(1025))).toContain('at most 1024')
  })

  it('compares emails trimmed and lower-cased', () => {
    expect(normaliseEmail('  Ana@Example.ORG ')).toBe('ana@example.org')
  })

  it('reads preferences with media hidden by default', () => {
    expect(consolePreferencesSchema.parse({})).toEqual({ revealMedia: false })
    expect(consolePreferencesSchema.parse({ revealMedia: true })).toEqual({ revealMedia: true })
  })
})
