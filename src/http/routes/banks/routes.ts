import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { bankEntryInputSchema, bankInputSchema, retractionInputSchema } from '../../../core/bank.js'
import { exportBankFile } from '../../../services/bank-files/export-bank-file.js'
import { BANK_FILE_FORMATS } from '../../../services/bank-files/formats.js'
import {
  addBankEntries,
  changeBankEntryState,
  createBank,
  listBanksWithCounts,
  listEntriesOfBank,
  setBankEnabledState,
} from '../../../services/banks.js'
import {
  bankEntryPageSchema,
  bankEntrySchema,
  bankListSchema,
  bankSchema,
  entriesAddedSchema,
} from './schema.js'

const bankParams = z.object({ id: z.uuid({ error: 'a bank id is a UUID' }) })
const entryParams = bankParams.extend({ entryId: z.uuid({ error: 'an entry id is a UUID' }) })
const READ = { roles: ['moderator', 'admin'] as const }
const WRITE = { roles: ['admin'] as const }

export function bankRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/banks',
      {
        config: WRITE,
        schema: {
          tags: ['banks'],
          summary: 'Create a bank of hashes (sha256, md5, pdq), URLs or keywords',
          body: bankInputSchema,
          response: { 201: bankSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createBank(ctx, request.actor, request.body)),
    )
    app.get(
      '/banks',
      {
        config: READ,
        schema: {
          tags: ['banks'],
          summary: 'Banks with their entry counts',
          response: { 200: bankListSchema },
        },
      },
      async () => ({ banks: await listBanksWithCounts(ctx) }),
    )
    app.patch(
      '/banks/:id',
      {
        config: WRITE,
        schema: {
          tags: ['banks'],
          summary: 'Switch a bank on or off; its entries stop or start matching at once',
          params: bankParams,
          body: z.strictObject({ enabled: z.boolean() }),
          response: { 200: bankSchema },
        },
      },
      async (request) =>
        setBankEnabledState(ctx, request.actor, request.params.id, request.body.enabled),
    )
    app.post(
      '/banks/:id/entries',
      {
        config: WRITE,
        schema: {
          tags: ['banks'],
          summary: 'Add entries; all or none. Values already in the bank are skipped',
          params: bankParams,
          body: z.strictObject({ entries: z.array(bankEntryInputSchema).min(1).max(10_000) }),
          response: { 201: entriesAddedSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addBankEntries(ctx, request.actor, request.params.id, request.body.entries)),
    )
    app.get(
      '/banks/:id/entries',
      {
        config: READ,
        schema: {
          tags: ['banks'],
          summary: 'A page of entries with their provenance and state; pass `next` as `after`',
          params: bankParams,
          querystring: z.object({
            after: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(1_000).default(100),
          }),
          response: { 200: bankEntryPageSchema },
        },
      },
      async (request) => listEntriesOfBank(ctx, request.params.id, request.query),
    )
    entryStateRoutes(app, ctx)
    app.get(
      '/banks/:id/export',
      {
        config: READ,
        schema: {
          tags: ['banks'],
          summary: 'Every entry as JSON lines (with provenance) or HMA CSV (active entries)',
          params: bankParams,
          querystring: z.object({ format: z.enum(BANK_FILE_FORMATS).default('jsonl') }),
        },
      },
      async (request, reply) => {
        const { format } = request.query
        const chunks = exportBankFile(ctx, request.params.id, format)
        const first = await chunks.next()
        reply.type(format === 'jsonl' ? 'application/x-ndjson' : 'text/csv; charset=utf-8')
        return reply.send(Readable.from(streamFrom(first.value ?? '', chunks)))
      },
    )
  }
}

type Routes = Parameters<FastifyPluginAsyncZod>[0]

function entryStateRoutes(app: Routes, ctx: AppContext): void {
  for (const to of ['disabled', 'enabled'] as const) {
    app.post(
      `/banks/:id/entries/:entryId/${to === 'disabled' ? 'disable' : 'enable'}`,
      {
        config: WRITE,
        schema: {
          tags: ['banks'],
          summary: `Mark one entry ${to}`,
          params: entryParams,
          response: { 200: bankEntrySchema },
        },
      },
      async (request) =>
        changeBankEntryState(ctx, request.actor, request.params.id, request.params.entryId, { to }),
    )
  }
  app.post(
    '/banks/:id/entries/:entryId/retract',
    {
      config: WRITE,
      schema: {
        tags: ['banks'],
        summary: 'Withdraw an entry for good (e.g. a false positive), with the reason',
        params: entryParams,
        body: retractionInputSchema,
        response: { 200: bankEntrySchema },
      },
    },
    async (request) =>
      changeBankEntryState(ctx, request.actor, request.params.id, request.params.entryId, {
        to: 'retracted',
        reason: request.body.reason,
      }),
  )
}

async function* streamFrom(first: string, rest: AsyncGenerator<string>) {
  yield first
  yield* rest
}
