import { z } from 'zod'
import { evidencePolicyHarms } from '../core/policy/evidence.js'
import type { Policy } from '../core/policy.js'
import { buildTaxonomy, type TermsNodeInput } from '../core/taxonomy.js'

/** A master key of the evidence keyring: it wraps the per-item data keys. */
export interface EvidenceMasterKey {
  id: string
  key: Buffer
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/
const KEY_BYTES = 32

/**
 * `VIGIL_EVIDENCE_KEYS`: `id:base64key[,id:base64key…]`, each key 32 random bytes. The first
 * wraps new data keys; all unwrap, so a key can be rotated in front of the old ones. Problems
 * name the entry by position, never its value.
 */
const keyringSetting = z.string().transform((text, ctx) => {
  const { keys, problems } = parseEvidenceKeyring(text)
  for (const message of problems) ctx.addIssue({ code: 'custom', message })
  return problems.length > 0 ? z.NEVER : keys
})

export const evidenceSettingsShape = {
  VIGIL_EVIDENCE_KEYS: keyringSetting.optional(),
  VIGIL_EVIDENCE_DIR: z.string().min(1).optional(),
}

/** Parses a keyring's text; the problems never quote key material. */
export function parseEvidenceKeyring(text: string): {
  keys: EvidenceMasterKey[]
  problems: string[]
} {
  const keys: EvidenceMasterKey[] = []
  const problems: string[] = []
  text.split(',').forEach((entry, i) => {
    const [id, material, ...rest] = entry.trim().split(':')
    const where = `entry ${i + 1}`
    if (!id || !KEY_ID.test(id) || material === undefined || rest.length > 0) {
      problems.push(`${where}: write id:base64key, the id being 1–32 letters, digits, - or _`)
      return
    }
    const key = Buffer.from(material, 'base64')
    if (key.length !== KEY_BYTES || key.toString('base64') !== material) {
      problems.push(`${where} (${id}): the key must be ${KEY_BYTES} bytes in base64`)
      return
    }
    if (keys.some((k) => k.id === id)) problems.push(`${where}: the id ${id} is used twice`)
    keys.push({ id, key })
  })
  return { keys, problems }
}

/** Where evidence blobs are kept: VIGIL_EVIDENCE_DIR, or `<dataDir>/evidence` when unset. */
export interface EvidenceConfig {
  dir: string | undefined
}

/** Evidence harms the taxonomy lacks would silently never preserve: refuse them at start. */
export function unknownEvidenceHarms(policy: Policy, terms: TermsNodeInput[]): string[] {
  const taxonomy = buildTaxonomy(terms)
  return evidencePolicyHarms(policy.evidence)
    .filter(({ harm }) => !taxonomy.get(harm))
    .map(
      ({ harm, path }) =>
        `VIGIL_POLICY: evidence.${path.join('.')}: "${harm}" is not a harm in the taxonomy (see GET /v1/taxonomy)`,
    )
}
