import { describe, expect, it } from 'vitest'
import { type CseaReportSummary, urgentFirst } from './csea-data'

function report(id: string, priority: string, status: string): CseaReportSummary {
  return { id, priority, status } as CseaReportSummary
}

describe('the CSEA report list order', () => {
  it('puts unsent P1 reports first and keeps the server’s order otherwise', () => {
    const listed = [
      report('p2-overdue', 'P2', 'draft'),
      report('p1-sent', 'P1', 'sent'),
      report('p1-draft', 'P1', 'draft'),
      report('p3', 'P3', 'approved'),
      report('p1-failed', 'P1', 'failed'),
    ]
    expect(urgentFirst(listed).map((r) => r.id)).toEqual([
      'p1-draft',
      'p1-failed',
      'p2-overdue',
      'p1-sent',
      'p3',
    ])
  })
})
