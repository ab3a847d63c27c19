import { describe, expect, it } from 'vitest'
import { type Decision, decisionInputSchema, decisionSourceOf, restoreActions } from './decision.js'
import { buildStatementOfReasons, type StatementInput } from './statement-of-reasons.js'
import { renderReversalText } from './statement-text.js'
import { DEFAULT_TAXONOMY } from './taxonomy.js'

const AT = new Date('2026-11-22T09:00:00.000Z')

function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: 'd-1',
    caseId: 'c-1',
    subjectId: 's-1',
    harm: 'illegal.harassment.threat_to_life',
    ground: { type: 'illegal', offence: 'Offences Against the Person Act 1861 s.16' },
    actions: [{ type: 'remove' }],
    statement: 'The post threatens to kill a named person.',
    automatedDetection: false,
    automatedDecision: 'not',
    decidedBy: 'key:1',
    decidedByName: 'Moderator',
    sourceType: 'notice',
    statementOfReasons: null,
    reversesDecisionId: null,
    appealId: null,
    createdAt: AT,
    ...overrides,
  }
}

function build(overrides: Partial<Decision> = {}, input: Partial<StatementInput> = {}) {
  const d = decision(overrides)
  return buildStatementOfReasons({
    decision: d,
    subject: {
      externalId: 'post-9',
      kind: 'text',
      url: 'https://forum.example/p/9',
      media: [],
      createdAt: new Date('2026-11-20T10:00:00Z'),
    },
    harm: DEFAULT_TAXONOMY.get(d.harm),
    appealWindowDays: 183,
    ...input,
  })
}

describe('buildStatementOfReasons on an illegal ground', () => {
  const s = build()

  it('states the restriction, where and for how long', () => {
    expect(s.restrictions).toEqual([
      { action: 'remove', territories: null, durationHours: null, endsAt: null, label: null },
    ])
    expect(s.decisionVisibility).toEqual(['DECISION_VISIBILITY_CONTENT_REMOVED'])
    expect(s.territorialScope).toBeNull()
    expect(s.endDateVisibilityRestriction).toBeNull()
    expect(s.applicationDate).toBe(AT.toISOString())
    expect(s.contentType).toEqual(['CONTENT_TYPE_TEXT'])
    expect(s.plainText).toContain(
      'We removed your post. This applies everywhere. It has no end date.',
    )
  })

  it('states the facts and that it followed a notice', () => {
    expect(s.decisionFacts).toBe('The post threatens to kill a named person.')
    expect(s.sourceType).toBe('SOURCE_ARTICLE_16')
    expect(s.plainText).toContain('Someone reported your post to us.')
    expect(s.plainText).toContain('What we found: The post threatens to kill a named person.')
  })

  it('states the automated means, here none', () => {
    expect(s.automatedDetection).toBe(false)
    expect(s.automatedDecision).toBe('AUTOMATED_DECISION_NOT_AUTOMATED')
    expect(s.plainText).toContain('We did not use automated tools to find your post.')
    expect(s.plainText).toContain('A person made this decision.')
  })

  it('states the legal ground with the offence and an explanation', () => {
    expect(s.decisionGround).toBe('DECISION_GROUND_ILLEGAL_CONTENT')
    expect(s.illegalContentLegalGround).toBe('Offences Against the Person Act 1861 s.16')
    expect(s.illegalContentExplanation).toBe('The post threatens to kill a named person.')
    expect(s.incompatibleContentGround).toBeNull()
    expect(s.category).toBe(DEFAULT_TAXONOMY.get(s.harm.id)?.dsaCategory)
    expect(s.plainText).toContain(
      'We believe your post is against the law. The law is: Offences Against the Person Act 1861 s.16.',
    )
  })

  it('states the redress: appeal with its deadline, dispute settlement and the courts', () => {
    expect(s.redress).toEqual({
      internalComplaint: {
        basis: 'DSA Art. 20',
        windowDays: 183,
        deadline: '2027-05-24T09:00:00.000Z',
      },
      outOfCourtSettlement: { basis: 'DSA Art. 21' },
      judicialRedress: { basis: 'courts' },
    })
    expect(s.plainText).toContain('You can ask until 24 May 2027.')
    expect(s.plainText).toContain('Digital Services Act, Article 21')
    expect(s.plainText).toContain('You can also go to court.')
  })
})

describe('buildStatementOfReasons on a terms ground', () => {
  const s = build({
    harm: 'terms',
    ground: {
      type: 'terms',
      clause: 'Community Guidelines §3.2',
      version: '2026-01',
      referenceUrl: 'https://forum.example/terms#3.2',
      explanation: 'Spam is not allowed in our forums.',
    },
    sourceType: 'own_initiative',
    automatedDetection: true,
    automatedDecision: 'fully',
  })

  it('states the clause, its version and the explanation', () => {
    expect(s.decisionGround).toBe('DECISION_GROUND_INCOMPATIBLE_CONTENT')
    expect(s.incompatibleContentGround).toBe('Community Guidelines §3.2')
    expect(s.incompatibleContentVersion).toBe('2026-01')
    expect(s.incompatibleContentExplanation).toBe('Spam is not allowed in our forums.')
    expect(s.decisionGroundReferenceUrl).toBe('https://forum.example/terms#3.2')
    expect(s.illegalContentLegalGround).toBeNull()
    expect(s.plainText).toContain(
      'The rule is: Community Guidelines §3.2, in version 2026-01 of our terms.',
    )
    expect(s.plainText).toContain('Spam is not allowed in our forums.')
  })

  it('says it was the service’s own initiative and fully automated', () => {
    expect(s.sourceType).toBe('SOURCE_VOLUNTARY')
    expect(s.automatedDetection).toBe(true)
    expect(s.automatedDecision).toBe('AUTOMATED_DECISION_FULLY')
    expect(s.plainText).toContain('We found your post ourselves. Nobody reported it.')
    expect(s.plainText).toContain('We used automated tools to find your post.')
    expect(s.plainText).toContain('A computer system made this decision.')
  })
})

describe('territories and durations', () => {
  it('gives the union of territories when every restriction names them', () => {
    const s = build({
      actions: [
        { type: 'geo_restrict', territories: ['FR', 'DE'] },
        { type: 'demote', territories: ['IE'], durationHours: 48 },
      ],
    })
    expect(s.territorialScope).toEqual(['DE', 'FR', 'IE'])
    expect(s.decisionVisibility).toEqual([
      'DECISION_VISIBILITY_CONTENT_DISABLED',
      'DECISION_VISIBILITY_CONTENT_DEMOTED',
    ])
    expect(s.endDateVisibilityRestriction).toBeNull()
    expect(s.plainText).toContain('People in France and Germany can no longer see your post.')
    expect(s.plainText).toContain(
      'This applies only in Ireland. It ends on 24 November 2026 at 09:00 UTC.',
    )
  })

  it('maps account and money restrictions with their end dates', () => {
    const s = build({
      actions: [
        { type: 'suspend_account', durationHours: 72 },
        { type: 'demonetise', durationHours: 24 },
      ],
    })
    expect(s.decisionAccount).toBe('DECISION_ACCOUNT_SUSPENDED')
    expect(s.decisionMonetary).toBe('DECISION_MONETARY_SUSPENSION')
    expect(s.decisionVisibility).toEqual([])
    expect(s.endDateAccountRestriction).toBe('2026-11-25T09:00:00.000Z')
    expect(s.endDateMonetaryRestriction).toBe('2026-11-23T09:00:00.000Z')
    expect(s.plainText).toContain('We suspended your account.')
    const closed = build({ actions: [{ type: 'terminate_account' }, { type: 'demonetise' }] })
    expect(closed.decisionAccount).toBe('DECISION_ACCOUNT_TERMINATED')
    expect(closed.decisionMonetary).toBe('DECISION_MONETARY_TERMINATION')
    expect(closed.endDateAccountRestriction).toBeNull()
  })

  it('names image content from the subject and its media', () => {
    const s = build(
      {},
      {
        subject: {
          externalId: 'p',
          kind: 'url',
          url: null,
          media: [{ sha256: 'a', bytes: 1, mimeType: 'image/png' }],
          createdAt: AT,
        },
      },
    )
    expect(s.contentType).toEqual(['CONTENT_TYPE_IMAGE', 'CONTENT_TYPE_OTHER'])
    expect(s.contentTypeOther).toBe('link')
  })
})

describe('decision sources', () => {
  it('ranks an authority over a trusted flagger over anyone else', () => {
    const user = { reporterKind: 'user', flaggerKind: null }
    expect(decisionSourceOf([])).toBe('own_initiative')
    expect(decisionSourceOf([user])).toBe('notice')
    expect(decisionSourceOf([user, { reporterKind: 'user', flaggerKind: 'trusted_flagger' }])).toBe(
      'trusted_flagger',
    )
    expect(decisionSourceOf([{ reporterKind: 'authority', flaggerKind: null }, user])).toBe(
      'authority',
    )
    expect(build({ sourceType: 'trusted_flagger' }).sourceType).toBe('SOURCE_TRUSTED_FLAGGER')
    expect(build({ sourceType: 'authority' }).sourceType).toBe('SOURCE_TYPE_OTHER_NOTIFICATION')
  })
})

describe('decision input', () => {
  const base = {
    harm: 'terms',
    actions: [{ type: 'remove' }],
    statement: 'Spam.',
  }

  it('refuses a terms ground without its version, and restore or mixed no_action', () => {
    const noVersion = decisionInputSchema.safeParse({
      ...base,
      ground: { type: 'terms', clause: '3.2' },
    })
    expect(noVersion.error?.issues[0]?.path).toEqual(['ground', 'version'])
    const ground = { type: 'terms', clause: '3.2', version: '1' }
    const restore = decisionInputSchema.safeParse({
      ...base,
      ground,
      actions: [{ type: 'restore' }],
    })
    expect(restore.error?.issues[0]?.message).toMatch(/reverse/)
    const mixed = decisionInputSchema.safeParse({
      ...base,
      ground,
      actions: [{ type: 'no_action' }, { type: 'label' }],
    })
    expect(mixed.success).toBe(false)
    expect(decisionInputSchema.safeParse({ ...base, ground }).success).toBe(true)
  })
})

describe('reversal', () => {
  it('restores each restriction where it applied and says so in plain words', () => {
    const actions = restoreActions([
      { type: 'remove' },
      { type: 'geo_restrict', territories: ['DE'] },
      { type: 'no_action' },
    ])
    expect(actions).toEqual([
      { type: 'restore', restores: 'remove' },
      { type: 'restore', restores: 'geo_restrict', territories: ['DE'] },
    ])
    const text = renderReversalText({
      decisionId: 'd-2',
      reversesDecisionId: 'd-1',
      kind: 'image',
      restores: ['remove'],
      reasons: 'The picture is a painting, not a photo of a person.',
    })
    expect(text.subjectLine).toBe('We changed our decision about your picture')
    expect(text.body).toContain('We put your picture back.')
    expect(text.body).toContain('The picture is a painting, not a photo of a person.')
    expect(text.body).toContain('This replaces our decision d-1.')
  })
})
