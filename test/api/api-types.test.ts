import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_TYPES_PATH, apiTypesFromDocument } from '../../scripts/generate-api-types.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE The OpenAPI document does not depend on the database, so this runs on PGlite only.

describe('the console API types', () => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness('pglite')
  })
  afterAll(() => closeHarness(h))

  it('match the OpenAPI document (run `npm run api:types` when this fails)', async () => {
    const document = (await h.call('none', 'GET', '/openapi.json')).json()
    const fresh = await apiTypesFromDocument(document)
    const committed = readFileSync(API_TYPES_PATH, 'utf8')
    expect(
      committed === fresh,
      'web/src/api/schema.d.ts is stale: run `npm run api:types` and commit the result',
    ).toBe(true)
  })
})
