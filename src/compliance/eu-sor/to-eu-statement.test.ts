import { describe, expect, it } from 'vitest'
import type { Decision } from '../../core/decision.js'
import { validateEuStatement } from '../../core/eu-sor.js'
import { buildStatementOfReasons } from '../../core/statement-of-reasons.js'
import { DEFAULT_TAXONOMY } from '../../core/taxonomy.js'
import { neutralisePersonalData } from './personal-data.js'
import { type EuMapping, toEuStatement } from './to-eu-statement.js'

const AT = new Date('2026-11-22T09:00:00.000Z')
const DECISION_ID = '5b0e6a8c-2f1d-4a3b-9c7e-1d2f3a4b5c6d'

function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: DECISION_ID,
    caseId: 'c-1',
    subjectId: 's-1',
    harm: 'illegal.harassment.threat_to_life',
    ground: { type: 'illegal', offence: 'Offences Against the Person Act 1861 s.16' },
    actions: [{ type: 'remove' }],
    statement: 'The post threatens to kill the person it names.',
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

function mapped(overrides: Partial<Decision> = {}, known: string[] = []): EuMapping {
  const d = decision(overrides)
  const sor = buildStatementOfReasons({
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
  })
  return toEuStatement(sor, known)
}

function statementOf(overrides: Partial<Decision> = {}, known: string[] = []) {
  const result = mapped(overrides, known)
  if (result.kind !== 'statement') throw new Error(`not a statement: ${result.reason}`)
  expect(validateEuStatement(result.statement)).toEqual([])
  return result.statement
}

const ALL_EEA = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR']

describe('toEuStatement', () => {
  it('maps a removal on an illegal ground, field for field, in the API order', () => {
    const s = statementOf()
    expect(s).toEqual({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: 'Offences Against the Person Act 1861 s.16',
      illegal_content_explanation: 'The post threatens to kill the person it names.',
      content_type: ['CONTENT_TYPE_TEXT'],
      category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
      category_specification: ['KEYWORD_CYBER_HARASSMENT'],
      territorial_scope: expect.arrayContaining(ALL_EEA),
      content_date: '2026-11-20',
      application_date: '2026-11-22',
      decision_facts: 'The post threatens to kill the person it names.',
      source_type: 'SOURCE_ARTICLE_16',
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: DECISION_ID,
    })
    expect(s.territorial_scope).toHaveLength(30)
    expect(Object.keys(s)[0]).toBe('decision_visibility')
    expect(Object.keys(s).at(-1)).toBe('puid')
  })

  it('maps a 7-day account suspension to decision_account with its end date', () => {
    const s = statementOf({ actions: [{ type: 'suspend_account', durationHours: 24 * 7 }] })
    expect(s.decision_account).toBe('DECISION_ACCOUNT_SUSPENDED')
    expect(s.end_date_account_restriction).toBe('2026-11-29')
    expect(s.decision_visibility).toBeUndefined()
    expect(s.end_date_visibility_restriction).toBeUndefined()
  })

  it('maps a termination and a demonetisation', () => {
    const s = statementOf({ actions: [{ type: 'terminate_account' }, { type: 'demonetise' }] })
    expect(s).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_TERMINATED',
      decision_monetary: 'DECISION_MONETARY_TERMINATION',
    })
  })

  it('maps a demotion limited to two countries, dropping a country outside the EEA', () => {
    const s = statementOf({ actions: [{ type: 'demote', territories: ['FR', 'GB', 'DE'] }] })
    expect(s.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_DEMOTED'])
    expect(s.territorial_scope).toEqual(['DE', 'FR'])
  })

  it('owes nothing to the EU database for a restriction outside the EU and EEA', () => {
    const result = mapped({ actions: [{ type: 'geo_restrict', territories: ['GB'] }] })
    expect(result).toEqual({
      kind: 'not_applicable',
      reason: expect.stringContaining('only outside the EU and EEA (GB)'),
    })
  })

  it('maps a terms ground with its clause, version, link and explanation', () => {
    const s = statementOf({
      harm: 'terms',
      ground: {
        type: 'terms',
        clause: 'Community rules §4 (spam)',
        version: '2026-01',
        referenceUrl: 'https://forum.example/terms#4',
        explanation: 'Repeated identical posts advertising followers.',
      },
    })
    expect(s).toMatchObject({
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: 'Community rules §4 (spam) (terms version 2026-01)',
      incompatible_content_explanation: 'Repeated identical posts advertising followers.',
      decision_ground_reference_url: 'https://forum.example/terms#4',
      category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
      category_specification: ['KEYWORD_OTHER'],
      category_specification_other: 'Breach of the service’s terms of service',
    })
    expect(s.illegal_content_legal_ground).toBeUndefined()
    expect(s.illegal_content_explanation).toBeUndefined()
  })

  it('maps a trusted flagger’s notice without naming the flagger', () => {
    const s = statementOf({ sourceType: 'trusted_flagger' })
    expect(s.source_type).toBe('SOURCE_TRUSTED_FLAGGER')
    expect(s.source_identity).toBeUndefined()
  })

  it('maps an authority’s notice and an own-initiative decision', () => {
    expect(statementOf({ sourceType: 'authority' }).source_type).toBe(
      'SOURCE_TYPE_OTHER_NOTIFICATION',
    )
    expect(statementOf({ sourceType: 'own_initiative' }).source_type).toBe('SOURCE_VOLUNTARY')
  })

  it('maps automated detection and a fully automated decision', () => {
    const s = statementOf({ automatedDetection: true, automatedDecision: 'fully' })
    expect(s.automated_detection).toBe('Yes')
    expect(s.automated_decision).toBe('AUTOMATED_DECISION_FULLY')
    const partly = statementOf({ automatedDetection: true, automatedDecision: 'partially' })
    expect(partly.automated_decision).toBe('AUTOMATED_DECISION_PARTIALLY')
  })

  it('keeps the puid within the API pattern whatever the decision id', () => {
    expect(statementOf({ id: 'case/42 #1' }).puid).toBe('case_42__1')
  })
})

describe('personal data', () => {
  const words =
    'Reported by jane.doe@mail.example (Jane Doe, reporter id rep-771) about @bad_actor99 ' +
    'whose account author-1 posted https://forum.example/u/author-1/p/9 and www.other.example, ' +
    'from 203.0.113.7, phone +44 20 7946 0958, see forum.example/u/xyz. Offence under ' +
    'Terrorism Act 2000 s.58 on 2026-11-20; moderator Sam Reviewer.'
  const known = [
    'author-1',
    'post-9',
    'Jane Doe',
    'rep-771',
    'jane.doe@mail.example',
    'Sam Reviewer',
  ]

  it('reaches none of the output: ids, names, emails, links, handles, addresses, numbers', () => {
    const result = mapped(
      {
        statement: words,
        ground: { type: 'illegal', offence: 'Terrorism Act 2000 s.58', explanation: words },
      },
      known,
    )
    if (result.kind !== 'statement') throw new Error('expected a statement')
    const json = JSON.stringify(result.statement)
    for (const leak of [
      'jane',
      'Jane',
      'rep-771',
      'bad_actor99',
      'author-1',
      'post-9',
      'forum.example',
      'other.example',
      '203.0.113.7',
      '7946',
      'xyz',
      'Sam Reviewer',
      'key:1',
      'Moderator',
      's-1',
      'c-1',
    ]) {
      expect(json, leak).not.toContain(leak)
    }
    expect(result.statement.decision_facts).toContain('Terrorism Act 2000 s.58 on 2026-11-20')
    expect(result.statement.decision_facts).toBe(
      'Reported by [email removed] ([identifier removed], reporter id [identifier removed]) ' +
        'about [handle removed] whose account [identifier removed] posted [link removed] and ' +
        '[link removed], from [address removed], phone [number removed], see [link removed]. ' +
        'Offence under Terrorism Act 2000 s.58 on 2026-11-20; moderator [identifier removed].',
    )
    const removed = { email: 1, identifier: 4, handle: 1, link: 3, address: 1, number: 1 }
    for (const field of ['decision_facts', 'illegal_content_explanation']) {
      for (const [kind, count] of Object.entries(removed)) {
        expect(result.redactions).toContainEqual({ field, kind, count })
      }
    }
  })

  it('says what it removed and leaves legal references, dates and short ids alone', () => {
    const { text, removed } = neutralisePersonalData(
      'Call 0161 496 0000 or mail a@b.example; s.16 of the 1861 Act, 2026-11-20 to 2026-12-01; id 7',
      ['7', 'ab'],
    )
    expect(text).toBe(
      'Call [number removed] or mail [email removed]; s.16 of the 1861 Act, 2026-11-20 to 2026-12-01; id 7',
    )
    expect(removed).toEqual({ number: 1, email: 1 })
  })
})
