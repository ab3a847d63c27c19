import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  reportSections,
  type TransparencyReport,
  transparencyReportSchema,
} from '../../core/transparency-report.js'
import { assembleReport } from '../build-report.js'
import type { ReportData } from '../report-data.js'
import { CSV_COLUMNS, renderCsv } from './csv.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'

const ODD_HARM = 'terms.quotes'
const ODD_LABEL = 'Threats <b>"quoted"</b> & more'
const FORMULA_HARM = '=HYPERLINK("http://evil.example")'

/** Aggregates as the queries would return them: 3 notices about an odd harm, 2 complaints. */
function sampleData(): ReportData {
  const decided = { ground: 'illegal', restrictive: true, auto: 'not' }
  return {
    decisions: [
      {
        src: 'notice',
        ground: 'illegal',
        harm: ODD_HARM,
        auto: 'not',
        detected: false,
        type1: 'remove',
        type2: null,
        more: null,
        n: 3,
      },
    ],
    ownInitiative: [],
    notices: {
      combos: [
        { kind: 'user', harm: ODD_HARM, ...decided, n: 3 },
        {
          kind: 'authority',
          harm: FORMULA_HARM,
          ground: null,
          restrictive: null,
          auto: null,
          n: 1,
        },
      ],
      medians: { 'kind:user': 7200, 'side:notice': 7200, 'side:order': null, 'ack:order': null },
    },
    complaintsReceived: [{ kind: 'decision', count: 2 }],
    complaintsDecided: {
      all: [{ status: null, n: 2, median_seconds: 3600 }],
      byOutcome: [
        { status: 'upheld', n: 1 },
        { status: 'reversed', n: 1 },
      ],
    },
    appealOutcomes: { decided: 2, reversed: 1 },
    accuracy: { appealed: 0, reversed: 0 },
    detectors: [],
    suspensions: { accounts: [], reporters: 0 },
  }
}

function sampleReport(): TransparencyReport {
  const label = (harm: string) => (harm === ODD_HARM ? ODD_LABEL : harm)
  return assembleReport(sampleData(), label, {
    from: '2026-01-01',
    to: '2027-01-01',
    generatedAt: '2027-01-05T10:00:00.000Z',
  })
}

describe('transparency report renderers', () => {
  it('JSON: the report as the schema describes it', () => {
    const report = sampleReport()
    expect(transparencyReportSchema.parse(JSON.parse(renderJson(report)))).toEqual(report)
  })

  it('CSV: one row per figure and breakdown value, with its definition', () => {
    const report = sampleReport()
    const rows = parse(renderCsv(report), { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS])
    const values = reportSections(report).flatMap(({ figures }) =>
      figures.map(([, f]) => (f.kind === 'figure' ? 1 : f.rows.length)),
    )
    const sum = values.reduce((a, b) => a + b, 0)
    expect(rows).toHaveLength(2 + sum + report.notes.length)
    expect(rows[0]).toEqual({
      section: 'period',
      metric: 'from',
      dimension: '',
      value: '2026-01-01',
      definition: 'First day of the period (UTC), included.',
    })
    const find = (metric: string, dimension = '') =>
      rows.find((r) => r.metric === metric && r.dimension === dimension)
    expect(find('received')).toMatchObject({ section: 'orders', value: '1' })
    expect(find('byHarm', `harm=${ODD_HARM}`)).toMatchObject({ section: 'notices', value: '3' })
    expect(find('trustedFlaggerShare')?.value).toBe('0')
    expect(find('medianHoursToAcknowledge')?.value).toBe('')
    expect(find('medianHoursToAction')).toMatchObject({ section: 'notices', value: '2' })
    expect(find('reversalShare')?.value).toBe('0.5')
    expect(find('byHarm', `harm=${FORMULA_HARM}`)).toMatchObject({ section: 'orders' })
    expect(rows.some((r) => /^[=+@]/.test(r.dimension ?? ''))).toBe(false)
  })

  it('HTML: self-contained, an accessible SVG and a data table per chart, text escaped', () => {
    const html = renderHtml(sampleReport())
    const charts = html.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? []
    expect(charts).toHaveLength(5)
    for (const chart of charts) {
      const id = /id="([^"]+)"/.exec(chart)?.[1]
      expect(chart).toMatch(/<svg [^>]*role="img"/)
      expect(chart).toContain(`aria-labelledby="${id}-title ${id}-desc"`)
      expect(chart).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`))
      expect(chart).toMatch(/<table class="chart-data"><caption>/)
    }
    expect(html).toContain('Threats &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &amp; more')
    expect(html).not.toContain('<b>"quoted"')
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;)')
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i)
    const addresses = [...html.matchAll(/[\w:-]+="(https?:[^"]*)"/g)].map((m) => m[1])
    expect(new Set(addresses)).toEqual(new Set(['http://www.w3.org/2000/svg']))
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
  })

  it('HTML: says when a chart has nothing to show', () => {
    const data = sampleData()
    const report = assembleReport(
      { ...data, complaintsDecided: { all: [], byOutcome: [] } },
      String,
      {
        from: '2026-01-01',
        to: '2026-02-01',
        generatedAt: '2026-02-01T00:00:00.000Z',
      },
    )
    const appeals = /<figure class="chart" id="chart-appeals">[\s\S]*?<\/figure>/.exec(
      renderHtml(report),
    )
    expect(appeals?.[0]).toContain('No data for the period')
  })
})
