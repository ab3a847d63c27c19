import type { Command } from 'commander'
import { loadConfig } from '../config/load-config.js'
import { type AppContext, createAppContext } from '../context.js'
import { SYSTEM_ACTOR } from '../core/roles.js'
import { createLogger } from '../logger.js'

/** Who the audit log names for changes made with the command line. */
export const CLI_ACTOR = { ...SYSTEM_ACTOR, id: 'cli', name: 'vigil CLI' }

/** Loads the configuration (defaults, file, env, flags) and opens the app context. */
export async function openContext(
  command: Command,
  extra: Record<string, string> = {},
  options: { quiet?: boolean; detects?: boolean } = {},
): Promise<AppContext> {
  const { config, secrets } = loadConfig({ ...globalFlags(command), ...extra })
  const logger = createLogger(options.quiet ? 'warn' : config.logLevel)
  return createAppContext(config, secrets, { logger, holdsBanks: options.detects !== false })
}

/**
 * Runs work with a context and always closes it. Tools that never detect leave `detects` off, so
 * no bank entries are loaded into memory.
 */
export async function withContext<T>(
  command: Command,
  work: (ctx: AppContext) => Promise<T>,
  options: { detects?: boolean } = {},
): Promise<T> {
  const ctx = await openContext(command, {}, { quiet: true, detects: options.detects ?? false })
  try {
    return await work(ctx)
  } finally {
    await ctx.destroy()
  }
}

/** Flags that override settings, as VIGIL_* names (highest precedence). */
export function globalFlags(command: Command): Record<string, string> {
  const options = command.optsWithGlobals<{ databaseUrl?: string; dataDir?: string }>()
  return {
    ...(options.databaseUrl ? { VIGIL_DATABASE_URL: options.databaseUrl } : {}),
    ...(options.dataDir ? { VIGIL_DATA_DIR: options.dataDir } : {}),
  }
}
