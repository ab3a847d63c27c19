import { describe, expectTypeOf, it } from 'vitest'
import type { Answer } from './views'

// @NOTE Checked by `npm run typecheck`: each answer must be a real type (not never or unknown,
// which is what a route without a response schema yields) with the fields the console reads, so
// a response schema that loses one of them fails here before a page shows a blank.

describe('the generated views the console reads', () => {
  it('types the case page’s answers', () => {
    type Case = Answer<'/v1/cases/{id}'>
    expectTypeOf<Case>().not.toBeNever()
    expectTypeOf<Case>().toExtend<{
      priorityBreakdown: { formula: string }
      subject: { media: { withheld?: 'csea' }[] }
      reports: { reporterContactGiven: boolean }[]
      decisions: { judgement: { items: { id: string; met: boolean }[] } | null }[]
    }>()
    type Standing = Answer<'/v1/accounts/{accountId}/standing'>
    expectTypeOf<Standing>().not.toBeNever()
    expectTypeOf<Standing>().toExtend<{
      status: 'good' | 'warned' | 'suspended' | 'terminated'
      points: number
      liveStrikes: { harm: string; severity: number; expiresAt: string | null }[]
      nextStep: { action: string; atPoints: number; pointsToGo: number } | null
    }>()
    type Harm = Answer<'/v1/taxonomy'>['harms'][number]
    expectTypeOf<Harm>().not.toBeNever()
    expectTypeOf<Harm>().toExtend<{
      id: string
      label: string
      parent?: string
      offences?: string[]
    }>()
    type Preview = Answer<'/v1/cases/{id}/statement-preview', 'post'>
    expectTypeOf<Preview>().not.toBeNever()
    expectTypeOf<Preview>().toExtend<{ plainText: string }>()
  })

  it('types the banks and rules pages’ answers', () => {
    type Bank = Answer<'/v1/banks'>['banks'][number]
    expectTypeOf<Bank>().not.toBeNever()
    expectTypeOf<Bank>().toExtend<{ enabled: boolean; entries: number; activeEntries: number }>()
    type Entries = Answer<'/v1/banks/{id}/entries'>
    expectTypeOf<Entries>().not.toBeNever()
    expectTypeOf<Entries>().toExtend<{
      entries: { value: string; disabledAt: string | null; retractedAt: string | null }[]
      next?: string
    }>()
    type Rule = Answer<'/v1/rules/{id}'>
    expectTypeOf<Rule>().not.toBeNever()
    expectTypeOf<Rule>().toExtend<{
      currentVersion: number
      description: string | null
      versions: { version: number; source: string }[]
      outcomes: { live: number; shadow: number; since: string }
    }>()
    type Backtest = Answer<'/v1/rules/{id}/backtest', 'post'>
    expectTypeOf<Backtest>().not.toBeNever()
    expectTypeOf<Backtest>().toExtend<{
      precision: number | null
      counts: { tp: number; fp: number; fn: number; tn: number }
      examples: { tp: string[] }
    }>()
  })

  it('types the appeals pages’ answers', () => {
    type Appeals = Answer<'/v1/appeals'>
    expectTypeOf<Appeals>().not.toBeNever()
    expectTypeOf<Appeals>().toExtend<{
      appeals: { reference: string; slaDeadline: string | null; legalDeadline: string | null }[]
      total: number
    }>()
    type Appeal = Answer<'/v1/appeals/{id}'>
    expectTypeOf<Appeal>().not.toBeNever()
    expectTypeOf<Appeal>().toExtend<{
      decision: { actions: { type: string }[] } | null
      case: { status: string } | null
      notifications: { subjectLine: string; recipientRole: string }[]
    }>()
    type Settled = Answer<'/v1/appeals/{id}/decision', 'post'>
    expectTypeOf<Settled>().not.toBeNever()
    expectTypeOf<Settled>().toExtend<{
      appeal: { reference: string; status: string }
      reversal: { id: string } | null
    }>()
  })
})
