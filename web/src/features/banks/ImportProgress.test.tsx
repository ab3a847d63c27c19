// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ImportProgress } from './ImportProgress'
import type { BankImportView } from './import-data'

afterEach(cleanup)

const QUEUED: BankImportView = {
  id: 'a0000000-0000-4000-8000-000000000001',
  bankId: 'b0000000-0000-4000-8000-000000000002',
  format: 'jsonl',
  status: 'queued',
  fileBytes: 2_600_000,
  linesTotal: 40_000,
  linesChecked: 0,
  entriesTotal: null,
  entriesWritten: 0,
  entriesSkipped: 0,
  otherSignalType: 0,
  problems: [],
  problemCount: 0,
  error: null,
  startedBy: 'user:c0000000-0000-4000-8000-000000000003',
  createdAt: '2026-11-30T12:00:00.000Z',
  startedAt: null,
  finishedAt: null,
}

function bar(): HTMLProgressElement {
  return screen.getByRole('progressbar') as HTMLProgressElement
}

describe('ImportProgress', () => {
  it('shows the upload as a fraction of the file', () => {
    render(<ImportProgress sent={0.4} />)
    expect(screen.getByLabelText('Uploading the file')).toBe(bar())
    expect(bar().value).toBeCloseTo(0.4)
    expect(screen.getByRole('status').textContent).toBe('Uploaded 40% of the file.')
  })

  it('shows a waiting import without a value, then the lines checked out of all lines', () => {
    const { rerender } = render(<ImportProgress job={QUEUED} />)
    expect(bar().hasAttribute('value')).toBe(false)
    expect(screen.getByRole('status').textContent).toBe(
      'Waiting for the worker to start on 40,000 lines.',
    )
    rerender(<ImportProgress job={{ ...QUEUED, status: 'checking', linesChecked: 12_000 }} />)
    expect(screen.getByLabelText('Checking the file')).toBe(bar())
    expect([bar().value, bar().max]).toEqual([12_000, 40_000])
    expect(screen.getByRole('status').textContent).toBe(
      'Checking every line: checked 12,000 of 40,000 lines.',
    )
  })

  it('shows the entries written and skipped out of the entries found', () => {
    const writing = {
      ...QUEUED,
      status: 'writing' as const,
      linesChecked: 40_000,
      entriesTotal: 38_000,
      entriesWritten: 10_000,
      entriesSkipped: 2_000,
    }
    render(<ImportProgress job={writing} />)
    expect(screen.getByLabelText('Writing the entries')).toBe(bar())
    expect([bar().value, bar().max]).toEqual([12_000, 38_000])
    expect(screen.getByRole('status').textContent).toBe(
      'Writing: written 10,000, skipped 2,000 already in the bank, of 38,000 entries.',
    )
  })

  it('shows the result, and a refused file with its problems by line', () => {
    const done = { ...QUEUED, status: 'done' as const, linesChecked: 40_000, entriesWritten: 5 }
    const { rerender } = render(<ImportProgress job={{ ...done, otherSignalType: 2 }} />)
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(screen.getByRole('status').textContent).toBe(
      'Done: checked 40,000 lines; written 5, skipped 0 already in the bank; 2 of another signal type left out.',
    )
    const refused = {
      ...QUEUED,
      status: 'failed' as const,
      problems: [
        { line: 2, problem: 'is not valid JSON' },
        { line: 1_204, problem: 'value: a sha256 entry is 64 hex digits' },
      ],
      problemCount: 5,
      error: '5 line(s) cannot be imported into bank "x"; nothing was written',
    }
    rerender(<ImportProgress job={refused} />)
    const alert = screen.getByRole('alert')
    expect(alert.querySelector('p')?.textContent).toBe(refused.error)
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Line 2: is not valid JSON',
      'Line 1,204: value: a sha256 entry is 64 hex digits',
    ])
    expect(alert.textContent).toContain('And 3 more lines with problems.')
  })
})
