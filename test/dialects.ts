import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import type { DatabaseOptions } from '../src/storage/database.js'

export type Dialect = 'pglite' | 'postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string
    postgresTemplate: string | null
  }
}

/** The dialects this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function dialects(): Dialect[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite']
}

let pgliteTemplate: Blob | undefined

/** A fresh, migrated database of the dialect, owned by the caller. */
export async function freshDatabase(
  dialect: Dialect,
): Promise<DatabaseOptions & { drop(): Promise<void> }> {
  if (dialect === 'pglite') {
    pgliteTemplate ??= new Blob([readFileSync(inject('pgliteTemplatePath'))])
    return { kind: 'pglite', template: pgliteTemplate, drop: async () => {} }
  }
  const template = inject('postgresTemplate')
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!template || !serverUrl) throw new Error('PostgreSQL tests need TEST_DATABASE_URL')
  const name = `vigil_t_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
  await adminQuery(serverUrl, `create database ${name} template ${template}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    kind: 'postgres',
    url: url.toString(),
    poolSize: 10,
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  }
}

export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
