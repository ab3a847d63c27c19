import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, countRows, INTIMATE_DECLARATIONS, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const HOURS_48 = 48 * 3_600_000

function intimate(overrides: Record<string, unknown> = {}) {
  return reportInput({
    subject: { id: `img-${crypto.randomUUID()}`, kind: 'image' },
    harm: 'illegal.intimate_image_abuse',
    explanation: 'This is a nude picture of me, shared without my permission.',
    declarations: INTIMATE_DECLARATIONS,
    ...overrides,
  })
}

describe.each(dialects())('intimate-image reports through the API on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('routes the report to the intimate-images queue with the 48-hour legal deadline', async () => {
    const res = await h.call('platform', 'POST', '/v1/reports', intimate())
    expect(res.statusCode, res.body).toBe(201)
    const receipt = res.json()
    const queue = h.ctx.policy.queues.definitions.find((q) => q.id === 'intimate_images')
    expect(receipt.queue).toBe(queue?.label)
    expect(receipt.legalDeadline).toBe(
      new Date(new Date(receipt.receivedAt).getTime() + HOURS_48).toISOString(),
    )
    const row = await h.ctx.db
      .selectFrom('report')
      .select(['declarations', 'harm'])
      .where('reference', '=', receipt.reference)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      declarations: INTIMATE_DECLARATIONS,
      harm: 'illegal.intimate_image_abuse',
    })
    const ack = (await h.call('platform', 'GET', `/v1/reports/${receipt.reference}`)).json()
    expect(ack.legalDeadline).toBe(receipt.legalDeadline)
    expect(ack.messages[0].body).toContain('The law says we must act by')
  })

  it('refuses a report without the declarations and names the missing ones', async () => {
    const before = await countRows(h.ctx.db, ['report', 'subject', 'moderation_case'])
    const none = await h.call(
      'platform',
      'POST',
      '/v1/reports',
      intimate({ declarations: undefined }),
    )
    expect(none.statusCode).toBe(400)
    expect(none.json().error.message).toContain(
      'missing or not true: intimateImage, personShownOrActingForThem, goodFaith',
    )
    const partial = await h.call(
      'platform',
      'POST',
      '/v1/reports',
      intimate({ declarations: { intimateImage: true, personShownOrActingForThem: false } }),
    )
    expect(partial.statusCode).toBe(400)
    const error = partial.json().error
    expect(error.message).toContain('missing or not true: personShownOrActingForThem, goodFaith')
    expect(error.details).toEqual([expect.objectContaining({ field: 'body.declarations' })])
    expect(await countRows(h.ctx.db, ['report', 'subject', 'moderation_case'])).toEqual(before)
  })

  it('does not ask for declarations on other harms', async () => {
    const res = await h.call('platform', 'POST', '/v1/reports', reportInput())
    expect(res.statusCode).toBe(201)
    expect(res.json().legalDeadline).toBeNull()
  })
})
