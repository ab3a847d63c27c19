import type {
  HarmAssessmentInput,
  Impact,
  Likelihood,
  RiskAssessmentInput,
  RiskLevel,
} from '../src/core/risk-assessment.js'
import { RISK_KINDS } from '../src/core/risk-kinds.js'

// @NOTE Risk assessments for tests: every kind assessed, low unless a level is given. A level is
// reached by the likelihood and impact that combine to it, so no level needs a reason.

const FACTORS: Record<RiskLevel, [Likelihood, Impact]> = {
  negligible: ['negligible', 'low'],
  low: ['low', 'low'],
  medium: ['medium', 'medium'],
  high: ['high', 'high'],
}

export function harmsAt(
  levels: Record<string, RiskLevel>,
  fallback: RiskLevel = 'low',
): HarmAssessmentInput[] {
  return RISK_KINDS.filter((k) => k.required || levels[k.id]).map((k) => {
    const [likelihood, impact] = FACTORS[levels[k.id] ?? fallback]
    return {
      kind: k.id,
      likelihood,
      likelihoodEvidence: `${k.label}: reports and detections over the last year`,
      impact,
      impactEvidence: `${k.label}: who could be harmed and how badly`,
      evidence: [{ input: 'core', source: 'Ofcom U2U Risk Profile', summary: 'risk factors' }],
    }
  })
}

type ProfileInput = RiskAssessmentInput['profile']

/** A complete assessment input; `profile` fields and levels by kind override the defaults. */
export function assessmentInput(
  options: { profile?: Partial<ProfileInput>; levels?: Record<string, RiskLevel> } = {},
): RiskAssessmentInput {
  return {
    profile: {
      serviceName: 'Example forum',
      serviceTypes: ['forum_chat'],
      monthlyUkUsers: 20_000,
      children: {
        likelyToAccess: true,
        basis: 'Anyone can sign up; ages are self-declared.',
        ageAssurance: 'self_declaration',
        principalPurpose: 'none',
        termsProhibit: { primaryPriority: true, priority: true },
      },
      functionalities: ['user_profiles', 'commenting', 'images_videos', 'hyperlinks'],
      pornographyPrincipalPurpose: false,
      determinesAge: false,
      proactiveTechnology: false,
      testsRecommendersOnPlatform: false,
      ofcomCategory: 'none',
      ...options.profile,
    },
    harms: harmsAt(options.levels ?? {}) as RiskAssessmentInput['harms'],
    responsiblePerson: { name: 'Priya Shah', role: 'Head of Trust and Safety' },
    completedBy: { name: 'Sam Okafor', role: 'Policy analyst' },
    completedOn: '2026-11-20',
    riskProfilesConsulted: { consulted: true, on: '2026-11-10', version: 'V2.0, 25 Jun 2026' },
  }
}

/** The ids of the measures of a Code whose test answers `applies`. */
export function idsWhere(
  measures: readonly { code: string; id: string; applies: string }[],
  applies: 'yes' | 'no' | 'unknown',
  code = 'ICU',
): string[] {
  return measures.filter((m) => m.code === code && m.applies === applies).map((m) => m.id)
}
