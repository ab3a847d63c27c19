import type { SignalSource } from './signal.js'
import type { Taxonomy } from './taxonomy.js'

export interface QueueDefinition {
  id: string
  label: string
  /** Hours from the case opening to its SLA deadline. */
  slaHours: number
}

/** The default queues; the reports issue makes them configurable. */
export const DEFAULT_QUEUES: readonly QueueDefinition[] = [
  { id: 'child_safety', label: 'Child safety', slaHours: 1 },
  { id: 'terrorism', label: 'Terrorism', slaHours: 1 },
  { id: 'intimate_images', label: 'Intimate images (48-hour duty)', slaHours: 24 },
  { id: 'trusted_flaggers', label: 'Trusted flaggers and authorities', slaHours: 12 },
  { id: 'general', label: 'General', slaHours: 72 },
]

const SOURCE_TRUST: Record<SignalSource, number> = {
  authority: 30,
  trusted_flagger: 25,
  hash_match: 20,
  url_list: 15,
  keyword_list: 5,
  classifier: 5,
  rule: 10,
  user_report: 0,
}

export interface RoutingInput {
  harm: string | null
  source: SignalSource
}

export interface Routing {
  queue: QueueDefinition
  priority: number
}

/**
 * Severity first, then how much the source is trusted (Ofcom ICU C5): trust (at most 30) never
 * outweighs a step of severity (100).
 */
export function routeCase(taxonomy: Taxonomy, input: RoutingInput): Routing {
  const severity = input.harm ? (taxonomy.get(input.harm)?.severity ?? 2) : 2
  const priority = severity * 100 + SOURCE_TRUST[input.source]
  return { queue: pickQueue(taxonomy, input), priority }
}

function pickQueue(taxonomy: Taxonomy, input: RoutingInput): QueueDefinition {
  const harm = input.harm
  const byId = (id: string) => DEFAULT_QUEUES.find((queue) => queue.id === id) as QueueDefinition
  if (harm && taxonomy.isUnder(harm, 'illegal.csea')) return byId('child_safety')
  if (harm && taxonomy.isUnder(harm, 'illegal.terrorism')) return byId('terrorism')
  if (harm && taxonomy.isUnder(harm, 'illegal.intimate_image_abuse')) return byId('intimate_images')
  if (input.source === 'authority' || input.source === 'trusted_flagger') {
    return byId('trusted_flaggers')
  }
  return byId('general')
}

/** The more urgent of two queues: the earlier in DEFAULT_QUEUES (child safety first). */
export function moreUrgentQueue(a: string, b: string): string {
  const rank = (id: string) => {
    const index = DEFAULT_QUEUES.findIndex((queue) => queue.id === id)
    return index === -1 ? DEFAULT_QUEUES.length : index
  }
  return rank(b) < rank(a) ? b : a
}

export function slaDeadline(openedAt: Date, queue: QueueDefinition): Date {
  return new Date(openedAt.getTime() + queue.slaHours * 3_600_000)
}
