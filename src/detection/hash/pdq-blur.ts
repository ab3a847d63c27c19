// @NOTE Browser-safe. Steps 3–4 of PDQ (hashing-rules.md §1): two passes of a Jarosz (box)
// filter, each along rows then along columns, then decimation to 64×64.
//
// Bit-exact with the reference: every add, subtract and divide is rounded to float32 in the
// order of its `box1DFloat` (see pdq-box.ts). Fast: the image streams through in blocks of
// rows (luma → rows → columns → rows), so the working set stays in cache, and the last two
// passes compute only what decimation samples: the second row pass divides only at the 64
// sampled columns and the second column pass runs only down those columns. Every sampled value
// sees exactly the operations it would see in the reference.
import { boxRows4, boxRows4Sampled, LANES } from './pdq-box.js'
import { type ColumnBox, columnBox, drainRow, pushFourRows, pushRow } from './pdq-column.js'

/** Delivers the float32 luma image row by row (see pdq-luma.ts). */
export interface RowSource {
  readRow(row: number, target: Float32Array, offset: number): void
}

/** The reference's window: `(dimension + 2·64 − 1) / (2·64)`, integer division. */
export function jaroszWindowSize(dimension: number): number {
  return Math.floor((dimension + 127) / 128)
}

/**
 * Sample positions of the reference's `decimateFloat`, centres: `(int)((i + 0.5)·n / 64)` for
 * i = 0…63 (ascending; repeats when n < 64), then a −1 sentinel.
 */
export function decimationIndices(dimension: number): Int32Array {
  const indices = new Int32Array(65).fill(-1)
  for (let i = 0; i < 64; i++) indices[i] = Math.floor(((i + 0.5) * dimension) / 64)
  return indices
}

/** The blur-and-decimate pipeline for one image, fed `LANES` rows at a time. */
class Downsampler {
  private readonly alongRows: number
  private readonly alongColumns: number
  /** First row pass output, a ring of the last rows (a multiple of LANES, ≥ window + LANES). */
  private readonly ring: Float32Array
  private readonly ringRows: number
  private readonly luma: Float32Array
  /** First column pass output, a ring of 2·LANES rows waiting for the second row pass. */
  private readonly blurred: Float32Array
  /** Offsets for pushFourRows. */
  private readonly sweep = new Int32Array(3 * LANES)
  private readonly sums = new Float32Array(LANES)
  private readonly columns: ColumnBox
  private readonly colIndex: Int32Array
  /** Second row pass at the sampled columns: rows × 64 (plus a block of slack). */
  readonly sampled: Float32Array
  private pending = 0
  private produced = 0

  constructor(
    private readonly source: RowSource,
    private readonly rows: number,
    private readonly cols: number,
  ) {
    this.alongRows = jaroszWindowSize(cols)
    this.alongColumns = jaroszWindowSize(rows)
    this.ringRows = Math.ceil((this.alongColumns + LANES) / LANES) * LANES
    this.ring = new Float32Array(this.ringRows * cols)
    this.luma = new Float32Array(LANES * cols)
    this.blurred = new Float32Array(2 * LANES * cols)
    this.columns = columnBox(cols, this.alongColumns)
    this.colIndex = decimationIndices(cols)
    this.sampled = new Float32Array((rows + LANES) * 64)
  }

  private slot(row: number): number {
    return (row % this.ringRows) * this.cols
  }

  /** First row pass over rows `start…start+3` (rows past the end are scratch, never read). */
  private block(start: number): void {
    const { cols, ring, alongColumns } = this
    const n = Math.min(LANES, this.rows - start)
    for (let b = 0; b < n; b++) this.source.readRow(start + b, this.luma, b * cols)
    boxRows4(this.luma, 0, ring, this.slot(start), cols, this.alongRows, this.sums)
    if (start >= alongColumns && n === LANES) {
      this.sweepFour(start)
      return
    }
    for (let row = start; row < start + n; row++) {
      const old = row >= alongColumns ? this.slot(row - alongColumns) : 0
      if (pushRow(this.columns, ring, this.slot(row), ring, old, this.blurred, this.outAt(0))) {
        this.emitted()
      }
    }
  }

  /** Where the first pass's next output row goes, plus `ahead` rows. */
  private outAt(ahead: number): number {
    return ((this.produced + this.pending + ahead) % (2 * LANES)) * this.cols
  }

  /** Rows `start…start+3`, all in phase 3 of the column filter, in one call (see pushFourRows). */
  private sweepFour(start: number): void {
    const { sweep, alongColumns } = this
    for (let b = 0; b < LANES; b++) {
      sweep[b] = this.slot(start + b)
      sweep[LANES + b] = this.slot(start + b - alongColumns)
      sweep[2 * LANES + b] = this.outAt(b)
    }
    pushFourRows(this.columns, this.ring, this.blurred, sweep)
    for (let b = 0; b < LANES; b++) this.emitted()
  }

  /** One more first-pass output row is in `blurred`; run the second row pass per block. */
  private emitted(): void {
    if (++this.pending < LANES && this.produced + this.pending < this.rows) return
    const { cols, alongRows, colIndex, sampled, sums } = this
    const at = (this.produced % (2 * LANES)) * cols
    boxRows4Sampled(this.blurred, at, cols, alongRows, colIndex, sampled, this.produced * 64, sums)
    this.produced += this.pending
    this.pending = 0
  }

  run(): Float32Array {
    for (let start = 0; start < this.rows; start += LANES) this.block(start)
    for (let li = this.rows - this.alongColumns; this.produced + this.pending < this.rows; li++) {
      drainRow(this.columns, this.ring, this.slot(li), this.blurred, this.outAt(0))
      this.emitted()
    }
    return sampledColumns(this.sampled, this.rows, this.alongColumns)
  }
}

/** The second column pass, down the 64 sampled columns only, kept at the 64 sampled rows. */
function sampledColumns(sampled: Float32Array, rows: number, window: number): Float32Array {
  const rowIndex = decimationIndices(rows)
  const out = new Float32Array(4096)
  const box = columnBox(64, window)
  const line = new Float32Array(64)
  let produced = 0
  let k = 0
  for (let r = 0; r < rows && k < 64; r++) {
    const old = r >= window ? (r - window) * 64 : 0
    if (!pushRow(box, sampled, r * 64, sampled, old, line, 0)) continue
    for (; rowIndex[k] === produced; k++) out.set(line, 64 * k)
    produced++
  }
  for (let li = rows - window; k < 64; li++, produced++) {
    drainRow(box, sampled, li * 64, line, 0)
    for (; rowIndex[k] === produced; k++) out.set(line, 64 * k)
  }
  return out
}

/**
 * Blurs the rows × cols luma image that `source` delivers and decimates it to 64×64. A 64×64
 * input is used as is (as the reference's `pdqHash256FromFloatLuma` does) unless `blur64`: its
 * dihedral entry point blurs even then, and a window of 1 is not an exact identity in float32.
 */
export function downsampleTo64(
  source: RowSource,
  rows: number,
  cols: number,
  blur64 = false,
): Float32Array {
  if (rows === 64 && cols === 64 && !blur64) {
    const out = new Float32Array(4096)
    for (let r = 0; r < 64; r++) source.readRow(r, out, r * 64)
    return out
  }
  return new Downsampler(source, rows, cols).run()
}
