import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeading } from '../../components/PageHeading'
import { useLoad } from '../../lib/use-load'
import { BigFigure } from './Charts'
import { SlaChart, SourceChart, VolumeChart } from './DashboardCharts'
import { loadDashboard, PERIODS, type PeriodDays, percent } from './dashboard-data'
import './dashboard.css'

/** Figures over the last 7 or 30 days: volume, sources, time to action, automation, appeals. */
export function DashboardPage() {
  const api = useApi()
  const [days, setDays] = useState<PeriodDays>(30)
  const { state } = useLoad(() => loadDashboard(api, days), String(days))
  return (
    <>
      <PageHeading>Dashboard</PageHeading>
      <p className="lede">How much work came in, how fast it was done, and how it held up.</p>
      <fieldset className="period-picker">
        <legend>Period</legend>
        {PERIODS.map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="period"
              value={d}
              checked={days === d}
              onChange={() => setDays(d)}
            />
            Last {d} days
          </label>
        ))}
      </fieldset>
      {state.status === 'loading' ? <p aria-live="polite">Loading the figures…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <div className="dashboard" data-from={state.data.from} data-to={state.data.to}>
          <div className="big-figures">
            <BigFigure
              id="automated-share"
              label="Automated decisions"
              value={percent(state.data.automation.share)}
              detail={`${state.data.automation.fully} fully and ${state.data.automation.partially} partly automated of ${state.data.automation.decisions} decisions`}
            />
            <BigFigure
              id="reversal-rate"
              label="Appeals that reversed the decision"
              value={percent(state.data.appeals.share)}
              detail={`${state.data.appeals.reversed} reversed of ${state.data.appeals.decided} appeals decided`}
            />
          </div>
          <VolumeChart stats={state.data} />
          <SourceChart stats={state.data} />
          <SlaChart stats={state.data} />
        </div>
      ) : null}
    </>
  )
}
