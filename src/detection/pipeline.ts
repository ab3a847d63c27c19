import type { SignalInput } from '../core/signal.js'
import type { Verdict } from '../core/subject.js'
import { decideVerdict } from '../core/verdict.js'
import type { ListEntry, Matcher, MatchInput } from './matcher.js'
import { KeywordListMatcher } from './matchers/keyword-list-matcher.js'
import { Sha256Matcher } from './matchers/sha256-matcher.js'
import { UrlListMatcher } from './matchers/url-list-matcher.js'

export interface DetectionResult {
  signals: SignalInput[]
  verdict: Verdict
  /** Matchers that failed or ran out of time; the verdict is made without them. */
  failures: { matcher: string; reason: string }[]
}

export interface BankEntries {
  sha256: readonly ListEntry[]
  url: readonly ListEntry[]
  keyword: readonly ListEntry[]
}

/** Runs every matcher concurrently within a deadline and turns their signals into a verdict. */
export class DetectionPipeline {
  readonly sha256 = new Sha256Matcher()
  readonly urls = new UrlListMatcher()
  readonly keywords = new KeywordListMatcher()
  readonly #matchers: Matcher[]
  #bankRevision = -1

  constructor(
    readonly deadlineMs: number,
    extraMatchers: readonly Matcher[] = [],
  ) {
    this.#matchers = [this.sha256, this.urls, this.keywords, ...extraMatchers]
  }

  /** The banks' revision the matchers hold (-1 before the first load). */
  get bankRevision(): number {
    return this.#bankRevision
  }

  loadBanks(entries: BankEntries, revision: number): void {
    this.sha256.load(entries.sha256)
    this.urls.load(entries.url)
    this.keywords.load(entries.keyword)
    this.#bankRevision = revision
  }

  async run(input: MatchInput): Promise<DetectionResult> {
    // @NOTE One controller and timer per run: cheaper on the hot path than AbortSignal.timeout.
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.deadlineMs)
    const settled = await Promise.allSettled(
      this.#matchers.map((matcher) => withDeadline(matcher, input, controller.signal)),
    ).finally(() => clearTimeout(timer))
    const signals: SignalInput[] = []
    const failures: DetectionResult['failures'] = []
    settled.forEach((outcome, i) => {
      const name = this.#matchers[i]?.name ?? 'unknown'
      if (outcome.status === 'fulfilled') signals.push(...outcome.value)
      else
        failures.push({ matcher: name, reason: String(outcome.reason?.message ?? outcome.reason) })
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
