import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Vitest globalSetup: the console tests serve the real Vite build from dist/web, the folder
// `vigil serve` serves. It is built here, once per run, only when missing or older than its
// sources (web/ and the src/core it imports); CI's `npm run build` leaves it fresh already.

const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const CONSOLE_BUILD_DIR = join(ROOT, 'dist', 'web')
const SOURCES = ['web/index.html', 'web/vite.config.ts', 'web/src', 'src/core', 'package.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.test.ts')) continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

/** True when dist/web is missing or a source changed after it was built. */
export function consoleBuildIsStale(): boolean {
  const index = join(CONSOLE_BUILD_DIR, 'index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built)
}

export async function setup(): Promise<void> {
  if (!consoleBuildIsStale()) return
  const { build } = await import('vite')
  const started = Date.now()
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' })
  console.log(`console-build: built dist/web in ${Date.now() - started} ms`)
}
