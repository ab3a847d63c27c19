import { ChartFigure, type Series, StackedColumns, StackedRows } from './Charts'
import { type DashboardStatsView, SERIES_COLOURS, SLA_COLOURS } from './dashboard-data'

type Props = { stats: DashboardStatsView }

/** Cases opened per day, stacked by harm. */
export function VolumeChart({ stats }: Props) {
  const { volume } = stats
  const series: Series[] = volume.harms.map((h, i) => ({
    key: h.harm,
    label: `${h.label} (${h.count})`,
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length] as string,
  }))
  const columns = volume.days.map((d) => ({ key: d.day, label: d.day.slice(5), values: d.counts }))
  return (
    <ChartFigure
      id="chart-volume"
      title="Cases opened per day, by harm"
      summary={`${volume.total} cases opened over ${volume.days.length} days.`}
      legend={series}
      table={
        <table id="table-volume">
          <caption>Cases opened per day, by harm</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {volume.harms.map((h) => (
                <th scope="col" key={h.harm}>
                  {h.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {volume.days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                {d.counts.map((n, i) => (
                  <td key={volume.harms[i]?.harm ?? i}>{n}</td>
                ))}
                <td data-total={d.total}>{d.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {volume.total === 0 ? (
        <p className="chart-empty">No cases were opened in this period.</p>
      ) : (
        <StackedColumns columns={columns} series={series} />
      )}
    </ChartFigure>
  )
}

/** Cases opened, by what opened them. */
export function SourceChart({ stats }: Props) {
  const { sources } = stats.volume
  const series: Series[] = [{ key: 'count', label: 'Cases', colour: SERIES_COLOURS[0] as string }]
  const rows = sources.map((s) => ({ key: s.source, label: s.label, values: [s.count] }))
  return (
    <ChartFigure
      id="chart-sources"
      title="Cases opened, by source"
      summary="What opened each case: a user report, a trusted flagger, an authority or a match."
      table={
        <table id="table-sources">
          <caption>Cases opened, by source</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Cases</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.source} data-source={s.source}>
                <th scope="row">{s.label}</th>
                <td>{s.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {rows.length === 0 ? (
        <p className="chart-empty">No cases were opened in this period.</p>
      ) : (
        <StackedRows rows={rows} series={series} />
      )}
    </ChartFigure>
  )
}

const SLA_SERIES: Series[] = [
  { key: 'withinSla', label: 'Decided within SLA', colour: SLA_COLOURS.withinSla },
  { key: 'late', label: 'Decided late', colour: SLA_COLOURS.late },
  { key: 'openOverdue', label: 'Open and overdue', colour: SLA_COLOURS.openOverdue },
  { key: 'openInTime', label: 'Open, still in time', colour: SLA_COLOURS.openInTime },
]

/** Per queue: cases decided within their deadline, decided late, and open past it. */
export function SlaChart({ stats }: Props) {
  const queues = stats.sla.filter((q) => q.withinSla + q.late + q.openOverdue + q.openInTime > 0)
  const rows = queues.map((q) => ({
    key: q.queue,
    label: q.label,
    values: [q.withinSla, q.late, q.openOverdue, q.openInTime],
  }))
  return (
    <ChartFigure
      id="chart-sla"
      title="Time to action against SLA, by queue"
      summary="Cases opened in the period: decided by their deadline or late, or still open past it or in time."
      legend={SLA_SERIES}
      table={
        <table id="table-sla">
          <caption>Time to action against SLA, by queue</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">SLA (hours)</th>
              <th scope="col">Decided within SLA</th>
              <th scope="col">Decided late</th>
              <th scope="col">Open and overdue</th>
              <th scope="col">Open in time</th>
              <th scope="col">Median hours to decision</th>
            </tr>
          </thead>
          <tbody>
            {stats.sla.map((q) => (
              <tr key={q.queue} data-queue={q.queue}>
                <th scope="row">{q.label}</th>
                <td>{q.slaHours ?? '–'}</td>
                <td data-count="withinSla">{q.withinSla}</td>
                <td data-count="late">{q.late}</td>
                <td data-count="openOverdue">{q.openOverdue}</td>
                <td data-count="openInTime">{q.openInTime}</td>
                <td data-count="median">{q.medianHoursToDecision ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {rows.length === 0 ? (
        <p className="chart-empty">No cases were opened in this period.</p>
      ) : (
        <StackedRows rows={rows} series={SLA_SERIES} />
      )}
    </ChartFigure>
  )
}
