import type { NodeSpec } from '../harm-node.js'

/** Primary priority content harmful to children (OSA s.61). */
export const CHILDREN_PRIMARY: NodeSpec[] = [
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

/** Priority content harmful to children (OSA s.62). */
export const CHILDREN_PRIORITY: NodeSpec[] = [
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
