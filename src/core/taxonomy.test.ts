import { describe, expect, it } from 'vitest'
import {
  DSA_ACCOUNT_DECISIONS,
  DSA_ACCOUNT_TYPES,
  DSA_AUTOMATED_DECISIONS,
  DSA_CATEGORIES,
  DSA_CONTENT_TYPES,
  DSA_COUNTRIES,
  DSA_DECISION_GROUNDS,
  DSA_KEYWORDS,
  DSA_MONETARY_DECISIONS,
  DSA_PROVISION_DECISIONS,
  DSA_SOURCE_TYPES,
  DSA_VISIBILITY_DECISIONS,
  DSA_YES_NO,
} from './dsa.js'
import {
  buildTaxonomy,
  CSEA_HARM_ID,
  DEFAULT_TAXONOMY,
  GROUP_ROOTS,
  HARM_GROUPS,
  HARM_IDS,
  harmIdSchema,
  isCsea,
  termsNodeInputSchema,
} from './taxonomy.js'

const taxonomy = DEFAULT_TAXONOMY

// @NOTE research/regulation.md §2 (Ofcom Risk Assessment Guidance V2.0)
const OFCOM_KINDS: [number, string, string][] = [
  [1, 'illegal.terrorism', 'Terrorism'],
  [2, 'illegal.csea', 'Child sexual abuse and exploitation'],
  [3, 'illegal.hate', 'Hate'],
  [4, 'illegal.harassment', 'Harassment, stalking, threats and abuse'],
  [5, 'illegal.coercive_control', 'Controlling or coercive behaviour'],
  [6, 'illegal.intimate_image_abuse', 'Sharing intimate pictures without permission'],
  [7, 'illegal.extreme_pornography', 'Extreme pornography'],
  [8, 'illegal.sexual_exploitation', 'Sexual exploitation of adults'],
  [9, 'illegal.human_trafficking', 'Human trafficking'],
  [10, 'illegal.unlawful_immigration', 'Helping people enter the UK illegally'],
  [11, 'illegal.fraud', 'Fraud and money scams'],
  [12, 'illegal.proceeds_of_crime', 'Money from crime'],
  [13, 'illegal.drugs', 'Illegal drugs'],
  [14, 'illegal.weapons', 'Guns, knives and other weapons'],
  [15, 'illegal.suicide_self_harm', 'Encouraging suicide or self-harm'],
  [16, 'illegal.foreign_interference', 'Foreign interference'],
  [17, 'illegal.animal_cruelty', 'Animal cruelty'],
  [18, 'illegal.cyberflashing', 'Sending unwanted pictures of private parts'],
]

// @NOTE research/regulation.md §3 (OSA s.61 and s.62)
const PRIMARY_PRIORITY = [
  'children_primary.pornography',
  'children_primary.suicide',
  'children_primary.self_injury',
  'children_primary.eating_disorders',
]
const PRIORITY = [
  'children_priority.abuse_hatred',
  'children_priority.serious_violence',
  'children_priority.bullying',
  'children_priority.graphic_violence',
  'children_priority.dangerous_stunts',
  'children_priority.harmful_substances',
]

const UNKNOWN_MESSAGE = 'unknown harm "illegal.nope"; see GET /v1/taxonomy for the list'

describe('DSA enums', () => {
  it('have the exact values counted from regulation.md §4c', () => {
    const counts = {
      category: [DSA_CATEGORIES, 16],
      category_specification: [DSA_KEYWORDS, 69],
      decision_visibility: [DSA_VISIBILITY_DECISIONS, 7],
      decision_monetary: [DSA_MONETARY_DECISIONS, 3],
      decision_provision: [DSA_PROVISION_DECISIONS, 4],
      decision_account: [DSA_ACCOUNT_DECISIONS, 2],
      decision_ground: [DSA_DECISION_GROUNDS, 2],
      content_type: [DSA_CONTENT_TYPES, 8],
      source_type: [DSA_SOURCE_TYPES, 4],
      automated_decision: [DSA_AUTOMATED_DECISIONS, 3],
      account_type: [DSA_ACCOUNT_TYPES, 2],
      territorial_scope: [DSA_COUNTRIES, 30],
      yes_no: [DSA_YES_NO, 2],
    } satisfies Record<string, [readonly string[], number]>
    for (const [field, [values, count]] of Object.entries(counts)) {
      expect({ field, count: values.length }).toEqual({ field, count })
      expect(new Set(values).size, field).toBe(values.length)
    }
    expect(DSA_KEYWORDS.every((keyword) => keyword.startsWith('KEYWORD_'))).toBe(true)
    expect(DSA_COUNTRIES).toEqual(expect.arrayContaining(['GR', 'IS', 'LI', 'NO']))
  })
})

describe('priority illegal content (§2)', () => {
  it.each(OFCOM_KINDS)('has kind %i: %s', (kind, id, label) => {
    const node = taxonomy.get(id)
    expect(node).toMatchObject({ label, ofcomKind: kind, parent: 'illegal', illegal: true })
    expect(node?.group).toBe('priority_illegal')
  })

  it('has exactly the 18 kinds as children of the root', () => {
    const kinds = taxonomy.children('illegal').map((node) => node.ofcomKind)
    expect(kinds).toEqual(OFCOM_KINDS.map(([kind]) => kind))
  })

  it('splits CSEA into exactly grooming, image-based CSAM and CSAM URLs', () => {
    const ids = taxonomy.children(CSEA_HARM_ID).map((node) => node.id)
    expect(ids.sort()).toEqual([
      'illegal.csea.csam_url',
      'illegal.csea.grooming',
      'illegal.csea.image_csam',
    ])
  })

  it('gives every illegal kind offences and a 2-4 item judgement checklist', () => {
    const kinds = taxonomy.nodes.filter((node) => node.ofcomKind !== undefined)
    for (const node of kinds) {
      expect(node.offences?.length, node.id).toBeGreaterThan(0)
      expect(node.judgement?.length, node.id).toBeGreaterThanOrEqual(2)
      expect(node.judgement?.length, node.id).toBeLessThanOrEqual(4)
    }
  })

  it('rates CSEA, terrorism and threats to life most severe', () => {
    for (const id of ['illegal.csea', 'illegal.terrorism', 'illegal.harassment.threat_to_life']) {
      expect(taxonomy.get(id)?.severity, id).toBe(5)
    }
  })
})

describe('content harmful to children (§3)', () => {
  it.each([
    ['children_primary', 'children_primary_priority', PRIMARY_PRIORITY],
    ['children_priority', 'children_priority', PRIORITY],
  ])('has every kind under %s', (root, group, ids) => {
    expect(taxonomy.children(root).map((node) => node.id)).toEqual(ids)
    for (const id of ids) expect(taxonomy.get(id), id).toMatchObject({ group, illegal: false })
  })
})

describe('DSA mapping', () => {
  it.each([
    ['illegal.terrorism', 'RISK_FOR_PUBLIC_SECURITY', ['TERRORIST_CONTENT']],
    ['illegal.csea.image_csam', 'PROTECTION_OF_MINORS', ['CHILD_SEXUAL_ABUSE_MATERIAL']],
    ['illegal.csea.grooming', 'PROTECTION_OF_MINORS', ['GROOMING_SEXUAL_ENTICEMENT_MINORS']],
    ['illegal.hate', 'ILLEGAL_OR_HARMFUL_SPEECH', ['HATE_SPEECH']],
    ['illegal.intimate_image_abuse', 'CYBER_VIOLENCE', ['NON_CONSENSUAL_IMAGE_SHARING']],
    ['illegal.fraud', 'SCAMS_AND_FRAUD', ['PHISHING']],
    ['illegal.suicide_self_harm', 'SELF_HARM', ['SUICIDE', 'SELF_MUTILATION']],
    ['illegal.cyberflashing', 'CYBER_VIOLENCE', ['NUDITY']],
    ['children_primary.eating_disorders', 'SELF_HARM', ['CONTENT_PROMOTING_EATING_DISORDERS']],
    ['children_primary.pornography', 'PROTECTION_OF_MINORS', ['ADULT_SEXUAL_MATERIAL']],
    ['children_primary.pornography', 'PROTECTION_OF_MINORS', ['AGE_SPECIFIC_RESTRICTIONS_MINORS']],
  ])('maps %s to %s with %j', (id, category, keywords) => {
    const node = taxonomy.get(id)
    expect(node?.dsaCategory).toBe(`STATEMENT_CATEGORY_${category}`)
    expect(node?.dsaKeywords).toEqual(expect.arrayContaining(keywords.map((k) => `KEYWORD_${k}`)))
  })

  it('maps every node to a real DSA category and keywords', () => {
    for (const node of taxonomy.nodes) {
      expect(DSA_CATEGORIES, node.id).toContain(node.dsaCategory)
      expect(node.dsaKeywords.length, node.id).toBeGreaterThan(0)
      expect(new Set(node.dsaKeywords).size, node.id).toBe(node.dsaKeywords.length)
      for (const keyword of node.dsaKeywords) expect(DSA_KEYWORDS, node.id).toContain(keyword)
      const usesOther = node.dsaKeywords.includes('KEYWORD_OTHER')
      expect(Boolean(node.dsaKeywordOther), node.id).toBe(usesOther)
      expect(node.dsaKeywordOther?.length ?? 0, node.id).toBeLessThanOrEqual(500)
    }
  })
})

describe('tree shape', () => {
  it('has unique, well-formed ids whose parents exist and prefix them', () => {
    expect(new Set(HARM_IDS).size).toBe(HARM_IDS.length)
    for (const node of taxonomy.nodes) {
      expect(node.id).toMatch(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/)
      expect([1, 2, 3, 4, 5]).toContain(node.severity)
      expect([node.label.length > 0, node.description.endsWith('.')], node.id).toEqual([true, true])
      if (node.parent === undefined) continue
      expect(taxonomy.has(node.parent), node.id).toBe(true)
      expect(node.id.startsWith(`${node.parent}.`), node.id).toBe(true)
      expect(taxonomy.get(node.parent)?.group, node.id).toBe(node.group)
    }
  })

  it('has exactly one root per group', () => {
    const roots = taxonomy.nodes.filter((node) => node.parent === undefined)
    expect(roots.map((node) => node.group).sort()).toEqual([...HARM_GROUPS].sort())
    for (const group of HARM_GROUPS) expect(taxonomy.get(GROUP_ROOTS[group])?.group).toBe(group)
  })

  it('answers tree questions', () => {
    const threat = 'illegal.harassment.threat_to_life'
    const chain = taxonomy.ancestors(threat).map((node) => node.id)
    expect(chain).toEqual(['illegal.harassment', 'illegal'])
    expect([taxonomy.ancestors('illegal'), taxonomy.ancestors('nope')]).toEqual([[], []])
    expect(taxonomy.isUnder(threat, 'illegal')).toBe(true)
    expect(taxonomy.isUnder('illegal', 'illegal')).toBe(true)
    expect(taxonomy.isUnder('illegal', threat)).toBe(false)
    expect(taxonomy.isUnder('nope', 'nope')).toBe(false)
    expect(taxonomy.children('nope')).toEqual([])
    const leaves = taxonomy.leaves().map((node) => node.id)
    expect(leaves).toEqual(expect.arrayContaining(['illegal.csea.grooming', 'other_illegal']))
    expect(leaves).not.toContain('illegal.csea')
  })

  it('knows which harms are CSEA', () => {
    const csea = ['illegal.csea', ...taxonomy.children(CSEA_HARM_ID).map((node) => node.id)]
    for (const id of taxonomy.nodes.map((node) => node.id)) {
      expect(isCsea(id), id).toBe(csea.includes(id))
    }
    expect(isCsea('illegal.csea.made_up')).toBe(false)
  })

  it('cannot be changed', () => {
    const node = taxonomy.get('illegal.terrorism')
    const parts = [node, node?.dsaKeywords, taxonomy.nodes, taxonomy.children('illegal')]
    expect(parts.every((part) => Object.isFrozen(part))).toBe(true)
  })
})

describe('terms-of-service nodes from config', () => {
  it('adds them under terms with defaults', () => {
    const custom = buildTaxonomy([
      { id: 'spam', label: 'Spam' },
      {
        id: 'fake_reviews',
        label: 'Fake reviews',
        description: 'Reviews that were paid for or made up.',
        dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
        dsaKeywords: ['KEYWORD_INAUTHENTIC_USER_REVIEWS'],
        severity: 3,
      },
    ])
    expect(custom.get('terms.spam')).toMatchObject({
      parent: 'terms',
      group: 'terms',
      illegal: false,
      dsaCategory: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
      dsaKeywords: ['KEYWORD_OTHER'],
      dsaKeywordOther: 'Spam',
      severity: 2,
    })
    const reviews = custom.get('terms.fake_reviews')
    expect(reviews).toMatchObject({
      dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
      severity: 3,
    })
    expect(reviews?.dsaKeywordOther).toBeUndefined()
    expect(custom.children('terms').map((node) => node.id)).toEqual(['terms.spam', reviews?.id])
    expect(custom.nodes.length).toBe(HARM_IDS.length + 2)
    expect(DEFAULT_TAXONOMY.has('terms.spam')).toBe(false)
  })

  it('validates them', () => {
    const bad = [
      { id: 'Not A Slug', label: 'Spam' },
      { id: 'terms.spam', label: 'Spam' },
      { id: 'spam', label: '' },
      { id: 'spam', label: 'Spam', severity: 6 },
      { id: 'spam', label: 'Spam', dsaCategory: 'STATEMENT_CATEGORY_SPAM' },
      { id: 'spam', label: 'Spam', dsaKeywords: ['KEYWORD_SPAM'] },
      { id: 'spam', label: 'Spam', dsaKeywords: [] },
      { id: 'spam', label: 'Spam', colour: 'red' },
    ]
    for (const input of bad) {
      expect(termsNodeInputSchema.safeParse(input).success, JSON.stringify(input)).toBe(false)
      expect(() => buildTaxonomy([input as never]), JSON.stringify(input)).toThrow(/terms node #0/)
    }
  })

  it('refuses duplicate ids, naming the id', () => {
    const input = [
      { id: 'spam', label: 'Spam' },
      { id: 'spam', label: 'More spam' },
    ]
    expect(() => buildTaxonomy(input)).toThrow('duplicate harm id "terms.spam"')
  })
})

describe('harmIdSchema', () => {
  it('accepts known ids and refuses unknown ones with a pointer to the list', () => {
    const schema = harmIdSchema(taxonomy)
    expect(schema.parse('illegal.csea.grooming')).toBe('illegal.csea.grooming')
    const result = schema.safeParse('illegal.nope')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(UNKNOWN_MESSAGE)
    expect(harmIdSchema().safeParse(42).success).toBe(false)
  })

  it('follows the taxonomy it was given', () => {
    const custom = buildTaxonomy([{ id: 'spam', label: 'Spam' }])
    expect(harmIdSchema(custom).safeParse('terms.spam').success).toBe(true)
    expect(harmIdSchema(taxonomy).safeParse('terms.spam').success).toBe(false)
  })
})
