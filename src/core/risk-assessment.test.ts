import { describe, expect, it } from 'vitest'
import { assessmentInput, harmsAt } from '../../test/risk-fixtures.js'
import { applicableMeasures } from './code-measures.js'
import { factsOf } from './measure-tests.js'
import {
  combinedLevel,
  levelsOf,
  type RiskLevel,
  riskAssessmentInputSchema,
  settleHarms,
} from './risk-assessment.js'

function facts(levels: Record<string, RiskLevel>, monthlyUkUsers = 50_000) {
  const input = riskAssessmentInputSchema.parse(
    assessmentInput({ profile: { monthlyUkUsers }, levels }),
  )
  return factsOf(input.profile, levelsOf(settleHarms(input.harms)))
}

function problems(input: unknown): string[] {
  const parsed = riskAssessmentInputSchema.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('multi-risk: medium or high in 2 or more kinds, CSEA sub-kinds 2A–2C not counted', () => {
  it('counts CSEA once, however many of its sub-kinds are medium or high', () => {
    const f = facts({
      'illegal.csea': 'high',
      'illegal.csea.grooming': 'high',
      'illegal.csea.image_csam': 'high',
      'illegal.csea.csam_url': 'medium',
    })
    expect(f.multiRisk).toBe(false)
    expect(f.multiRiskKinds).toEqual(['Child sexual exploitation and abuse (CSEA)'])
  })

  it('is multi-risk with CSEA (row 2) and one other kind at medium', () => {
    const f = facts({ 'illegal.csea': 'medium', 'illegal.hate': 'medium' })
    expect(f.multiRisk).toBe(true)
    expect(f.multiRiskKinds).toEqual(['Child sexual exploitation and abuse (CSEA)', 'Hate'])
  })

  it('does not count non-priority illegal content, which is not a row of the table', () => {
    const input = assessmentInput({ levels: { 'illegal.hate': 'medium' } })
    input.harms = [...harmsAt({ 'illegal.hate': 'medium', other_illegal: 'high' })] as never
    const parsed = riskAssessmentInputSchema.parse(input)
    const f = factsOf(parsed.profile, levelsOf(settleHarms(parsed.harms)))
    expect(f.multiRisk).toBe(false)
  })

  it('counts low and negligible as nothing', () => {
    expect(facts({ 'illegal.hate': 'low', 'illegal.fraud': 'negligible' }).multiRiskKinds).toEqual(
      [],
    )
  })
})

describe('the thresholds', () => {
  it('is large only above 7,000,000 monthly UK users', () => {
    expect(facts({}, 7_000_000).large).toBe(false)
    expect(facts({}, 7_000_001).large).toBe(true)
  })

  it('needs more than 700,000 users for C10 at high risk of CSAM URLs', () => {
    const at = (users: number) => {
      const input = riskAssessmentInputSchema.parse(
        assessmentInput({
          profile: { monthlyUkUsers: users },
          levels: { 'illegal.csea': 'high', 'illegal.csea.csam_url': 'high' },
        }),
      )
      const m = applicableMeasures(input.profile, levelsOf(settleHarms(input.harms)), '2026-12-01')
      return m.measures.find((x) => x.id === 'C10')?.applies
    }
    expect(at(700_000)).toBe('no')
    expect(at(700_001)).toBe('yes')
  })

  it('binds C14 only from 30 Sep 2026', () => {
    const input = riskAssessmentInputSchema.parse(
      assessmentInput({
        profile: { monthlyUkUsers: 8_000_000 },
        levels: { 'illegal.intimate_image_abuse': 'medium' },
      }),
    )
    const levels = levelsOf(settleHarms(input.harms))
    const before = applicableMeasures(input.profile, levels, '2026-09-29').measures
    const after = applicableMeasures(input.profile, levels, '2026-09-30').measures
    expect(before.find((x) => x.id === 'C14')).toMatchObject({
      applies: 'yes',
      stage: 'not_yet_in_force',
      owed: false,
    })
    expect(after.find((x) => x.id === 'C14')).toMatchObject({ stage: 'in_force', owed: true })
  })

  it('leaves a measure to check when the kind it reads was not assessed', () => {
    const input = riskAssessmentInputSchema.parse(assessmentInput())
    const levels = levelsOf(settleHarms(input.harms).filter((h) => h.kind !== 'illegal.fraud'))
    const d14 = applicableMeasures(input.profile, levels, '2026-12-01').measures.find(
      (x) => x.id === 'D14',
    )
    expect(d14).toMatchObject({
      applies: 'unknown',
      reason: 'to check: not assessed: Fraud and financial services',
    })
  })
})

describe('the assessment record', () => {
  it('combines likelihood and impact by its stated rule', () => {
    expect(combinedLevel('negligible', 'high')).toBe('negligible')
    expect(combinedLevel('low', 'medium')).toBe('low')
    expect(combinedLevel('low', 'high')).toBe('medium')
    expect(combinedLevel('medium', 'high')).toBe('high')
    expect(combinedLevel('high', 'low')).toBe('medium')
  })

  it('accepts a complete assessment', () => {
    expect(problems(assessmentInput())).toEqual([])
  })

  it('needs every kind of priority illegal content', () => {
    const input = assessmentInput()
    input.harms = input.harms.filter((h) => h.kind !== 'illegal.cyberflashing')
    expect(problems(input)).toEqual([
      'harms: every kind of priority illegal content is assessed; missing: 18 illegal.cyberflashing',
    ])
  })

  it('asks why when a level differs from likelihood × impact', () => {
    const input = assessmentInput()
    const hate = input.harms.find((h) => h.kind === 'illegal.hate')
    Object.assign(hate ?? {}, { level: 'medium' })
    expect(problems(input)).toEqual([
      'harms.5.levelReason: the level medium differs from low (likelihood low, impact low): say why in levelReason',
    ])
    Object.assign(hate ?? {}, { levelReason: 'A rise in raids from another forum this autumn.' })
    expect(problems(input)).toEqual([])
  })

  it('keeps CSEA (row 2) at least as high as each of its sub-kinds', () => {
    const input = assessmentInput({ levels: { 'illegal.csea.grooming': 'high' } })
    expect(problems(input)).toEqual([
      'harms.1.level: CSEA (row 2) covers illegal.csea.grooming, assessed high: CSEA must be at least high, not low',
    ])
  })

  it('refuses "children not likely" on self-declared age', () => {
    const input = assessmentInput()
    input.profile.children = { ...input.profile.children, likelyToAccess: false }
    expect(problems(input)).toEqual([
      'profile.children.likelyToAccess: only highly effective age assurance can show that children cannot normally access the service; self-declared age never can (OSA s.35(2), s.230(4))',
    ])
  })
})
