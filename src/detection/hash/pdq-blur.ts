// @NOTE Browser-safe. Steps 3–4 of PDQ (hashing-rules.md §1): two passes of a Jarosz (box)
// filter along rows then columns, then decimation to 64×64. Every add, subtract and divide is
// rounded to float32 in the reference's order: the running sums carry float32 rounding error,
// so the order of operations is part of the result.

const f32 = Math.fround
const PASSES = 2

/** The reference's window: `(dimension + 2·64 − 1) / (2·64)`, integer division. */
export function jaroszWindowSize(dimension: number): number {
  return Math.floor((dimension + 127) / 128)
}

/** The four phases of the reference's `box1DFloat`, as counts. */
function phases(length: number, window: number): [number, number, number, number] {
  const half = Math.floor((window + 2) / 2)
  return [half - 1, window - half + 1, length - window, half - 1]
}

/** One row of `box1DFloat`, contiguous: `length` samples from `start`. */
function boxRow(
  input: Float32Array,
  output: Float32Array,
  start: number,
  length: number,
  window: number,
): void {
  const [p1, p2, p3, p4] = phases(length, window)
  let sum = 0
  let count = 0
  let ri = start
  let li = start
  let oi = start
  for (let i = 0; i < p1; i++, count++) sum = f32(sum + input[ri++]!)
  for (let i = 0; i < p2; i++) {
    sum = f32(sum + input[ri++]!)
    output[oi++] = sum / ++count
  }
  for (let i = 0; i < p3; i++) {
    sum = f32(sum + input[ri++]!)
    sum = f32(sum - input[li++]!)
    output[oi++] = sum / count
  }
  for (let i = 0; i < p4; i++) {
    sum = f32(sum - input[li++]!)
    output[oi++] = sum / --count
  }
}

function boxAlongRows(
  input: Float32Array,
  output: Float32Array,
  rows: number,
  cols: number,
  window: number,
): void {
  for (let r = 0; r < rows; r++) boxRow(input, output, r * cols, cols, window)
}

/**
 * `box1DFloat` down every column at once, a row at a time (cache-friendly). Each column's
 * running sum lives in `sums` (Float32Array, so each store rounds), and sees exactly the
 * operations it would see column by column.
 */
function boxAlongColumns(
  input: Float32Array,
  output: Float32Array,
  rows: number,
  cols: number,
  window: number,
): void {
  const [p1, p2, p3, p4] = phases(rows, window)
  const sums = new Float32Array(cols)
  let ri = 0
  let li = 0
  let oi = 0
  let count = 0
  for (let i = 0; i < p1; i++, ri += cols, count++) addRow(sums, input, ri)
  for (let i = 0; i < p2; i++, ri += cols, oi += cols) {
    addRow(sums, input, ri)
    divideRow(sums, output, oi, ++count)
  }
  for (let i = 0; i < p3; i++, ri += cols, li += cols, oi += cols) {
    for (let j = 0; j < cols; j++) {
      sums[j]! += input[ri + j]!
      sums[j]! -= input[li + j]!
      output[oi + j] = sums[j]! / count
    }
  }
  for (let i = 0; i < p4; i++, li += cols, oi += cols) {
    for (let j = 0; j < cols; j++) sums[j]! -= input[li + j]!
    divideRow(sums, output, oi, --count)
  }
}

function addRow(sums: Float32Array, input: Float32Array, offset: number): void {
  for (let j = 0; j < sums.length; j++) sums[j]! += input[offset + j]!
}

function divideRow(sums: Float32Array, output: Float32Array, offset: number, count: number): void {
  for (let j = 0; j < sums.length; j++) output[offset + j] = sums[j]! / count
}

/** Sample positions of the reference's `decimateFloat`: centres, `(int)((i + 0.5)·n / 64)`. */
export function decimationIndices(dimension: number): Int32Array {
  const indices = new Int32Array(64)
  for (let i = 0; i < 64; i++) indices[i] = Math.floor(((i + 0.5) * dimension) / 64)
  return indices
}

/**
 * Blurs `luma` (rows × cols, row-major; overwritten) and decimates it to 64×64. A 64×64 input
 * is used as is, as the reference's `pdqFloat256FromFloatLuma` does.
 */
export function downsampleTo64(luma: Float32Array, rows: number, cols: number): Float32Array {
  if (rows === 64 && cols === 64) return Float32Array.from(luma.subarray(0, 4096))
  const alongRows = jaroszWindowSize(cols)
  const alongColumns = jaroszWindowSize(rows)
  const scratch = new Float32Array(rows * cols)
  for (let pass = 0; pass < PASSES; pass++) {
    boxAlongRows(luma, scratch, rows, cols, alongRows)
    boxAlongColumns(scratch, luma, rows, cols, alongColumns)
  }
  const out = new Float32Array(4096)
  const rowIndex = decimationIndices(rows)
  const colIndex = decimationIndices(cols)
  for (let i = 0; i < 64; i++) {
    const base = rowIndex[i]! * cols
    for (let j = 0; j < 64; j++) out[i * 64 + j] = luma[base + colIndex[j]!]!
  }
  return out
}
