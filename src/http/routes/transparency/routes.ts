import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import {
  transparencyQuerySchema,
  transparencyReportSchema,
} from '../../../core/transparency-report.js'
import { buildReport } from '../../../transparency/build-report.js'
import { CONTENT_TYPES, renderReport } from '../../../transparency/render/render-report.js'

/** The HTML page needs only its own inline CSS and SVG; it may load and run nothing else. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"

/** The transparency report for a period (DSA Art. 15, Art. 24(1); Ofcom Sch. 8). */
export function transparencyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/transparency/report',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['transparency'],
          summary:
            'The transparency report for [from, to): DSA Art. 15(1), Art. 24(1), Ofcom Sch. 8',
          description:
            'Every figure with its definition. `format=json` (the schema below), `csv` (one row per figure: section, metric, dimension, value, definition) or `html` (a self-contained page with SVG charts). Days are UTC; `to` is not included; at most 366 days.',
          querystring: transparencyQuerySchema,
          response: {
            200: z.union([
              transparencyReportSchema,
              z.string().describe('format=csv (text/csv) or format=html (text/html)'),
            ]),
          },
        },
      },
      async (request, reply) => {
        const { from, to, format } = request.query
        const report = await buildReport(ctx, { from, to })
        if (format === 'json') return report
        const disposition = format === 'html' ? 'inline' : 'attachment'
        return reply
          .header('content-type', CONTENT_TYPES[format])
          .header(
            'content-disposition',
            `${disposition}; filename="transparency-${from}-${to}.${format}"`,
          )
          .header('content-security-policy', PAGE_POLICY)
          .header('x-content-type-options', 'nosniff')
          .send(renderReport(report, format))
      },
    )
  }
}
