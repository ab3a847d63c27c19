import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppContext } from '../../context.js'
import { CONSOLE_ROLES, type ConsoleRole } from '../../core/roles.js'
import { createConsoleUser, listUsers } from '../../services/console-users.js'
import { DEMO_ADMIN } from './demo-actors.js'

export const DEMO_CONSOLE_USERS_FILE = 'demo-console-users.txt'

/** The demo console account of a role: `moderator@demo.vigil.example`, "Demo moderator". */
export function demoConsoleUser(role: ConsoleRole): { email: string; name: string } {
  return {
    email: `${role.replaceAll('_', '-')}@demo.vigil.example`,
    name: `Demo ${role.replaceAll('_', ' ')}`,
  }
}

/**
 * On the first `serve --demo`, creates a console user of each role with one demo password and
 * writes the emails and the password to `<dataDir>/demo-console-users.txt` (mode 0600). Later
 * starts create only the users that are missing (a new database), with the password already in
 * the file, so the file stays true. Returns the path.
 * @NOTE The password is random per installation, not a fixed word every demo shares: a demo left
 * reachable from a network is not open to anyone who has read the README.
 */
export async function ensureDemoConsoleUsers(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
): Promise<string> {
  const path = join(ctx.config.dataDir, DEMO_CONSOLE_USERS_FILE)
  const written = existsSync(path) ? passwordIn(readFileSync(path, 'utf8')) : undefined
  const password = written ?? randomBytes(15).toString('base64url')
  const existing = new Set((await listUsers(ctx)).map((u) => u.email))
  const missing = CONSOLE_ROLES.filter((role) => !existing.has(demoConsoleUser(role).email))
  if (written && missing.length === 0) return path
  for (const role of missing) {
    await createConsoleUser(ctx, DEMO_ADMIN, { ...demoConsoleUser(role), role }, password)
  }
  const lines = CONSOLE_ROLES.map((role) => {
    const line = `${role.padEnd(24)} ${demoConsoleUser(role).email}`
    return written || missing.includes(role)
      ? line
      : `${line}  (existed already: its password is unchanged)`
  })
  mkdirSync(ctx.config.dataDir, { recursive: true })
  writeFileSync(path, describe(password, lines), { mode: 0o600 })
  chmodSync(path, 0o600)
  return path
}

function passwordIn(text: string): string | undefined {
  return /^password: (\S+)$/m.exec(text)?.[1]
}

function describe(password: string, lines: string[]): string {
  return [
    '# DEMO CREDENTIALS: console users made by `vigil serve --demo` for trying Vigil out.',
    '# Do not use them for real moderation. Disable them with `vigil users disable <email>`',
    '# and create real accounts with `vigil users create`.',
    '# Sign in at /console with one of these emails and the password below.',
    '',
    `password: ${password}`,
    '',
    ...lines,
    '',
  ].join('\n')
}
