import { z } from 'zod'
import { DSA_CATEGORIES, DSA_KEYWORDS, type DsaCategory, type DsaKeyword } from './dsa.js'

// @NOTE The harm taxonomy: Ofcom's kinds of priority illegal content (Risk Assessment Guidance
// V2.0), content harmful to children (OSA s.61/s.62), other illegal content and the service's own
// terms, each mapped to a DSA statement category and keywords. See research/regulation.md §2–§4c.
// Browser-safe: imports nothing but zod and ./dsa.js.

export const HARM_GROUPS = [
  'priority_illegal',
  'children_primary_priority',
  'children_priority',
  'other_illegal',
  'terms',
] as const
export type HarmGroup = (typeof HARM_GROUPS)[number]

/** 5 is the most severe (CSEA, terrorism, threats to life); 1 the least. */
export type Severity = 1 | 2 | 3 | 4 | 5

export type HarmNode = {
  /** Dotted lowercase snake case; the parent's id is every segment but the last. */
  id: string
  /** Plain words a child can read. */
  label: string
  /** One short sentence. */
  description: string
  group: HarmGroup
  parent?: string
  dsaCategory: DsaCategory
  /** At least one; `KEYWORD_OTHER` only when nothing else fits, with `dsaKeywordOther`. */
  dsaKeywords: DsaKeyword[]
  /** The DSA `category_specification_other` text, present when `KEYWORD_OTHER` is used. */
  dsaKeywordOther?: string
  severity: Severity
  /** Ofcom's 1–18 numbering of the kinds of priority illegal content. */
  ofcomKind?: number
  illegal: boolean
  /** Named UK offences or legislation. */
  offences?: string[]
  /** What must be true for the illegal content judgement, in plain words. */
  judgement?: string[]
}

export type Taxonomy = {
  readonly nodes: readonly HarmNode[]
  get(id: string): HarmNode | undefined
  has(id: string): boolean
  /** Direct children, in taxonomy order; empty for leaves and unknown ids. */
  children(id: string): readonly HarmNode[]
  /** Parent first, root last; empty for roots and unknown ids. */
  ancestors(id: string): HarmNode[]
  /** True when `id` is `ancestorId` or lies below it; false for unknown ids. */
  isUnder(id: string, ancestorId: string): boolean
  leaves(): HarmNode[]
}

/** The root node of each group. */
export const GROUP_ROOTS: Readonly<Record<HarmGroup, string>> = Object.freeze({
  priority_illegal: 'illegal',
  children_primary_priority: 'children_primary',
  children_priority: 'children_priority',
  other_illegal: 'other_illegal',
  terms: 'terms',
})

export const CSEA_HARM_ID = 'illegal.csea'

type NodeSpec = Omit<HarmNode, 'group' | 'parent' | 'illegal'>

const PRIORITY_ILLEGAL: NodeSpec[] = [
  {
    id: 'illegal',
    label: 'Serious illegal content',
    description: 'Content that breaks one of the laws the Online Safety Act lists as priority.',
    dsaCategory: 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
    dsaKeywords: ['KEYWORD_OTHER'],
    dsaKeywordOther: 'Priority illegal content (UK Online Safety Act 2023, Sch. 5-7)',
    severity: 3,
  },
  {
    id: 'illegal.terrorism',
    label: 'Terrorism',
    description: 'Content that backs a banned terrorist group, urges terrorism or helps plan it.',
    dsaCategory: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
    dsaKeywords: ['KEYWORD_TERRORIST_CONTENT'],
    severity: 5,
    ofcomKind: 1,
    offences: [
      'Terrorism Act 2000 s.12',
      'Terrorism Act 2000 s.58',
      'Terrorism Act 2006 s.1',
      'Terrorism Act 2006 s.2',
    ],
    judgement: [
      'It backs a group banned in the UK, urges terrorism, or gives useful help to a terrorist',
      'The person meant to urge or help terrorism, or did not care whether it would',
      'It is not news, research or criticism of terrorism',
    ],
  },
  {
    id: 'illegal.csea',
    label: 'Child sexual abuse and exploitation',
    description: 'Content that sexually abuses or exploits a child, or helps someone do so.',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: [
      'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL',
      'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS',
    ],
    severity: 5,
    ofcomKind: 2,
    offences: ['Protection of Children Act 1978 s.1', 'Sexual Offences Act 2003 s.15A'],
    judgement: [
      'A child (under 18) is shown, talked to or talked about',
      'The content is sexual, or aims at sexual contact with the child',
    ],
  },
  {
    id: 'illegal.csea.grooming',
    label: 'Grooming',
    description: 'An adult winning a child’s trust, or talking about sex with them, to abuse them.',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS'],
    severity: 5,
    ofcomKind: 2,
    offences: [
      'Sexual Offences Act 2003 s.15A',
      'Sexual Offences Act 2003 s.15',
      'Sexual Offences Act 2003 s.10',
    ],
    judgement: [
      'The sender is an adult (18 or over)',
      'The person contacted is under 16, or the sender thinks so',
      'The messages are sexual, or aim to lead the child to sexual talk, pictures or a meeting',
    ],
  },
  {
    id: 'illegal.csea.image_csam',
    label: 'Child sexual abuse pictures or videos',
    description: 'Pictures or videos of child sexual abuse, including drawn or computer-made ones.',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL'],
    severity: 5,
    ofcomKind: 2,
    offences: [
      'Protection of Children Act 1978 s.1',
      'Criminal Justice Act 1988 s.160',
      'Coroners and Justice Act 2009 s.62',
    ],
    judgement: [
      'The person shown is, or looks like, a child under 18',
      'The picture or video is indecent: sexual, or showing private parts in a sexual way',
      'Drawn or computer-made pictures count when they look like photos or are sexual',
    ],
  },
  {
    id: 'illegal.csea.csam_url',
    label: 'Links to child sexual abuse pictures',
    description: 'Web links that lead to pictures or videos of child sexual abuse.',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL'],
    severity: 5,
    ofcomKind: 2,
    offences: ['Protection of Children Act 1978 s.1', 'Criminal Justice Act 1988 s.160'],
    judgement: [
      'The link leads to child sexual abuse pictures or videos',
      'It is shared so others can reach them, not to report them',
    ],
  },
  {
    id: 'illegal.hate',
    label: 'Hate',
    description: 'Content that stirs up hatred of people for their race, religion or sexuality.',
    dsaCategory: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
    dsaKeywords: ['KEYWORD_HATE_SPEECH'],
    severity: 4,
    ofcomKind: 3,
    offences: [
      'Public Order Act 1986 s.18',
      'Public Order Act 1986 s.29B',
      'Crime and Disorder Act 1998 s.31',
    ],
    judgement: [
      'It targets people for their race, religion, sexual orientation or a similar trait',
      'It is threatening or abusive, not just rude or critical',
      'It was meant to stir up hatred, or to scare or distress people',
    ],
  },
  {
    id: 'illegal.harassment',
    label: 'Harassment, stalking, threats and abuse',
    description: 'Content that threatens, stalks or keeps targeting a person so they feel afraid.',
    dsaCategory: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
    dsaKeywords: [
      'KEYWORD_CYBER_HARASSMENT',
      'KEYWORD_CYBER_STALKING',
      'KEYWORD_CYBER_BULLYING_INTIMIDATION',
    ],
    severity: 4,
    ofcomKind: 4,
    offences: [
      'Protection from Harassment Act 1997 s.2',
      'Protection from Harassment Act 1997 s.2A',
      'Public Order Act 1986 s.4A',
      'Online Safety Act 2023 s.181',
    ],
    judgement: [
      'It is aimed at a real person',
      'It threatens them, or is part of a pattern that harasses or stalks them',
      'A reasonable person would feel afraid, alarmed or distressed',
    ],
  },
  {
    id: 'illegal.harassment.threat_to_life',
    label: 'Threats to kill or badly hurt someone',
    description: 'A threat to kill a person or to hurt them badly.',
    dsaCategory: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
    dsaKeywords: ['KEYWORD_CYBER_HARASSMENT'],
    severity: 5,
    ofcomKind: 4,
    offences: ['Offences Against the Person Act 1861 s.16', 'Online Safety Act 2023 s.181'],
    judgement: [
      'It threatens to kill a real person or to hurt them badly',
      'The sender meant them to fear it would happen, or did not care if they did',
      'In context it is not an obvious joke or figure of speech',
    ],
  },
  {
    id: 'illegal.coercive_control',
    label: 'Controlling or coercive behaviour',
    description: 'A partner or family member who keeps controlling, scaring or isolating someone.',
    dsaCategory: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
    dsaKeywords: ['KEYWORD_CYBER_HARASSMENT', 'KEYWORD_CYBER_BULLYING_INTIMIDATION'],
    severity: 4,
    ofcomKind: 5,
    offences: ['Serious Crime Act 2015 s.76'],
    judgement: [
      'The two people are, or were, partners or family',
      'The behaviour keeps happening and is controlling or coercive',
      'It seriously affects the victim, such as fear of violence or great distress',
    ],
  },
  {
    id: 'illegal.intimate_image_abuse',
    label: 'Sharing intimate pictures without permission',
    description: 'Sharing, or threatening to share, a private sexual or nude picture of someone.',
    dsaCategory: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
    dsaKeywords: [
      'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING',
      'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE',
    ],
    severity: 4,
    ofcomKind: 6,
    offences: [
      'Sexual Offences Act 2003 s.66B',
      'Sexual Offences Act 2003 s.67',
      'Sexual Offences Act 2003 s.67A',
    ],
    judgement: [
      'It shows, or seems to show, a real adult nude, partly nude or sexual (fakes count)',
      'It was shared, or threatened to be shared, without that person agreeing',
      'If the person is under 18, use child sexual abuse pictures instead',
    ],
  },
  {
    id: 'illegal.extreme_pornography',
    label: 'Extreme pornography',
    description: 'Porn showing acts like serious injury, rape, or sex with animals or the dead.',
    dsaCategory: 'STATEMENT_CATEGORY_VIOLENCE',
    dsaKeywords: ['KEYWORD_ADULT_SEXUAL_MATERIAL'],
    severity: 4,
    ofcomKind: 7,
    offences: ['Criminal Justice and Immigration Act 2008 s.63'],
    judgement: [
      'It is pornographic: made mainly for sexual arousal',
      'It realistically shows risk to life, serious injury, rape, or sex with animals or the dead',
      'It is grossly offensive, disgusting or obscene',
    ],
  },
  {
    id: 'illegal.sexual_exploitation',
    label: 'Sexual exploitation of adults',
    description: 'Content that pushes adults into selling sex, or controls it for someone’s gain.',
    dsaCategory: 'STATEMENT_CATEGORY_VIOLENCE',
    dsaKeywords: ['KEYWORD_HUMAN_EXPLOITATION'],
    severity: 4,
    ofcomKind: 8,
    offences: ['Sexual Offences Act 2003 s.52', 'Sexual Offences Act 2003 s.53'],
    judgement: [
      'It causes, invites or controls another adult selling sex',
      'Someone other than that adult gains from it, or the adult is forced or threatened',
    ],
  },
  {
    id: 'illegal.human_trafficking',
    label: 'Human trafficking',
    description: 'Content that helps move or hold people so they can be forced into work or sex.',
    dsaCategory: 'STATEMENT_CATEGORY_VIOLENCE',
    dsaKeywords: ['KEYWORD_HUMAN_TRAFFICKING'],
    severity: 5,
    ofcomKind: 9,
    offences: ['Modern Slavery Act 2015 s.1', 'Modern Slavery Act 2015 s.2'],
    judgement: [
      'It recruits, moves, houses or hands over a person, or helps someone do so',
      'The aim is that the person will be exploited, such as forced work or sex',
      'It does not matter whether the person agreed',
    ],
  },
  {
    id: 'illegal.unlawful_immigration',
    label: 'Helping people enter the UK illegally',
    description: 'Content that offers or arranges illegal entry to the UK, like small-boat trips.',
    dsaCategory: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
    dsaKeywords: ['KEYWORD_OTHER'],
    dsaKeywordOther: 'Assisting unlawful immigration (people smuggling)',
    severity: 4,
    ofcomKind: 10,
    offences: ['Immigration Act 1971 s.25', 'Immigration Act 1971 s.24'],
    judgement: [
      'It helps, or offers to help, someone enter or stay in the UK against immigration law',
      'The person helping knows, or has reason to think, that the entry is unlawful',
    ],
  },
  {
    id: 'illegal.fraud',
    label: 'Fraud and money scams',
    description: 'Content that tricks people out of money or details, or sells finance illegally.',
    dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    dsaKeywords: [
      'KEYWORD_PHISHING',
      'KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING',
      'KEYWORD_PYRAMID_SCHEMES',
    ],
    severity: 3,
    ofcomKind: 11,
    offences: [
      'Fraud Act 2006 s.2',
      'Fraud Act 2006 s.7',
      'Financial Services and Markets Act 2000 s.25',
    ],
    judgement: [
      'It makes a false claim, pretends to be someone, or offers finance without permission',
      'It aims to get money, property or personal details, or to cause someone a loss',
    ],
  },
  {
    id: 'illegal.proceeds_of_crime',
    label: 'Money from crime',
    description: 'Content that helps hide or move money from crime, such as finding money mules.',
    dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    dsaKeywords: ['KEYWORD_OTHER'],
    dsaKeywordOther: 'Money laundering or dealing in the proceeds of crime',
    severity: 3,
    ofcomKind: 12,
    offences: [
      'Proceeds of Crime Act 2002 s.327',
      'Proceeds of Crime Act 2002 s.328',
      'Proceeds of Crime Act 2002 s.329',
    ],
    judgement: [
      'It deals with money or property that came from crime, or offers to',
      'The person knows or suspects that it came from crime',
    ],
  },
  {
    id: 'illegal.drugs',
    label: 'Illegal drugs',
    description: 'Content that offers to sell or supply illegal drugs or legal highs.',
    dsaCategory: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
    dsaKeywords: ['KEYWORD_PROHIBITED_PRODUCTS'],
    severity: 3,
    ofcomKind: 13,
    offences: ['Misuse of Drugs Act 1971 s.4', 'Psychoactive Substances Act 2016 s.5'],
    judgement: [
      'It offers to supply, or helps supply, a controlled drug or psychoactive substance',
      'It is a real offer, not discussion, news or advice on staying safe',
    ],
  },
  {
    id: 'illegal.weapons',
    label: 'Guns, knives and other weapons',
    description: 'Content that offers to sell or make guns, knives or other weapons illegally.',
    dsaCategory: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
    dsaKeywords: ['KEYWORD_PROHIBITED_PRODUCTS'],
    severity: 4,
    ofcomKind: 14,
    offences: ['Firearms Act 1968 s.3', 'Criminal Justice Act 1988 s.141A', 'Knives Act 1997 s.1'],
    judgement: [
      'It offers to sell, give, make or supply a gun, knife or other weapon',
      'The supply would break UK law: no licence, a banned weapon, or a buyer under 18',
    ],
  },
  {
    id: 'illegal.suicide_self_harm',
    label: 'Encouraging suicide or self-harm',
    description: 'Content urging or helps someone to end their life or hurt themselves badly.',
    dsaCategory: 'STATEMENT_CATEGORY_SELF_HARM',
    dsaKeywords: ['KEYWORD_SUICIDE', 'KEYWORD_SELF_MUTILATION'],
    severity: 5,
    ofcomKind: 15,
    offences: ['Suicide Act 1961 s.2', 'Online Safety Act 2023 s.184'],
    judgement: [
      'It encourages or helps someone to end their life or to hurt themselves badly',
      'The person meant it to encourage or help',
      'It is not someone sharing their own feelings or recovery, or offering support',
    ],
  },
  {
    id: 'illegal.foreign_interference',
    label: 'Foreign interference',
    description: 'Content made in secret for a foreign state to sway UK politics or public life.',
    dsaCategory: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
    dsaKeywords: ['KEYWORD_MISINFORMATION_DISINFORMATION'],
    severity: 3,
    ofcomKind: 16,
    offences: ['National Security Act 2023 s.13'],
    judgement: [
      'It is done for, or with help from, a foreign state',
      'It uses deception, such as hiding who is behind it',
      'It aims to sway UK politics, public decisions or people’s rights',
    ],
  },
  {
    id: 'illegal.animal_cruelty',
    label: 'Animal cruelty',
    description: 'Content that urges or helps someone to make an animal suffer for no good reason.',
    dsaCategory: 'STATEMENT_CATEGORY_ANIMAL_WELFARE',
    dsaKeywords: ['KEYWORD_ANIMAL_HARM'],
    severity: 3,
    ofcomKind: 17,
    offences: ['Animal Welfare Act 2006 s.4'],
    judgement: [
      'An animal is, or would be, made to suffer for no good reason',
      'The content encourages or helps that cruelty, rather than reporting or condemning it',
    ],
  },
  {
    id: 'illegal.cyberflashing',
    label: 'Sending unwanted pictures of private parts',
    description: 'Sending someone a picture of genitals to upset them or for a sexual thrill.',
    dsaCategory: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
    dsaKeywords: ['KEYWORD_NUDITY'],
    severity: 3,
    ofcomKind: 18,
    offences: ['Sexual Offences Act 2003 s.66A'],
    judgement: [
      'It is a picture or video of someone’s genitals, sent to another person',
      'The sender meant to scare, upset or humiliate, or wanted a sexual thrill and did not care',
    ],
  },
]

const CHILDREN_PRIMARY: NodeSpec[] = [
  {
    id: 'children_primary',
    label: 'Content children must never see',
    description: 'Content the law says children must be kept away from (OSA s.61).',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS'],
    severity: 3,
  },
  {
    id: 'children_primary.pornography',
    label: 'Pornography',
    description: 'Content made mainly for sexual arousal.',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS', 'KEYWORD_ADULT_SEXUAL_MATERIAL'],
    severity: 3,
  },
  {
    id: 'children_primary.suicide',
    label: 'Content that encourages suicide',
    description: 'Content that encourages, promotes or explains how to end your life.',
    dsaCategory: 'STATEMENT_CATEGORY_SELF_HARM',
    dsaKeywords: ['KEYWORD_SUICIDE'],
    severity: 4,
  },
  {
    id: 'children_primary.self_injury',
    label: 'Content that encourages self-injury',
    description: 'Content that encourages, promotes or explains how to hurt yourself on purpose.',
    dsaCategory: 'STATEMENT_CATEGORY_SELF_HARM',
    dsaKeywords: ['KEYWORD_SELF_MUTILATION'],
    severity: 4,
  },
  {
    id: 'children_primary.eating_disorders',
    label: 'Content that encourages eating disorders',
    description: 'Content that encourages, promotes or explains unhealthy eating, like starving.',
    dsaCategory: 'STATEMENT_CATEGORY_SELF_HARM',
    dsaKeywords: ['KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS'],
    severity: 3,
  },
]

const CHILDREN_PRIORITY: NodeSpec[] = [
  {
    id: 'children_priority',
    label: 'Content that is harmful to children',
    description: 'Content that children need protecting from (OSA s.62).',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS'],
    severity: 2,
  },
  {
    id: 'children_priority.abuse_hatred',
    label: 'Abuse or hate about who someone is',
    description: 'Abuse or hate about race, religion, sex, sexuality, disability or gender change.',
    dsaCategory: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
    dsaKeywords: ['KEYWORD_DISCRIMINATION'],
    severity: 2,
  },
  {
    id: 'children_priority.serious_violence',
    label: 'Encouraging serious violence',
    description: 'Content that encourages, promotes or explains how to seriously hurt a person.',
    dsaCategory: 'STATEMENT_CATEGORY_VIOLENCE',
    dsaKeywords: ['KEYWORD_INCITEMENT_VIOLENCE_HATRED'],
    severity: 3,
  },
  {
    id: 'children_priority.bullying',
    label: 'Bullying',
    description: 'Content meant to scare, hurt or make fun of a person, often again and again.',
    dsaCategory: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
    dsaKeywords: ['KEYWORD_CYBER_BULLYING_INTIMIDATION'],
    severity: 2,
  },
  {
    id: 'children_priority.graphic_violence',
    label: 'Violent or gory content',
    description:
      'Content showing, in gory detail, serious violence to people, animals or creatures.',
    dsaCategory: 'STATEMENT_CATEGORY_VIOLENCE',
    dsaKeywords: ['KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS'],
    severity: 2,
  },
  {
    id: 'children_priority.dangerous_stunts',
    label: 'Dangerous stunts and challenges',
    description: 'Content urging or explaining stunts or challenges likely to cause bad injuries.',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_UNSAFE_CHALLENGES'],
    severity: 3,
  },
  {
    id: 'children_priority.harmful_substances',
    label: 'Taking harmful substances',
    description: 'Content that encourages people to swallow, breathe in or take something harmful.',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS', 'KEYWORD_RISK_PUBLIC_HEALTH'],
    severity: 3,
  },
]

const OTHER_ILLEGAL: NodeSpec[] = [
  {
    id: 'other_illegal',
    label: 'Other illegal content',
    description: 'Content that breaks another UK law that harms a person (OSA s.59).',
    dsaCategory: 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
    dsaKeywords: ['KEYWORD_OTHER'],
    dsaKeywordOther: 'Other illegal content (UK Online Safety Act 2023 s.59)',
    severity: 3,
    judgement: [
      'The content itself, or sharing it, is a crime under UK law',
      'The victim, or intended victim, is a person',
      'It is not one of the priority kinds, nor only about copyright, products or consumer law',
    ],
  },
]

const TERMS: NodeSpec[] = [
  {
    id: 'terms',
    label: 'Against our rules',
    description: 'Content that breaks this service’s own terms of service.',
    dsaCategory: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    dsaKeywords: ['KEYWORD_OTHER'],
    dsaKeywordOther: 'Breach of the service’s terms of service',
    severity: 2,
  },
]

function parentOf(id: string): string | undefined {
  const dot = id.lastIndexOf('.')
  return dot === -1 ? undefined : id.slice(0, dot)
}

function toNode(spec: NodeSpec, group: HarmGroup, illegal: boolean): HarmNode {
  const { id, label, description, ...rest } = spec
  const parent = parentOf(id)
  return { id, label, description, group, ...(parent ? { parent } : {}), illegal, ...rest }
}

function freezeNode(node: HarmNode): HarmNode {
  Object.freeze(node.dsaKeywords)
  if (node.offences) Object.freeze(node.offences)
  if (node.judgement) Object.freeze(node.judgement)
  return Object.freeze(node)
}

const BUILT_IN_NODES: readonly HarmNode[] = Object.freeze(
  [
    ...PRIORITY_ILLEGAL.map((spec) => toNode(spec, 'priority_illegal', true)),
    ...CHILDREN_PRIMARY.map((spec) => toNode(spec, 'children_primary_priority', false)),
    ...CHILDREN_PRIORITY.map((spec) => toNode(spec, 'children_priority', false)),
    ...OTHER_ILLEGAL.map((spec) => toNode(spec, 'other_illegal', true)),
    ...TERMS.map((spec) => toNode(spec, 'terms', false)),
  ].map(freezeNode),
)

export const termsNodeInputSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase slug such as "spam" or "off_topic"'),
  label: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(500).optional(),
  dsaCategory: z.enum(DSA_CATEGORIES).optional(),
  dsaKeywords: z.array(z.enum(DSA_KEYWORDS)).min(1).optional(),
  dsaKeywordOther: z.string().trim().min(1).max(500).optional(),
  severity: z.literal([1, 2, 3, 4, 5]).optional(),
})
export type TermsNodeInput = z.input<typeof termsNodeInputSchema>

function toTermsNode(input: TermsNodeInput, index: number): HarmNode {
  const parsed = termsNodeInputSchema.safeParse(input)
  if (!parsed.success) {
    const message = `invalid terms node #${index}: ${z.prettifyError(parsed.error)}`
    throw new Error(message, { cause: parsed.error })
  }
  const { id, label, description, dsaCategory, dsaKeywords, dsaKeywordOther, severity } =
    parsed.data
  const keywords = [...new Set<DsaKeyword>(dsaKeywords ?? ['KEYWORD_OTHER'])]
  const other = keywords.includes('KEYWORD_OTHER') ? (dsaKeywordOther ?? label) : undefined
  return freezeNode({
    id: `terms.${id}`,
    label,
    description: description ?? `Against this service’s rules: ${label}.`,
    group: 'terms',
    parent: 'terms',
    illegal: false,
    dsaCategory: dsaCategory ?? 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    dsaKeywords: keywords,
    ...(other === undefined ? {} : { dsaKeywordOther: other }),
    severity: severity ?? 2,
  })
}

function indexNodes(nodes: readonly HarmNode[]) {
  const byId = new Map<string, HarmNode>()
  const kids = new Map<string, HarmNode[]>()
  for (const node of nodes) {
    if (byId.has(node.id)) throw new Error(`duplicate harm id "${node.id}"`)
    byId.set(node.id, node)
    kids.set(node.id, [])
  }
  for (const node of nodes) {
    if (node.parent === undefined) continue
    const siblings = kids.get(node.parent)
    if (!siblings) throw new Error(`harm "${node.id}" has unknown parent "${node.parent}"`)
    siblings.push(node)
  }
  for (const list of kids.values()) Object.freeze(list)
  return { byId, kids }
}

function createTaxonomy(nodes: readonly HarmNode[]): Taxonomy {
  const { byId, kids } = indexNodes(nodes)
  function ancestors(id: string): HarmNode[] {
    const chain: HarmNode[] = []
    let parent = byId.get(id)?.parent
    while (parent !== undefined) {
      const node = byId.get(parent)
      if (!node) break
      chain.push(node)
      parent = node.parent
    }
    return chain
  }
  return Object.freeze({
    nodes,
    get(id: string) {
      return byId.get(id)
    },
    has(id: string) {
      return byId.has(id)
    },
    children(id: string): readonly HarmNode[] {
      return kids.get(id) ?? []
    },
    ancestors,
    isUnder(id: string, ancestorId: string) {
      if (!byId.has(id)) return false
      return id === ancestorId || ancestors(id).some((node) => node.id === ancestorId)
    },
    leaves() {
      return nodes.filter((node) => kids.get(node.id)?.length === 0)
    },
  })
}

/** The built-in taxonomy plus the operator's terms-of-service nodes, as `terms.<slug>`. */
export function buildTaxonomy(termsNodes: TermsNodeInput[] = []): Taxonomy {
  const nodes = [...BUILT_IN_NODES, ...termsNodes.map(toTermsNode)]
  return createTaxonomy(Object.freeze(nodes))
}

export const DEFAULT_TAXONOMY: Taxonomy = buildTaxonomy()

/** Ids of the built-in nodes (no operator terms nodes). */
export const HARM_IDS: readonly string[] = Object.freeze(BUILT_IN_NODES.map((node) => node.id))

/** True for the CSEA node and every node below it; their media is restricted to a special role. */
export function isCsea(id: string): boolean {
  return DEFAULT_TAXONOMY.isUnder(id, CSEA_HARM_ID)
}

/** A harm id known to `taxonomy`. */
export function harmIdSchema(taxonomy: Taxonomy = DEFAULT_TAXONOMY) {
  return z.string().refine((id) => taxonomy.has(id), {
    error: (issue) => `unknown harm "${String(issue.input)}"; see GET /v1/taxonomy for the list`,
  })
}
