import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { adminQuery, dialects, freshDatabase } from '../../test/dialects.js'
import { postgresServerUrl } from '../../test/factories.js'
import { createDatabase } from './database.js'

describe.skipIf(!dialects().includes('postgres'))('createDatabase on PostgreSQL', () => {
  it('survives the server closing an idle pooled connection', async () => {
    const serverUrl = postgresServerUrl() as string
    const options = await freshDatabase('postgres')
    if (options.kind !== 'postgres') throw new Error('expected a PostgreSQL database')
    const name = new URL(options.url).pathname.slice(1)
    const handle = await createDatabase(options)
    const uncaught: unknown[] = []
    const others = process.listeners('uncaughtException')
    const catcher = (error: unknown) => uncaught.push(error)
    process.removeAllListeners('uncaughtException')
    process.on('uncaughtException', catcher)
    try {
      await sql`select 1`.execute(handle.db)
      await adminQuery(
        serverUrl,
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`,
      )
      for (let i = 0; i < 50 && uncaught.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(uncaught).toEqual([])
      const after = await sql<{ one: number }>`select 1 as one`.execute(handle.db)
      expect(after.rows).toEqual([{ one: 1 }])
    } finally {
      process.off('uncaughtException', catcher)
      for (const listener of others) process.on('uncaughtException', listener)
      await handle.destroy()
      await options.drop()
    }
  })
})
