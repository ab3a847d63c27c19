import { InvalidInputError } from '../core/errors.js'
import type { MediaInput } from '../core/subject.js'
import { exactHashes } from '../detection/hash/media-hashes.js'
import type { MediaItem } from '../detection/matcher.js'
import { guardedRequest, OutboundRequestError } from '../net/guarded-request.js'
import type { ServiceSettings } from './service-context.js'

/** Decodes inline media and fetches linked media (SSRF-guarded, size-limited) for hashing. */
export async function loadMedia(
  inputs: readonly MediaInput[],
  settings: ServiceSettings,
): Promise<(MediaItem & { sourceUrl?: string })[]> {
  return Promise.all(inputs.map((input, index) => loadOne(input, index, settings)))
}

async function loadOne(input: MediaInput, index: number, settings: ServiceSettings) {
  if ('base64' in input) {
    const bytes = Buffer.from(input.base64, 'base64')
    assertSize(bytes.length, index, settings.media.maxBytes)
    return { ...exactHashes(bytes), bytes, mimeType: input.mimeType }
  }
  const bytes = await fetchMedia(input.url, index, settings)
  return { ...exactHashes(bytes), bytes, sourceUrl: input.url }
}

async function fetchMedia(url: string, index: number, settings: ServiceSettings): Promise<Buffer> {
  try {
    const response = await guardedRequest(
      url,
      { method: 'GET' },
      {
        allowPrivate: settings.network.allowPrivate,
        timeoutMs: settings.media.fetchTimeoutMs,
        maxResponseBytes: settings.media.maxBytes,
      },
    )
    if (response.status < 200 || response.status >= 300) {
      throw new InvalidInputError(`media[${index}].url answered HTTP ${response.status}`, {
        field: `media[${index}].url`,
      })
    }
    return response.body
  } catch (error) {
    if (!(error instanceof OutboundRequestError)) throw error
    throw new InvalidInputError(`media[${index}].url could not be fetched: ${error.message}`, {
      field: `media[${index}].url`,
      reason: error.reason,
    })
  }
}

function assertSize(size: number, index: number, max: number): void {
  if (size > max) {
    throw new InvalidInputError(`media[${index}] is ${size} bytes; the limit is ${max}`, {
      field: `media[${index}]`,
      limit: max,
    })
  }
}
