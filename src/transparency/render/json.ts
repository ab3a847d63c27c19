import type { TransparencyReport } from '../../core/transparency-report.js'

/** The report as indented JSON, as the API's JSON answer carries it. */
export function renderJson(report: TransparencyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
