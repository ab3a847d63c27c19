import { readFileSync } from 'node:fs'
import { type Config, ConfigError, parseConfig, type Secrets } from './config.js'
import { readEnv } from './env.js'

/**
 * Precedence, lowest first: defaults, the JSON file named by VIGIL_CONFIG_FILE (keys are the
 * VIGIL_* names), the environment, then flags given by the CLI.
 */
export function loadConfig(flags: Record<string, string> = {}): {
  config: Config
  secrets: Secrets
} {
  const env = readEnv()
  const file = env.VIGIL_CONFIG_FILE ? readConfigFile(env.VIGIL_CONFIG_FILE) : {}
  return parseConfig({ ...file, ...env, ...flags })
}

function readConfigFile(path: string): Record<string, string> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ConfigError([`VIGIL_CONFIG_FILE: cannot read ${path}: ${(error as Error).message}`])
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([
      `VIGIL_CONFIG_FILE: ${path} must hold a JSON object of VIGIL_* settings`,
    ])
  }
  return Object.fromEntries(
    Object.entries(parsed).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  )
}
