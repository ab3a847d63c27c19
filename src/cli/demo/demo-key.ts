import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppContext } from '../../context.js'
import type { Actor } from '../../core/roles.js'
import { createApiKey } from '../../services/api-keys.js'
import {
  DEMO_ADMIN,
  DEMO_FLAGGERS,
  type DemoFlaggerName,
  type DemoKey,
  findDemoFlagger,
} from './demo-actors.js'

export const DEMO_KEY_FILE = 'demo-admin.key'

type KeyContext = Pick<AppContext, 'db' | 'clock' | 'auth' | 'config'>

/**
 * Makes sure `<dataDir>/demo-admin.key` holds an admin key that still works (mode 0600), creating
 * a new key when the file is missing or its key was revoked; does the same for the demo
 * flaggers' key files when the demo flaggers are registered. Returns the admin key file's path.
 */
export async function ensureDemoAdminKey(ctx: KeyContext): Promise<string> {
  const path = join(ctx.config.dataDir, DEMO_KEY_FILE)
  if ((await keyInFile(ctx, path))?.role !== 'admin') {
    const { key } = await createApiKey(ctx.db, ctx.clock, DEMO_ADMIN, {
      name: 'demo admin',
      role: 'admin',
    })
    writeDemoKey(ctx.config.dataDir, { file: DEMO_KEY_FILE, key })
  }
  await ensureDemoFlaggerKeys(ctx)
  return path
}

/**
 * Keeps a working key of each registered demo flagger in `<dataDir>/demo-<flagger>.key`;
 * returns the paths. A disabled flagger is left as it is: an admin disabled it on purpose.
 */
export async function ensureDemoFlaggerKeys(ctx: KeyContext): Promise<string[]> {
  const paths: string[] = []
  for (const which of Object.keys(DEMO_FLAGGERS) as DemoFlaggerName[]) {
    const flagger = await findDemoFlagger(ctx, which)
    if (!flagger?.enabled) continue
    const { keyFile, input } = DEMO_FLAGGERS[which]
    const path = join(ctx.config.dataDir, keyFile)
    paths.push(path)
    if ((await keyInFile(ctx, path))?.flaggerId === flagger.id) continue
    const { key } = await createApiKey(ctx.db, ctx.clock, DEMO_ADMIN, {
      name: `${input.name} API`,
      role: 'trusted_flagger',
      flaggerId: flagger.id,
    })
    writeDemoKey(ctx.config.dataDir, { file: keyFile, key })
  }
  return paths
}

/** Writes a key to `<dir>/<file>`, readable by its owner only (0600); returns the path. */
export function writeDemoKey(dir: string, demoKey: DemoKey): string {
  const path = join(dir, demoKey.file)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path, `${demoKey.key}\n`, { mode: 0o600 })
  chmodSync(path, 0o600)
  return path
}

/** The actor of the key in the file, if the file exists and its key still works. */
async function keyInFile(ctx: KeyContext, path: string): Promise<Actor | undefined> {
  if (!existsSync(path)) return undefined
  const key = readFileSync(path, 'utf8').trim()
  return ctx.auth.authenticate(key).catch(() => undefined)
}
