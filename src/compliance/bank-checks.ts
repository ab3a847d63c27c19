import { CSAM_URL_KIND, IMAGE_CSAM_KIND } from '../core/risk-kinds.js'
import { type MeasureStatus, met, plural, status, type VigilSetup } from './measure-setup.js'

// @NOTE The hash and URL matching measures (ICU C9, C10, C14) checked against the banks Vigil
// actually holds: the right kind, the right harm, switched on, with entries that are live, from a
// list of known material (not only Vigil's own re-upload banks), and content reaching Vigil.

interface BankSpec {
  measure: string
  harm: string
  kind: 'pdq' | 'url'
  /** "known CSAM", "listed CSAM URLs". */
  what: string
  /** Where such a list comes from, for the gap's wording. */
  list: string
  /** The measure covers public images, so images must reach the pipeline. */
  images: boolean
}

type Bank = VigilSetup['banks'][number]

function describe(b: Bank): string {
  const state = b.enabled ? 'on' : 'off'
  return `bank "${b.name}" (${b.kind}, ${b.harm}, source ${b.source}): ${state}, ${plural(b.activeEntries, 'active entry', 'active entries')}`
}

function missing(s: VigilSetup, spec: BankSpec, candidates: Bank[]): MeasureStatus {
  const gaps = [
    ...candidates
      .filter((b) => !b.enabled)
      .map((b) => `turn bank "${b.name}" on (PATCH /v1/banks/{id} {"enabled": true})`),
    ...candidates
      .filter((b) => b.enabled && b.activeEntries === 0)
      .map((b) => `bank "${b.name}" has no active entries: import ${spec.list}`),
  ]
  if (candidates.length === 0) {
    gaps.push(
      `add a ${spec.kind} bank with harm ${spec.harm} (POST /v1/banks {"name": "…", "kind": "${spec.kind}", "harm": "${spec.harm}", "action": "block"}) and import ${spec.list} into it (vigil banks import)`,
    )
  }
  const others = s.banks.filter(
    (b) => !candidates.includes(b) && s.taxonomy.isUnder(spec.harm, b.harm),
  )
  for (const b of others) {
    gaps.push(
      b.kind === spec.kind
        ? `bank "${b.name}" is for the broader harm ${b.harm}; ${spec.measure} counts banks for ${spec.harm}`
        : `bank "${b.name}" holds ${b.kind} values, which ${spec.measure} does not count (it needs ${spec.kind}${spec.kind === 'pdq' ? ': exact hashes miss altered copies' : ''})`,
    )
  }
  return status('not_met', candidates.map(describe), gaps)
}

function bankCheck(s: VigilSetup, spec: BankSpec): MeasureStatus {
  const candidates = s.banks.filter(
    (b) => b.kind === spec.kind && s.taxonomy.isUnder(b.harm, spec.harm),
  )
  const usable = candidates.filter((b) => b.enabled && b.activeEntries > 0)
  if (usable.length === 0) return missing(s, spec, candidates)
  const evidence = candidates.map(describe)
  const gaps: string[] = []
  if (usable.every((b) => b.source === 'local')) {
    gaps.push(
      `only Vigil's own banks of removed media are in use: they catch re-uploads, not ${spec.what} from elsewhere; import ${spec.list}`,
    )
  }
  if (spec.images) {
    evidence.push(
      `public and group content is scanned at ingest; ${plural(s.publicImagesHashed, 'public image was', 'public images were')} hashed (PDQ) in the last 30 days`,
      s.scanPrivate
        ? 'private messages are scanned too (VIGIL_SCAN_PRIVATE on)'
        : 'private messages are not scanned (VIGIL_SCAN_PRIVATE off): the Codes may not ask for it (Sch. 4 para 13(4))',
    )
    if (s.publicImagesHashed === 0) {
      gaps.push(
        'no public images reached Vigil in the last 30 days: send each upload to POST /v1/content before it is published',
      )
    }
  }
  return gaps.length > 0 ? status('partly', evidence, gaps) : met(evidence)
}

export function checkC9(s: VigilSetup): MeasureStatus {
  return bankCheck(s, {
    measure: 'C9',
    harm: IMAGE_CSAM_KIND,
    kind: 'pdq',
    what: 'known CSAM',
    list: 'a list of PDQ hashes of known CSAM (e.g. from the IWF or NCMEC under your agreement with them)',
    images: true,
  })
}

export function checkC10(s: VigilSetup): MeasureStatus {
  return bankCheck(s, {
    measure: 'C10',
    harm: CSAM_URL_KIND,
    kind: 'url',
    what: 'listed CSAM URLs',
    list: 'a list of CSAM URLs (e.g. the IWF URL list under your agreement with the IWF)',
    images: false,
  })
}

export function checkC14(s: VigilSetup): MeasureStatus {
  return bankCheck(s, {
    measure: 'C14',
    harm: 'illegal.intimate_image_abuse',
    kind: 'pdq',
    what: 'intimate images reported elsewhere',
    list: 'hashes of intimate images shared without consent (e.g. from StopNCII.org under its terms)',
    images: true,
  })
}
