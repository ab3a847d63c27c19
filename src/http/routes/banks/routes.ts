import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { bankEntryInputSchema, bankInputSchema } from '../../../core/bank.js'
import { addBankEntries, createBank, listBanksWithCounts } from '../../../services/banks.js'

export function bankRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/banks',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['banks'],
          summary: 'Create a bank of hashes, URLs or keywords',
          body: bankInputSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createBank(ctx, request.actor, request.body)),
    )
    app.get(
      '/banks',
      {
        config: { roles: ['moderator', 'admin'] },
        schema: { tags: ['banks'], summary: 'Banks with their entry counts' },
      },
      async () => ({ banks: await listBanksWithCounts(ctx) }),
    )
    app.post(
      '/banks/:id/entries',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['banks'],
          summary: 'Add entries; all or none. Values already in the bank are skipped',
          params: z.object({ id: z.uuid({ error: 'a bank id is a UUID' }) }),
          body: z.strictObject({ entries: z.array(bankEntryInputSchema).min(1).max(10_000) }),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addBankEntries(ctx, request.actor, request.params.id, request.body.entries)),
    )
  }
}
