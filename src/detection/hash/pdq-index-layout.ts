// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE Multi-index hashing (Norouzi, Punjani and Fleet, "Fast Exact Search in Hamming Space with
// Multi-Index Hashing", 2014). The 256 bits are cut into m disjoint chunks. Write the distance
// bound as d = r·m + a with 0 ≤ a < m: a hash within d of the query has one of the first a + 1
// chunks within r of the query's chunk, or one of the others within r − 1 (otherwise the chunk
// distances add up to at least d + 1). So a query probes every chunk key within that radius of its
// own, and verifies what it finds. Bit b of a hash is bit (b mod 32) of word ⌊b / 32⌋.

export const PDQ_BITS = 256

/** Bucket keys are at most 24 bits: 2^24 + 1 offsets (64 MiB) per chunk at most. */
export const MAX_KEY_BITS = 24

/** Most chunks a layout may have: each costs 3 bytes an entry. */
export const MAX_CHUNKS = 32

/**
 * How a segment cuts the 256 bits: chunk c is bits starts[c] … starts[c] + widths[c] − 1, and
 * its low keyBits[c] bits are its bucket key.
 */
export interface ChunkLayout {
  readonly starts: readonly number[]
  readonly widths: readonly number[]
  readonly keyBits: readonly number[]
}

/**
 * The fewest chunks for a distance bound: 12 at 31, most probed at radius 2. Fewer chunks are
 * wider, and at 10M entries their keys would pass 22 bits: offset tables of 32 MiB a chunk or
 * more, past the 1 GB budget.
 */
export function minChunkCount(maxDistance: number): number {
  return Math.min(MAX_CHUNKS, Math.max(1, Math.round(((maxDistance + 1) * 3) / 8)))
}

/**
 * Probe radius of each chunk for a query at `distance` (−1: the chunk need not be probed). The
 * chunks probed at the larger radius come first, and layouts make them the wider ones.
 */
export function chunkRadii(chunks: number, distance: number): Int8Array {
  const radius = Math.floor(distance / chunks)
  const wide = (distance % chunks) + 1
  const radii = new Int8Array(chunks)
  for (let c = 0; c < chunks; c++) radii[c] = c < wide ? radius : radius - 1
  return radii
}

/** Number of keys within Hamming distance `radius` of a `bits`-bit key. */
export function ballSize(bits: number, radius: number): number {
  let total = 0
  let term = 1
  for (let k = 0; k <= Math.min(radius, bits); k++) {
    total += term
    term = (term * (bits - k)) / (k + 1)
  }
  return total
}

/** `total` bits split as evenly as possible over `count` chunks, wider ones first. */
function evenWidths(total: number, count: number): number[] {
  const base = Math.floor(total / count)
  return Array.from({ length: count }, (_, c) => base + (c < total % count ? 1 : 0))
}

/** Expected bucket probes plus candidates per query at `distance` over `entries` entries. */
export function layoutCost(layout: ChunkLayout, distance: number, entries: number): number {
  const radii = chunkRadii(layout.widths.length, distance)
  let cost = 0
  layout.keyBits.forEach((bits, c) => {
    if (radii[c]! < 0) return
    const probes = ballSize(bits, radii[c]!)
    cost += probes + (probes * entries) / 2 ** bits
  })
  return cost
}

function layoutOf(widths: number[], entries: number): ChunkLayout {
  return {
    starts: widths.map((_, c) => widths.slice(0, c).reduce((sum, w) => sum + w, 0)),
    widths,
    keyBits: widths.map((width) => keyBitsFor(entries, width)),
  }
}

/**
 * `chunks` chunks for a distance bound and a segment size: the chunks probed at the larger
 * radius get more bits, as many as minimise layoutCost (22 + 20 bits for 12 chunks, d = 31, 10M).
 */
export function chunkLayout(maxDistance: number, chunks: number, entries: number): ChunkLayout {
  const wide = (maxDistance % chunks) + 1
  let best = layoutOf(evenWidths(PDQ_BITS, chunks), entries)
  const narrow = chunks - wide
  for (let width = Math.ceil(PDQ_BITS / chunks); narrow > 0; width++) {
    if (PDQ_BITS - wide * width < narrow) break
    const widths = [...Array(wide).fill(width), ...evenWidths(PDQ_BITS - wide * width, narrow)]
    const layout = layoutOf(widths, entries)
    if (layoutCost(layout, maxDistance, entries) < layoutCost(best, maxDistance, entries)) {
      best = layout
    }
  }
  return best
}

/**
 * The layout of a segment: `chunks` chunks if given, else the count from minChunkCount to
 * MAX_CHUNKS with the lowest layoutCost. Large segments get the fewest chunks (memory); small
 * ones more, with shorter keys probed at smaller radii (16 × 16 bits at radius 1 for 65k).
 */
export function segmentLayout(maxDistance: number, entries: number, chunks?: number): ChunkLayout {
  if (chunks !== undefined) return chunkLayout(maxDistance, chunks, entries)
  const least = minChunkCount(maxDistance)
  let best = chunkLayout(maxDistance, least, entries)
  for (let count = least + 1; count <= Math.min(MAX_CHUNKS, maxDistance + 1); count++) {
    const layout = chunkLayout(maxDistance, count, entries)
    if (layoutCost(layout, maxDistance, entries) < layoutCost(best, maxDistance, entries)) {
      best = layout
    }
  }
  return best
}

/** Key bits of a chunk in a segment of `count` entries: about one entry per bucket. */
export function keyBitsFor(count: number, width: number): number {
  const bits = Math.ceil(Math.log2(Math.max(count, 2)))
  return Math.min(width, Math.max(4, Math.min(MAX_KEY_BITS, bits)))
}

/** The low `bits` (≤ 24) bits of the chunk starting at bit `start` of the hash at `base`. */
export function chunkKey(words: Uint32Array, base: number, start: number, bits: number): number {
  const word = base + (start >>> 5)
  const shift = start & 31
  let value = words[word]! >>> shift
  if (shift + bits > 32) value |= words[word + 1]! << (32 - shift)
  return value & ((1 << bits) - 1)
}

const maskCache = new Map<number, Uint32Array>()

/** Every `bits`-bit mask with at most `radius` bits set, fewest bits first. Cached. */
export function probeMasks(bits: number, radius: number): Uint32Array {
  const cacheKey = bits * 1024 + radius
  let masks = maskCache.get(cacheKey)
  if (masks) return masks
  masks = new Uint32Array(ballSize(bits, radius))
  let n = 0
  for (let k = 0; k <= Math.min(radius, bits); k++) {
    // @NOTE Gosper's hack: the next larger integer with the same number of set bits.
    const limit = 2 ** bits
    for (let mask = 2 ** k - 1; mask < limit; ) {
      masks[n++] = mask
      if (mask === 0) break
      const low = mask & -mask
      const ripple = mask + low
      mask = ripple | (((ripple ^ mask) >>> 2) / low)
    }
  }
  maskCache.set(cacheKey, masks)
  return masks
}
