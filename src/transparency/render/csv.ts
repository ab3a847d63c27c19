import { stringify } from 'csv-stringify/sync'
import { reportSections, type TransparencyReport } from '../../core/transparency-report.js'

export const CSV_COLUMNS = ['section', 'metric', 'dimension', 'value', 'definition'] as const

type CsvRow = [string, string, string, string | number, string]

/**
 * The report as CSV, one row per figure (a breakdown gives one row per value, its dimension as
 * `harm=illegal.fraud`): section, metric, dimension, value, definition. Shares are fractions
 * (0.25), times are hours; an empty value means there was nothing to measure. The period comes
 * first, the notes last. No cell starts with = + - or @ (a dimension starts with its name), so
 * a spreadsheet runs nothing an operator named.
 */
export function renderCsv(report: TransparencyReport): string {
  const rows: CsvRow[] = [
    ['period', 'from', '', report.period.from, 'First day of the period (UTC), included.'],
    ['period', 'to', '', report.period.to, 'Day after the period (UTC), not included.'],
  ]
  for (const { key, figures } of reportSections(report)) {
    for (const [metric, figure] of figures) {
      if (figure.kind === 'figure') {
        rows.push([key, metric, '', figure.value ?? '', figure.definition])
        continue
      }
      for (const row of figure.rows) {
        rows.push([
          key,
          metric,
          `${figure.dimension}=${row.key}`,
          row.value ?? '',
          figure.definition,
        ])
      }
    }
  }
  report.notes.forEach((note, i) => {
    rows.push(['notes', `note${i + 1}`, '', '', note])
  })
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] })
}
