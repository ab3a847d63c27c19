import { Presets, SingleBar } from 'cli-progress'
import type { AppContext } from '../../context.js'
import { type DemoSummary, loadDemoData } from './demo-data.js'
import { writeDemoKey } from './demo-key.js'

export { describeDemo } from './demo-summary.js'

/**
 * Loads the demo with a progress bar on stderr (a line every second when it is not a TTY), and
 * writes the demo flaggers' keys next to the demo admin key in the data folder.
 */
export async function loadDemoWithProgress(
  ctx: AppContext,
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
  const keyFiles: string[] = []
  try {
    const summary = await loadDemoData(ctx, {
      subjects,
      onProgress: (done, total) => {
        if (!started) bar.start(total, 0)
        started = true
        bar.update(done)
      },
      onKey: (key) => keyFiles.push(writeDemoKey(ctx.config.dataDir, key)),
    })
    return { ...summary, keyFiles }
  } finally {
    bar.stop()
  }
}
