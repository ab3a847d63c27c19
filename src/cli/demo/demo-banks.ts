import { createHash } from 'node:crypto'
import type { BankEntryInput, BankInput } from '../../core/bank.js'
import type { Actor } from '../../core/roles.js'
import { addBankEntries, createBank, listBanksWithCounts } from '../../services/banks.js'
import type { ServiceContext } from '../../services/service-context.js'

export const THREAT_PHRASES = [
  'i will kill you',
  "you're dead",
  'i know where you live',
  'watch your back',
  'i will find you',
  'you will regret this',
] as const

export const SCAM_DOMAINS = [
  'free-giftcards.example',
  'crypto-doubler.example',
  'secure-login-verify.example',
  'parcel-redelivery-fee.example',
  'steam-trade-bonus.example',
] as const

/**
 * Stand-ins for known terrorist media: small byte strings whose SHA-256 is in the hash bank.
 * The demo uploads them as base64 media, so those uploads are blocked.
 */
export const KNOWN_MEDIA = [
  'vigil demo: known propaganda video still #1',
  'vigil demo: known propaganda poster #2',
  'vigil demo: known recruitment leaflet #3',
].map((text) => Buffer.from(text, 'utf8'))

interface DemoBank {
  input: BankInput
  entries: BankEntryInput[]
}

export function demoBanks(): DemoBank[] {
  return [
    {
      input: {
        name: 'demo-threats',
        kind: 'keyword',
        harm: 'illegal.harassment.threat_to_life',
        source: 'local',
        action: 'review',
        description: 'Demo: phrases that often carry a threat; a person reviews each match',
      },
      entries: THREAT_PHRASES.map((value) => ({ value })),
    },
    {
      input: {
        name: 'demo-scam-domains',
        kind: 'url',
        harm: 'illegal.fraud',
        source: 'local',
        action: 'block',
        description: 'Demo: phishing and gift-card scam domains (fictional, under .example)',
      },
      entries: SCAM_DOMAINS.map((value) => ({ value, note: 'reported by users in the demo' })),
    },
    {
      input: {
        name: 'demo-known-terror-media',
        kind: 'sha256',
        harm: 'illegal.terrorism',
        source: 'imported',
        action: 'block',
        description: 'Demo: SHA-256 of known terrorist media (stand-in byte strings)',
      },
      entries: KNOWN_MEDIA.map((bytes, i) => ({
        value: createHash('sha256').update(bytes).digest('hex'),
        note: `demo item ${i + 1}`,
      })),
    },
  ]
}

/** Creates the demo banks, or reuses banks of the same names, and adds their entries. */
export async function ensureDemoBanks(ctx: ServiceContext, actor: Actor): Promise<number> {
  const existing = await listBanksWithCounts(ctx)
  let added = 0
  for (const bank of demoBanks()) {
    const found = existing.find((b) => b.name === bank.input.name)
    const id = found?.id ?? (await createBank(ctx, actor, bank.input)).id
    added += (await addBankEntries(ctx, actor, id, bank.entries)).added
  }
  return added
}
