// @NOTE The vocabulary of the illegal-content risk assessment (OSA s.9; Ofcom's Risk Assessment
// Guidance and Risk Profiles, V2.0): the kinds of priority illegal content, the service types
// and the functionalities of the user-to-user Risk Profile. research/regulation.md §2.

/** One kind of illegal harm assessed, with its row in the Codes' table of kinds (Table C). */
export interface RiskKind {
  /** The harm taxonomy id (src/core/harms/priority-illegal.ts), or `other_illegal`. */
  id: string
  /** Its row: 1–18, 2A–2C for the CSEA sub-kinds, `—` for non-priority illegal content. */
  row: string
  label: string
  /** Counted when deciding "multi-risk": every row but the CSEA sub-kinds and non-priority. */
  countsForMultiRisk: boolean
  /** The priority kinds must each be assessed; non-priority illegal content is optional here. */
  required: boolean
}

function kind(id: string, row: string, label: string): RiskKind {
  return { id, row, label, countsForMultiRisk: true, required: true }
}

function subKind(id: string, row: string, label: string): RiskKind {
  return { id, row, label, countsForMultiRisk: false, required: true }
}

export const CSEA_KIND = 'illegal.csea'
export const GROOMING_KIND = 'illegal.csea.grooming'
export const IMAGE_CSAM_KIND = 'illegal.csea.image_csam'
export const CSAM_URL_KIND = 'illegal.csea.csam_url'
export const OTHER_ILLEGAL_KIND = 'other_illegal'

/** The 18 kinds of priority illegal content, CSEA with its three sub-kinds, then other illegal. */
export const RISK_KINDS: readonly RiskKind[] = [
  kind('illegal.terrorism', '1', 'Terrorism'),
  kind(CSEA_KIND, '2', 'Child sexual exploitation and abuse (CSEA)'),
  subKind(GROOMING_KIND, '2A', 'CSEA: grooming'),
  subKind(IMAGE_CSAM_KIND, '2B', 'CSEA: image-based CSAM'),
  subKind(CSAM_URL_KIND, '2C', 'CSEA: CSAM URLs'),
  kind('illegal.hate', '3', 'Hate'),
  kind('illegal.harassment', '4', 'Harassment, stalking, threats and abuse'),
  kind('illegal.coercive_control', '5', 'Controlling or coercive behaviour'),
  kind('illegal.intimate_image_abuse', '6', 'Intimate image abuse'),
  kind('illegal.extreme_pornography', '7', 'Extreme pornography'),
  kind('illegal.sexual_exploitation', '8', 'Sexual exploitation of adults'),
  kind('illegal.human_trafficking', '9', 'Human trafficking'),
  kind('illegal.unlawful_immigration', '10', 'Unlawful immigration'),
  kind('illegal.fraud', '11', 'Fraud and financial services'),
  kind('illegal.proceeds_of_crime', '12', 'Proceeds of crime'),
  kind('illegal.drugs', '13', 'Drugs and psychoactive substances'),
  kind('illegal.weapons', '14', 'Firearms, knives and weapons'),
  kind('illegal.suicide_self_harm', '15', 'Suicide and self-harm'),
  kind('illegal.foreign_interference', '16', 'Foreign interference'),
  kind('illegal.animal_cruelty', '17', 'Animal cruelty'),
  kind('illegal.cyberflashing', '18', 'Cyberflashing'),
  {
    id: OTHER_ILLEGAL_KIND,
    row: '—',
    label: 'Other (non-priority) illegal content',
    countsForMultiRisk: false,
    required: false,
  },
]

export const RISK_KIND_IDS = RISK_KINDS.map((k) => k.id) as [string, ...string[]]

export function riskKind(id: string): RiskKind | undefined {
  return RISK_KINDS.find((k) => k.id === id)
}

/** Service types of the U2U Risk Profile. */
export const SERVICE_TYPES = [
  'social_media',
  'messaging',
  'gaming',
  'adult',
  'forum_chat',
  'marketplace',
  'file_sharing',
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

export const SERVICE_TYPE_LABELS: Readonly<Record<ServiceType, string>> = {
  social_media: 'Social media',
  messaging: 'Messaging',
  gaming: 'Gaming',
  adult: 'Adult',
  forum_chat: 'Discussion forums and chat rooms',
  marketplace: 'Marketplaces and listings',
  file_sharing: 'File-storage and file-sharing',
}

/** The functionalities of the U2U Risk Profile, by its groups (child users are in `children`). */
export const FUNCTIONALITY_GROUPS = {
  identification: ['user_profiles', 'anonymous_use'],
  networking: ['user_connections', 'user_groups', 'group_messaging'],
  communication: [
    'livestreaming',
    'direct_messaging',
    'encrypted_messaging',
    'commenting',
    'images_videos',
    'location_sharing',
    'reposting',
  ],
  transactions: ['goods_services_for_sale'],
  exploring: ['content_search', 'hyperlinks'],
  recommenders: ['content_recommender', 'network_recommender'],
} as const

export type Functionality = (typeof FUNCTIONALITY_GROUPS)[keyof typeof FUNCTIONALITY_GROUPS][number]

export const FUNCTIONALITIES = Object.values(FUNCTIONALITY_GROUPS).flat() as [
  Functionality,
  ...Functionality[],
]

export const FUNCTIONALITY_LABELS: Readonly<Record<Functionality, string>> = {
  user_profiles: 'User profiles',
  anonymous_use: 'Anonymous user profiles or use without an account',
  user_connections: 'User connections',
  user_groups: 'User groups',
  group_messaging: 'Group messaging',
  livestreaming: 'Livestreaming',
  direct_messaging: 'Direct messaging',
  encrypted_messaging: 'Encrypted messaging',
  commenting: 'Commenting on content',
  images_videos: 'Posting images or videos',
  location_sharing: 'Location sharing',
  reposting: 'Reposting or forwarding content',
  goods_services_for_sale: 'Posting goods or services for sale',
  content_search: 'Searching user-generated content',
  hyperlinks: 'Posting hyperlinks',
  content_recommender: 'Content recommender systems',
  network_recommender: 'Network recommender systems',
}

/**
 * Content harmful to children (OSA s.61 primary priority, s.62 priority) plus non-designated
 * content, by taxonomy id; levels for these come from the children's risk assessment (s.11).
 */
export const CHILDREN_KINDS = [
  'children_primary.pornography',
  'children_primary.suicide',
  'children_primary.self_injury',
  'children_primary.eating_disorders',
  'children_priority.abuse_hatred',
  'children_priority.serious_violence',
  'children_priority.bullying',
  'children_priority.graphic_violence',
  'children_priority.dangerous_stunts',
  'children_priority.harmful_substances',
  'children_non_designated',
] as const
export type ChildrenKind = (typeof CHILDREN_KINDS)[number]
