import type { ReportFormat, TransparencyReport } from '../../core/transparency-report.js'
import { renderCsv } from './csv.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'

export const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/** The report in a format, as text. */
export function renderReport(report: TransparencyReport, format: ReportFormat): string {
  if (format === 'csv') return renderCsv(report)
  if (format === 'html') return renderHtml(report)
  return renderJson(report)
}
