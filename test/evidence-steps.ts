import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { postDecision, postReport } from './api-steps.js'
import type { Dialect } from './dialects.js'
import { contentInput, freshReportFields } from './factories.js'
import { createTestHarness, type TestHarness } from './harness.js'

// @NOTE Steps for the evidence tests: a harness with a keyring and a folder of its own, a local
// media server, and a case whose CSEA decision preserves it.

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export interface EvidenceHarness extends TestHarness {
  evidenceDir: string
  mediaBase: string
  closeAll(): Promise<void>
}

/** A harness whose evidence is sealed with a known keyring into a temporary folder. */
export async function createEvidenceHarness(dialect: Dialect): Promise<EvidenceHarness> {
  const evidenceDir = mkdtempSync(join(tmpdir(), 'vigil-evidence-test-'))
  const h = await createTestHarness(dialect, {
    VIGIL_EVIDENCE_KEYS: `test-1:${randomBytes(32).toString('base64')}`,
    VIGIL_EVIDENCE_DIR: evidenceDir,
  })
  const media = await startMediaServer()
  return {
    ...h,
    evidenceDir,
    mediaBase: media.base,
    closeAll: async () => {
      await new Promise((resolve) => media.server.close(resolve))
      await h.close()
      rmSync(evidenceDir, { recursive: true, force: true })
    },
  }
}

/**
 * /image.png answers the PNG; /vanishing answers it once, then 404 (the platform took it down);
 * anything else 500.
 */
async function startMediaServer(): Promise<{ server: Server; base: string }> {
  let vanishingServed = false
  const server = createServer((req, res) => {
    const png = () => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
    if (req.url === '/image.png') png()
    else if (req.url === '/vanishing' && !vanishingServed) {
      vanishingServed = true
      png()
    } else if (req.url === '/vanishing') res.writeHead(404).end()
    else res.writeHead(500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/** Ingests an image post (`media`) and opens a case on it with a report for `harm`. */
export async function caseWithMedia(
  h: EvidenceHarness,
  harm: string,
  media: Record<string, unknown>[] = [{ url: `${h.mediaBase}/image.png` }],
): Promise<{ caseId: string; externalId: string }> {
  const content = contentInput({ kind: 'image', media: media as never })
  const ingested = await h.call('platform', 'POST', '/v1/content', content)
  expect(ingested.statusCode, ingested.body).toBeLessThan(300)
  const fields = freshReportFields({ harm, subject: { id: content.id, kind: 'image' } })
  return { caseId: (await postReport(h, fields)).caseId, externalId: content.id as string }
}

/** Removes the case's content for CSEA, as a moderator, and runs the worker. */
export async function removeForCsea(h: EvidenceHarness, caseId: string): Promise<void> {
  await postDecision(h, caseId, {
    harm: 'illegal.csea.image_csam',
    ground: { type: 'illegal', offence: 'Protection of Children Act 1978 s.1' },
    statement: 'The image is child sexual abuse material. We removed it.',
  })
  await h.worker.drain()
}

/** The case's evidence items as the admin lists them. */
export async function listEvidence(h: TestHarness, caseId: string) {
  const res = await h.call('admin', 'GET', `/v1/cases/${caseId}/evidence`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as Record<string, unknown>[]
}

/** Every file under the evidence folder, with its bytes. */
export function blobFiles(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name)
      return { path, bytes: readFileSync(path) }
    })
}

/** Audit entries of an action, oldest first. */
export async function auditOf(h: TestHarness, action: string, entityId?: string) {
  let query = h.ctx.db.selectFrom('audit_entry').selectAll().where('action', '=', action)
  if (entityId) query = query.where('entity_id', '=', entityId)
  return query.orderBy('id').execute()
}
