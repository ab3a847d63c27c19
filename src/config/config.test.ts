import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY } from '../core/policy.js'
import { ConfigError, parseConfig, printableConfig } from './config.js'

function problemsOf(raw: Record<string, unknown>): string[] {
  try {
    parseConfig(raw)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems
  }
  throw new Error('parseConfig accepted the settings')
}

describe('parseConfig', () => {
  it('gives every setting a default, with an embedded PGlite in ./data', () => {
    const { config, secrets } = parseConfig({})
    expect(config).toEqual({
      database: { kind: 'pglite', dataDir: './data' },
      dataDir: './data',
      http: { host: '127.0.0.1', port: 8080, bodyLimitBytes: 10 * 1024 * 1024, trustProxy: false },
      role: 'all',
      logLevel: 'info',
      media: { maxBytes: 10 * 1024 * 1024, fetchTimeoutMs: 5000 },
      ingest: { batchMax: 256, concurrentBatches: 2 },
      network: { allowPrivate: false },
      audit: { sealIntervalMs: 250 },
      webhooks: { retryLimit: 12, retryDelaySeconds: 5, timeoutMs: 10_000 },
      terms: [],
      detection: {
        deadlineMs: 2000,
        scanPrivate: false,
        pdq: { maxDistance: 31, minQuality: 50, fast: false, dihedral: false },
        imageThreads: 'auto',
        obscenityList: false,
        classifiers: {
          lexicon: { enabled: true },
          timeoutMs: 1500,
          openai: undefined,
          llamaGuard: undefined,
        },
      },
      policy: DEFAULT_POLICY,
      sessions: { idleHours: 12, maxDays: 7 },
      evidence: { dir: undefined },
      csea: { nca: undefined, send: { retryLimit: 10, retryDelaySeconds: 30 } },
      euSor: {
        url: undefined,
        batchSize: 100,
        intervalSeconds: 60,
        timeoutMs: 30_000,
        retries: 3,
        retryDelayMs: 1000,
      },
    })
    expect(secrets).toEqual({
      bootstrapApiKey: undefined,
      euSorToken: undefined,
      ncaToken: undefined,
      evidenceKeys: undefined,
      openaiApiKey: undefined,
      llamaGuardApiKey: undefined,
    })
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('turns on the EU Transparency Database with its URL and token, keeping the token secret', () => {
    const { config, secrets } = parseConfig({
      VIGIL_EU_SOR_URL: 'https://transparency.dsa.ec.europa.eu',
      VIGIL_EU_SOR_TOKEN: 'X|eu-secret-token',
      VIGIL_EU_SOR_BATCH_SIZE: '50',
    })
    expect(config.euSor).toMatchObject({
      url: 'https://transparency.dsa.ec.europa.eu',
      batchSize: 50,
    })
    expect(JSON.stringify(config)).not.toContain('eu-secret-token')
    expect(secrets.euSorToken).toBe('X|eu-secret-token')
    expect(() =>
      parseConfig({ VIGIL_EU_SOR_URL: 'https://transparency.dsa.ec.europa.eu' }),
    ).toThrow('VIGIL_EU_SOR_TOKEN: is required when VIGIL_EU_SOR_URL is set')
    expect(() => parseConfig({ VIGIL_EU_SOR_BATCH_SIZE: '101' })).toThrow('VIGIL_EU_SOR_BATCH_SIZE')
  })

  it('turns on the hosted classifiers by URL, keeps their keys secret, and needs the OpenAI key', () => {
    const { config, secrets } = parseConfig({
      VIGIL_OPENAI_MODERATION_URL: 'https://api.openai.com',
      VIGIL_OPENAI_API_KEY: 'sk-secret',
      VIGIL_LLAMA_GUARD_URL: 'http://127.0.0.1:8000',
      VIGIL_LLAMA_GUARD_MODEL: 'llama-guard-3',
    })
    expect(config.detection.classifiers).toMatchObject({
      openai: { baseUrl: 'https://api.openai.com' },
      llamaGuard: { baseUrl: 'http://127.0.0.1:8000', model: 'llama-guard-3' },
    })
    expect(JSON.stringify(config)).not.toContain('sk-secret')
    expect(secrets.openaiApiKey).toBe('sk-secret')
    expect(problemsOf({ VIGIL_OPENAI_MODERATION_URL: 'https://api.openai.com' })).toEqual([
      'VIGIL_OPENAI_API_KEY: is required when VIGIL_OPENAI_MODERATION_URL is set',
    ])
  })

  it('coerces strings from the environment into numbers and booleans', () => {
    const { config } = parseConfig({
      VIGIL_PORT: '0',
      VIGIL_ALLOW_PRIVATE_NETWORK: 'yes',
      VIGIL_WEBHOOK_RETRY_LIMIT: '0',
      VIGIL_BODY_LIMIT_BYTES: '2048',
    })
    expect(config.http.port).toBe(0)
    expect(config.http.bodyLimitBytes).toBe(2048)
    expect(config.network.allowPrivate).toBe(true)
    expect(config.webhooks.retryLimit).toBe(0)
    expect(parseConfig({ VIGIL_ALLOW_PRIVATE_NETWORK: '0' }).config.network.allowPrivate).toBe(
      false,
    )
  })

  it('reports every problem at once, each with its variable name', () => {
    const problems = problemsOf({
      VIGIL_PORT: 'abc',
      VIGIL_ALLOW_PRIVATE_NETWORK: 'maybe',
      VIGIL_UNKNOWN: '1',
    })
    expect(problems).toHaveLength(3)
    expect(problems.find((p) => p.startsWith('VIGIL_PORT:'))).toBeDefined()
    expect(problems).toContain('VIGIL_ALLOW_PRIVATE_NETWORK: use true or false')
    expect(problems).toContain('VIGIL_UNKNOWN: is not a Vigil setting')
  })

  it('puts the count and every problem in the error message', () => {
    expect(() => parseConfig({ VIGIL_PORT: '70000', VIGIL_ROLE: 'boss' })).toThrow(
      /2 problem\(s\):\n- VIGIL_PORT: .*\n- VIGIL_ROLE: /,
    )
  })

  it('ignores variables outside the VIGIL_ prefix and accepts VIGIL_CONFIG_FILE', () => {
    expect(() => parseConfig({ HOME: '/root', VIGIL_CONFIG_FILE: 'vigil.json' })).not.toThrow()
  })

  it('names the nested field of a bad terms node and rejects broken JSON', () => {
    expect(problemsOf({ VIGIL_TERMS: '[{"id":"Spam","label":"Spam"}]' })).toEqual([
      expect.stringMatching(/^VIGIL_TERMS\.0\.id: /),
    ])
    expect(problemsOf({ VIGIL_TERMS: '{nope' })).toEqual(['VIGIL_TERMS: is not valid JSON'])
  })

  it('parses terms nodes from JSON', () => {
    const { config } = parseConfig({ VIGIL_TERMS: '[{"id":"spam","label":"Spam"}]' })
    expect(config.terms).toEqual([{ id: 'spam', label: 'Spam' }])
  })

  it('refuses a short bootstrap key and keeps a good one out of the config', () => {
    expect(problemsOf({ VIGIL_BOOTSTRAP_API_KEY: 'short' })).toEqual([
      'VIGIL_BOOTSTRAP_API_KEY: must be at least 24 characters',
    ])
    const key = 'k'.repeat(32)
    const { config, secrets } = parseConfig({ VIGIL_BOOTSTRAP_API_KEY: key })
    expect(secrets.bootstrapApiKey).toBe(key)
    expect(JSON.stringify(config)).not.toContain(key)
  })

  it('reads the console session lifetimes and refuses an idle time past the maximum', () => {
    const { config } = parseConfig({ VIGIL_SESSION_IDLE_HOURS: '2', VIGIL_SESSION_MAX_DAYS: '1' })
    expect(config.sessions).toEqual({ idleHours: 2, maxDays: 1 })
    expect(problemsOf({ VIGIL_SESSION_IDLE_HOURS: '48', VIGIL_SESSION_MAX_DAYS: '1' })).toEqual([
      'VIGIL_SESSION_IDLE_HOURS: must not be longer than VIGIL_SESSION_MAX_DAYS',
    ])
  })

  it('picks PostgreSQL when VIGIL_DATABASE_URL is set', () => {
    const url = 'postgresql://vigil@db.internal:5432/vigil'
    const { config } = parseConfig({ VIGIL_DATABASE_URL: url, VIGIL_PG_POOL_SIZE: '7' })
    expect(config.database).toEqual({ kind: 'postgres', url, poolSize: 7 })
  })

  it('refuses a database URL that is not postgres', () => {
    expect(problemsOf({ VIGIL_DATABASE_URL: 'mysql://db/vigil' })).toEqual([
      'VIGIL_DATABASE_URL: must be a postgres:// or postgresql:// URL',
    ])
  })
})

describe('printableConfig', () => {
  it('masks the database password and keeps the rest of the URL', () => {
    const { config } = parseConfig({
      VIGIL_DATABASE_URL: 'postgres://vigil:s3cret-pass@db.internal:5432/vigil',
    })
    const printable = printableConfig(config)
    const text = JSON.stringify(printable)
    expect(text).not.toContain('s3cret-pass')
    expect(printable.database).toMatchObject({
      kind: 'postgres',
      url: 'postgres://vigil:****@db.internal:5432/vigil',
    })
    expect(config.database).toMatchObject({ url: expect.stringContaining('s3cret-pass') })
  })

  it('leaves a URL without a password and the PGlite config alone', () => {
    const url = 'postgres://vigil@db.internal:5432/vigil'
    const { config } = parseConfig({ VIGIL_DATABASE_URL: url })
    expect(printableConfig(config).database).toMatchObject({ url })
    const embedded = parseConfig({}).config
    expect(printableConfig(embedded)).toEqual(embedded)
  })

  it('masks a password given as a query parameter', () => {
    const { config } = parseConfig({
      VIGIL_DATABASE_URL: 'postgres://vigil@db.internal:5432/vigil?password=s3cret-pass',
    })
    expect(JSON.stringify(printableConfig(config))).not.toContain('s3cret-pass')
  })

  describe('the moderation policy (VIGIL_POLICY)', () => {
    it('reads YAML and keeps the defaults of every part it leaves out', () => {
      const { config } = parseConfig({ VIGIL_POLICY: 'appeals:\n  windowDays: 365\n' })
      expect(config.policy.appeals.windowDays).toBe(365)
      expect(config.policy.strikes).toEqual(DEFAULT_POLICY.strikes)
    })

    it('names every problem by its path in the document', () => {
      const policy = JSON.stringify({
        appeals: { windowDays: 30 },
        queues: { fallback: 'nowhere' },
        strikes: { ladder: [{ atPoints: 2, action: 'suspension' }] },
      })
      expect(problemsOf({ VIGIL_POLICY: policy })).toEqual([
        'VIGIL_POLICY: appeals.windowDays: DSA Art. 20 asks for at least six months (183 days)',
        'VIGIL_POLICY: queues.fallback: names queue "nowhere", which is not defined',
        'VIGIL_POLICY: strikes.ladder.0: the first step must be a warning (DSA Art. 23: never without a prior warning)',
        'VIGIL_POLICY: strikes.ladder.0.hours: a suspension needs hours',
      ])
    })

    it('refuses a queue route naming a harm the taxonomy lacks', () => {
      const policy = JSON.stringify({
        queues: {
          routes: [{ queue: 'terrorism', harms: ['illegal.terrorism', 'illegal.terorism'] }],
        },
      })
      expect(problemsOf({ VIGIL_POLICY: policy })).toEqual([
        'VIGIL_POLICY: queues.routes.0.harms: "illegal.terorism" is not a harm in the taxonomy (see GET /v1/taxonomy)',
      ])
    })

    it('refuses text that is neither YAML nor JSON', () => {
      expect(problemsOf({ VIGIL_POLICY: 'a: [1' })[0]).toMatch(/^VIGIL_POLICY: is not valid YAML/)
    })
  })

  describe('VIGIL_TRUST_PROXY', () => {
    it('takes false, true, a hop count or proxy addresses', () => {
      const trust = (value: string) =>
        parseConfig({ VIGIL_TRUST_PROXY: value }).config.http.trustProxy
      expect(trust('true')).toBe(true)
      expect(trust('2')).toBe(2)
      expect(trust('10.0.0.1, 192.168.0.0/16')).toEqual(['10.0.0.1', '192.168.0.0/16'])
      expect(problemsOf({ VIGIL_TRUST_PROXY: 'yes please' })).toEqual([
        'VIGIL_TRUST_PROXY: use false, true, a number of proxy hops, or a comma-separated list of proxy addresses',
      ])
    })
  })
})
