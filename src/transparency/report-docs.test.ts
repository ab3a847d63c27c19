import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { reportSections } from '../core/transparency-report.js'
import { assembleReport } from './build-report.js'
import type { ReportData } from './report-data.js'

const EMPTY: ReportData = {
  decisions: [],
  ownInitiative: [],
  notices: { combos: [], medians: {} },
  complaintsReceived: [],
  complaintsDecided: { all: [], byOutcome: [] },
  appealOutcomes: { decided: 0, reversed: 0 },
  accuracy: { appealed: 0, reversed: 0 },
  detectors: [],
  suspensions: { accounts: [], reporters: 0 },
}

describe('docs/transparency-report.md', () => {
  it('lists every figure of the report with the definition the report prints', () => {
    const doc = readFileSync(new URL('../../docs/transparency-report.md', import.meta.url), 'utf8')
    const report = assembleReport(EMPTY, String, { from: 'a', to: 'b', generatedAt: 'c' })
    for (const { key, section, figures } of reportSections(report)) {
      expect(doc).toContain(`### ${section.title} (\`${key}\`)\n\nSource: ${section.source}.`)
      for (const [metric, figure] of figures) {
        const by = figure.kind === 'breakdown' ? ` (by ${figure.dimension})` : ''
        expect(doc).toContain(
          `| \`${metric}\` | ${figure.label}${by} | ${figure.unit} | ${figure.definition} |`,
        )
      }
    }
  })

  it('gives an empty period zeros and no values, never a made-up figure', () => {
    const report = assembleReport(EMPTY, String, { from: 'a', to: 'b', generatedAt: 'c' })
    const values = reportSections(report).flatMap(({ figures }) =>
      figures.flatMap(([, f]) => (f.kind === 'figure' ? [f.value] : f.rows.map((r) => r.value))),
    )
    expect(new Set(values)).toEqual(new Set([0, null]))
    expect(report.sections.notices.figures.trustedFlaggerShare.value).toBeNull()
  })
})
