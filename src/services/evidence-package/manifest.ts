import { z } from 'zod'

/** The format name and version every package's manifest carries. */
export const PACKAGE_FORMAT = 'vigil-evidence-package/1'

export const MANIFEST_PATH = 'manifest.json'
export const SIGNATURE_PATH = 'manifest.sig'
export const SUMMARY_PATH = 'summary.html'
export const ITEMS_DIR = 'items/'

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')
const isoTime = z.iso.datetime()

/** A name inside the zip that is safe to use anywhere: relative, no `..`, no backslashes. */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false
  if (name.startsWith('/') || name.includes('\\') || name.includes(':')) return false
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false
  const parts = name.endsWith('/') ? name.slice(0, -1).split('/') : name.split('/')
  return parts.every((part) => part !== '' && part !== '.' && part !== '..')
}

const itemSchema = z
  .object({
    /** The original's file in the zip; null when the bytes are not in the package. */
    path: z
      .string()
      .refine((p) => p.startsWith(ITEMS_DIR) && isSafeEntryName(p) && !p.endsWith('/'), {
        message: 'must be a file under items/ with a safe name',
      })
      .nullable(),
    id: z.string().min(1),
    kind: z.string(),
    label: z.string(),
    contentType: z.string(),
    size: z.number().int().min(0).nullable(),
    sha256: sha256Hex.nullable(),
    preservedAt: isoTime,
    /** Why the bytes are not in the package (erased, never kept); null when they are. */
    absentReason: z.string().nullable(),
  })
  .refine((i) => (i.path === null) === (i.absentReason !== null), {
    message: 'an item has either a file or a reason why it has none',
  })
  .refine((i) => i.path === null || (i.size !== null && i.sha256 !== null), {
    message: 'an item with a file has its size and SHA-256',
  })

const custodySchema = z.object({
  entryId: z.number().int(),
  at: isoTime,
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  purpose: z.string().nullable(),
  chainSeq: z.number().int().min(1).nullable(),
})

const chainEntrySchema = z.object({
  seq: z.number().int().min(1),
  prevHash: sha256Hex,
  hash: sha256Hex,
  entry: z.object({
    id: z.number().int(),
    at: isoTime,
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    data: z.record(z.string(), z.unknown()),
  }),
})

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  caseId: z.string().min(1),
  createdAt: isoTime,
  exporter: z.object({ id: z.string(), name: z.string() }),
  purpose: z.string().min(1),
  items: z.array(itemSchema),
  custody: z.array(custodySchema),
  auditChain: z.object({
    entries: z.array(chainEntrySchema),
    anchor: z.object({
      headSeq: z.number().int().min(0),
      headHash: sha256Hex,
      allSealed: z.boolean(),
    }),
  }),
  summary: z.object({ path: z.literal(SUMMARY_PATH), sha256: sha256Hex }),
  signing: z.object({
    algorithm: z.literal('Ed25519'),
    keyId: z.string(),
    publicKey: z.string(),
  }),
})

export type PackageManifest = z.infer<typeof manifestSchema>
export type ManifestItem = PackageManifest['items'][number]
export type CustodyRecord = PackageManifest['custody'][number]
export type ChainSegmentEntry = PackageManifest['auditChain']['entries'][number]
export type ChainAnchor = PackageManifest['auditChain']['anchor']
