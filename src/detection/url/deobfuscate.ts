/**
 * Undoes the usual ways of defanging a link so that it is still found:
 * - dots: `example[.]com`, `example(.)com`, `example{.}com`, `example [dot] com`, `(dot)`;
 * - schemes: `hxxp://`, `hXXps://`, `h**p://`;
 * - separators: `http[:]//`, `http(:)//`, `http[://]example.com`, `http:[//]example.com`;
 * - a trailing dot after the host of a link with a scheme (`https://evil.example./x`), which
 *   linkify-it would otherwise take for the end of the link.
 * A bare ` dot ` is left alone: too many sentences would turn into domains ("red dot design").
 */
const DEFANGED = new RegExp(
  [
    /(?<scheme>h(?:xx|\*\*)p(?=s?(?:[[({]\s*)?:))/,
    /(?<dot>[ \t]*[[({][ \t]*(?:\.|dot)[ \t]*[\])}][ \t]*)/,
    /(?<separator>[[({](?::\/\/|:|\/\/)[\])}])/,
    /(?<trailingDot>\.+(?=[/?#:])(?<=\/\/[^\s/?#]{0,253}[^\s./?#]\.+))/,
  ]
    .map((part) => part.source)
    .join('|'),
  'gi',
)

/** A cheaper test first: most text has none of the groups above. */
const MAYBE_DEFANGED = /[[({][ \t]*(?:[.:/]|dot)|h(?:xx|\*\*)p|\.[/?#:]/i

/** De-obfuscated text, and where each of its characters came from in the original. */
export interface Deobfuscated {
  text: string
  /** The span [start, end) of the original text that produced text.slice(from, to). */
  originalSpan(from: number, to: number): [number, number]
}

/** The text with defanged links restored, or undefined when there is nothing to restore. */
export function deobfuscate(original: string): Deobfuscated | undefined {
  if (!MAYBE_DEFANGED.test(original)) return undefined
  DEFANGED.lastIndex = 0
  let match = DEFANGED.exec(original)
  if (match === null) return undefined
  // @NOTE Every restoration is no longer than what it replaces, so the text never grows.
  const starts = new Int32Array(original.length)
  const ends = new Int32Array(original.length)
  const parts: string[] = []
  let length = 0
  let copied = 0
  const copyUpTo = (to: number) => {
    parts.push(original.slice(copied, to))
    for (let i = copied; i < to; i++, length++) {
      starts[length] = i
      ends[length] = i + 1
    }
  }
  while (match !== null) {
    copyUpTo(match.index)
    const end = match.index + match[0].length
    const scheme = match.groups?.scheme !== undefined
    const replacement = restore(match)
    parts.push(replacement)
    for (let i = 0; i < replacement.length; i++, length++) {
      // @NOTE A restored scheme keeps its letters' places; a restored `.` or `:` stands for its group.
      starts[length] = scheme ? match.index + i : match.index
      ends[length] = scheme ? match.index + i + 1 : end
    }
    copied = end
    match = DEFANGED.exec(original)
  }
  copyUpTo(original.length)
  return {
    text: parts.join(''),
    originalSpan: (from, to) => [starts[from] ?? original.length, ends[to - 1] ?? original.length],
  }
}

function restore(match: RegExpExecArray): string {
  const groups = match.groups ?? {}
  if (groups.scheme !== undefined) return 'http'
  if (groups.dot !== undefined) return '.'
  if (groups.separator !== undefined) return groups.separator.slice(1, -1)
  return ''
}
