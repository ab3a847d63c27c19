import type { BankKind } from '../core/bank.js'
import type { SignalInput } from '../core/signal.js'
import type { Verdict } from '../core/subject.js'
import { decideVerdict } from '../core/verdict.js'
import { BankGate } from './bank-gate.js'
import { sniffImageFormat } from './hash/image-format.js'
import type { ImageHasher, ImageHashes } from './hash/image-hasher.js'
import type { BankMatcher, ListEntry, Matcher, MatchInput } from './matcher.js'
import { ExactHashMatcher } from './matchers/exact-hash-matcher.js'
import { KeywordListMatcher } from './matchers/keyword-list-matcher.js'
import { PdqMatcher, type PdqMatcherOptions } from './matchers/pdq-matcher.js'
import { UrlListMatcher } from './matchers/url-list-matcher.js'

export interface DetectionResult {
  signals: SignalInput[]
  verdict: Verdict
  /** Matchers that failed or ran out of time; the verdict is made without them. */
  failures: { matcher: string; reason: string }[]
  /** Why nothing was scanned, when nothing was (private surfaces unless scanning is on). */
  skipped?: 'private_surface'
}

export interface PipelineOptions {
  /** Every matcher must answer within this, or the verdict is made without it. */
  deadlineMs: number
  /** Matchers beyond the bank matchers: classifiers, the obscenity list, test doubles. */
  matchers?: readonly Matcher[]
  pdq?: Partial<PdqMatcherOptions>
  /** Where images are decoded and hashed (a thread pool in servers); this thread by default. */
  imageHasher?: ImageHasher
  /** Proactive scanning of `private` surfaces (off by default: the law does not ask for it). */
  scanPrivate?: boolean
  /** Epoch milliseconds, for entry expiry; the system clock by default. */
  now?: () => number
  /** False for processes that never detect (CLI tools): bank entries are then not loaded. */
  holdsBanks?: boolean
}

/** One bank entry's new state: active entries are (re)placed in their matcher, others removed. */
export interface BankChange {
  kind: BankKind
  entry: ListEntry
  active: boolean
}

/** Runs every matcher concurrently within a deadline and turns their signals into a verdict. */
export class DetectionPipeline {
  readonly banks: Record<BankKind, BankMatcher>
  readonly #matchers: Matcher[]
  readonly #pdq: PdqMatcher
  readonly #gate = new BankGate()
  readonly #options: PipelineOptions
  #bankRevision = -1

  constructor(options: PipelineOptions) {
    this.#options = options
    this.#pdq = new PdqMatcher(options.pdq, options.imageHasher)
    this.banks = {
      sha256: new ExactHashMatcher('sha256'),
      md5: new ExactHashMatcher('md5'),
      pdq: this.#pdq,
      url: new UrlListMatcher(),
      keyword: new KeywordListMatcher(),
    }
    this.#matchers = [...Object.values(this.banks), ...(options.matchers ?? [])]
  }

  get holdsBanks(): boolean {
    return this.#options.holdsBanks !== false
  }

  /** The PDQ matcher's limits: the largest distance that matches and the least useful quality. */
  get pdqLimits(): { maxDistance: number; minQuality: number } {
    return { maxDistance: this.#pdq.options.maxDistance, minQuality: this.#pdq.options.minQuality }
  }

  /**
   * PDQ-hashes an image as the PDQ matcher would, for callers that keep the hash (re-upload
   * prevention); pass the result as `MediaItem.pdq` so the matcher does not hash it again.
   * Undefined for bytes that are not an image of a known format.
   */
  async hashImage(bytes: Uint8Array): Promise<ImageHashes | undefined> {
    if (!sniffImageFormat(bytes)) return undefined
    return this.#pdq.hashImage(bytes)
  }

  /** The banks' revision the matchers hold (-1 before the first load). */
  get bankRevision(): number {
    return this.#bankRevision
  }

  /** Applies entry changes and the banks' enabled switches, then records the revision. */
  applyBankChanges(
    banks: readonly { id: string; enabled: boolean }[],
    changes: readonly BankChange[],
    revision: number,
  ): void {
    this.#gate.setBanks(banks)
    const firstLoad = this.#bankRevision === -1
    for (const { kind, entry, active } of changes) {
      const matcher = this.banks[kind]
      if (active) matcher.upsert(entry, firstLoad)
      else if (!firstLoad) matcher.remove(entry)
      this.#gate.track(entry, active)
    }
    for (const matcher of Object.values(this.banks)) matcher.flush?.()
    this.#bankRevision = revision
  }

  /** Forgets every bank entry; the next changes applied are a first load. */
  resetBanks(): void {
    for (const matcher of Object.values(this.banks)) matcher.clear()
    this.#gate.clear()
    this.#bankRevision = -1
  }

  /** Replaces every bank entry (all banks enabled): for tests and tools. */
  loadBanks(entries: Partial<Record<BankKind, readonly ListEntry[]>>, revision: number): void {
    this.resetBanks()
    const changes = Object.entries(entries).flatMap(([kind, list]) =>
      (list ?? []).map((entry) => ({ kind: kind as BankKind, entry, active: true })),
    )
    this.applyBankChanges([], changes, revision)
  }

  async run(input: MatchInput): Promise<DetectionResult> {
    if (input.surface === 'private' && !this.#options.scanPrivate) {
      return { signals: [], verdict: 'allow', failures: [], skipped: 'private_surface' }
    }
    // @NOTE One controller and timer per run: cheaper on the hot path than AbortSignal.timeout.
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.#options.deadlineMs)
    const settled = await Promise.allSettled(
      this.#matchers.map((matcher) => withDeadline(matcher, input, controller.signal)),
    ).finally(() => clearTimeout(timer))
    const now = this.#options.now?.() ?? Date.now()
    const signals: SignalInput[] = []
    const failures: DetectionResult['failures'] = []
    settled.forEach((outcome, i) => {
      const name = this.#matchers[i]?.name ?? 'unknown'
      if (outcome.status === 'fulfilled') {
        for (const signal of outcome.value) if (this.#gate.passes(signal, now)) signals.push(signal)
      } else {
        failures.push({ matcher: name, reason: String(outcome.reason?.message ?? outcome.reason) })
      }
    })
    return { signals, verdict: decideVerdict(signals), failures }
  }
}

async function withDeadline(matcher: Matcher, input: MatchInput, deadline: AbortSignal) {
  if (deadline.aborted) throw new Error(`${matcher.name} did not start before the deadline`)
  return await new Promise<SignalInput[]>((resolve, reject) => {
    const onAbort = () => reject(new Error(`${matcher.name} missed the detection deadline`))
    deadline.addEventListener('abort', onAbort, { once: true })
    Promise.resolve()
      .then(() => matcher.match(input, deadline))
      .then(resolve, reject)
      .finally(() => deadline.removeEventListener('abort', onAbort))
  })
}
