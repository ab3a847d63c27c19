import type { SignalInput } from './signal.js'
import type { Verdict } from './subject.js'

const STRICTNESS: Record<Verdict, number> = { allow: 0, review: 1, hold: 2, block: 3 }

/** The strictest action any signal asks for; no signals means allow. */
export function decideVerdict(signals: readonly Pick<SignalInput, 'action'>[]): Verdict {
  let verdict: Verdict = 'allow'
  for (const signal of signals) {
    if (STRICTNESS[signal.action] > STRICTNESS[verdict]) verdict = signal.action
  }
  return verdict
}

/** Anything but allow puts the subject in front of a person. */
export function verdictOpensCase(verdict: Verdict): boolean {
  return verdict !== 'allow'
}
