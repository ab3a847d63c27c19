import { z } from 'zod'

const rateLimitSchema = z.strictObject({
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  perReporter: z.number().int().min(1).max(100_000).default(30),
  perAddress: z.number().int().min(1).max(100_000).default(60),
})

const frameAncestor = z
  .string()
  .regex(
    /^(\*|'self'|'none'|https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?)$/,
    "a frame ancestor is *, 'self', 'none' or an origin such as https://forum.example",
  )

/** The public report page (GET /report): who may embed it, and what it calls the service. */
const reportPageSchema = z.strictObject({
  /** The service's name, shown at the top of the public pages. */
  serviceName: z.string().min(1).max(80).default('Report a problem'),
  /**
   * Sites that may show the report pages in an iframe (CSP frame-ancestors). `*` lets any site
   * embed them; list your own origins to narrow it.
   */
  frameAncestors: z.array(frameAncestor).min(1).max(20).default(['*']),
  /** Where people reach Vigil's public pages, for links in messages (e.g. https://safety.example). */
  publicUrl: z.url().max(300).optional(),
})

/** How notices are taken in: rate limits per reporter and per address (fixed windows), and the page. */
export const reportingPolicySchema = z.strictObject({
  rateLimit: rateLimitSchema.default({ windowMinutes: 60, perReporter: 30, perAddress: 60 }),
  page: reportPageSchema.default({ serviceName: 'Report a problem', frameAncestors: ['*'] }),
})
export type ReportingPolicy = z.infer<typeof reportingPolicySchema>
