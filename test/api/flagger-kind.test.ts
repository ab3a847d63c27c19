import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, createFlaggerWithKey, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

describe.each(dialects())("a flagger's notices carry its registered kind on %s", (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it.each([
    ['authority', 'trusted_flagger', 'authority'],
    ['trusted_flagger', 'authority', 'trusted_flagger'],
  ])(
    'a flagger registered as %s saying "%s" files as %s',
    async (registered, claimed, expected) => {
      const flagger = await createFlaggerWithKey(h, { kind: registered })
      const filed = await flagger.call(
        'POST',
        '/v1/reports',
        reportInput({
          subject: { id: `kind-${registered}`, kind: 'text', text: 'x' },
          reporter: { kind: claimed },
        }),
      )
      expect(filed.statusCode, filed.body).toBe(201)
      const notice = await flagger.call('GET', `/v1/reports/${filed.json().reference}`)
      expect(notice.json()).toMatchObject({ reporterKind: expected })
      const view = await h.call('moderator', 'GET', `/v1/cases/${filed.json().caseId}`)
      expect(view.json().signals.map((s: { source: string }) => s.source)).toContain(expected)
    },
  )
})
