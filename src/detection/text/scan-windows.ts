// @NOTE The windows quickScan hands to the full normaliser: whole words, cut at ASCII whitespace.

/**
 * Adds the window from the whitespace before `from` to the whitespace after `last` (both
 * included, or the text's ends), widened by `words` words either side. Windows arrive in order
 * of `last`; the new one is merged with any earlier one it overlaps.
 */
export function addWindow(
  text: string,
  windows: number[],
  from: number,
  last: number,
  words: number,
) {
  windows.push(windowStart(text, from, words), windowEnd(text, last, words))
  for (
    let k = windows.length;
    k >= 4 && (windows[k - 3] as number) >= (windows[k - 2] as number);
    k -= 2
  ) {
    windows[k - 4] = Math.min(windows[k - 4] as number, windows[k - 2] as number)
    windows[k - 3] = Math.max(windows[k - 3] as number, windows[k - 1] as number)
    // @NOTE pop, not `length = k - 2`: setting an array's length is a runtime call in V8.
    windows.pop()
    windows.pop()
  }
}

/** The whitespace before the word at `at`, `words` words further back; or 0. */
function windowStart(text: string, at: number, words: number): number {
  let i = at
  for (let w = 0; ; w += 1) {
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i -= 1
    if (i === 0) return 0
    i -= 1
    if (w === words) return i
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i -= 1
  }
}

/** Just past the whitespace after the word at `at`, `words` words further on; or the end. */
function windowEnd(text: string, at: number, words: number): number {
  const n = text.length
  let i = at
  for (let w = 0; ; w += 1) {
    while (i < n && !isSpace(text.charCodeAt(i))) i += 1
    if (i >= n) return n
    if (w === words) return i + 1
    while (i < n && isSpace(text.charCodeAt(i))) i += 1
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d)
}
