import type { SignalInput } from '../core/signal.js'
import type { ListEntry } from './matcher.js'

/**
 * What the matchers do not check themselves: a bank switched off, and entries past their expiry.
 * Signals carry their bank and entry ids in the evidence, so one check after matching covers
 * every bank matcher without touching millions of loaded entries when a bank is disabled.
 */
export class BankGate {
  readonly #disabled = new Set<string>()
  /** Only entries that expire: usually few. */
  readonly #expiry = new Map<string, number>()

  setBanks(banks: readonly { id: string; enabled: boolean }[]): void {
    this.#disabled.clear()
    for (const bank of banks) if (!bank.enabled) this.#disabled.add(bank.id)
  }

  track(entry: ListEntry, active: boolean): void {
    if (active && entry.expiresAt !== null) this.#expiry.set(entry.entryId, entry.expiresAt)
    else this.#expiry.delete(entry.entryId)
  }

  clear(): void {
    this.#disabled.clear()
    this.#expiry.clear()
  }

  passes(signal: SignalInput, now: number): boolean {
    const { bankId, entryId } = signal.evidence
    if (typeof bankId === 'string' && this.#disabled.has(bankId)) return false
    const expiresAt = typeof entryId === 'string' ? this.#expiry.get(entryId) : undefined
    return expiresAt === undefined || expiresAt > now
  }
}
