// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE Browser-safe. The reference's `box1DFloat` down the columns (see pdq-box.ts for the
// phases and the rounding), run across a whole row of columns at a time, fed one row (or, in
// phase 3, two rows per sweep) at a time. Bit for bit as in pdq-box.ts.
import { halfWindow } from './pdq-box.js'

const f32 = Math.fround

/** Running state of the box filter down `width` columns, fed one row at a time. */
export interface ColumnBox {
  readonly sums: Float32Array
  readonly window: number
  /** Samples in the window (the reference's `current_window_size`). */
  count: number
  consumed: number
}

export function columnBox(width: number, window: number): ColumnBox {
  return { sums: new Float32Array(width), window, count: 0, consumed: 0 }
}

/** Phase 3 across all columns: add row `input[at…]`, subtract row `old[oldAt…]`, write. */
function columnStep(
  sums: Float32Array,
  width: number,
  input: Float32Array,
  at: number,
  old: Float32Array,
  oldAt: number,
  out: Float32Array,
  outAt: number,
  inverse: number,
): void {
  for (let j = 0; j < width; j = (j + 1) | 0) {
    const sum = f32(f32(sums[j]! + input[(at + j) | 0]!) - old[(oldAt + j) | 0]!)
    sums[j] = sum
    out[(outAt + j) | 0] = sum * inverse
  }
}

/**
 * Feeds the next input row (`input[at…]`); `old[oldAt…]` must hold the row `window` rows
 * earlier once the window is full. Returns true when an output row was written to `out[outAt…]`.
 */
export function pushRow(
  box: ColumnBox,
  input: Float32Array,
  at: number,
  old: Float32Array,
  oldAt: number,
  out: Float32Array,
  outAt: number,
): boolean {
  const { sums, window } = box
  const row = box.consumed++
  if (row >= window) {
    columnStep(sums, sums.length, input, at, old, oldAt, out, outAt, 1 / window)
    return true
  }
  for (let j = 0; j < sums.length; j++) sums[j]! += input[at + j]!
  const count = ++box.count
  if (row < halfWindow(window) - 1) return false
  for (let j = 0; j < sums.length; j++) out[outAt + j] = sums[j]! / count
  return true
}

/** After the last input row: drops row `old[oldAt…]` from the window, writes the next output. */
export function drainRow(
  box: ColumnBox,
  old: Float32Array,
  oldAt: number,
  out: Float32Array,
  outAt: number,
): void {
  const { sums } = box
  const count = --box.count
  for (let j = 0; j < sums.length; j++) {
    const sum = f32(sums[j]! - old[oldAt + j]!)
    sums[j] = sum
    out[outAt + j] = sum / count
  }
}

/**
 * Two phase-3 steps across all columns in one sweep (rows `at`, `at2` drop `oldAt`, `oldAt2`
 * and write `outAt`, `outAt2`): the sums are loaded and stored once per two rows.
 */
function columnStep2(
  sums: Float32Array,
  width: number,
  ring: Float32Array,
  out: Float32Array,
  rows: Int32Array,
  first: number,
  inverse: number,
): void {
  const at = rows[first]!
  const at2 = rows[first + 1]!
  const oldAt = rows[first + 4]!
  const oldAt2 = rows[first + 5]!
  const outAt = rows[first + 8]!
  const outAt2 = rows[first + 9]!
  for (let j = 0; j < width; j = (j + 1) | 0) {
    const sum = f32(f32(sums[j]! + ring[(at + j) | 0]!) - ring[(oldAt + j) | 0]!)
    out[(outAt + j) | 0] = sum * inverse
    const next = f32(f32(sum + ring[(at2 + j) | 0]!) - ring[(oldAt2 + j) | 0]!)
    out[(outAt2 + j) | 0] = next * inverse
    sums[j] = next
  }
}

/**
 * Feeds four input rows in phase 3 at once (see pushRow; all four past the first `window`
 * rows). `rows`: 12 offsets into `ring` and `out`: input rows 0–3, the rows they drop 0–3,
 * then outputs 0–3.
 */
export function pushFourRows(
  box: ColumnBox,
  ring: Float32Array,
  out: Float32Array,
  rows: Int32Array,
): void {
  // @NOTE Two sweeps of two rows: one sweep of four (one chain of four dependent roundings per
  // column) measured no faster, and two rows already halve the loads and stores of the sums.
  box.consumed += 4
  columnStep2(box.sums, box.sums.length, ring, out, rows, 0, 1 / box.window)
  columnStep2(box.sums, box.sums.length, ring, out, rows, 2, 1 / box.window)
}
