import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppContext } from '../../context.js'
import { createApiKey } from '../../services/api-keys.js'
import { DEMO_ADMIN } from './demo-data.js'

export const DEMO_KEY_FILE = 'demo-admin.key'

/**
 * Makes sure `<dataDir>/demo-admin.key` holds an admin key that still works (mode 0600), creating
 * a new key when the file is missing or its key was revoked; returns the file's path.
 */
export async function ensureDemoAdminKey(
  ctx: Pick<AppContext, 'db' | 'clock' | 'auth' | 'config'>,
): Promise<string> {
  const path = join(ctx.config.dataDir, DEMO_KEY_FILE)
  if (existsSync(path)) {
    const actor = await ctx.auth.authenticate(readFileSync(path, 'utf8').trim())
    if (actor?.role === 'admin') return path
  }
  const { key } = await createApiKey(ctx.db, ctx.clock, DEMO_ADMIN, {
    name: 'demo admin',
    role: 'admin',
  })
  mkdirSync(ctx.config.dataDir, { recursive: true })
  writeFileSync(path, `${key}\n`, { mode: 0o600 })
  chmodSync(path, 0o600)
  return path
}
