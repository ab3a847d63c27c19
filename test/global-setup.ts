import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { createDatabase, type DatabaseOptions } from '../src/storage/database.js'
import { JobQueue } from '../src/storage/job-queue.js'
import { migrateToLatest } from '../src/storage/migrate.js'
import { adminQuery } from './dialects.js'

const POSTGRES_TEMPLATE = 'vigil_test_template'
let workDir: string | undefined

/** Migrates one template per dialect; every test database is a cheap copy of it. */
export async function setup(project: TestProject): Promise<void> {
  workDir = mkdtempSync(join(tmpdir(), 'vigil-test-'))
  const pglite = await migratedTemplate({ kind: 'pglite' })
  const path = join(workDir, 'pglite-template.tar')
  writeFileSync(path, Buffer.from(await (pglite as Blob).arrayBuffer()))
  project.provide('pgliteTemplatePath', path)
  project.provide('postgresTemplate', await postgresTemplate())
}

export async function teardown(): Promise<void> {
  if (workDir) rmSync(workDir, { recursive: true, force: true })
}

async function postgresTemplate(): Promise<string | null> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) return null
  await adminQuery(serverUrl, `drop database if exists ${POSTGRES_TEMPLATE} with (force)`)
  await adminQuery(serverUrl, `create database ${POSTGRES_TEMPLATE}`)
  const url = new URL(serverUrl)
  url.pathname = `/${POSTGRES_TEMPLATE}`
  await migratedTemplate({ kind: 'postgres', url: url.toString(), poolSize: 2 })
  return POSTGRES_TEMPLATE
}

async function migratedTemplate(options: DatabaseOptions): Promise<Blob | undefined> {
  const handle = await createDatabase(options)
  await migrateToLatest(handle.db)
  const jobs = new JobQueue(handle.sql, {})
  await jobs.start()
  await jobs.stop()
  const dump = await handle.dump?.()
  await handle.destroy()
  return dump
}
