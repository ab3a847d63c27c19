import type { MediaRecord } from '../core/subject.js'
import type { MediaItem } from '../detection/matcher.js'
import type { ServiceContext } from './service-context.js'

/**
 * Gives each image its PDQ hashes before detection, while re-upload prevention is on, so the hash
 * can be kept with the subject (removed media is banked by it, copies are found by it) and the
 * PDQ matcher does not compute it a second time.
 */
export async function withPdqHashes<T extends MediaItem>(
  ctx: Pick<ServiceContext, 'detection' | 'policy'>,
  media: T[],
): Promise<T[]> {
  if (!ctx.policy.enforcement.reupload.enabled || media.length === 0) return media
  return Promise.all(
    media.map(async (item) => {
      // @NOTE An image that cannot be decoded keeps no PDQ hash; the PDQ matcher then tries it
      // and names the failure in the verdict's `failures`.
      const pdq = await ctx.detection.hashImage(item.bytes).catch(() => undefined)
      return pdq ? { ...item, pdq } : item
    }),
  )
}

/** The PDQ hash (of the image as sent, not its rotations) and quality to keep on the subject. */
export function pdqRecord(item: MediaItem): Pick<MediaRecord, 'pdq' | 'pdqQuality'> {
  const original = item.pdq?.hashes.find(([variant]) => variant === 'original')?.[1]
  return original && item.pdq ? { pdq: original, pdqQuality: item.pdq.quality } : {}
}
