// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE Browser-safe. The reference's `box1DFloat` (facebook/ThreatExchange pdq/cpp
// downscaling.cpp) over many lines at once, bit for bit. Per line, in order:
//   phase 1: add the first `half − 1` samples;
//   phase 2: add a sample and write `sum / n`, until the window holds `window` samples;
//   phase 3: add the next sample, subtract the oldest, write `sum / window`;
//   phase 4: subtract the oldest, write `sum / n` as the window shrinks at the end.
// Every add, subtract and divide is rounded to float32 (Math.fround, or a Float32Array store).
// Dividing by the full window is a multiplication by its double reciprocal, rounded once to
// float32 on the store: for a float32 x and a whole w < 2^20 the double product is within
// 2^-52 of x/w, while x/w is either a float32 or at least 2^-45 (relative) from the halfway
// point between two floats, so both round to the same float32 (checked in pdq-box.test.ts).
// Speed: along one line each step waits for the previous rounding, so the row filter runs four
// rows side by side (four independent chains the CPU can overlap); the column filter
// (pdq-column.ts) runs across a whole row of columns. The hot loops are small leaf functions
// over typed-array parameters, which V8 compiles best, with int32 offsets (`| 0`) so that V8
// adds them without overflow checks.

const f32 = Math.fround

/** Rows the row filter runs side by side. */
export const LANES = 4

/** `(window + 2) / 2` in the reference (7 → 4, 8 → 5). */
export function halfWindow(window: number): number {
  return (window + 2) >> 1
}

/**
 * Phases 1–2 for the 4 rows at `input[at + b·length]`: fills `sums` and writes the first
 * outputs to `output[out + b·length]` unless `output` is null (the sampled variant).
 */
function head4(
  input: Float32Array,
  at: number,
  output: Float32Array | null,
  out: number,
  length: number,
  window: number,
  sums: Float32Array,
): void {
  const half = halfWindow(window)
  sums.fill(0)
  for (let ri = 0; ri < window; ri++) {
    for (let b = 0; b < LANES; b++) {
      sums[b]! += input[at + b * length + ri]!
      if (output && ri >= half - 1) output[out + b * length + ri - half + 1] = sums[b]! / (ri + 1)
    }
  }
}

/** Phase 4 for the 4 rows; as head4. Returns nothing: the last `half − 1` outputs are written. */
function tail4(
  input: Float32Array,
  at: number,
  output: Float32Array,
  out: number,
  length: number,
  window: number,
  sums: Float32Array,
): void {
  const half = halfWindow(window)
  for (let i = 0, li = length - window, oi = length - half + 1; oi < length; i++, li++, oi++) {
    for (let b = 0; b < LANES; b++) {
      sums[b]! -= input[at + b * length + li]!
      output[out + b * length + oi] = sums[b]! / (window - i - 1)
    }
  }
}

/** Phase 3 for 4 rows side by side: the hot loop of the row filter. */
function middle4(
  input: Float32Array,
  at: number,
  output: Float32Array,
  out: number,
  length: number,
  window: number,
  sums: Float32Array,
): void {
  const end = (at + length) | 0
  const lag = (out - at - halfWindow(window) + 1) | 0
  let s0 = sums[0]!
  let s1 = sums[1]!
  let s2 = sums[2]!
  let s3 = sums[3]!
  const inverse = 1 / window
  for (let r = (at + window) | 0; r < end; r = (r + 1) | 0) {
    const l = (r - window) | 0
    const o = (r + lag) | 0
    s0 = f32(f32(s0 + input[r]!) - input[l]!)
    output[o] = s0 * inverse
    s1 = f32(f32(s1 + input[(r + length) | 0]!) - input[(l + length) | 0]!)
    output[(o + length) | 0] = s1 * inverse
    s2 = f32(f32(s2 + input[(r + 2 * length) | 0]!) - input[(l + 2 * length) | 0]!)
    output[(o + 2 * length) | 0] = s2 * inverse
    s3 = f32(f32(s3 + input[(r + 3 * length) | 0]!) - input[(l + 3 * length) | 0]!)
    output[(o + 3 * length) | 0] = s3 * inverse
  }
  sums[0] = s0
  sums[1] = s1
  sums[2] = s2
  sums[3] = s3
}

/**
 * Box-filters 4 consecutive rows of `length` samples, read from `input` at `at` and written
 * to `output` at `out` (row b at `+ b·length`). `sums` holds 4 floats of scratch.
 */
export function boxRows4(
  input: Float32Array,
  at: number,
  output: Float32Array,
  out: number,
  length: number,
  window: number,
  sums: Float32Array,
): void {
  head4(input, at, output, out, length, window, sums)
  middle4(input, at, output, out, length, window, sums)
  tail4(input, at, output, out, length, window, sums)
}

/** `steps` phase-3 steps for 4 rows side by side, from input column `ri`; sums in `sums`. */
function advance4(
  input: Float32Array,
  at: number,
  length: number,
  ri: number,
  window: number,
  steps: number,
  sums: Float32Array,
): void {
  let s0 = sums[0]!
  let s1 = sums[1]!
  let s2 = sums[2]!
  let s3 = sums[3]!
  const end = (at + ri + steps) | 0
  for (let r = (at + ri) | 0; r < end; r = (r + 1) | 0) {
    const l = (r - window) | 0
    s0 = f32(f32(s0 + input[r]!) - input[l]!)
    s1 = f32(f32(s1 + input[(r + length) | 0]!) - input[(l + length) | 0]!)
    s2 = f32(f32(s2 + input[(r + 2 * length) | 0]!) - input[(l + 2 * length) | 0]!)
    s3 = f32(f32(s3 + input[(r + 3 * length) | 0]!) - input[(l + 3 * length) | 0]!)
  }
  sums[0] = s0
  sums[1] = s1
  sums[2] = s2
  sums[3] = s3
}

/** One phase-4 step for 4 rows: drop input column `li` from each sum. */
function shrink4(input: Float32Array, at: number, length: number, li: number, sums: Float32Array) {
  for (let b = 0; b < LANES; b++) sums[b] = f32(sums[b]! - input[at + b * length + li]!)
}

/**
 * Phases 3–4 of 4 rows, keeping only the outputs at `samples` from sample `first` on
 * (ascending, repeats allowed): sample k of row b goes to `result[resultAt + 64·b + k]`.
 * Runs the running sums straight to each sampled column, with no per-column test.
 */
function sampledRest4(
  input: Float32Array,
  at: number,
  length: number,
  window: number,
  samples: Int32Array,
  first: number,
  result: Float32Array,
  resultAt: number,
  sums: Float32Array,
): void {
  const lastFull = length - halfWindow(window) // the last phase-3 output
  let current = window - halfWindow(window) // the output the sums hold now
  for (let k = first; k < 64; k++) {
    const target = samples[k]!
    const full = Math.min(target, lastFull) - current
    if (full > 0) {
      advance4(input, at, length, current + halfWindow(window), window, full, sums)
      current += full
    }
    for (; current < target; current++)
      shrink4(input, at, length, current - lastFull + length - window, sums)
    const count = target <= lastFull ? window : window - (target - lastFull)
    for (let b = 0; b < LANES; b++) result[resultAt + 64 * b + k] = sums[b]! / count
  }
}

/**
 * As boxRows4, but keeps only the 64 outputs per row at the columns in `samples`; the first
 * outputs (phase 2) are included. Row b's samples go to `result[resultAt + 64·b …]`.
 */
export function boxRows4Sampled(
  input: Float32Array,
  at: number,
  length: number,
  window: number,
  samples: Int32Array,
  result: Float32Array,
  resultAt: number,
  sums: Float32Array,
): void {
  const half = halfWindow(window)
  head4(input, at, null, 0, length, window, sums)
  let k = 0
  // Phase-2 outputs: recompute them only where sampled (rare: the first `window − half + 1`).
  if (samples[0]! <= window - half) {
    const partial = new Float32Array(LANES)
    for (let ri = 0; ri < window; ri++) {
      for (let b = 0; b < LANES; b++) partial[b]! += input[at + b * length + ri]!
      for (; ri >= half - 1 && samples[k] === ri - half + 1; k++) {
        for (let b = 0; b < LANES; b++) result[resultAt + 64 * b + k] = partial[b]! / (ri + 1)
      }
    }
  }
  sampledRest4(input, at, length, window, samples, k, result, resultAt, sums)
}
