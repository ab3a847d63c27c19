import { z } from 'zod'

export const SUBJECT_KINDS = [
  'text',
  'image',
  'video',
  'url',
  'profile',
  'message',
  'account',
] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

/** Where the content is seen: the law treats private messages differently (no proactive scanning duty). */
export const SURFACES = ['public', 'private', 'group'] as const
export type Surface = (typeof SURFACES)[number]

const externalId = z
  .string()
  .min(1)
  .max(200)
  .describe("The platform's own id for this content or account")

export const mediaInputSchema = z.union([
  z.strictObject({ url: z.url().max(2000) }),
  z.strictObject({
    base64: z.base64().min(1),
    mimeType: z.string().max(100).optional(),
  }),
])
export type MediaInput = z.infer<typeof mediaInputSchema>

/** How far the content travels, as the platform counts it; it raises review priority (Ofcom ICU C5). */
export const reachSchema = z
  .strictObject({
    views: z.number().int().min(0).max(1e12).optional().describe('Times the content was seen'),
    followers: z
      .number()
      .int()
      .min(0)
      .max(1e12)
      .optional()
      .describe("The author's followers, subscribers or members who can see it"),
  })
  .describe('Reach the platform measured; Vigil ranks wider-reaching content higher in review')
export type ReachInput = z.infer<typeof reachSchema>

export const contentInputSchema = z.strictObject({
  id: externalId,
  kind: z.enum(SUBJECT_KINDS),
  surface: z.enum(SURFACES).default('public'),
  author: z
    .strictObject({
      id: externalId,
      createdAt: z.iso
        .datetime({ offset: true })
        .optional()
        .describe("When the author's account was created; rules can test its age"),
    })
    .optional(),
  text: z.string().max(100_000).optional(),
  url: z.url().max(2000).optional().describe('Where the content can be seen'),
  media: z.array(mediaInputSchema).max(20).default([]),
  metadata: z.record(z.string(), z.unknown()).default({}),
  reach: reachSchema.optional(),
})
export type ContentInput = z.infer<typeof contentInputSchema>

/** What a report names when it is about content Vigil may not have seen. */
export const subjectRefSchema = z.strictObject({
  id: externalId,
  kind: z.enum(SUBJECT_KINDS),
  surface: z.enum(SURFACES).default('public'),
  author: z.strictObject({ id: externalId }).optional(),
  text: z.string().max(100_000).optional(),
  url: z.url().max(2000).optional(),
  reach: reachSchema.optional(),
})
export type SubjectRef = z.infer<typeof subjectRefSchema>

export interface MediaRecord {
  sha256: string
  /** Hash lists of video (HMA's video_md5) and NCMEC reports use MD5. */
  md5?: string
  /** PDQ hash of an image (64 hex digits): removed media is banked by it and copies found. */
  pdq?: string
  /** Quality (0–100) of the PDQ hash; a low one says little about the image. */
  pdqQuality?: number
  bytes: number
  mimeType?: string
  sourceUrl?: string
}

export interface Subject {
  id: string
  externalId: string
  kind: SubjectKind
  surface: Surface
  authorId: string | null
  text: string | null
  url: string | null
  media: MediaRecord[]
  metadata: Record<string, unknown>
  verdict: Verdict | null
  createdAt: Date
  updatedAt: Date
}

/** The account a subject belongs to: its author, or the account itself; null when unknown. */
export function accountOf(
  subject: Pick<Subject, 'authorId' | 'kind' | 'externalId'>,
): string | null {
  return subject.authorId ?? (subject.kind === 'account' ? subject.externalId : null)
}

export const VERDICTS = ['allow', 'review', 'hold', 'block'] as const
export type Verdict = (typeof VERDICTS)[number]
