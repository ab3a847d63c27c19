import { describe, expect, it } from 'vitest'
import {
  NCMEC_PRODUCTION_URL,
  NCMEC_TEST_URL,
  ncmecEndpointProblem,
  ncmecFileDetailsSchema,
  ncmecReportSchema,
} from './ncmec-report.js'

const summary = {
  incidentType: 'Online Enticement of Children for Sexual Acts',
  incidentDateTime: '2026-02-03T04:05:06Z',
}

describe('ncmecReportSchema', () => {
  it('needs only the incident type and its date and time', () => {
    expect(ncmecReportSchema.safeParse({ incidentSummary: summary }).success).toBe(true)
    expect(ncmecReportSchema.safeParse({}).success).toBe(false)
    const { incidentDateTime: _, ...undated } = summary
    expect(ncmecReportSchema.safeParse({ incidentSummary: undated }).success).toBe(false)
  })

  it('takes incident types from NCMEC list only, word for word', () => {
    const wrong = { ...summary, incidentType: 'child pornography' }
    expect(ncmecReportSchema.safeParse({ incidentSummary: wrong }).success).toBe(false)
  })

  it('wants a date-time with an offset, and text XML can carry', () => {
    const local = { ...summary, incidentDateTime: '2026-02-03T04:05:06' }
    expect(ncmecReportSchema.safeParse({ incidentSummary: local }).success).toBe(false)
    const control = { incidentSummary: summary, additionalInfo: 'bell \u0007' }
    expect(ncmecReportSchema.safeParse(control).success).toBe(false)
    const lines = { incidentSummary: summary, additionalInfo: 'line one\nline two\ttab' }
    expect(ncmecReportSchema.safeParse(lines).success).toBe(true)
  })

  it('refuses unknown fields and a bad IP address', () => {
    expect(ncmecReportSchema.safeParse({ incidentSummary: summary, extra: 1 }).success).toBe(false)
    const user = { ipCaptureEvent: [{ ipAddress: '999.1.1.1' }] }
    const report = { incidentSummary: summary, personOrUserReported: user }
    expect(ncmecReportSchema.safeParse(report).success).toBe(false)
  })

  it('takes the industry classification scale and hash names', () => {
    expect(ncmecFileDetailsSchema.safeParse({ industryClassification: 'B2' }).success).toBe(true)
    expect(ncmecFileDetailsSchema.safeParse({ industryClassification: 'C1' }).success).toBe(false)
    const hash = { originalFileHash: [{ hashType: 'MD5"><x', value: 'ab' }] }
    expect(ncmecFileDetailsSchema.safeParse(hash).success).toBe(false)
  })
})

describe('ncmecEndpointProblem', () => {
  it('accepts NCMEC endpoints and a loopback test server', () => {
    expect(ncmecEndpointProblem(NCMEC_PRODUCTION_URL)).toBeUndefined()
    expect(ncmecEndpointProblem(NCMEC_TEST_URL)).toBeUndefined()
    expect(ncmecEndpointProblem('http://127.0.0.1:8123/ispws')).toBeUndefined()
  })

  it('refuses plain http elsewhere, credentials in the URL and non-URLs', () => {
    expect(ncmecEndpointProblem('http://report.cybertip.org/ispws')).toMatch(/https/)
    expect(ncmecEndpointProblem('https://u:p@report.cybertip.org/ispws')).toMatch(/credentials/)
    expect(ncmecEndpointProblem('report.cybertip.org')).toMatch(/not a URL/)
  })
})
