import type { Verdict } from './subject.js'

export const SIGNAL_SOURCES = [
  'hash_match',
  'url_list',
  'keyword_list',
  'classifier',
  'rule',
  'user_report',
  'trusted_flagger',
  'authority',
] as const
export type SignalSource = (typeof SIGNAL_SOURCES)[number]

/** One finding about a subject, with the evidence that produced it. */
export interface SignalInput {
  source: SignalSource
  harm: string
  /** 0..1; 1 for exact list matches. */
  score: number
  /** What the matcher suggests doing; the verdict policy takes the strictest. */
  action: Verdict
  matcher: string
  evidence: Record<string, unknown>
}

export interface Signal extends SignalInput {
  id: string
  subjectId: string
  createdAt: Date
}
