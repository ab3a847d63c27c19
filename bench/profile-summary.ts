import { readFileSync } from 'node:fs'

// @NOTE Summarises a V8 .cpuprofile (from `BENCH_PROFILE=1 npm run bench`, or any
// `node --cpu-prof`): self time by package or source folder, and the busiest functions.
// Usage: node --import tsx bench/profile-summary.ts bench/results/profiles/<name>.cpuprofile

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/** node_modules/<pkg> (or @scope/pkg), dist|src/<folder>, node:internal, or (program)/(gc)… */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1] as string
  const own = /\/(?:dist|src)\/([^/]+)\//.exec(url)
  if (own) return `vigil ${own[1]}`
  if (url.startsWith('node:')) return 'node internals'
  return url.split('/').slice(-2).join('/')
}

function summarise(path: string, top = 25): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfMicros = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const total = profile.endTime - profile.startTime
  const byArea = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, micros] of selfMicros) {
    const frame = (byId.get(id) as ProfileNode).callFrame
    const a = area(frame.url, frame.functionName)
    byArea.set(a, (byArea.get(a) ?? 0) + micros)
    const fn = `${frame.functionName || '(anonymous)'} ${a}:${frame.lineNumber + 1}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros)
  }
  const print = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`)
    for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${((micros / total) * 100).toFixed(1).padStart(6)}%  ${name}`)
    }
  }
  console.log(`${path}: ${(total / 1e6).toFixed(1)} s profiled`)
  print('self time by area', byArea)
  print('self time by function', byFunction)
}

const paths = process.argv.slice(2)
if (paths.length === 0) {
  console.error('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile>…')
  process.exitCode = 2
}
for (const path of paths) summarise(path)
