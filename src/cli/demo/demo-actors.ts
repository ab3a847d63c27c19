import type { Actor } from '../../core/roles.js'
import type { FlaggerInput, TrustedFlagger } from '../../core/trusted-flagger.js'
import { createApiKey } from '../../services/api-keys.js'
import type { ServiceContext } from '../../services/service-context.js'
import { createFlagger, listFlaggers } from '../../services/trusted-flaggers.js'

export const DEMO_ADMIN: Actor = { id: 'demo:admin', role: 'admin', name: 'Demo admin' }
export const DEMO_PLATFORM: Actor = {
  id: 'demo:platform',
  role: 'platform',
  name: 'Demo platforms (forum, game, dating app)',
}

/** The two registered flaggers of the demo, and the file in the data folder that holds each key. */
export const DEMO_FLAGGERS = {
  police: {
    keyFile: 'demo-police-hub.key',
    input: {
      name: 'Northshire Police Social Media Hub (demo)',
      kind: 'authority',
      designation: 'Police referral unit: notices of illegal content (demo agreement 2026/07)',
      contactEmail: 'socialmedia.hub@northshire-police.example',
    },
  },
  ngo: {
    keyFile: 'demo-ngo-hotline.key',
    input: {
      name: 'Safer Online Hotline (demo NGO)',
      kind: 'trusted_flagger',
      designation: 'Trusted flagger under DSA Art. 22, DSC reference TF-2026-0142 (demo)',
      contactEmail: 'hotline@saferonline.example',
    },
  },
} as const satisfies Record<string, { keyFile: string; input: FlaggerInput }>

export type DemoFlaggerName = keyof typeof DEMO_FLAGGERS

const MODERATOR_NAMES = [
  'Asha (demo moderator)',
  'Tom (demo moderator)',
  'Inès (demo moderator)',
] as const

/** Who acts in the demo: three moderators and two flaggers, each with a real API key. */
export interface DemoCast {
  moderators: readonly [Actor, Actor, Actor]
  flaggers: Record<DemoFlaggerName, Actor>
  /** The registered flaggers' names, by flagger id. */
  flaggerNames: Map<string, string>
}

/** A plain API key made for the demo, to be written to `file` in the data folder. */
export interface DemoKey {
  file: string
  key: string
}

/**
 * Registers the demo flaggers (or finds them from an earlier load) and gives them and the demo
 * moderators API keys, as an admin would; the flaggers' keys go to `onKey` to be kept.
 */
export async function castDemo(
  ctx: ServiceContext,
  onKey: (key: DemoKey) => void = () => {},
): Promise<DemoCast> {
  const [asha, tom, ines] = MODERATOR_NAMES
  const moderators = [
    await moderatorActor(ctx, asha),
    await moderatorActor(ctx, tom),
    await moderatorActor(ctx, ines),
  ] as const
  const police = await flaggerActor(ctx, 'police', onKey)
  const ngo = await flaggerActor(ctx, 'ngo', onKey)
  const flaggerNames = new Map([
    [police.flaggerId as string, DEMO_FLAGGERS.police.input.name],
    [ngo.flaggerId as string, DEMO_FLAGGERS.ngo.input.name],
  ])
  return { moderators, flaggers: { police, ngo }, flaggerNames }
}

async function moderatorActor(ctx: ServiceContext, name: string): Promise<Actor> {
  const { record } = await createApiKey(ctx.db, ctx.clock, DEMO_ADMIN, { name, role: 'moderator' })
  return { id: `key:${record.id}`, role: 'moderator', name }
}

async function flaggerActor(
  ctx: ServiceContext,
  which: DemoFlaggerName,
  onKey: (key: DemoKey) => void,
): Promise<Actor> {
  const { input, keyFile } = DEMO_FLAGGERS[which]
  const flagger =
    (await findDemoFlagger(ctx, which)) ?? (await createFlagger(ctx, DEMO_ADMIN, input))
  const name = `${input.name} API`
  const { key, record } = await createApiKey(ctx.db, ctx.clock, DEMO_ADMIN, {
    name,
    role: 'trusted_flagger',
    flaggerId: flagger.id,
  })
  onKey({ file: keyFile, key })
  return { id: `key:${record.id}`, role: 'trusted_flagger', name, ...flaggerOf(flagger) }
}

function flaggerOf(flagger: TrustedFlagger): Pick<Actor, 'flaggerId' | 'flaggerKind'> {
  return { flaggerId: flagger.id, flaggerKind: flagger.kind }
}

/** The registered demo flagger, if the demo was loaded into this database. */
export async function findDemoFlagger(
  ctx: Pick<ServiceContext, 'db'>,
  which: DemoFlaggerName,
): Promise<TrustedFlagger | undefined> {
  const name = DEMO_FLAGGERS[which].input.name
  return (await listFlaggers(ctx)).find((f) => f.name === name)
}
