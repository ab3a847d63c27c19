import { describe, expect, it } from 'vitest'
import type { Decision } from './decision.js'
import { missingScheduleOneItems, ncaReportSchema } from './nca-report.js'
import { buildNcaReport, type NcaReportFacts } from './nca-report-build.js'
import type { Signal } from './signal.js'
import type { Subject } from './subject.js'

const AT = new Date('2026-11-22T09:00:00.000Z')

const subject: Subject = {
  id: 's-1',
  externalId: 'msg-9',
  kind: 'message',
  surface: 'private',
  authorId: 'acct-7',
  text: 'hello',
  url: null,
  media: [],
  metadata: {},
  verdict: 'review',
  createdAt: AT,
  updatedAt: AT,
}

const signal: Signal = {
  id: 'sig-1',
  subjectId: 's-1',
  source: 'classifier',
  harm: 'illegal.csea.grooming',
  score: 0.93,
  action: 'review',
  matcher: 'llama-guard',
  evidence: {},
  createdAt: AT,
}

function facts(overrides: Partial<NcaReportFacts> = {}): NcaReportFacts {
  return {
    id: 'r-1',
    caseId: 'c-1',
    priority: 'P1',
    createdAt: AT,
    dueAt: AT,
    reporter: { providerName: 'Chat Ltd', ncaRegistrationId: 'REG-1', contactPhone: '+44 1' },
    subject,
    harm: { id: 'illegal.csea.grooming', label: 'Grooming' },
    decision: null,
    signals: [signal],
    notices: [],
    priorReports: [],
    supplied: null,
    declaration: null,
    ...overrides,
  }
}

describe('the NCA report', () => {
  it('leaves what Vigil does not hold null or empty, and says so', () => {
    const report = buildNcaReport(facts())
    expect(ncaReportSchema.safeParse(report).success).toBe(true)
    expect(report.account).toEqual({
      id: 'acct-7',
      username: null,
      profileUrl: null,
      emails: [],
      phones: [],
      billing: null,
      loginIps: [],
    })
    expect(report.exif).toBeNull()
    expect(missingScheduleOneItems(report).map((m) => m.path)).toEqual([
      'platform.contentUrl',
      'upload.at',
      'upload.ip',
      'upload.port',
      'account.username',
      'account.emails',
      'account.phones',
      'account.billing',
      'account.profileUrl',
      'account.loginIps',
      'declaration',
    ])
  })

  it('says how the content was found: classifier, and a person unless fully automated', () => {
    const decision = {
      id: 'd-1',
      harm: 'illegal.csea.grooming',
      ground: { type: 'illegal', offence: 'Sexual Offences Act 2003 s.15A' },
      actions: [{ type: 'remove' }],
      statement: 'Sexual messages to a child.',
      automatedDecision: 'not',
      createdAt: AT,
    } as Decision
    const report = buildNcaReport(facts({ decision }))
    expect(report.content.detectedBy).toEqual([
      expect.objectContaining({
        method: 'classifier',
        detail: 'classifier llama-guard scored 0.93',
      }),
      expect.objectContaining({ method: 'moderator' }),
    ])
    expect(report.content.offence).toBe('Sexual Offences Act 2003 s.15A')
    const automated = buildNcaReport(
      facts({ decision: { ...decision, automatedDecision: 'fully' } }),
    )
    expect(automated.content.detectedBy.map((d) => d.method)).toEqual(['classifier'])
  })

  it('carries the details the platform supplied, with times in UTC', () => {
    const report = buildNcaReport(
      facts({
        supplied: {
          upload: { at: '2026-11-21T08:00:00+01:00', ip: '192.0.2.9', port: 5000 },
          account: { emails: [{ address: 'a@b.example' }] },
        },
      }),
    )
    expect(report.upload).toEqual({
      at: '2026-11-21T07:00:00.000Z',
      ip: '192.0.2.9',
      port: 5000,
      firstSeenByVigilAt: AT.toISOString(),
    })
    expect(report.account.emails).toEqual([{ address: 'a@b.example', verified: null }])
  })
})
