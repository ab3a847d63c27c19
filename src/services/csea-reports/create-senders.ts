import { NcmecClient } from '../ncmec/client.js'
import { createHttpNcaTransport } from './nca-http-transport.js'
import type { CseaSenderSettings, CseaSenders, NcaTransport } from './senders.js'

/** The configured ways out; `nca` replaces the HTTP transport (another contract, a test double). */
export function createCseaSenders(
  settings: CseaSenderSettings,
  overrides: { nca?: NcaTransport } = {},
): CseaSenders {
  const { nca, ncmec, allowPrivate } = settings
  const transport =
    overrides.nca ?? (nca ? createHttpNcaTransport({ ...nca, allowPrivate }) : undefined)
  return {
    ...(transport ? { nca: transport } : {}),
    ...(ncmec ? { ncmec: new NcmecClient({ ...ncmec, allowPrivate }) } : {}),
  }
}
