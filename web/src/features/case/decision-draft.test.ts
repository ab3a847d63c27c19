import { describe, expect, it } from 'vitest'
import { actionSchema } from '../../../../src/core/decision'
import type { HarmView } from './case-data'
import {
  draftBody,
  emptyDraft,
  LABEL_MAX_LENGTH,
  labelProblem,
  noActionDraft,
  removeDraft,
  toggleAction,
} from './decision-draft'

const HARMS = [
  { id: 'illegal', label: 'Illegal content', offences: undefined, illegal: true },
  {
    id: 'illegal.fraud',
    label: 'Fraud',
    parent: 'illegal',
    offences: ['Fraud Act 2006 s.2'],
    illegal: true,
  },
  { id: 'illegal.fraud.scam', label: 'Scams', parent: 'illegal.fraud', illegal: true },
  { id: 'terms.spam', label: 'Spam', illegal: false },
] as unknown as HarmView[]

describe('the decision draft', () => {
  it('starts on the harm with its nearest offence, or on the terms for a terms harm', () => {
    expect(emptyDraft('illegal.fraud.scam', HARMS)).toMatchObject({
      groundType: 'illegal',
      offence: 'Fraud Act 2006 s.2',
    })
    expect(emptyDraft('terms.spam', HARMS).groundType).toBe('terms')
  })

  it('fills a removal or no action for the shortcuts, keeping what was typed', () => {
    const draft = { ...emptyDraft('illegal.fraud', HARMS), statement: 'Mine.' }
    expect(removeDraft(draft, HARMS)).toMatchObject({ actions: ['remove'], statement: 'Mine.' })
    expect(noActionDraft(emptyDraft('illegal.fraud', HARMS), HARMS).statement).toMatch(/Fraud/)
  })

  it('keeps no action apart from the other actions', () => {
    let draft = toggleAction(emptyDraft('illegal.fraud', HARMS), 'remove', true)
    draft = toggleAction(draft, 'no_action', true)
    expect(draft.actions).toEqual(['no_action'])
    expect(toggleAction(draft, 'demote', true).actions).toEqual(['demote'])
  })

  it('builds the body with territories, duration and every checklist answer', () => {
    const draft = {
      ...emptyDraft('terms.spam', HARMS),
      clause: '4.2',
      version: '2026-01',
      actions: ['geo_restrict', 'suspend_account'] as const,
      territories: 'gb, de',
      durationHours: '72',
      statement: ' Spam. ',
      judgement: { a: true },
    }
    expect(draftBody({ ...draft, actions: [...draft.actions] }, ['a', 'b'])).toEqual({
      harm: 'terms.spam',
      ground: { type: 'terms', clause: '4.2', version: '2026-01' },
      actions: [
        { type: 'geo_restrict', territories: ['GB', 'DE'] },
        { type: 'suspend_account', durationHours: 72 },
      ],
      statement: 'Spam.',
      judgement: {
        items: [
          { id: 'a', met: true },
          { id: 'b', met: false },
        ],
      },
    })
    expect(draftBody({ ...draft, actions: ['remove'], judgement: {} }, ['a'])).not.toHaveProperty(
      'judgement',
    )
  })

  it('puts the label text on a label action, trimmed, and leaves it off when empty', () => {
    const draft = { ...emptyDraft('terms.spam', HARMS), actions: ['label' as const] }
    expect(draftBody({ ...draft, labelText: '  Misleading claim  ' }, []).actions).toEqual([
      { type: 'label', label: 'Misleading claim' },
    ])
    expect(draftBody({ ...draft, labelText: '   ' }, []).actions).toEqual([{ type: 'label' }])
    expect(draftBody({ ...draft, actions: ['remove'], labelText: 'x' }, []).actions).toEqual([
      { type: 'remove' },
    ])
  })

  it('refuses label text the API would refuse, at the same length', () => {
    const draft = { ...emptyDraft('terms.spam', HARMS), actions: ['label' as const] }
    const longest = 'a'.repeat(LABEL_MAX_LENGTH)
    expect(actionSchema.safeParse({ type: 'label', label: longest }).success).toBe(true)
    expect(actionSchema.safeParse({ type: 'label', label: `${longest}a` }).success).toBe(false)
    expect(labelProblem({ ...draft, labelText: longest })).toBeUndefined()
    expect(labelProblem({ ...draft, labelText: `${longest}a` })).toMatch(/201 characters/)
    expect(labelProblem({ ...draft, actions: ['remove'], labelText: `${longest}a` })).toBe(
      undefined,
    )
  })
})
