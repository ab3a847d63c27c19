import { describe, expect, it } from 'vitest'
import { type ConfigError, parseConfig } from './config.js'

const TOKEN = 'a-bearer-token-of-24-chars'

function problems(raw: Record<string, string>): string[] {
  try {
    parseConfig(raw)
    return []
  } catch (error) {
    return (error as ConfigError).problems
  }
}

describe('NCA settings', () => {
  it('leaves the NCA unset by default, and keeps the token out of the config', () => {
    const { config, secrets } = parseConfig({})
    expect(config.csea).toEqual({ nca: undefined, send: { retryLimit: 10, retryDelaySeconds: 30 } })
    const set = parseConfig({
      VIGIL_NCA_URL: 'https://nca.example/reports',
      VIGIL_NCA_TOKEN: TOKEN,
    })
    expect(set.config.csea.nca).toEqual({ url: 'https://nca.example/reports', timeoutMs: 30_000 })
    expect(JSON.stringify(set.config)).not.toContain(TOKEN)
    expect(set.secrets.ncaToken).toBe(TOKEN)
    expect(secrets.ncaToken).toBeUndefined()
  })

  it('asks for the URL and the token together, and https away from loopback', () => {
    expect(problems({ VIGIL_NCA_URL: 'https://nca.example/reports' })).toEqual([
      'VIGIL_NCA_URL: VIGIL_NCA_URL and VIGIL_NCA_TOKEN must be set together',
    ])
    expect(problems({ VIGIL_NCA_URL: 'http://nca.example/r', VIGIL_NCA_TOKEN: TOKEN })).toEqual([
      'VIGIL_NCA_URL: must be an https:// URL (http:// only for a loopback test server)',
    ])
    expect(problems({ VIGIL_NCA_URL: 'http://127.0.0.1:9/r', VIGIL_NCA_TOKEN: TOKEN })).toEqual([])
    expect(
      problems({ VIGIL_POLICY: '{"cseaReporting":{"deadlineHours":{"P2":48,"P3":24}}}' }),
    ).toEqual([
      'VIGIL_POLICY: cseaReporting.deadlineHours.P3: a P3 report cannot be due sooner than a P2 report',
    ])
  })
})
