import { describe, expect, it } from 'vitest'
import { assessmentInput, idsWhere } from '../../test/risk-fixtures.js'
import { applicableMeasures, ICU_MEASURES, PCU_MEASURES } from './code-measures.js'
import { levelsOf, riskAssessmentInputSchema, settleHarms } from './risk-assessment.js'

// @NOTE Each service below is checked row by row against research/regulation.md §1: every ICU
// row is either in the "applies" list or in the "does not apply" list, with the row's "Applies
// to" cell quoted beside the rows it decides.

const ON = '2026-12-01'

function matrix(options: Parameters<typeof assessmentInput>[0]) {
  const input = riskAssessmentInputSchema.parse(assessmentInput(options))
  return applicableMeasures(input.profile, levelsOf(settleHarms(input.harms)), ON)
}

function expectEveryIcuRow(yes: string[], no: string[], unknown: string[] = []) {
  expect([...yes, ...no, ...unknown].sort()).toEqual(ICU_MEASURES.map((m) => m.id).sort())
}

describe('the ICU matrix for a small forum (20,000 UK users, low risks except medium hate)', () => {
  const m = matrix({ levels: { 'illegal.hate': 'medium' } })
  // "All": A2 C1 C2 D1 D2 D7 D10 D12 D13 (optional) G1 G3 H1.
  // "Large or medium/high risk of any harm": D4, D6 (As D4) — hate is medium.
  // "Large or medium/high risk of any harm, and likely to be accessed by children": D3, D5.
  // "Neither large nor multi-risk": D9 — one kind at medium is not multi-risk.
  const yes = ['A2', 'C1', 'C2', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D9', 'D10', 'D12']
  const applies = [...yes, 'D13', 'G1', 'G3', 'H1']
  // "Large": A1. "Large or multi-risk": A3 A5 A6 A7 C3–C8 D8. "Large and multi-risk": A4.
  // C9/C10/C14 need high risk or large; C15 "any service at high risk" (hate is medium);
  // D11 "if such technology is used" (none); D14 "Large at medium/high risk of fraud";
  // E1 no on-platform recommender tests; F1/F2 no means of determining age; G2 "Category 1";
  // J1–J3 "Large, risk-conditioned"; C11–C13 not in force.
  const notApplies = ['A1', 'A3', 'A4', 'A5', 'A6', 'A7', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']
  const not = [...notApplies, 'C9', 'C10', 'C11–C13', 'C14', 'C15', 'C16', 'D8', 'D11', 'D14']
  const alsoNot = [...not, 'E1', 'F1', 'F2', 'G2', 'J1 / J2 / J3']

  it('applies exactly the rows §1 gives it, and no others', () => {
    expect(idsWhere(m.measures, 'yes').sort()).toEqual(applies.sort())
    expect(idsWhere(m.measures, 'no').sort()).toEqual(alsoNot.sort())
    expectEveryIcuRow(applies, alsoNot)
    expect(m.large).toEqual({
      value: false,
      reason: 'not large (20,000 ≤ 7,000,000 monthly UK users)',
    })
    expect(m.multiRisk.value).toBe(false)
  })

  it('says why in words', () => {
    const reason = (id: string) => m.measures.find((x) => x.id === id)?.reason
    expect(reason('D4')).toBe('applies: medium or high risk of Hate')
    expect(reason('A3')).toBe(
      'does not apply: not large (20,000 ≤ 7,000,000 monthly UK users) and not multi-risk (medium or high risk of 1 kind: Hate; 2 needed, CSEA sub-kinds 2A–2C not counted)',
    )
    expect(m.measures.find((x) => x.id === 'D13')).toMatchObject({ optional: true, owed: false })
  })
})

describe('the ICU matrix for a large social network (12M UK users, children likely)', () => {
  const m = matrix({
    profile: {
      serviceName: 'Example social',
      serviceTypes: ['social_media', 'messaging'],
      monthlyUkUsers: 12_000_000,
      functionalities: [
        'user_profiles',
        'images_videos',
        'direct_messaging',
        'content_recommender',
      ],
      determinesAge: true,
      proactiveTechnology: true,
      ofcomCategory: 'category_1',
    },
    levels: {
      'illegal.terrorism': 'medium',
      'illegal.csea': 'high',
      'illegal.csea.grooming': 'high',
      'illegal.csea.image_csam': 'medium',
      'illegal.csea.csam_url': 'medium',
      'illegal.hate': 'high',
      'illegal.harassment': 'high',
      'illegal.fraud': 'medium',
      'illegal.intimate_image_abuse': 'medium',
    },
  })
  // "Large" A1; "Large and multi-risk" A4; "Large or multi-risk" A3 A5–A7 C3–C8 D8.
  // C9 "(b) Large and medium/high risk" (image-based CSAM medium); C10 "Large at medium/high
  // risk of CSAM URLs"; C14 "(b) Large and medium/high risk" (an image/video service, IIA
  // medium, on or after 30 Sep 2026); C15 "any service at high risk, of … hate" and C16 "Large
  // services within C15's scope" (both drafts); D11 proactive technology is used; D14 "Large at
  // medium/high risk of fraud"; F1/F2 a means of determining age and "high risk of grooming";
  // G2 "Category 1".
  const governance = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']
  const moderation = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C14']
  const complaints = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D10', 'D11', 'D12', 'D13']
  const applies = [...governance, ...moderation, 'C15', 'C16', ...complaints, 'D14']
  const alsoApplies = [...applies, 'F1', 'F2', 'G1', 'G2', 'G3', 'H1']
  // "Neither large nor multi-risk": D9; E1 no on-platform tests; C11–C13 not in force.
  const not = ['C11–C13', 'D9', 'E1']
  // "Large, risk-conditioned ⚠": large, so J1–J3 are left to check.
  const unknown = ['J1 / J2 / J3']

  it('applies exactly the rows §1 gives it, and no others', () => {
    expect(idsWhere(m.measures, 'yes').sort()).toEqual(alsoApplies.sort())
    expect(idsWhere(m.measures, 'no').sort()).toEqual(not.sort())
    expect(idsWhere(m.measures, 'unknown')).toEqual(unknown)
    expectEveryIcuRow(alsoApplies, not, unknown)
  })

  it('marks the drafts and the optional measure as not owed', () => {
    const owedNot = m.measures.filter((x) => x.code === 'ICU' && x.applies === 'yes' && !x.owed)
    expect(owedNot.map((x) => [x.id, x.stage])).toEqual([
      ['C15', 'draft'],
      ['C16', 'draft'],
      ['D13', 'in_force'],
    ])
    expect(m.measures.find((x) => x.id === 'C15')?.stageNote).toBe(
      'draft, laid 18 Jun 2026; not in force',
    )
    expect(m.measures.find((x) => x.id === 'C9')?.reason).toBe(
      'applies: (b) large (12,000,000 > 7,000,000 monthly UK users) and image-based CSAM risk medium',
    )
  })

  it('adds the PCU table because children are likely to access it', () => {
    const pcu = m.measures.filter((x) => x.code === 'PCU').map((x) => x.id)
    expect(pcu).toEqual(PCU_MEASURES.map((x) => x.id))
    // "Recommender services at medium/high risk" with no children's levels recorded: to check.
    expect(idsWhere(m.measures, 'unknown', 'PCU')).toEqual(['E', 'F', 'J'])
    // "Services using HEAA": self-declared age is not highly effective age assurance.
    expect(idsWhere(m.measures, 'no', 'PCU')).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'D12'])
  })
})

describe('the ICU matrix for a file-sharing service (1M UK users, high risk of image CSAM)', () => {
  const m = matrix({
    profile: {
      serviceName: 'Example files',
      serviceTypes: ['file_sharing'],
      monthlyUkUsers: 1_000_000,
      children: {
        likelyToAccess: false,
        basis: 'Accounts need a verified credit card and facial age estimation.',
        ageAssurance: 'highly_effective',
        principalPurpose: 'none',
        termsProhibit: { primaryPriority: true, priority: true },
      },
      functionalities: ['anonymous_use', 'images_videos', 'hyperlinks'],
      determinesAge: true,
      proactiveTechnology: true,
    },
    levels: {
      'illegal.csea': 'high',
      'illegal.csea.image_csam': 'high',
      'illegal.csea.csam_url': 'medium',
      'illegal.intimate_image_abuse': 'medium',
      'illegal.extreme_pornography': 'medium',
    },
  })
  // Multi-risk: CSEA, intimate image abuse and extreme pornography (3 kinds), so "Large or
  // multi-risk" A3 A5–A7 C3–C8 D8 apply. C9 "(a) high risk of image-based CSAM and (>700k users
  // or file-storage/sharing)": both hold. D4/D6 "medium/high risk of any harm"; D11 proactive
  // technology is used.
  const applies = ['A2', 'A3', 'A5', 'A6', 'A7', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']
  const alsoApplies = [...applies, 'C9', 'D1', 'D2', 'D4', 'D6', 'D7', 'D8', 'D10', 'D11', 'D12']
  const all = [...alsoApplies, 'D13', 'G1', 'G3', 'H1']
  // "Large": A1; "Large and multi-risk": A4. C10 "Large at medium/high risk of CSAM URLs, or
  // >700k users at high risk": URLs are medium and it is not large. C14 needs high IIA or large.
  // C15/C16: no high risk of the four kinds. D3/D5 "likely to be accessed by children": no.
  // D9 "Neither large nor multi-risk": it is multi-risk. D14 "Large …"; F1 grooming is low.
  const not = ['A1', 'A4', 'C10', 'C11–C13', 'C14', 'C15', 'C16', 'D3', 'D5', 'D9', 'D14']
  const alsoNot = [...not, 'E1', 'F1', 'F2', 'G2', 'J1 / J2 / J3']

  it('applies exactly the rows §1 gives it, and no others', () => {
    expect(idsWhere(m.measures, 'yes').sort()).toEqual(all.sort())
    expect(idsWhere(m.measures, 'no').sort()).toEqual(alsoNot.sort())
    expectEveryIcuRow(all, alsoNot)
    expect(m.measures.find((x) => x.id === 'C9')?.reason).toBe(
      'applies: (a) image-based CSAM risk high and 1,000,000 > 700,000 monthly UK users; a file-storage/sharing service',
    )
    expect(m.measures.some((x) => x.code === 'PCU')).toBe(false)
  })
})
