import type { ReactNode } from 'react'

// Small SVG charts of our own, drawn from plain numbers. Each sits in a <figure> whose caption
// names it and whose visually hidden table holds the same numbers for screen readers; the SVG
// itself is hidden from them so nothing is read twice.

export interface Series {
  key: string
  label: string
  colour: string
}

export function ChartFigure(props: {
  id: string
  title: string
  summary: string
  legend?: Series[]
  table: ReactNode
  children: ReactNode
}) {
  return (
    <figure className="chart" id={props.id} aria-labelledby={`${props.id}-title`}>
      <figcaption>
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <p className="chart-summary">{props.summary}</p>
      </figcaption>
      {props.legend ? <Legend series={props.legend} /> : null}
      <div className="chart-drawing">{props.children}</div>
      <div className="visually-hidden">{props.table}</div>
    </figure>
  )
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key}>
          <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
            <rect width="10" height="10" rx="2" fill={s.colour} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  )
}

const BAR_AREA = 160

/** Columns, one per day, each stacked from its series (in the order of `series`). */
export function StackedColumns(props: {
  columns: { key: string; label: string; values: number[] }[]
  series: Series[]
}) {
  const max = Math.max(1, ...props.columns.map((c) => sum(c.values)))
  const step = 720 / Math.max(1, props.columns.length)
  const width = Math.max(2, step * 0.7)
  return (
    <svg viewBox="0 0 760 200" className="chart-svg" aria-hidden="true" focusable="false">
      <Axis max={max} />
      {props.columns.map((column, i) => {
        let top = BAR_AREA + 10
        const x = 36 + i * step + (step - width) / 2
        return (
          <g key={column.key}>
            {column.values.map((value, s) => {
              const h = (value / max) * BAR_AREA
              top -= h
              if (value === 0) return null
              const colour = props.series[s]?.colour ?? '#5a6270'
              return (
                <rect
                  key={props.series[s]?.key ?? s}
                  x={x}
                  y={top}
                  width={width}
                  height={h}
                  fill={colour}
                  stroke="#fff"
                  strokeWidth={0.75}
                />
              )
            })}
            {labelEvery(props.columns.length, i) ? (
              <text x={x + width / 2} y={192} textAnchor="middle" className="tick">
                {column.label}
              </text>
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}

function Axis({ max }: { max: number }) {
  return (
    <g className="axis">
      <line x1={32} x2={756} y1={BAR_AREA + 10} y2={BAR_AREA + 10} />
      <text x={28} y={BAR_AREA + 14} textAnchor="end" className="tick">
        0
      </text>
      <text x={28} y={14} textAnchor="end" className="tick">
        {max}
      </text>
      <line x1={32} x2={756} y1={10} y2={10} className="gridline" />
    </g>
  )
}

/** Horizontal bars, one per row, each split into its series (in the order of `series`). */
export function StackedRows(props: {
  rows: { key: string; label: string; values: number[] }[]
  series: Series[]
}) {
  const max = Math.max(1, ...props.rows.map((r) => sum(r.values)))
  const rowHeight = 30
  const height = props.rows.length * rowHeight + 4
  return (
    <svg viewBox={`0 0 760 ${height}`} className="chart-svg" aria-hidden="true" focusable="false">
      {props.rows.map((row, i) => {
        let left = 220
        const y = i * rowHeight + 4
        return (
          <g key={row.key}>
            <text x={212} y={y + 17} textAnchor="end" className="row-label">
              {row.label}
            </text>
            {row.values.map((value, s) => {
              const w = (value / max) * 480
              const x = left
              left += w
              if (value === 0) return null
              const colour = props.series[s]?.colour ?? '#5a6270'
              return (
                <rect
                  key={props.series[s]?.key ?? s}
                  x={x}
                  y={y}
                  width={w}
                  height={22}
                  fill={colour}
                  stroke="#fff"
                  strokeWidth={0.75}
                />
              )
            })}
            <text x={left + 6} y={y + 17} className="row-total">
              {sum(row.values)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** A big number with what it counts, e.g. "23%" of decisions automated. */
export function BigFigure(props: { id: string; value: string; label: string; detail: string }) {
  return (
    <section className="big-figure" id={props.id} aria-labelledby={`${props.id}-label`}>
      <h2 className="big-figure-label" id={`${props.id}-label`}>
        {props.label}
      </h2>
      <p className="big-figure-value" data-value={props.value}>
        {props.value}
      </p>
      <p className="big-figure-detail">{props.detail}</p>
    </section>
  )
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** Whether to print the label of column `i` of `n`: all of a week, every fifth of a month. */
function labelEvery(n: number, i: number): boolean {
  return n <= 10 || i % 5 === 0 || i === n - 1
}
