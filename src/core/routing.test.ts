import { describe, expect, it } from 'vitest'
import { DEFAULT_QUEUE_POLICY, type QueuePolicy } from './policy/queues.js'
import { type Policy, policySchema } from './policy.js'
import {
  deadlineStage,
  legalDeadline,
  moreUrgentQueue,
  nearingAt,
  nextEscalation,
  pickQueue,
  type RoutingInput,
  reachFactor,
  routeCase,
  slaDeadline,
} from './routing.js'
import { SIGNAL_SOURCES, type SignalSource } from './signal.js'
import { buildTaxonomy, DEFAULT_TAXONOMY } from './taxonomy.js'

const taxonomy = DEFAULT_TAXONOMY
const policy = DEFAULT_QUEUE_POLICY

function queueOf(harm: string | null, source: SignalSource = 'user_report', p = policy): string {
  return routeCase(taxonomy, p, { harm, source }).queue.id
}

function priorityOf(input: Partial<RoutingInput> & { harm: string | null }): number {
  return routeCase(taxonomy, policy, { source: 'user_report', ...input }).priority
}

function policyOf(document: unknown): QueuePolicy {
  return (policySchema.parse(document) as Policy).queues
}

describe('routing table (default policy)', () => {
  it.each([
    ['illegal.csea', 'user_report', 'child_safety'],
    ['illegal.csea.grooming', 'authority', 'child_safety'],
    ['illegal.csea.image_csam', 'hash_match', 'child_safety'],
    ['illegal.terrorism', 'trusted_flagger', 'terrorism'],
    ['illegal.terrorism', 'user_report', 'terrorism'],
    ['illegal.intimate_image_abuse', 'user_report', 'intimate_images'],
    ['illegal.intimate_image_abuse', 'authority', 'intimate_images'],
    ['illegal.fraud', 'trusted_flagger', 'trusted_flaggers'],
    ['illegal.hate', 'authority', 'trusted_flaggers'],
    [null, 'authority', 'trusted_flaggers'],
    ['illegal.fraud', 'user_report', 'general'],
    ['illegal.fraud', 'hash_match', 'general'],
    ['terms', 'keyword_list', 'general'],
    [null, 'rule', 'general'],
  ] as const)('%s from %s goes to %s', (harm, source, queue) => {
    expect(queueOf(harm, source)).toBe(queue)
  })

  it('sends CSEA to child_safety whoever reports it', () => {
    for (const source of SIGNAL_SOURCES)
      expect(queueOf('illegal.csea.grooming', source)).toBe('child_safety')
  })

  it('does not mistake a sibling whose id shares a prefix for CSEA', () => {
    const withTerms = buildTaxonomy([{ id: 'cseaish', label: 'Looks like csea' }])
    const input = { harm: 'terms.cseaish', source: 'user_report' as const }
    expect(routeCase(withTerms, policy, input).queue.id).toBe('general')
  })
})

describe('routing table (configured policy)', () => {
  const configured = policyOf({
    queues: {
      definitions: [
        { id: 'urgent', label: 'Urgent', slaHours: 2 },
        { id: 'private_messages', label: 'Private messages', slaHours: 8 },
        { id: 'fraud_partners', label: 'Fraud from partners', slaHours: 6 },
        { id: 'everything', label: 'Everything else', slaHours: 48 },
        { id: 'appeals', label: 'Appeals', slaHours: 100 },
        { id: 'appeals_expedited', label: 'Expedited appeals', slaHours: 24 },
      ],
      routes: [
        { queue: 'urgent', harms: ['illegal.csea', 'illegal.terrorism'] },
        { queue: 'fraud_partners', harms: ['illegal.fraud'], sources: ['trusted_flagger'] },
        { queue: 'private_messages', surfaces: ['private'] },
      ],
      fallback: 'everything',
    },
  })

  it('takes the first route whose every condition holds', () => {
    expect(queueOf('illegal.terrorism', 'trusted_flagger', configured)).toBe('urgent')
    expect(queueOf('illegal.fraud', 'trusted_flagger', configured)).toBe('fraud_partners')
    expect(queueOf('illegal.fraud', 'user_report', configured)).toBe('everything')
  })

  it('routes by surface, and a route with a surface never matches an unknown surface', () => {
    const input = { harm: 'illegal.hate', source: 'user_report' as const }
    expect(pickQueue(taxonomy, configured, { ...input, surface: 'private' }).id).toBe(
      'private_messages',
    )
    expect(pickQueue(taxonomy, configured, { ...input, surface: 'public' }).id).toBe('everything')
    expect(pickQueue(taxonomy, configured, input).id).toBe('everything')
  })

  it('ranks urgency by the order of the definitions', () => {
    expect(moreUrgentQueue('everything', 'urgent', configured.definitions)).toBe('urgent')
    expect(moreUrgentQueue('urgent', 'everything', configured.definitions)).toBe('urgent')
    expect(moreUrgentQueue('private_messages', 'nowhere', configured.definitions)).toBe(
      'private_messages',
    )
  })

  it('refuses a policy that routes to a queue it does not define, or puts SLA after the law', () => {
    expect(() => policyOf({ queues: { routes: [{ queue: 'nowhere' }] } })).toThrow(/nowhere/)
    expect(() =>
      policyOf({
        queues: {
          definitions: [
            { id: 'general', label: 'G', slaHours: 50, legalDeadlineHours: 48 },
            { id: 'appeals', label: 'A', slaHours: 1 },
            { id: 'appeals_expedited', label: 'E', slaHours: 1 },
          ],
        },
      }),
    ).toThrow(/legalDeadlineHours/)
  })
})

describe('priority = round(100 × severity × reach factor × source trust)', () => {
  it('ranks a more severe harm above a less severe one from the same source', () => {
    for (const source of SIGNAL_SOURCES) {
      const of = (harm: string) => priorityOf({ harm, source })
      expect(of('illegal.csea')).toBeGreaterThan(of('illegal.hate'))
      expect(of('illegal.hate')).toBeGreaterThan(of('illegal.fraud'))
      expect(of('illegal.fraud')).toBeGreaterThan(of('children_priority.bullying'))
    }
  })

  it('ranks a more trusted source above a less trusted one for the same harm', () => {
    const order: SignalSource[] = [
      'authority',
      'trusted_flagger',
      'hash_match',
      'url_list',
      'rule',
      'keyword_list',
      'user_report',
    ]
    const priorities = order.map((source) => priorityOf({ harm: 'illegal.fraud', source }))
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a))
    expect(new Set(priorities).size).toBe(priorities.length)
  })

  it('computes the documented numbers', () => {
    const fraud = taxonomy.get('illegal.fraud')?.severity as number
    const basis = routeCase(taxonomy, policy, {
      harm: 'illegal.fraud',
      source: 'trusted_flagger',
      reach: { views: 999, followers: 10 },
    }).basis
    expect(basis).toMatchObject({ severity: fraud, trust: 1.4, reach: 999, reachFactor: 1.3 })
    expect(basis.base).toBe(Math.round(100 * fraud * 1.3 * 1.4))
    expect(priorityOf({ harm: null })).toBe(200)
    expect(priorityOf({ harm: 'no.such.harm' })).toBe(200)
  })

  it('raises priority with reach, up to the cap', () => {
    expect(reachFactor(policy, 0)).toBe(1)
    expect(reachFactor(policy, 9)).toBe(1.1)
    expect(reachFactor(policy, 1e6)).toBe(1.6)
    expect(reachFactor(policy, 1e12)).toBe(1.6)
    const quiet = priorityOf({ harm: 'illegal.hate' })
    const viral = priorityOf({ harm: 'illegal.hate', reach: { followers: 100_000 } })
    expect(viral).toBeGreaterThan(quiet)
  })

  it('takes trust factors from the policy', () => {
    const custom = policyOf({ queues: { priority: { sourceTrust: { user_report: 2 } } } })
    const input = { harm: 'illegal.fraud', source: 'user_report' as const }
    expect(routeCase(taxonomy, custom, input).priority).toBe(2 * priorityOf(input))
    expect(custom.priority.sourceTrust.authority).toBe(1.5)
  })
})

describe('deadlines', () => {
  const opened = new Date('2026-11-22T09:00:00.000Z')
  const byId = (id: string) => policy.definitions.find((q) => q.id === id)

  it('adds the queue target to the opening time', () => {
    const route = routeCase(taxonomy, policy, { harm: 'illegal.csea', source: 'user_report' })
    expect(slaDeadline(opened, route.queue).toISOString()).toBe('2026-11-22T10:00:00.000Z')
    const general = routeCase(taxonomy, policy, { harm: 'illegal.fraud', source: 'user_report' })
    expect(slaDeadline(opened, general.queue).toISOString()).toBe('2026-11-25T09:00:00.000Z')
  })

  it('gives intimate images a legal deadline 48 hours from the report', () => {
    const queue = byId('intimate_images')
    if (!queue) throw new Error('no intimate_images queue')
    expect(legalDeadline(opened, queue)?.toISOString()).toBe('2026-11-24T09:00:00.000Z')
    expect(legalDeadline(opened, byId('general') ?? queue)).toBeNull()
  })

  it('never sets the SLA deadline after the legal one', () => {
    const queue = { id: 'x', label: 'X', slaHours: 72, legalDeadlineHours: 48 }
    expect(slaDeadline(opened, queue).toISOString()).toBe('2026-11-24T09:00:00.000Z')
  })

  it('steps nearing then overdue, never back, and straight to overdue when late', () => {
    const c = {
      createdAt: opened,
      slaDeadline: new Date('2026-11-22T13:00:00.000Z'),
      legalDeadline: null,
      escalation: null,
    }
    expect(nearingAt(c, 0.25).toISOString()).toBe('2026-11-22T12:00:00.000Z')
    const at = (iso: string) => new Date(iso)
    expect(nextEscalation(c, at('2026-11-22T11:59:59Z'), 0.25)).toBeNull()
    expect(nextEscalation(c, at('2026-11-22T12:00:00Z'), 0.25)).toBe('nearing')
    expect(
      nextEscalation({ ...c, escalation: 'nearing' }, at('2026-11-22T12:30:00Z'), 0.25),
    ).toBeNull()
    expect(nextEscalation({ ...c, escalation: 'nearing' }, at('2026-11-22T13:00:00Z'), 0.25)).toBe(
      'overdue',
    )
    expect(nextEscalation(c, at('2026-11-22T14:00:00Z'), 0.25)).toBe('overdue')
    expect(
      nextEscalation({ ...c, escalation: 'overdue' }, at('2026-11-23T00:00:00Z'), 0.25),
    ).toBeNull()
  })

  it('counts a passed legal deadline as overdue', () => {
    const c = {
      createdAt: opened,
      slaDeadline: new Date('2026-11-23T09:00:00.000Z'),
      legalDeadline: new Date('2026-11-22T10:00:00.000Z'),
      escalation: null,
    }
    expect(deadlineStage(c, new Date('2026-11-22T10:00:00.000Z'), 0.25)).toBe('overdue')
  })
})
