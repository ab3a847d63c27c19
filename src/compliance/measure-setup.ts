import type { BankKind, BankSource } from '../core/bank.js'
import type { Policy } from '../core/policy.js'
import type { Person } from '../core/risk-assessment.js'
import type { Taxonomy } from '../core/taxonomy.js'

/** What Vigil's configuration and database say, read once for every measure's check. */
export interface VigilSetup {
  policy: Policy
  taxonomy: Taxonomy
  /** The built-in default policy is in use (no VIGIL_POLICY or VIGIL_POLICY_FILE of its own). */
  defaultPolicy: boolean
  termsNodes: number
  banks: {
    name: string
    kind: BankKind
    harm: string
    source: BankSource
    enabled: boolean
    activeEntries: number
  }[]
  /** Enabled webhook endpoints and the events each receives. */
  webhookEvents: string[][]
  flaggers: { kind: 'trusted_flagger' | 'authority'; enabled: boolean }[]
  reviewers: { consoleUsers: number; moderatorKeys: number }
  /** Public or group images hashed (PDQ) at ingest in the last 30 days. */
  publicImagesHashed: number
  scanPrivate: boolean
  classifiers: string[]
  /** The named person responsible in the approved assessment. */
  responsiblePerson: Person | null
}

export type StatusKind = 'met' | 'partly' | 'not_met' | 'not_software' | 'outside_vigil'

/** Whether Vigil's configuration carries a measure out, with the evidence and any gaps. */
export interface MeasureStatus {
  status: StatusKind
  evidence: string[]
  /** What to configure to close the gap; empty when met. */
  gaps: string[]
  /** The part of the measure only the service itself can do, outside Vigil. */
  outsideVigil: string | null
}

export function status(
  kind: StatusKind,
  evidence: string[],
  gaps: string[] = [],
  outsideVigil: string | null = null,
): MeasureStatus {
  return { status: kind, evidence, gaps, outsideVigil }
}

export function met(evidence: string[], outsideVigil: string | null = null): MeasureStatus {
  return status('met', evidence, [], outsideVigil)
}

export function outside(what: string): MeasureStatus {
  return status('outside_vigil', ['Vigil does not carry this out.'], [], what)
}

export function governance(evidence: string[] = []): MeasureStatus {
  return status('not_software', [
    ...evidence,
    'Governance (GOV): Vigil cannot check it; keep your own record of who does it and when.',
  ])
}

/** "1 active entry", "3 active entries": a count with its noun. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`
}

/** The endpoints subscribed to an event. */
export function subscribed(setup: VigilSetup, event: string): number {
  return setup.webhookEvents.filter((events) => events.includes(event)).length
}

const ORDER: StatusKind[] = ['not_met', 'partly', 'met', 'outside_vigil', 'not_software']

/** The weakest of several statuses, with all their evidence and gaps (for grouped rows). */
export function weakest(parts: MeasureStatus[], evidence: string[] = []): MeasureStatus {
  const kinds = parts.map((p) => p.status)
  const kind = ORDER.find((k) => kinds.includes(k)) ?? 'met'
  const outsideVigil = parts
    .map((p) => p.outsideVigil)
    .filter(Boolean)
    .join(' ')
  return status(
    kind,
    [...evidence, ...parts.flatMap((p) => p.evidence)],
    parts.flatMap((p) => p.gaps),
    outsideVigil || null,
  )
}
