import type { Impact, Likelihood, RiskAssessmentInput } from '../../core/risk-assessment.js'
import type { Functionality } from '../../core/risk-kinds.js'

// @NOTE The demo service's illegal-content risk assessment (OSA s.9): a mid-size UK social app
// (forum, game chat and dating) that children use. A data table; the figures are made up.

type Harm = RiskAssessmentInput['harms'][number]

type Row = [
  kind: string,
  likelihood: Likelihood,
  impact: Impact,
  likelihoodEvidence: string,
  impactEvidence: string,
  riskFactors?: Functionality[],
]

const PUBLIC: Functionality[] = ['commenting', 'images_videos', 'reposting', 'content_recommender']
const PRIVATE: Functionality[] = ['user_connections', 'direct_messaging', 'group_messaging']

const ROWS: readonly Row[] = [
  [
    'illegal.terrorism',
    'low',
    'high',
    'A few uploads a month match the known terrorist media list; one police notice about attack footage this year.',
    'Public posts can be reposted across the forum within minutes; attack footage glorifies violence.',
    PUBLIC,
  ],
  [
    'illegal.csea',
    'low',
    'high',
    'Covers grooming and image-based CSAM below; both are rare but present.',
    'Any CSEA harms a child gravely and lastingly.',
    [...PRIVATE, 'user_profiles'],
  ],
  [
    'illegal.csea.grooming',
    'low',
    'high',
    'Three grooming cases in the last year, all in game direct messages; children use the game lobby.',
    'Adults moved children to other apps; the harm to a child is severe.',
    ['user_profiles', ...PRIVATE],
  ],
  [
    'illegal.csea.image_csam',
    'low',
    'high',
    'Uploads are hashed against a known-CSAM list; matches are rare.',
    'Each copy re-victimises the child shown.',
    ['images_videos', 'direct_messaging'],
  ],
  [
    'illegal.csea.csam_url',
    'low',
    'medium',
    'No CSAM links reported or detected; links are allowed in posts and messages.',
    'A link leads off the service, but can spread in groups.',
    ['hyperlinks'],
  ],
  [
    'illegal.hate',
    'medium',
    'medium',
    'Hate reports are the third largest group, some from the police; flyers calling for families to be driven out.',
    'Public posts reach the local community the forum serves.',
    PUBLIC,
  ],
  [
    'illegal.harassment',
    'medium',
    'medium',
    'Threats match our keyword list every week in game chat and dating messages; a repeat offender was suspended.',
    'Threats to kill and stalking by ex-partners; most are private, one person at a time.',
    [...PRIVATE, 'location_sharing'],
  ],
  [
    'illegal.coercive_control',
    'low',
    'medium',
    'No reports; dating messages could carry it.',
    'Serious for the person, but rarely visible to us.',
  ],
  [
    'illegal.intimate_image_abuse',
    'low',
    'high',
    'A handful of reports a month through the intimate-image page and the NGO hotline.',
    'Sharing intimate images without consent causes severe distress.',
    ['images_videos', 'direct_messaging'],
  ],
  ['illegal.extreme_pornography', 'low', 'medium', 'No reports.', 'Images can be posted publicly.'],
  [
    'illegal.sexual_exploitation',
    'low',
    'medium',
    'No reports; the dating app could be used to advertise.',
    'Affects few people, severely.',
  ],
  ['illegal.human_trafficking', 'low', 'medium', 'No reports.', 'Affects few people, severely.'],
  [
    'illegal.unlawful_immigration',
    'negligible',
    'low',
    'No reports and no functionality the Risk Profile links to it.',
    'Not assessed further.',
  ],
  [
    'illegal.fraud',
    'medium',
    'medium',
    'Scam links are blocked daily; a fake giveaway reached a million views before removal.',
    'Members lost money and card details; the police reported a scam ring.',
    ['hyperlinks', 'reposting', 'direct_messaging'],
  ],
  ['illegal.proceeds_of_crime', 'low', 'low', 'No reports.', 'Little reach for such offers.'],
  [
    'illegal.drugs',
    'low',
    'medium',
    'Occasional reports of posts selling pills.',
    'Offers can reach teenagers in the forum.',
  ],
  [
    'illegal.weapons',
    'low',
    'medium',
    'Occasional reports of knife sales.',
    'Offers to under-18s are the gravest.',
  ],
  [
    'illegal.suicide_self_harm',
    'low',
    'high',
    'A few reports a year, handled by the urgent queue.',
    'Encouragement can cost a life; children use the service.',
  ],
  ['illegal.foreign_interference', 'low', 'low', 'No reports.', 'Local audience, little reach.'],
  ['illegal.animal_cruelty', 'low', 'low', 'Two reports a year.', 'Distressing, rarely shared.'],
  [
    'illegal.cyberflashing',
    'low',
    'medium',
    'Some reports from dating app users.',
    'Unwanted images in private messages.',
  ],
]

const RISK_PROFILE = {
  input: 'core',
  source: "Ofcom's U2U Risk Profile, V2.0",
  summary: 'The risk factors of the service types and functionalities marked.',
} as const

function harm([kind, likelihood, impact, lEvidence, iEvidence, factors]: Row): Harm {
  const complaints = {
    input: 'core',
    source: "Vigil's reports and detections, last 12 months",
    summary: lEvidence,
  } as const
  return {
    kind,
    likelihood,
    likelihoodEvidence: lEvidence,
    impact,
    impactEvidence: iEvidence,
    riskFactors: factors ?? [],
    evidence: factors ? [RISK_PROFILE, complaints] : [RISK_PROFILE],
  }
}

/** The demo service: a mid-size UK social app that children use. */
const PROFILE: RiskAssessmentInput['profile'] = {
  serviceName: 'Northshire Social (demo): forum, game chat and dating',
  description: 'A UK social app: a local forum, chat in a multiplayer game, and a dating app.',
  serviceTypes: ['social_media', 'forum_chat', 'gaming', 'messaging'],
  monthlyUkUsers: 250_000,
  monthlyEuUsers: 30_000,
  userNumbersBasis: 'Average monthly active accounts by sign-in country, last 6 months',
  children: {
    likelyToAccess: true,
    basis:
      'Sign-up asks only for a date of birth; the game lobby is popular with 13 to 17 year olds.',
    ageAssurance: 'self_declaration',
    principalPurpose: 'none',
    termsProhibit: { primaryPriority: true, priority: false },
    levels: {
      'children_priority.bullying': 'medium',
      'children_priority.abuse_hatred': 'medium',
      'children_primary.suicide': 'low',
      'children_primary.self_injury': 'low',
      'children_primary.pornography': 'low',
    },
  },
  functionalities: [
    'user_profiles',
    'user_connections',
    'user_groups',
    'group_messaging',
    'direct_messaging',
    'commenting',
    'images_videos',
    'reposting',
    'location_sharing',
    'content_search',
    'hyperlinks',
    'content_recommender',
  ],
  pornographyPrincipalPurpose: false,
  determinesAge: false,
  proactiveTechnology: true,
  testsRecommendersOnPlatform: false,
  ofcomCategory: 'none',
}

/** The assessment as completed `on` (YYYY-MM-DD), the Risk Profiles consulted `consulted`. */
export function demoAssessment(on: string, consulted: string): RiskAssessmentInput {
  return {
    profile: PROFILE,
    harms: ROWS.map(harm),
    responsiblePerson: { name: 'Maya Collins', role: 'Head of Trust and Safety' },
    completedBy: { name: 'Sam Okafor', role: 'Policy analyst' },
    completedOn: on,
    riskProfilesConsulted: { consulted: true, on: consulted, version: 'V2.0' },
    notes: 'Demo data: a made-up service, for trying Vigil out.',
  }
}
