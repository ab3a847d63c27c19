/** How a replayed subject was labelled by the recorded decisions; null when none was made. */
export type BacktestLabel = 'positive' | 'negative' | null

export type Bucket = 'tp' | 'fp' | 'fn' | 'tn'

export interface BacktestScore {
  /** Subjects replayed. */
  subjects: number
  /** Subjects the rule matched, labelled or not. */
  matched: number
  counts: Record<Bucket, number>
  /** tp / (tp + fp); null when the rule matched no decided subject. */
  precision: number | null
  /** tp / (tp + fn); null when no decided subject was positive. */
  recall: number | null
  /** Subjects without a decision: outside the counts above. */
  undecided: { subjects: number; matched: number }
  /** A few subject ids per bucket, in replay order. */
  examples: Record<Bucket, string[]>
}

/** Adds up a backtest: the rule's match against the label of each subject. Pure. */
export class BacktestTally {
  readonly #counts: Record<Bucket, number> = { tp: 0, fp: 0, fn: 0, tn: 0 }
  readonly #examples: Record<Bucket, string[]> = { tp: [], fp: [], fn: [], tn: [] }
  readonly #undecided = { subjects: 0, matched: 0 }
  #subjects = 0
  #matched = 0

  constructor(private readonly examplesPerBucket = 5) {}

  add(subjectId: string, matched: boolean, label: BacktestLabel): void {
    this.#subjects += 1
    if (matched) this.#matched += 1
    if (label === null) {
      this.#undecided.subjects += 1
      if (matched) this.#undecided.matched += 1
      return
    }
    const bucket = bucketOf(matched, label === 'positive')
    this.#counts[bucket] += 1
    const examples = this.#examples[bucket]
    if (examples.length < this.examplesPerBucket) examples.push(subjectId)
  }

  score(): BacktestScore {
    const { tp, fp, fn } = this.#counts
    return {
      subjects: this.#subjects,
      matched: this.#matched,
      counts: { ...this.#counts },
      precision: tp + fp === 0 ? null : tp / (tp + fp),
      recall: tp + fn === 0 ? null : tp / (tp + fn),
      undecided: { ...this.#undecided },
      examples: {
        tp: [...this.#examples.tp],
        fp: [...this.#examples.fp],
        fn: [...this.#examples.fn],
        tn: [...this.#examples.tn],
      },
    }
  }
}

function bucketOf(matched: boolean, positive: boolean): Bucket {
  if (matched) return positive ? 'tp' : 'fp'
  return positive ? 'fn' : 'tn'
}
