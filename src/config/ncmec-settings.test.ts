import { describe, expect, it } from 'vitest'
import { type ConfigError, parseConfig, printableConfig } from './config.js'

function problemsOf(raw: Record<string, string>): string[] {
  try {
    parseConfig(raw)
  } catch (error) {
    return (error as ConfigError).problems
  }
  throw new Error('parseConfig accepted the settings')
}

const NCMEC = {
  VIGIL_NCMEC_URL: 'https://exttest.cybertip.org/ispws',
  VIGIL_NCMEC_USERNAME: 'esp-user',
  VIGIL_NCMEC_PASSWORD: 'n0t-in-the-config',
}

describe('NCMEC settings', () => {
  it('are off by default', () => {
    const { config, secrets } = parseConfig({})
    expect(config.ncmec).toBeUndefined()
    expect(secrets.ncmec).toBeUndefined()
  })

  it('keep the credentials in the secrets, out of the printable config', () => {
    const { config, secrets } = parseConfig({ ...NCMEC, VIGIL_NCMEC_TIMEOUT_MS: '90000' })
    expect(config.ncmec).toEqual({ baseUrl: NCMEC.VIGIL_NCMEC_URL, timeoutMs: 90_000 })
    expect(secrets.ncmec).toEqual({ username: 'esp-user', password: 'n0t-in-the-config' })
    const printed = JSON.stringify(printableConfig(config))
    expect(printed).not.toContain('n0t-in-the-config')
    expect(printed).not.toContain('esp-user')
  })

  it('need the URL and both credentials together', () => {
    const { VIGIL_NCMEC_PASSWORD: _, ...noPassword } = NCMEC
    expect(problemsOf(noPassword)).toEqual([
      'VIGIL_NCMEC_URL: VIGIL_NCMEC_URL, VIGIL_NCMEC_USERNAME and VIGIL_NCMEC_PASSWORD must be set together',
    ])
  })

  it('refuse a plain-http endpoint that is not a loopback test server', () => {
    const problems = problemsOf({ ...NCMEC, VIGIL_NCMEC_URL: 'http://report.cybertip.org/ispws' })
    expect(problems).toEqual([
      'VIGIL_NCMEC_URL: must be an https:// URL (http:// only for a loopback test server)',
    ])
  })
})
