import { ErrorNotice } from '../../components/ErrorNotice'
import { type BankImportView, count, progressOf } from './import-data'

interface Bar {
  label: string
  value?: number
  max?: number
}

/**
 * The upload's progress, then the server's: a labelled progress bar with its counts in words
 * (announced politely as they change), the result, or the refusal with its problems by line.
 */
export function ImportProgress({ sent, job }: { sent?: number; job?: BankImportView }) {
  const { bar, words } = describe(sent, job)
  return (
    <div className="import-progress">
      {bar ? (
        <>
          <label htmlFor="import-progress">{bar.label}</label>
          <progress id="import-progress" max={bar.max} value={bar.value} />
        </>
      ) : null}
      <p id="import-status" role="status" aria-live="polite">
        {words}
      </p>
      {job?.status === 'failed' ? <ImportFailure job={job} /> : null}
    </div>
  )
}

function describe(sent?: number, job?: BankImportView): { bar?: Bar; words: string } {
  if (sent !== undefined) {
    return {
      bar: { label: 'Uploading the file', value: sent, max: 1 },
      words: `Uploaded ${Math.round(sent * 100)}% of the file.`,
    }
  }
  if (!job) return { words: '' }
  if (job.status === 'done') return { words: resultOf(job) }
  if (job.status === 'failed') return { words: 'The import failed: see why below.' }
  const progress = progressOf(job)
  const label = job.status === 'writing' ? 'Writing the entries' : 'Checking the file'
  return {
    bar: {
      label,
      ...(progress.max !== undefined ? { value: progress.value, max: progress.max } : {}),
    },
    words: progress.words,
  }
}

function resultOf(job: BankImportView): string {
  const other =
    job.otherSignalType > 0 ? `; ${count(job.otherSignalType)} of another signal type left out` : ''
  return (
    `Done: checked ${count(job.linesChecked)} lines; written ${count(job.entriesWritten)}, ` +
    `skipped ${count(job.entriesSkipped)} already in the bank${other}.`
  )
}

function ImportFailure({ job }: { job: BankImportView }) {
  const more = job.problemCount - job.problems.length
  return (
    <ErrorNotice id="import-refusal">
      <p>{job.error}</p>
      {job.problems.length > 0 ? (
        <ul id="import-problems">
          {job.problems.map((p) => (
            <li key={p.line}>
              Line {count(p.line)}: {p.problem}
            </li>
          ))}
        </ul>
      ) : null}
      {more > 0 ? <p>And {count(more)} more lines with problems.</p> : null}
    </ErrorNotice>
  )
}
