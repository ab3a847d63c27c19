import { readFileSync } from 'node:fs'

// @NOTE Where the machine's CPU went during a measurement (Linux /proc; nulls elsewhere), as a
// share of one core: the server process, this process (autocannon) and everything else
// (PostgreSQL's backends, mostly).

const TICKS_PER_SECOND = 100

export interface CpuSplit {
  /** Share of one core, 0–100 per core; 200 is both cores of a 2-core machine. */
  server: number | null
  loadGenerator: number | null
  rest: number | null
  machineBusy: number | null
}

interface Sample {
  at: number
  machine: number | undefined
  server: number | undefined
  self: number
}

function readTicks(path: string, fields: (parts: string[]) => number): number | undefined {
  try {
    return fields(readFileSync(path, 'utf8').trim().split(/\s+/))
  } catch {
    return undefined
  }
}

function machineBusyTicks(): number | undefined {
  // cpu  user nice system idle iowait irq softirq steal …: busy = all but idle and iowait
  return readTicks('/proc/stat', (p) =>
    p
      .slice(1, 9)
      .map(Number)
      .reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0),
  )
}

function processTicks(pid: number): number | undefined {
  // after the ")" of the command name: field 14 utime and 15 stime
  return readTicks(`/proc/${pid}/stat`, (p) => {
    const rest = p.slice(p.findIndex((part) => part.endsWith(')')) + 1)
    return Number(rest[11]) + Number(rest[12])
  })
}

export function sampleCpu(serverPid: number): Sample {
  const usage = process.cpuUsage()
  return {
    at: performance.now(),
    machine: machineBusyTicks(),
    server: processTicks(serverPid),
    self: (usage.user + usage.system) / 1000,
  }
}

export function cpuSplit(before: Sample, after: Sample): CpuSplit {
  const seconds = (after.at - before.at) / 1000
  const pct = (ticks: number | undefined) =>
    ticks === undefined ? null : Math.round((ticks / TICKS_PER_SECOND / seconds) * 100)
  const diff = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : b - a
  const server = pct(diff(before.server, after.server))
  const machineBusy = pct(diff(before.machine, after.machine))
  const loadGenerator = Math.round(((after.self - before.self) / 1000 / seconds) * 100)
  const rest =
    server === null || machineBusy === null
      ? null
      : Math.max(0, machineBusy - server - loadGenerator)
  return { server, loadGenerator, rest, machineBusy }
}

/** The machine's busy share of all its cores over `ms` (0–1), or undefined off Linux. */
export async function machineBusyOver(ms: number, cores: number): Promise<number | undefined> {
  const before = machineBusyTicks()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const after = machineBusyTicks()
  if (before === undefined || after === undefined) return undefined
  return (after - before) / TICKS_PER_SECOND / (ms / 1000) / cores
}

/**
 * Waits (at most `maxMs`) until other work on the machine stops, so a shared machine does not
 * skew a measurement; returns the busy share last seen.
 */
export async function waitForQuiet(maxMs: number, cores: number, threshold = 0.2) {
  const deadline = Date.now() + maxMs
  for (;;) {
    const busy = await machineBusyOver(1_000, cores)
    if (busy === undefined || busy <= threshold || Date.now() >= deadline) return busy
  }
}
