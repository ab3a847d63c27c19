import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config/config.js'
import { createAppContext } from '../../src/context.js'
import { createLogger } from '../../src/logger.js'
import { syncBankMatchers } from '../../src/services/banks.js'
import { dialects } from '../dialects.js'
import { contentInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const knownImage = Buffer.from('pretend these are the bytes of a known terrorist image')
const knownSha256 = createHash('sha256').update(knownImage).digest('hex')

describe.each(dialects())('banks on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    await addBank(h, 'terror-media', 'sha256', 'illegal.terrorism', 'block', [
      knownSha256.toUpperCase(),
    ])
    await addBank(h, 'scam-domains', 'url', 'illegal.fraud', 'block', ['cheap-crypto.example'])
    await addBank(h, 'threats', 'keyword', 'illegal.harassment.threat_to_life', 'review', [
      'i will kill you',
    ])
  })
  afterAll(async () => {
    await h.close()
  })

  it('blocks media whose SHA-256 is in a bank and opens a terrorism case', async () => {
    const media = [{ base64: knownImage.toString('base64') }]
    const res = await h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ kind: 'image', media }),
    )
    expect(res.json()).toMatchObject({
      verdict: 'block',
      signals: [
        {
          source: 'hash_match',
          harm: 'illegal.terrorism',
          evidence: { hash: knownSha256, distance: 0, bank: 'terror-media' },
        },
      ],
    })
    const opened = await h.call('moderator', 'GET', `/v1/cases/${res.json().caseId}`)
    expect(opened.json()).toMatchObject({ queue: 'terrorism', status: 'open' })
  })

  it('blocks a listed domain and its subdomains but not a lookalike', async () => {
    const hit = await h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ text: 'deals at https://WWW.Cheap-Crypto.example./win now' }),
    )
    expect(hit.json()).toMatchObject({
      verdict: 'block',
      signals: [{ source: 'url_list', evidence: { matchedBy: 'domain' } }],
    })
    const miss = await h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ text: 'see https://notcheap-crypto.example/' }),
    )
    expect(miss.json()).toMatchObject({ verdict: 'allow', signals: [] })
  })

  it('flags a listed phrase for review with its offsets, on word boundaries only', async () => {
    const text = 'Listen. I WILL KILL YOU tomorrow'
    const hit = await h.call('platform', 'POST', '/v1/content', contentInput({ text }))
    expect(hit.json()).toMatchObject({
      verdict: 'review',
      signals: [{ evidence: { term: 'i will kill you', offsets: [8, 23] } }],
    })
    const miss = await h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ text: 'hi will kill youtube ads' }),
    )
    expect(miss.json().verdict).toBe('allow')
  })

  it('refuses a malformed entry and keeps the batch out', async () => {
    const banks = await h.call('moderator', 'GET', '/v1/banks')
    const terror = banks.json().banks.find((b: { name: string }) => b.name === 'terror-media')
    const res = await h.call('admin', 'POST', `/v1/banks/${terror.id}/entries`, {
      entries: [{ value: 'a'.repeat(64) }, { value: 'not-a-hash' }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toContain('entries[1].value')
    const after = await h.call('moderator', 'GET', '/v1/banks')
    expect(
      after.json().banks.find((b: { name: string }) => b.name === 'terror-media').entries,
    ).toBe(1)
  })
})

// @NOTE Several API processes share one database only with PostgreSQL (PGlite is one process).
describe.each(dialects().filter((d) => d === 'postgres'))('bank changes on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await h.close()
  })

  it.runIf(dialect === 'postgres')(
    'reaches another process through the bank revision',
    async () => {
      const { config, secrets } = parseConfig({ VIGIL_LOG_LEVEL: 'silent' })
      const other = await createAppContext(config, secrets, {
        database: { kind: 'postgres', url: h.databaseUrl as string, poolSize: 2 },
        logger: createLogger('silent'),
        migrate: false,
      })
      try {
        const bankId = await addBank(h, 'late-words', 'keyword', 'illegal.hate', 'review', [
          'fresh banned phrase',
        ])
        const input = {
          kind: 'text' as const,
          surface: 'public' as const,
          text: 'a fresh banned phrase',
          url: null,
          media: [],
        }
        expect((await other.detection.run(input)).signals).toHaveLength(0)
        expect(await syncBankMatchers(other)).toBe(1)
        expect((await other.detection.run(input)).signals).toHaveLength(1)
        expect(await syncBankMatchers(other)).toBe(0)
        // One entry disabled among many: the other process reads just that one change.
        const page = await h.call('moderator', 'GET', `/v1/banks/${bankId}/entries`)
        const entry = page
          .json()
          .entries.find((e: { value: string }) => e.value === 'fresh banned phrase')
        await h.call('admin', 'POST', `/v1/banks/${bankId}/entries`, {
          entries: Array.from({ length: 50 }, (_, i) => ({ value: `filler phrase ${i}` })),
        })
        expect(await syncBankMatchers(other)).toBe(50)
        await h.call('admin', 'POST', `/v1/banks/${bankId}/entries/${entry.id}/disable`)
        expect(await syncBankMatchers(other)).toBe(1)
        expect((await other.detection.run(input)).signals).toHaveLength(0)
      } finally {
        await other.destroy()
      }
    },
  )
})

async function addBank(
  h: TestHarness,
  name: string,
  kind: string,
  harm: string,
  action: string,
  values: string[],
): Promise<string> {
  const bank = await h.call('admin', 'POST', '/v1/banks', { name, kind, harm, action })
  expect(bank.statusCode).toBe(201)
  const entries = values.map((value) => ({ value }))
  const added = await h.call('admin', 'POST', `/v1/banks/${bank.json().id}/entries`, { entries })
  expect(added.json()).toEqual({ added: values.length, skipped: 0 })
  return bank.json().id as string
}
