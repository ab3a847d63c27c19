import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { postReport } from './api-steps.js'
import { contentInput, decisionInput, freshReportFields } from './factories.js'
import type { TestHarness } from './harness.js'
import type { NcaTestServer } from './nca-server.js'

// @NOTE Steps for the CSEA reporting tests. The images are benign photographs from the shared
// test vectors standing in for reported media: only their hashes matter here.

const DATA = fileURLToPath(new URL('../../shared/testdata/pdq/data/', import.meta.url))

/** A benign image of the shared vectors, base64; different names give different hashes. */
export function testImage(name: string): string {
  return readFileSync(`${DATA}${name}`).toString('base64')
}

/** The provider as registered with the NCA, in the written policy. */
export const CSEA_POLICY = {
  cseaReporting: {
    reporter: {
      providerName: 'Forum Example Ltd',
      ncaRegistrationId: 'NCA-REG-0001',
      contactName: 'Sam Safety',
      contactEmail: 'safety@forum.example',
    },
  },
}

/** Harness settings that send NCA reports to `nca` and retry a failed send after a second. */
export function cseaSettings(
  nca: NcaTestServer,
  policy: Record<string, unknown> = CSEA_POLICY,
): Record<string, string> {
  return {
    VIGIL_NCA_URL: nca.url,
    VIGIL_NCA_TOKEN: nca.token,
    VIGIL_CSEA_SEND_RETRY_DELAY_SECONDS: '1',
    VIGIL_POLICY: JSON.stringify(policy),
  }
}

let counter = 0

/** An image post by `author`, ingested, and a CSAM notice about it; the case and content ids. */
export async function cseaCase(
  h: TestHarness,
  options: { image?: string; author?: string; mediaUrl?: string } = {},
): Promise<{ caseId: string; contentId: string }> {
  counter += 1
  const media = options.mediaUrl
    ? [{ url: options.mediaUrl }]
    : [{ base64: testImage(options.image ?? 'misc-images/small.jpg') }]
  const author = { id: options.author ?? `author-csea-${counter}` }
  const content = contentInput({ kind: 'image', author, media: media as never })
  const ingested = await h.call('platform', 'POST', '/v1/content', content)
  expect(ingested.statusCode, ingested.body).toBeLessThan(300)
  const notice = { harm: 'illegal.csea.image_csam', subject: { id: content.id, kind: 'image' } }
  const { caseId } = await postReport(h, freshReportFields(notice))
  return { caseId, contentId: content.id as string }
}

/** Removes the content for CSAM with `role`'s key; the decision. */
export async function decideCsea(
  h: TestHarness,
  caseId: string,
  role: 'moderator' | 'admin' = 'moderator',
) {
  const res = await h.call(
    role,
    'POST',
    `/v1/cases/${caseId}/decisions`,
    decisionInput({
      harm: 'illegal.csea.image_csam',
      ground: { type: 'illegal', offence: 'Protection of Children Act 1978 s.1' },
      statement: 'The image shows the sexual abuse of a child. We removed it.',
    }),
  )
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

/** The case's CSEA reports as an admin lists them. */
export async function reportsOfCase(h: TestHarness, caseId: string) {
  const res = await h.call('admin', 'GET', `/v1/csea-reports?caseId=${caseId}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().reports as Record<string, unknown>[]
}

/** A CSEA case decided by the moderator; its NCA draft as an admin reviews it. */
export async function draftedNcaReport(h: TestHarness, options: { image?: string } = {}) {
  const { caseId } = await cseaCase(h, options)
  await decideCsea(h, caseId)
  const [summary] = await reportsOfCase(h, caseId)
  return { caseId, report: await reportView(h, summary?.id as string) }
}

export async function reportView(h: TestHarness, id: string) {
  const res = await h.call('admin', 'GET', `/v1/csea-reports/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

export const DECLARED = { declaration: { truthful: true } }
