import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, policySchema } from '../policy.js'
import { preservesHarm, retainUntil, retentionDays } from './evidence.js'

describe('the evidence policy', () => {
  const defaults = DEFAULT_POLICY.evidence

  it('preserves CSEA (and everything under it), terrorism and threats to life by default', () => {
    for (const harm of [
      'illegal.csea',
      'illegal.csea.image_csam',
      'illegal.terrorism',
      'illegal.harassment.threat_to_life',
    ]) {
      expect(preservesHarm(defaults, harm), harm).toBe(true)
    }
    for (const harm of ['illegal.harassment', 'illegal.fraud', 'illegal.cseax', 'terms.spam']) {
      expect(preservesHarm(defaults, harm), harm).toBe(false)
    }
  })

  it('keeps content and records a year and the NCA reference five years by default', () => {
    expect(retentionDays(defaults, 'illegal.csea.image_csam', 'content')).toBe(366)
    expect(retentionDays(defaults, 'illegal.csea.image_csam', 'records')).toBe(366)
    expect(retentionDays(defaults, 'illegal.csea.image_csam', 'nca_reference')).toBe(1827)
    expect(retentionDays(defaults, null, 'content')).toBe(366)
  })

  it('takes the most specific harm rule that sets the record type, else the default', () => {
    const { evidence } = policySchema.parse({
      evidence: {
        retention: {
          default: { records: 200 },
          harms: {
            'illegal.csea': { content: 730 },
            'illegal.csea.grooming': { records: 1000 },
          },
        },
      },
    })
    expect(retentionDays(evidence, 'illegal.csea.grooming', 'records')).toBe(1000)
    expect(retentionDays(evidence, 'illegal.csea.grooming', 'content')).toBe(730)
    expect(retentionDays(evidence, 'illegal.csea.image_csam', 'records')).toBe(200)
    expect(retentionDays(evidence, 'illegal.terrorism', 'content')).toBe(366)
    const from = new Date('2026-11-22T09:00:00Z')
    expect(retainUntil(evidence, 'illegal.csea', 'content', from).toISOString()).toBe(
      '2028-11-21T09:00:00.000Z',
    )
  })
})
