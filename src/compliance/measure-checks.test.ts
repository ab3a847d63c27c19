import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, policySchema } from '../core/policy.js'
import { buildTaxonomy } from '../core/taxonomy.js'
import { checkC9, checkC14 } from './bank-checks.js'
import { checkD2, checkD14 } from './complaint-checks.js'
import type { VigilSetup } from './measure-setup.js'
import { measureStatus } from './measure-status.js'
import { checkC1, checkC3, checkC5 } from './moderation-checks.js'

function setup(overrides: Partial<VigilSetup> = {}): VigilSetup {
  return {
    policy: DEFAULT_POLICY,
    taxonomy: buildTaxonomy(),
    defaultPolicy: true,
    termsNodes: 0,
    banks: [],
    webhookEvents: [],
    flaggers: [],
    reviewers: { consoleUsers: 1, moderatorKeys: 0 },
    publicImagesHashed: 10,
    scanPrivate: false,
    classifiers: [],
    responsiblePerson: null,
    ...overrides,
  }
}

const bank = (over: Partial<VigilSetup['banks'][number]>): VigilSetup['banks'][number] => ({
  name: 'b',
  kind: 'pdq',
  harm: 'illegal.csea.image_csam',
  source: 'imported',
  enabled: true,
  activeEntries: 5,
  ...over,
})

describe('the bank measures', () => {
  it('meets C9 with an enabled, non-empty PDQ bank of known CSAM and public images flowing', () => {
    expect(checkC9(setup({ banks: [bank({})] })).status).toBe('met')
  })

  it('counts only re-upload banks of removed media as partly', () => {
    const s = checkC9(setup({ banks: [bank({ name: 'removed-x', source: 'local' })] }))
    expect(s.status).toBe('partly')
    expect(s.gaps[0]).toMatch(/^only Vigil's own banks of removed media are in use/)
  })

  it('does not count a bank for the broader CSEA harm, and says so', () => {
    const s = checkC9(setup({ banks: [bank({ name: 'csea-all', harm: 'illegal.csea' })] }))
    expect(s.status).toBe('not_met')
    expect(s.gaps).toContain(
      'bank "csea-all" is for the broader harm illegal.csea; C9 counts banks for illegal.csea.image_csam',
    )
  })

  it('asks for entries in an empty bank', () => {
    const s = checkC14(
      setup({
        banks: [bank({ name: 'ncii', harm: 'illegal.intimate_image_abuse', activeEntries: 0 })],
      }),
    )
    expect(s.status).toBe('not_met')
    expect(s.gaps[0]).toMatch(
      /^bank "ncii" has no active entries: import hashes of intimate images/,
    )
  })
})

describe('the moderation and complaint measures', () => {
  it('finds C1 not met when nobody can review', () => {
    const s = checkC1(setup({ reviewers: { consoleUsers: 0, moderatorKeys: 0 } }))
    expect(s.status).toBe('not_met')
  })

  it('finds C3 partly met on the built-in default policy', () => {
    expect(checkC3(setup()).status).toBe('partly')
    expect(checkC3(setup({ defaultPolicy: false })).status).toBe('met')
  })

  it('finds C5 partly met when reach is not weighed or trusted sources rank no higher', () => {
    const policy = policySchema.parse({
      queues: { priority: { reachPerTenfold: 0, sourceTrust: { trusted_flagger: 1 } } },
    })
    const s = checkC5(setup({ policy }))
    expect(s.status).toBe('partly')
    expect(s.gaps).toEqual([
      'virality and reach are not weighed: set queues.priority.reachPerTenfold above 0',
      'trusted_flagger notices are not ranked above user reports: raise queues.priority.sourceTrust.trusted_flagger',
    ])
    expect(checkC5(setup()).status).toBe('met')
  })

  it('finds D2 partly met without a public address for the report pages', () => {
    expect(checkD2(setup()).status).toBe('partly')
    const policy = policySchema.parse({
      reporting: { page: { publicUrl: 'https://safety.example' } },
    })
    expect(checkD2(setup({ policy })).status).toBe('met')
  })

  it('finds D14 partly met until a trusted flagger is registered', () => {
    expect(checkD14(setup()).gaps).toEqual([
      'register the trusted flaggers for fraud (POST /v1/flaggers, vigil flaggers create) and give them keys',
    ])
    const flaggers = [{ kind: 'trusted_flagger' as const, enabled: true }]
    expect(checkD14(setup({ flaggers })).status).toBe('met')
  })

  it('records governance measures only, and groups PCU rows by their weakest part', () => {
    expect(measureStatus({ code: 'ICU', id: 'A1' }, setup()).status).toBe('not_software')
    expect(measureStatus({ code: 'ICU', id: 'G3' }, setup()).status).toBe('outside_vigil')
    const pcu = measureStatus({ code: 'PCU', id: 'D1–D10' }, setup({ webhookEvents: [] }))
    expect(pcu.status).toBe('not_met')
    expect(pcu.gaps.length).toBeGreaterThanOrEqual(3)
  })
})
