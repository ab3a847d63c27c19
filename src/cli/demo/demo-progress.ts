import { Presets, SingleBar } from 'cli-progress'
import type { ServiceContext } from '../../services/service-context.js'
import { type DemoSummary, loadDemoData } from './demo-data.js'

/** Loads the demo with a progress bar on stderr (a line every second when it is not a TTY). */
export async function loadDemoWithProgress(
  ctx: ServiceContext,
  subjects: number,
): Promise<DemoSummary> {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      format: 'loading demo data [{bar}] {percentage}% | {value}/{total} steps | {duration}s',
      hideCursor: true,
    },
    Presets.shades_classic,
  )
  let started = false
  try {
    return await loadDemoData(ctx, {
      subjects,
      onProgress: (done, total) => {
        if (!started) bar.start(total, 0)
        started = true
        bar.update(done)
      },
    })
  } finally {
    bar.stop()
  }
}

/** The summary a person reads after a load. */
export function describeDemo(summary: DemoSummary): string[] {
  const v = summary.verdicts
  const by = Object.entries(summary.reportsBy)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ')
  const decided = summary.decisions
  return [
    `Loaded the demo data set in ${(summary.ms / 1000).toFixed(1)} s (the last 30 days):`,
    `  subjects     ${summary.subjects} (${summary.content} pieces of content checked)`,
    `  verdicts     allow ${v.allow}, review ${v.review}, hold ${v.hold}, block ${v.block}`,
    `  reports      ${summary.reports} (${by}) about ${summary.reportedHarms} harms`,
    `  cases        ${summary.casesOpened} opened: ${decided} decided (${summary.noAction} no action), ${summary.openCases} open`,
    '  banks        demo-threats (keyword), demo-scam-domains (url), demo-known-terror-media (sha256)',
    `  audit log    ${summary.auditSealed} entries sealed into the hash chain`,
  ]
}
