import { describe, expect, it } from 'vitest'
import { decisionInputSchema } from './decision.js'
import { judgementChecklistFor, judgementProblem } from './judgement.js'
import { JUDGEMENT_CHECKLISTS } from './judgement-checklists.js'
import { buildTaxonomy, DEFAULT_TAXONOMY } from './taxonomy.js'

describe('judgement checklists (Ofcom ICU C1)', () => {
  it('gives every kind of priority illegal content a checklist of its own', () => {
    const kinds = DEFAULT_TAXONOMY.nodes.filter(
      (n) => n.group === 'priority_illegal' && n.ofcomKind,
    )
    expect(kinds.length).toBeGreaterThanOrEqual(17)
    for (const node of kinds) {
      const checklist = judgementChecklistFor(node.id)
      expect(checklist, node.id).toBeDefined()
      expect(checklist?.harm, node.id).not.toBe('illegal')
    }
  })

  it('gives every harm in the taxonomy, operator terms included, a checklist', () => {
    const taxonomy = buildTaxonomy([{ id: 'spam', label: 'Spam' }])
    for (const node of taxonomy.nodes) expect(judgementChecklistFor(node.id), node.id).toBeDefined()
    expect(judgementChecklistFor('terms.spam')).toMatchObject({
      harm: 'terms',
      title: 'Terms of service judgement',
    })
    expect(judgementChecklistFor('terms')?.items.map((i) => i.id)).toContain('version')
  })

  it('has 3 to 6 short questions with guidance and unique ids in every checklist', () => {
    for (const [harm, items] of Object.entries(JUDGEMENT_CHECKLISTS)) {
      expect(DEFAULT_TAXONOMY.has(harm), harm).toBe(true)
      expect(items.length, harm).toBeGreaterThanOrEqual(3)
      expect(items.length, harm).toBeLessThanOrEqual(6)
      expect(new Set(items.map((i) => i.id)).size, harm).toBe(items.length)
      for (const item of items) {
        expect(item.question, harm).toMatch(/\?$/)
        expect(item.question.length, item.id).toBeLessThanOrEqual(120)
        expect(item.guidance.length, item.id).toBeGreaterThan(0)
      }
    }
  })

  it('falls back to the nearest ancestor, and knows nothing of unknown roots', () => {
    expect(judgementChecklistFor('illegal.csea.grooming')?.harm).toBe('illegal.csea.grooming')
    expect(judgementChecklistFor('illegal.harassment.threat_to_life')?.items[0]?.id).toBe('threat')
    expect(judgementChecklistFor('illegal.harassment.something_new')?.harm).toBe(
      'illegal.harassment',
    )
    expect(judgementChecklistFor('nonsense')).toBeUndefined()
    expect(judgementChecklistFor('constructor')).toBeUndefined()
  })

  it('names an item that is not on the checklist, and one answered twice', () => {
    const harm = 'illegal.harassment.threat_to_life'
    expect(judgementProblem(harm, { items: [{ id: 'threat', met: true }] })).toBeUndefined()
    expect(judgementProblem(harm, { items: [{ id: 'clause', met: true }] })?.message).toMatch(
      /"clause" is not an item .* threat, taken_seriously/,
    )
    const twice = {
      items: [
        { id: 'threat', met: true },
        { id: 'threat', met: false },
      ],
    }
    expect(judgementProblem(harm, twice)?.message).toMatch(/answered twice/)
  })

  it('checks a decision’s judgement against its harm’s checklist', () => {
    const input = {
      harm: 'illegal.hate',
      ground: { type: 'illegal', offence: 'Public Order Act 1986 s.18' },
      actions: [{ type: 'remove' }],
      statement: 'Stirs up racial hatred.',
    }
    const good = { items: [{ id: 'protected_trait', met: true }], note: 'racial slur' }
    expect(decisionInputSchema.safeParse({ ...input, judgement: good }).success).toBe(true)
    const bad = decisionInputSchema.safeParse({
      ...input,
      judgement: { items: [{ id: 'threat', met: true }] },
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.path).toEqual(['judgement', 'items', 0, 'id'])
  })
})
