import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postDecision, postReport } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const DATA = fileURLToPath(
  new URL('../../../shared/testdata/pdq/data/bridge-mods/', import.meta.url),
)
const original = readFileSync(`${DATA}aaa-orig.jpg`)
const nearCopy = readFileSync(`${DATA}blur-a-little.jpg`)
const other = readFileSync(`${DATA}../reg-test-input/pen-and-coaster.png`)

const TERROR = {
  harm: 'illegal.terrorism',
  ground: { type: 'illegal', offence: 'Terrorism Act 2006 s.2' },
  statement: 'The picture is propaganda for a proscribed group.',
}

describe.each(dialects())('re-upload prevention on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  function post(bytes: Buffer, overrides: Record<string, unknown> = {}) {
    return h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ kind: 'image', media: [{ base64: bytes.toString('base64') }], ...overrides }),
    )
  }

  /** Posts the image, reports it and decides on the report's case. */
  async function postAndDecide(bytes: Buffer, decision: Record<string, unknown>) {
    const id = `img-${crypto.randomUUID().slice(0, 8)}`
    const posted = await post(bytes, { id, author: { id: 'poster-1' } })
    expect(posted.json().verdict).toBe('allow')
    const { caseId } = await postReport(h, { subject: { id, kind: 'image' }, harm: TERROR.harm })
    const decided = await postDecision(h, caseId, decision)
    return { subjectId: posted.json().subjectId, caseId, decision: decided }
  }

  async function bank(name: string) {
    const banks = (await h.call('admin', 'GET', '/v1/banks')).json().banks as {
      id: string
      name: string
    }[]
    const found = banks.find((b) => b.name === name)
    if (!found) return undefined
    const page = await h.call('admin', 'GET', `/v1/banks/${found.id}/entries`)
    return { ...found, entries: page.json().entries as Record<string, unknown>[] }
  }

  it('keeps the PDQ hash of posted images, and banks nothing for a label', async () => {
    const labelled = await postAndDecide(other, { ...TERROR, actions: [{ type: 'label' }] })
    const view = await h.call('admin', 'GET', `/v1/cases/${labelled.caseId}`)
    expect(view.json().subject.media[0]).toMatchObject({
      sha256: createHash('sha256').update(other).digest('hex'),
      pdq: expect.stringMatching(/^[0-9a-f]{64}$/),
      pdqQuality: expect.any(Number),
    })
    expect(await bank('removed-illegal-terrorism-sha256')).toBeUndefined()
  })

  let removal: Awaited<ReturnType<typeof postAndDecide>>

  it('banks removed media by SHA-256 and PDQ, noting the decision', async () => {
    removal = await postAndDecide(original, { ...TERROR, actions: [{ type: 'remove' }] })
    const sha = await bank('removed-illegal-terrorism-sha256')
    const pdq = await bank('removed-illegal-terrorism-pdq')
    const ref = `decision:${removal.decision.id}`
    expect(sha?.entries).toEqual([
      expect.objectContaining({
        value: createHash('sha256').update(original).digest('hex'),
        source: 'local',
        externalRef: ref,
        note: `Removed by decision ${removal.decision.id}`,
      }),
    ])
    expect(pdq?.entries).toEqual([
      expect.objectContaining({ value: expect.stringMatching(/^[0-9a-f]{64}$/), externalRef: ref }),
    ])
  })

  it('blocks the same image posted again', async () => {
    const res = await post(original)
    expect(res.json().verdict).toBe('block')
    const matchers = res
      .json()
      .signals.map((s: { matcher: string }) => s.matcher)
      .sort()
    expect(matchers).toEqual(['pdq', 'sha256'])
    expect(res.json().signals[0]).toMatchObject({ harm: 'illegal.terrorism', action: 'block' })
  })

  it('blocks a near-identical image by PDQ distance', async () => {
    const res = await post(nearCopy)
    expect(res.json().verdict).toBe('block')
    expect(res.json().signals).toEqual([
      expect.objectContaining({
        matcher: 'pdq',
        harm: 'illegal.terrorism',
        evidence: expect.objectContaining({ bank: 'removed-illegal-terrorism-pdq' }),
      }),
    ])
    const distance = res.json().signals[0].evidence.distance
    expect(distance).toBeGreaterThan(0)
    expect(distance).toBeLessThanOrEqual(31)
    expect((await post(other)).json().verdict).toBe('allow')
  })

  it('retracts the entries when the decision is reversed, so the image is allowed again', async () => {
    const res = await h.call('moderator', 'POST', `/v1/decisions/${removal.decision.id}/reverse`, {
      reasons: 'The picture is a news photo of the bridge, not propaganda.',
    })
    expect(res.statusCode, res.body).toBe(201)
    const sha = await bank('removed-illegal-terrorism-sha256')
    expect(sha?.entries[0]).toMatchObject({
      retractedAt: expect.any(String),
      retractionReason: `decision ${removal.decision.id} was reversed by decision ${res.json().id}`,
    })
    expect((await post(original)).json().verdict).toBe('allow')
    expect((await post(nearCopy)).json().verdict).toBe('allow')
  })

  it('does not bank media restricted only in some territories', async () => {
    const { decision } = await postAndDecide(other, {
      ...TERROR,
      actions: [{ type: 'remove', territories: ['DE'] }],
    })
    const sha = await bank('removed-illegal-terrorism-sha256')
    expect(sha?.entries.map((e) => e.externalRef)).not.toContain(`decision:${decision.id}`)
  })
})
