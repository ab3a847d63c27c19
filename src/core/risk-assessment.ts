import { z } from 'zod'
import {
  CHILDREN_KINDS,
  CSAM_URL_KIND,
  CSEA_KIND,
  FUNCTIONALITIES,
  GROOMING_KIND,
  IMAGE_CSAM_KIND,
  RISK_KIND_IDS,
  RISK_KINDS,
  SERVICE_TYPES,
} from './risk-kinds.js'

// @NOTE The illegal-content risk assessment record (OSA s.9, s.23; Ofcom's four steps and the
// records of Guidance Table 8; research/regulation.md §2). Browser-safe: the console reads it.

export const LIKELIHOODS = ['negligible', 'low', 'medium', 'high'] as const
export type Likelihood = (typeof LIKELIHOODS)[number]
export const IMPACTS = ['low', 'medium', 'high'] as const
export type Impact = (typeof IMPACTS)[number]
export const RISK_LEVELS = ['negligible', 'low', 'medium', 'high'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]
export const ASSESSMENT_STATUSES = ['draft', 'approved', 'superseded'] as const
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number]

const RANK: Readonly<Record<RiskLevel, number>> = { negligible: 0, low: 1, medium: 2, high: 3 }

/** True when `level` is `floor` or above. */
export function atLeast(level: RiskLevel, floor: RiskLevel): boolean {
  return RANK[level] >= RANK[floor]
}

const MATRIX: Readonly<Record<Exclude<Likelihood, 'negligible'>, Record<Impact, RiskLevel>>> = {
  low: { low: 'low', medium: 'low', high: 'medium' },
  medium: { low: 'low', medium: 'medium', high: 'high' },
  high: { low: 'medium', medium: 'high', high: 'high' },
}

/**
 * Vigil's combination rule: negligible likelihood (the kind cannot, or all but cannot, occur on
 * the service) gives negligible; otherwise a 3 × 3 matrix in which high likelihood with medium or
 * high impact, or medium likelihood with high impact, is high; low likelihood with low or medium
 * impact, or medium likelihood with low impact, is low; the rest medium. It follows the spirit of
 * Ofcom's General Risk Level Table (likelihood and impact together); it is not that table.
 */
export function combinedLevel(likelihood: Likelihood, impact: Impact): RiskLevel {
  return likelihood === 'negligible' ? 'negligible' : MATRIX[likelihood][impact]
}

const text = (max: number) => z.string().trim().min(1).max(max)
const day = z.iso.date().describe('YYYY-MM-DD')

export const personSchema = z.strictObject({ name: text(200), role: text(200) })
export type Person = z.infer<typeof personSchema>

export const evidenceItemSchema = z.strictObject({
  input: z
    .enum(['core', 'enhanced'])
    .describe('Core inputs (Risk Profiles, complaints, user data) or enhanced (testing, experts)'),
  source: text(200).describe('Where it comes from, e.g. "User complaints, 2025-26"'),
  summary: text(2000).describe('What it shows about likelihood or impact'),
})
export type EvidenceItem = z.infer<typeof evidenceItemSchema>

export const harmAssessmentSchema = z.strictObject({
  kind: z.enum(RISK_KIND_IDS).describe('The harm taxonomy id of the kind of illegal harm'),
  likelihood: z.enum(LIKELIHOODS),
  likelihoodEvidence: text(4000),
  impact: z.enum(IMPACTS),
  impactEvidence: text(4000),
  level: z
    .enum(RISK_LEVELS)
    .optional()
    .describe('The risk level; default the combination of likelihood and impact'),
  levelReason: text(2000)
    .optional()
    .describe('Why, when the level differs from the combination of likelihood and impact'),
  riskFactors: z
    .array(z.enum(FUNCTIONALITIES))
    .max(FUNCTIONALITIES.length)
    .default([])
    .describe('Risk factors of the Risk Profile found relevant to this kind'),
  evidence: z.array(evidenceItemSchema).max(50).default([]),
})
export type HarmAssessmentInput = z.input<typeof harmAssessmentSchema>
export type HarmAssessment = z.infer<typeof harmAssessmentSchema> & {
  level: RiskLevel
  /** The combination of likelihood and impact, kept beside a level chosen otherwise. */
  combinedLevel: RiskLevel
}

export const AGE_ASSURANCE = ['none', 'self_declaration', 'highly_effective'] as const

export const childrenAccessSchema = z.strictObject({
  likelyToAccess: z.boolean().describe('Children are likely to access the service (OSA s.35–37)'),
  basis: text(4000).describe('Why: the children’s access assessment in a few sentences'),
  ageAssurance: z
    .enum(AGE_ASSURANCE)
    .describe('How ages are checked; only highly effective age assurance can keep children out'),
  principalPurpose: z
    .enum(['none', 'primary_priority', 'priority'])
    .default('none')
    .describe('PCU B2/B3: the principal purpose is primary priority or priority content'),
  termsProhibit: z
    .strictObject({ primaryPriority: z.boolean(), priority: z.boolean() })
    .default({ primaryPriority: false, priority: false })
    .describe('PCU B4/B5: the terms prohibit primary priority / priority content for all users'),
  levels: z
    .partialRecord(z.enum(CHILDREN_KINDS), z.enum(RISK_LEVELS))
    .optional()
    .describe('Levels from the children’s risk assessment (s.11), to work out the PCU measures'),
})

export const OFCOM_CATEGORIES = ['none', 'category_1', 'category_2a', 'category_2b'] as const

export const serviceProfileSchema = z.strictObject({
  serviceName: text(200),
  description: text(2000).optional(),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)).min(1).max(SERVICE_TYPES.length),
  monthlyUkUsers: z.int().min(0).max(1_000_000_000).describe('Monthly active UK users'),
  monthlyEuUsers: z.int().min(0).max(2_000_000_000).optional(),
  userNumbersBasis: text(1000).optional().describe('How the users were counted, and when'),
  children: childrenAccessSchema,
  functionalities: z.array(z.enum(FUNCTIONALITIES)).max(FUNCTIONALITIES.length),
  pornographyPrincipalPurpose: z.boolean().default(false).describe('ICU C14 (a)'),
  determinesAge: z
    .boolean()
    .default(false)
    .describe("ICU F1/F2: the service has an existing means of determining users' ages"),
  proactiveTechnology: z
    .boolean()
    .default(false)
    .describe('ICU D11: proactive technology can take down or restrict content'),
  testsRecommendersOnPlatform: z.boolean().default(false).describe('ICU E1'),
  ofcomCategory: z.enum(OFCOM_CATEGORIES).default('none').describe('ICU G2: Category 1'),
})
export type ServiceProfile = z.infer<typeof serviceProfileSchema>

export const riskAssessmentInputSchema = z
  .strictObject({
    profile: serviceProfileSchema,
    harms: z.array(harmAssessmentSchema).min(1).max(RISK_KINDS.length),
    responsiblePerson: personSchema.describe('The named person responsible (Codes A2)'),
    completedBy: personSchema,
    completedOn: day,
    reviewedOn: day.optional(),
    riskProfilesConsulted: z.strictObject({
      consulted: z.boolean(),
      on: day.optional(),
      version: text(100).optional().describe('e.g. "Risk Profiles V2.0, 25 Jun 2026"'),
    }),
    notes: text(8000).optional(),
  })
  .superRefine((input, ctx) => {
    for (const problem of assessmentProblems(input)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message })
    }
  })
export type RiskAssessmentInput = z.infer<typeof riskAssessmentInputSchema>

interface Problem {
  path: (string | number)[]
  message: string
}

type Checked = Omit<RiskAssessmentInput, 'harms'> & {
  harms: (Omit<HarmAssessmentInput, 'riskFactors' | 'evidence'> & { level?: RiskLevel })[]
}

function assessmentProblems(input: Checked): Problem[] {
  return [...harmProblems(input.harms), ...cseaProblems(input.harms), ...recordProblems(input)]
}

function harmProblems(harms: Checked['harms']): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  harms.forEach((h, i) => {
    if (seen.has(h.kind)) problems.push({ path: ['harms', i, 'kind'], message: 'assessed twice' })
    seen.add(h.kind)
    const combined = combinedLevel(h.likelihood, h.impact)
    if (h.level && h.level !== combined && !h.levelReason) {
      problems.push({
        path: ['harms', i, 'levelReason'],
        message: `the level ${h.level} differs from ${combined} (likelihood ${h.likelihood}, impact ${h.impact}): say why in levelReason`,
      })
    }
  })
  const missing = RISK_KINDS.filter((k) => k.required && !seen.has(k.id))
  if (missing.length > 0) {
    problems.push({
      path: ['harms'],
      message: `every kind of priority illegal content is assessed; missing: ${missing.map((k) => `${k.row} ${k.id}`).join(', ')}`,
    })
  }
  return problems
}

const SUB_KINDS = [GROOMING_KIND, IMAGE_CSAM_KIND, CSAM_URL_KIND]

/** Vigil's check: CSEA (row 2) covers its sub-kinds, so it is at least as high as each. */
function cseaProblems(harms: Checked['harms']): Problem[] {
  const levelOf = (h: Checked['harms'][number]) => h.level ?? combinedLevel(h.likelihood, h.impact)
  const index = harms.findIndex((h) => h.kind === CSEA_KIND)
  const csea = harms[index]
  if (!csea) return []
  const higher = harms.filter(
    (h) => SUB_KINDS.includes(h.kind) && !atLeast(levelOf(csea), levelOf(h)),
  )
  return higher.map((h) => ({
    path: ['harms', index, 'level'],
    message: `CSEA (row 2) covers ${h.kind}, assessed ${levelOf(h)}: CSEA must be at least ${levelOf(h)}, not ${levelOf(csea)}`,
  }))
}

function recordProblems(input: Checked): Problem[] {
  const problems: Problem[] = []
  const { children } = input.profile
  if (!children.likelyToAccess && children.ageAssurance !== 'highly_effective') {
    problems.push({
      path: ['profile', 'children', 'likelyToAccess'],
      message:
        'only highly effective age assurance can show that children cannot normally access the service; self-declared age never can (OSA s.35(2), s.230(4))',
    })
  }
  if (input.riskProfilesConsulted.consulted && !input.riskProfilesConsulted.on) {
    problems.push({ path: ['riskProfilesConsulted', 'on'], message: 'give the date consulted' })
  }
  if (input.reviewedOn && input.reviewedOn < input.completedOn) {
    problems.push({ path: ['reviewedOn'], message: 'a review comes after completion' })
  }
  return problems
}

/** Each harm with its level settled: the one given, else the combination. */
export function settleHarms(harms: RiskAssessmentInput['harms']): HarmAssessment[] {
  const order = new Map(RISK_KINDS.map((k, i) => [k.id, i]))
  return harms
    .map((h) => {
      const combined = combinedLevel(h.likelihood, h.impact)
      return { ...h, level: h.level ?? combined, combinedLevel: combined }
    })
    .sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0))
}

/** What stops a draft being approved; empty when it may be. */
export function approvalProblems(input: Pick<RiskAssessmentInput, 'riskProfilesConsulted'>) {
  return input.riskProfilesConsulted.consulted
    ? []
    : ['the Risk Profiles must be consulted (step 1) before the assessment is approved']
}

export const approvalInputSchema = z.strictObject({
  approvedBy: personSchema.describe('The person who approves it, e.g. for the senior body'),
})
export type ApprovalInput = z.infer<typeof approvalInputSchema>

/** The risk levels by kind, for working out the code measures. */
export type RiskLevels = Readonly<Partial<Record<string, RiskLevel>>>

export function levelsOf(harms: readonly { kind: string; level: RiskLevel }[]): RiskLevels {
  return Object.fromEntries(harms.map((h) => [h.kind, h.level]))
}
