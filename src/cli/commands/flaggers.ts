import { Command, Option } from 'commander'
import { FLAGGER_KINDS, flaggerInputSchema } from '../../core/trusted-flagger.js'
import { createFlagger, listFlaggers } from '../../services/trusted-flaggers.js'
import { CLI_ACTOR, withContext } from '../open-context.js'

interface CreateOptions {
  name: string
  kind: (typeof FLAGGER_KINDS)[number]
  designation?: string
  email?: string
}

/** `vigil flaggers create|list`: the registry of trusted flaggers and authorities (DSA Art. 22). */
export function flaggersCommand(): Command {
  const flaggers = new Command('flaggers').description(
    'Register and list trusted flaggers and authorities (DSA Art. 22)',
  )
  flaggers.addCommand(createCommand())
  flaggers.addCommand(listCommand())
  return flaggers
}

function createCommand(): Command {
  return new Command('create')
    .description('Register a flagger; then give it a key with `vigil keys create --flagger NAME`')
    .requiredOption('--name <name>', 'the organisation')
    .addOption(
      new Option('--kind <kind>', 'trusted flagger or authority')
        .choices(FLAGGER_KINDS)
        .default('trusted_flagger'),
    )
    .option('--designation <reference>', "the Digital Services Coordinator's reference")
    .option('--email <address>', 'contact email')
    .action(async (options: CreateOptions, command: Command) => {
      const parsed = flaggerInputSchema.safeParse({
        name: options.name,
        kind: options.kind,
        designation: options.designation,
        contactEmail: options.email,
      })
      if (!parsed.success) {
        throw new Error(
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        )
      }
      const input = parsed.data
      await withContext(command, async (ctx) => {
        const flagger = await createFlagger(ctx, CLI_ACTOR, input)
        console.log(`registered ${flagger.kind} "${flagger.name}" as ${flagger.id}`)
      })
    })
}

function listCommand(): Command {
  return new Command('list')
    .description('List registered flaggers')
    .action(async (_options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        const rows = await listFlaggers(ctx)
        console.table(
          rows.map((f) => ({
            id: f.id,
            name: f.name,
            kind: f.kind,
            designation: f.designation ?? '',
            enabled: f.enabled,
          })),
        )
      })
    })
}
