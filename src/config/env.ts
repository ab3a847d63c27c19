/** The only place that reads process.env: every VIGIL_* variable, as strings. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const raw: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('VIGIL_') && value !== undefined && value !== '') raw[name] = value
  }
  return raw
}
