import type { NodeSpec } from '../harm-node.js'

export const OTHER_ILLEGAL: NodeSpec[] = [
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

export const TERMS: NodeSpec[] = [
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
