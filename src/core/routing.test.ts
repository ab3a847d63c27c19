import { describe, expect, it } from 'vitest'
import { DEFAULT_QUEUES, routeCase, slaDeadline } from './routing.js'
import { SIGNAL_SOURCES, type SignalSource } from './signal.js'
import { buildTaxonomy, DEFAULT_TAXONOMY } from './taxonomy.js'

const taxonomy = DEFAULT_TAXONOMY

function queueOf(harm: string | null, source: SignalSource = 'user_report'): string {
  return routeCase(taxonomy, { harm, source }).queue.id
}

function priorityOf(harm: string | null, source: SignalSource): number {
  return routeCase(taxonomy, { harm, source }).priority
}

describe('routeCase queues', () => {
  it('sends CSEA and everything below it to child_safety, whoever reports it', () => {
    for (const harm of ['illegal.csea', 'illegal.csea.grooming', 'illegal.csea.image_csam']) {
      for (const source of SIGNAL_SOURCES) expect(queueOf(harm, source)).toBe('child_safety')
    }
  })

  it('sends terrorism to terrorism, also from trusted flaggers', () => {
    expect(queueOf('illegal.terrorism')).toBe('terrorism')
    expect(queueOf('illegal.terrorism', 'trusted_flagger')).toBe('terrorism')
    expect(queueOf('illegal.terrorism', 'hash_match')).toBe('terrorism')
  })

  it('sends intimate image abuse to intimate_images', () => {
    expect(queueOf('illegal.intimate_image_abuse')).toBe('intimate_images')
    expect(queueOf('illegal.intimate_image_abuse', 'authority')).toBe('intimate_images')
  })

  it('sends other harms from trusted flaggers and authorities to their own queue', () => {
    expect(queueOf('illegal.fraud', 'trusted_flagger')).toBe('trusted_flaggers')
    expect(queueOf('illegal.hate', 'authority')).toBe('trusted_flaggers')
    expect(queueOf(null, 'authority')).toBe('trusted_flaggers')
  })

  it('sends everything else to general', () => {
    expect(queueOf('illegal.fraud')).toBe('general')
    expect(queueOf('illegal.fraud', 'hash_match')).toBe('general')
    expect(queueOf('terms', 'keyword_list')).toBe('general')
    expect(queueOf(null, 'rule')).toBe('general')
  })

  it('does not mistake a sibling whose id shares a prefix for CSEA', () => {
    const withTerms = buildTaxonomy([{ id: 'cseaish', label: 'Looks like csea' }])
    expect(routeCase(withTerms, { harm: 'terms.cseaish', source: 'user_report' }).queue.id).toBe(
      'general',
    )
  })
})

describe('routeCase priority', () => {
  it('ranks a more severe harm above a less severe one from the same source', () => {
    for (const source of SIGNAL_SOURCES) {
      expect(priorityOf('illegal.csea', source)).toBeGreaterThan(priorityOf('illegal.hate', source))
      expect(priorityOf('illegal.hate', source)).toBeGreaterThan(
        priorityOf('illegal.fraud', source),
      )
      expect(priorityOf('illegal.fraud', source)).toBeGreaterThan(
        priorityOf('children_priority.bullying', source),
      )
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
    const priorities = order.map((source) => priorityOf('illegal.fraud', source))
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a))
    expect(new Set(priorities).size).toBe(priorities.length)
    expect(priorityOf('illegal.fraud', 'classifier')).toBe(
      priorityOf('illegal.fraud', 'keyword_list'),
    )
  })

  it('gives an unknown or missing harm the middle severity', () => {
    expect(priorityOf(null, 'user_report')).toBe(priorityOf('terms', 'user_report'))
    expect(priorityOf('no.such.harm', 'user_report')).toBe(priorityOf(null, 'user_report'))
  })

  it('never lets source trust outweigh a higher severity', () => {
    for (const lowSource of SIGNAL_SOURCES) {
      for (const highSource of SIGNAL_SOURCES) {
        expect(priorityOf('illegal.csea', lowSource)).toBeGreaterThan(
          priorityOf('illegal.harassment', highSource),
        )
      }
    }
  })
})

describe('slaDeadline', () => {
  it('adds the queue target to the opening time', () => {
    const opened = new Date('2026-11-22T09:00:00.000Z')
    const hours = Object.fromEntries(DEFAULT_QUEUES.map((q) => [q.id, q.slaHours]))
    expect(hours).toEqual({
      child_safety: 1,
      terrorism: 1,
      intimate_images: 24,
      trusted_flaggers: 12,
      general: 72,
    })
    const route = routeCase(taxonomy, { harm: 'illegal.csea', source: 'user_report' })
    expect(slaDeadline(opened, route.queue).toISOString()).toBe('2026-11-22T10:00:00.000Z')
    const general = routeCase(taxonomy, { harm: 'illegal.fraud', source: 'user_report' })
    expect(slaDeadline(opened, general.queue).toISOString()).toBe('2026-11-25T09:00:00.000Z')
  })
})
