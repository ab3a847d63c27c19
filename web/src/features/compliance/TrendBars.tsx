const BAR = 6
const HEIGHT = 28

/**
 * Reports and detections in 24 periods of about a month, oldest first: the earlier year light,
 * the last year dark. The figures are the image's accessible name.
 */
export function TrendBars({ label, periods }: { label: string; periods: number[] }) {
  const max = Math.max(1, ...periods)
  const width = periods.length * BAR
  const name = `${label}: reports and detections in 24 periods of about a month, oldest first: ${periods.join(', ')}`
  return (
    <svg
      className="trend-bars"
      role="img"
      aria-label={name}
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
    >
      <line x1={0} y1={HEIGHT - 0.5} x2={width} y2={HEIGHT - 0.5} className="trend-axis" />
      {periods.map((n, i) => {
        const h = n === 0 ? 0 : Math.max(1, Math.round((n / max) * HEIGHT))
        const key = `${label}-${i}`
        return (
          <rect
            key={key}
            className={i < periods.length / 2 ? 'trend-old' : 'trend-new'}
            x={i * BAR}
            y={HEIGHT - h}
            width={BAR - 1}
            height={h}
          />
        )
      })}
    </svg>
  )
}
