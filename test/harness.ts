import { randomBytes } from 'node:crypto'
import type { Response } from 'light-my-request'
import { parseConfig } from '../src/config/config.js'
import { type AppContext, createAppContext } from '../src/context.js'
import { type Clock, fixedClock } from '../src/core/clock.js'
import type { ApiRole } from '../src/core/roles.js'
import { SYSTEM_ACTOR } from '../src/core/roles.js'
import { type App, buildApp } from '../src/http/app.js'
import { createLogger } from '../src/logger.js'
import { createApiKey } from '../src/services/api-keys.js'
import { generateSigningKeyPem } from '../src/services/evidence-package/signing.js'
import { Worker } from '../src/worker/worker.js'
import { type Dialect, freshDatabase } from './dialects.js'

export const TEST_START = '2026-11-22T09:00:00.000Z'

/**
 * Evidence keys for every test database. @NOTE Embedded PGlite would make its own; PostgreSQL has
 * no data folder, so without these the evidence tests would run there with preservation off.
 */
const TEST_EVIDENCE_SETTINGS = {
  VIGIL_EVIDENCE_KEYS: `test:${randomBytes(32).toString('base64')}`,
  VIGIL_EVIDENCE_SIGNING_KEY: generateSigningKeyPem(),
}

export interface TestHarness {
  dialect: Dialect
  ctx: AppContext
  app: App
  worker: Worker
  clock: ReturnType<typeof fixedClock>
  keys: Record<ApiRole, string>
  /** The PostgreSQL URL of this harness's database (undefined on PGlite). */
  databaseUrl: string | undefined
  /** `inject` with a role's key. */
  call(
    role: ApiRole | 'none',
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>
  close(): Promise<void>
}

/** A migrated database of the dialect, the app over it, a fixed clock and a key per role. */
export async function createTestHarness(
  dialect: Dialect,
  settings: Record<string, string> = {},
  clock: Clock & ReturnType<typeof fixedClock> = fixedClock(TEST_START),
): Promise<TestHarness> {
  const database = await freshDatabase(dialect)
  const { config, secrets } = parseConfig({
    VIGIL_ALLOW_PRIVATE_NETWORK: 'true',
    VIGIL_LOG_LEVEL: 'silent',
    // @NOTE The offline lexicon is on by default in Vigil; tests that are about it turn it on, so
    // the others' signals stay exactly the ones they set up.
    VIGIL_LEXICON: 'false',
    ...TEST_EVIDENCE_SETTINGS,
    ...settings,
  })
  const ctx = await createAppContext(config, secrets, {
    database,
    clock,
    logger: createLogger('silent'),
  })
  const app = await buildApp(ctx)
  const keys = {} as Record<ApiRole, string>
  for (const role of ['platform', 'trusted_flagger', 'moderator', 'admin'] as const) {
    keys[role] = (
      await createApiKey(ctx.db, clock, SYSTEM_ACTOR, { name: `test ${role}`, role })
    ).key
  }
  const worker = new Worker(ctx)
  return {
    dialect,
    ctx,
    app,
    worker,
    clock,
    keys,
    databaseUrl: database.kind === 'postgres' ? database.url : undefined,
    call: (role, method, url, payload, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
        headers: {
          ...(role === 'none' ? {} : { authorization: `Bearer ${keys[role]}` }),
          ...headers,
        },
      }),
    close: async () => {
      await app.close()
      await ctx.destroy()
      await database.drop()
    },
  }
}
