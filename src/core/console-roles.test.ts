import { describe, expect, it } from 'vitest'
import {
  CONSOLE_ROLE_RULES,
  CONSOLE_ROUTE_RULES,
  consoleMay,
  consoleRefusal,
  openApiPath,
} from './console-roles.js'
import { CONSOLE_ROLES, type ConsoleRole } from './roles.js'

const MODERATORS = ['moderator', 'admin'] as const
const APPEAL_DECISION = '/v1/appeals/{id}/decision'
const CASE_DECISION = '/v1/cases/{id}/decisions'

describe('console roles', () => {
  it('maps every console role onto the moderator or admin API role', () => {
    const actsAs = Object.fromEntries(CONSOLE_ROLES.map((r) => [r, CONSOLE_ROLE_RULES[r].actsAs]))
    expect(actsAs).toEqual({
      admin: 'admin',
      moderator: 'moderator',
      triage: 'moderator',
      child_safety: 'moderator',
      appeals_reviewer: 'moderator',
      law_enforcement_liaison: 'moderator',
      auditor: 'moderator',
    })
    const readOnly = CONSOLE_ROLES.filter((r) => CONSOLE_ROLE_RULES[r].readOnly)
    expect(readOnly).toEqual(['law_enforcement_liaison', 'auditor'])
  })

  it('lets every role read what moderators read, and only admins what admins read', () => {
    for (const role of CONSOLE_ROLES) {
      expect(consoleMay(role, 'GET', '/v1/cases')).toBe(true)
      expect(consoleMay(role, 'HEAD', '/v1/cases')).toBe(true)
      expect(consoleMay(role, 'get', '/v1/keys', ['admin'])).toBe(role === 'admin')
    }
    expect(consoleRefusal('moderator', 'GET', '/v1/keys', ['admin'])?.reason).toBe('role')
  })

  it('keeps the auditor and the liaison read-only everywhere', () => {
    for (const role of ['auditor', 'law_enforcement_liaison'] as const) {
      for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
        const refusal = consoleRefusal(role, method, '/v1/cases/{id}/claim', MODERATORS)
        expect(refusal?.reason).toBe('read_only')
        expect(refusal?.message).toContain(`the ${role} role is read-only`)
      }
    }
  })

  it('decides appeals: appeals reviewers, moderators and admins only', () => {
    const may = CONSOLE_ROLES.filter((r) => consoleMay(r, 'POST', APPEAL_DECISION))
    expect(may).toEqual(['admin', 'moderator', 'appeals_reviewer'])
    expect(consoleRefusal('triage', 'POST', APPEAL_DECISION, MODERATORS)).toEqual({
      reason: 'console_role',
      message:
        'deciding an appeal is for the console roles admin, moderator, appeals_reviewer; yours is triage',
    })
    expect(consoleMay('triage', 'GET', '/v1/appeals/{id}')).toBe(true)
  })

  it('decides cases: everyone but the auditor and the liaison', () => {
    const may = CONSOLE_ROLES.filter((r) => consoleMay(r, 'POST', CASE_DECISION))
    expect(may).toEqual(['admin', 'moderator', 'triage', 'child_safety', 'appeals_reviewer'])
  })

  it('lets the auditor read the audit log, an admin route, but no other admin route', () => {
    expect(consoleMay('auditor', 'GET', '/v1/audit/entries', ['admin'])).toBe(true)
    expect(consoleMay('auditor', 'GET', '/v1/audit/verify', ['admin'])).toBe(true)
    expect(consoleMay('auditor', 'POST', '/v1/audit/entries', ['admin'])).toBe(false)
    expect(consoleMay('auditor', 'GET', '/v1/keys', ['admin'])).toBe(false)
    expect(consoleMay('moderator', 'GET', '/v1/audit/entries', ['admin'])).toBe(false)
  })

  it('opens evidence to admins, child safety and the liaison only, and says who may', () => {
    const ADMIN = ['admin'] as const
    for (const [method, path] of [
      ['GET', '/v1/cases/{id}/evidence'],
      ['GET', '/v1/evidence/{id}/content'],
      ['GET', '/v1/legal-holds'],
      ['GET', '/v1/preservation-requests'],
    ] as const) {
      const may = CONSOLE_ROLES.filter((r) => consoleMay(r, method, path, ADMIN))
      expect(may, path).toEqual(['admin', 'child_safety', 'law_enforcement_liaison'])
    }
    expect(consoleRefusal('moderator', 'GET', '/v1/evidence/{id}/content', ADMIN)).toEqual({
      reason: 'role',
      message:
        'this needs one of the roles admin (in the console also child_safety, law_enforcement_liaison); your console role moderator acts as moderator',
    })
  })

  it('lets the read-only liaison write holds and preservation requests, and nothing more', () => {
    const ADMIN = ['admin'] as const
    for (const path of [
      '/v1/cases/{id}/evidence',
      '/v1/legal-holds',
      '/v1/legal-holds/{id}/release',
      '/v1/preservation-requests',
    ]) {
      const may = CONSOLE_ROLES.filter((r) => consoleMay(r, 'POST', path, ADMIN))
      expect(may, path).toEqual(['admin', 'child_safety', 'law_enforcement_liaison'])
      expect(consoleRefusal('auditor', 'POST', path, ADMIN)?.reason).toBe('role')
    }
    expect(consoleMay('law_enforcement_liaison', 'PATCH', '/v1/legal-holds', ['admin'])).toBe(false)
    expect(consoleMay('law_enforcement_liaison', 'POST', '/v1/cases/{id}/claim')).toBe(false)
    expect(consoleMay('law_enforcement_liaison', 'POST', '/v1/keys', ['admin'])).toBe(false)
    expect(consoleMay('child_safety', 'GET', '/v1/keys', ['admin'])).toBe(false)
  })

  it('names only console roles and upper-case methods in the route rules', () => {
    for (const rule of CONSOLE_ROUTE_RULES) {
      expect(rule.method).toBe(rule.method.toUpperCase())
      expect(rule.path).toMatch(/^\/v1\//)
      for (const role of rule.roles) expect(CONSOLE_ROLES).toContain(role as ConsoleRole)
    }
  })

  it("turns Fastify's route parameters into OpenAPI's", () => {
    expect(openApiPath('/v1/appeals/:id/decision')).toBe(APPEAL_DECISION)
    expect(openApiPath('/v1/banks/:id/entries/:entryId/disable')).toBe(
      '/v1/banks/{id}/entries/{entryId}/disable',
    )
  })
})
