import { describe, expect, it } from 'vitest'
import {
  cseaApproveInputSchema,
  dueAtFor,
  isOverdue,
  mergeSupplied,
  referenceRetainUntil,
  suppliedDetailsSchema,
} from './csea-report.js'
import { cseaReportingPolicySchema } from './policy/csea-reporting.js'

const AT = new Date('2026-11-22T09:00:00.000Z')
const HOURS = { P2: 24, P3: 72 }

describe('CSEA report deadlines', () => {
  it('makes a P1 due at once and P2 and P3 after the policy hours', () => {
    expect(dueAtFor('P1', AT, HOURS)).toEqual(AT)
    expect(dueAtFor('P2', AT, HOURS).toISOString()).toBe('2026-11-23T09:00:00.000Z')
    expect(dueAtFor('P3', AT, { P2: 4, P3: 8 }).toISOString()).toBe('2026-11-22T17:00:00.000Z')
  })

  it('counts only unsent reports past their due time as overdue', () => {
    expect(isOverdue({ status: 'draft', dueAt: AT }, AT)).toBe(true)
    expect(isOverdue({ status: 'failed', dueAt: AT }, new Date(AT.getTime() - 1))).toBe(false)
    expect(isOverdue({ status: 'sent', dueAt: AT }, new Date(AT.getTime() + 1))).toBe(false)
  })

  it('keeps the reference five years, a leap day landing on 1 March', () => {
    expect(referenceRetainUntil(AT).toISOString()).toBe('2031-11-22T09:00:00.000Z')
    const leap = new Date('2028-02-29T12:00:00.000Z')
    expect(referenceRetainUntil(leap).toISOString()).toBe('2033-03-01T12:00:00.000Z')
  })
})

describe('the CSEA reporting policy', () => {
  it('defaults to the NCA, P2, 24 and 72 hours and four eyes', () => {
    expect(cseaReportingPolicySchema.parse({})).toMatchObject({
      channels: ['nca'],
      defaultPriority: 'P2',
      deadlineHours: HOURS,
      fourEyes: true,
    })
  })

  it('refuses a P3 due before a P2 and a channel named twice', () => {
    const late = cseaReportingPolicySchema.safeParse({ deadlineHours: { P2: 48, P3: 24 } })
    expect(late.error?.issues[0]).toMatchObject({ path: ['deadlineHours', 'P3'] })
    const twice = cseaReportingPolicySchema.safeParse({ channels: ['nca', 'nca'] })
    expect(twice.error?.issues[0]).toMatchObject({ path: ['channels'] })
  })
})

describe('details the platform supplies', () => {
  it('takes IPv4 and IPv6 addresses and ports from 1 to 65535', () => {
    const ok = suppliedDetailsSchema.safeParse({
      upload: { ip: '2001:db8::1', port: 65535 },
      account: { loginIps: [{ ip: '198.51.100.4', port: 1 }] },
    })
    expect(ok.success).toBe(true)
  })

  it.each([
    [{ upload: { ip: '256.1.1.1' } }, 'an IP address such as'],
    [{ upload: { ip: 'example.org' } }, 'an IP address such as'],
    [{ upload: { port: 0 } }, 'a port is a whole number from 1 to 65535'],
    [{ upload: { port: 1.5 } }, 'a port is a whole number from 1 to 65535'],
    [{ account: { phones: [{ number: 'call me' }] } }, 'a telephone number'],
    [{}, 'give at least one of account, upload, exif'],
  ])('refuses %j', (input, message) => {
    const parsed = suppliedDetailsSchema.safeParse(input)
    expect(parsed.error?.issues.map((i) => i.message).join('; ')).toContain(message)
  })

  it('replaces the sections given and keeps the others', () => {
    const held = { exif: { Make: 'A' }, upload: { ip: '192.0.2.1' } }
    expect(mergeSupplied(held, { exif: { Make: 'B' } })).toEqual({
      exif: { Make: 'B' },
      upload: { ip: '192.0.2.1' },
    })
  })

  it('asks the approver to declare the report true', () => {
    const refused = cseaApproveInputSchema.safeParse({ declaration: { truthful: false } })
    expect(refused.error?.issues[0]?.message).toContain('OSA s.69')
  })
})
