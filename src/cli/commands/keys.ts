import { Command, Option } from 'commander'
import { API_ROLES, type ApiRole } from '../../core/roles.js'
import { createApiKey, listKeys, revokeKey } from '../../services/api-keys.js'
import { findFlaggerByNameOrThrow } from '../../services/trusted-flaggers.js'
import { CLI_ACTOR, withContext } from '../open-context.js'

export function keysCommand(): Command {
  const keys = new Command('keys').description('Create, list and revoke API keys')
  keys.addCommand(createCommand())
  keys.addCommand(listCommand())
  keys.addCommand(revokeCommand())
  return keys
}

function createCommand(): Command {
  return new Command('create')
    .description('Create a key; it is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'who or what the key is for')
    .addOption(
      new Option('--role <role>', 'what the key may do').choices(API_ROLES).makeOptionMandatory(),
    )
    .option('--flagger <name>', 'for --role trusted_flagger: the registered flagger it belongs to')
    .action(
      async (options: { name: string; role: ApiRole; flagger?: string }, command: Command) => {
        if (options.role === 'trusted_flagger' && !options.flagger) {
          throw new Error(
            'a trusted_flagger key belongs to a registered flagger: add --flagger NAME (see `vigil flaggers list`)',
          )
        }
        await withContext(command, async (ctx) => {
          const flagger = options.flagger
            ? await findFlaggerByNameOrThrow(ctx, options.flagger)
            : undefined
          const { key, record } = await createApiKey(ctx.db, ctx.clock, CLI_ACTOR, {
            name: options.name,
            role: options.role,
            flaggerId: flagger?.id,
          })
          const owner = flagger ? ` of flagger "${flagger.name}"` : ''
          console.error(
            `created key ${record.id} (${record.role}) for "${record.name}"${owner}; store it now, it is not shown again:`,
          )
          console.log(key)
        })
      },
    )
}

function listCommand(): Command {
  return new Command('list')
    .description('List keys (never the keys themselves)')
    .action(async (_options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        const rows = await listKeys(ctx.db)
        console.table(
          rows.map((k) => ({
            id: k.id,
            name: k.name,
            role: k.role,
            prefix: k.prefix,
            flagger: k.flaggerId ?? '',
            revoked: k.revokedAt !== null,
          })),
        )
      })
    })
}

function revokeCommand(): Command {
  return new Command('revoke')
    .argument('<id>')
    .description('Revoke a key')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        if (!(await revokeKey(ctx.db, ctx.clock, CLI_ACTOR, id)))
          throw new Error(`no active key ${id}`)
        console.log(`revoked ${id}`)
      })
    })
}
