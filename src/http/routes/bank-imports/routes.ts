import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import {
  getBankImportOrThrow,
  listBankImports,
  startBankImport,
} from '../../../services/bank-files/bank-imports.js'
import type { RouteApp } from '../route-app.js'
import { presentBankImport } from './presenter.js'
import {
  bankImportListSchema,
  bankImportSchema,
  bankParams,
  importBody,
  importListQuery,
  importParams,
} from './schema.js'

const ADMIN = { roles: ['admin'] as const }

/** Bank files imported by a job: upload, then poll the import's status and counts. */
export function bankImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerStart(app, ctx)
    registerReads(app, ctx)
  }
}

function registerStart(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/banks/:id/imports',
    {
      config: ADMIN,
      schema: {
        tags: ['banks'],
        summary: 'Upload a bank file (JSON lines or HMA CSV); a job checks every line, then writes',
        description:
          'Answers 202 once the file is stored and its job queued; poll the `Location` for the ' +
          'counts. A file with a bad line is refused whole (status `failed`, with its problems).',
        params: bankParams,
        body: importBody,
        response: { 202: bankImportSchema },
      },
    },
    async (request, reply) => {
      const started = await startBankImport(ctx, request.actor, request.params.id, request.body)
      reply.header('location', `/v1/banks/${started.bankId}/imports/${started.id}`)
      return reply.status(202).send(presentBankImport(started))
    },
  )
}

function registerReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/banks/:id/imports/:importId',
    {
      config: ADMIN,
      schema: {
        tags: ['banks'],
        summary: "An import's status and counts, and the problems of a refused file",
        params: importParams,
        response: { 200: bankImportSchema },
      },
    },
    async (request) =>
      presentBankImport(
        await getBankImportOrThrow(ctx, request.params.id, request.params.importId),
      ),
  )
  app.get(
    '/banks/:id/imports',
    {
      config: ADMIN,
      schema: {
        tags: ['banks'],
        summary: "The bank's recent imports, newest first",
        params: bankParams,
        querystring: importListQuery,
        response: { 200: bankImportListSchema },
      },
    },
    async (request) => ({
      imports: (await listBankImports(ctx, request.params.id, request.query.limit)).map(
        presentBankImport,
      ),
    }),
  )
}
