// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE Browser-safe. Steps 5–6 and 9 of PDQ (hashing-rules.md §1): the quality metric, the
// 64→16 DCT and the dihedral transforms of its 16×16 output. Float32 throughout.

const f32 = Math.fround

/**
 * The 16×64 DCT matrix, `D[i][j] = sqrt(2/64)·cos(π/128·(i+1)·(2j+1))`. The reference keeps the
 * scale factor as a float32, multiplies it by the double cosine, and rounds the product once,
 * when it stores it in its float array; rounding the cosine first would flip bits.
 */
function dctMatrix(): Float32Array {
  const scale = f32(Math.sqrt(2 / 64))
  const matrix = new Float32Array(16 * 64)
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      matrix[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1))
    }
  }
  return matrix
}

const D = dctMatrix()

/**
 * `B = D·A·Dᵀ` over the 64×64 image `a`, keeping frequencies 1–16 (the DC term is dropped).
 * Sums run from k = 0 upwards, each product and sum rounded to float32, as in `dct64To16`.
 */
export function dct64To16(a: Float32Array): Float32Array {
  const t = new Float32Array(16 * 64)
  for (let i = 0; i < 16; i++) {
    const d = i * 64
    for (let j = 0; j < 64; j++) {
      let sum = 0
      for (let k = 0; k < 64; k++) sum = f32(sum + f32(D[d + k]! * a[k * 64 + j]!))
      t[i * 64 + j] = sum
    }
  }
  const b = new Float32Array(256)
  for (let i = 0; i < 16; i++) {
    const row = i * 64
    for (let j = 0; j < 16; j++) {
      const d = j * 64
      let sum = 0
      for (let k = 0; k < 64; k++) sum = f32(sum + f32(t[row + k]! * D[d + k]!))
      b[i * 16 + j] = sum
    }
  }
  return b
}

/**
 * The reference's quality heuristic over the 64×64 image: the sum of
 * `|(int)((u − v)·100/255)|` over vertical and horizontal neighbours, divided by 90, capped at 100.
 */
export function qualityOf64(a: Float32Array): number {
  let gradients = 0
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      gradients += Math.abs(
        Math.trunc(f32(f32(f32(a[i * 64 + j]! - a[(i + 1) * 64 + j]!) * 100) / 255)),
      )
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      gradients += Math.abs(
        Math.trunc(f32(f32(f32(a[i * 64 + j]! - a[i * 64 + j + 1]!) * 100) / 255)),
      )
    }
  }
  return Math.min(100, Math.floor(gradients / 90))
}

/** The eight orientations, in the order and with the names of the reference's outputs. */
export const DIHEDRAL_NAMES = [
  'hash',
  'rot90',
  'rot180',
  'rot270',
  'flipx',
  'flipy',
  'flipplus1',
  'flipminus1',
] as const

export type DihedralName = (typeof DIHEDRAL_NAMES)[number]

/** Per orientation: whether it transposes, and the sign of coefficient (i, j) before that. */
const DIHEDRALS: Record<
  DihedralName,
  { transpose: boolean; sign: (i: number, j: number) => 1 | -1 }
> = {
  hash: { transpose: false, sign: () => 1 },
  rot90: { transpose: true, sign: (_i, j) => (j & 1 ? 1 : -1) },
  rot180: { transpose: false, sign: (i, j) => ((i + j) & 1 ? -1 : 1) },
  rot270: { transpose: true, sign: (i) => (i & 1 ? 1 : -1) },
  flipx: { transpose: false, sign: (i) => (i & 1 ? 1 : -1) },
  flipy: { transpose: false, sign: (_i, j) => (j & 1 ? 1 : -1) },
  flipplus1: { transpose: true, sign: () => 1 },
  flipminus1: { transpose: true, sign: (i, j) => ((i + j) & 1 ? -1 : 1) },
}

/**
 * The 16×16 DCT of the image turned by `name`, derived from the original's DCT by sign flips
 * and a transpose (no re-hashing), as the reference's `dct16OriginalTo*` functions do.
 */
export function dihedralOf(b: Float32Array, name: DihedralName): Float32Array {
  const { transpose, sign } = DIHEDRALS[name]
  const out = new Float32Array(256)
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const value = sign(i, j) === 1 ? b[i * 16 + j]! : -b[i * 16 + j]!
      out[transpose ? j * 16 + i : i * 16 + j] = value
    }
  }
  return out
}
