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
  const merged: Record<string, string | undefined> = { ...file, ...env, ...flags }
  if (merged.VIGIL_POLICY_FILE) merged.VIGIL_POLICY = readPolicyFile(merged.VIGIL_POLICY_FILE)
  return parseConfig(merged)
}

function readPolicyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError([`VIGIL_POLICY_FILE: cannot read ${path}: ${(error as Error).message}`])
  }
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
