import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { exportEvidencePackage } from '../../../services/evidence-export.js'
import { EVIDENCE_ROLES } from '../evidence/routes.js'
import { caseParams, contentQuery } from '../evidence/schema.js'

/** A case's signed evidence package (zip) for an authority; `vigil evidence verify` checks it. */
export function evidencePackageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/evidence/package',
      {
        config: { roles: EVIDENCE_ROLES },
        schema: {
          tags: ['evidence'],
          summary: 'A signed evidence package of the case: originals, manifest, custody, summary',
          description:
            'A zip of the originals under `items/`, `manifest.json` (items with SHA-256, custody extract, audit-chain segment and anchor), `manifest.sig` (Ed25519 over manifest.json) and `summary.html`. Needs `purpose` (10 characters or more), recorded per item as `evidence.exported` before anything is read. 409 when the case has no evidence. Check it with `vigil evidence verify FILE.zip --public-key KEY.pem`.',
          params: caseParams,
          querystring: contentQuery,
          response: { 200: z.unknown().describe('The package, as application/zip') },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const built = await exportEvidencePackage(ctx, request.actor, id, request.query.purpose)
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="evidence-${id}.zip"`)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('x-evidence-signing-key-id', built.manifest.signing.keyId)
          .send(Buffer.from(built.zip))
      },
    )
  }
}
