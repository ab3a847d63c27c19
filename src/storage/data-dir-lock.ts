import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError'
}

/**
 * Embedded PGlite must have one process per data folder: a second one would see stale data or
 * corrupt it. The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'vigil.lock')
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(path, 'utf8'))
      if (isAlive(owner) && owner !== process.pid) {
        throw new DataDirInUseError(
          `the embedded database in ${dataDir} is in use by another Vigil process (pid ${owner}); ` +
            'stop it first, use the API instead, or run against PostgreSQL (VIGIL_DATABASE_URL)',
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw new DataDirInUseError(`could not lock ${dataDir}`)
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
