import { LinkifyIt, REBuilder } from 'linkify-it'

/** A link linkify-it found: its schema ('' without one), offsets and URL (`http://` added). */
export interface Link {
  schema: string
  index: number
  lastIndex: number
  raw: string
  url: string
}

/**
 * Every link needs `//` or a dot between two characters (`a.b`), and none spans white space; so
 * linkify-it runs only on the white-space-delimited words that have one. Its patterns treat the
 * start and end of a word as they treat white space, so the links are the same as from a scan of
 * the whole text; the words without a dot (most of a chat message) are never scanned.
 */
const ANCHOR = /[^\s.]\.[^\s.]|\/\//g
const SPACE = /\s/

export function findLinks(text: string): Link[] {
  const links: Link[] = []
  ANCHOR.lastIndex = 0
  for (let anchor = ANCHOR.exec(text); anchor !== null; anchor = ANCHOR.exec(text)) {
    let start = anchor.index
    while (start > 0 && !SPACE.test(text.charAt(start - 1))) start--
    let end = ANCHOR.lastIndex
    while (end < text.length && !SPACE.test(text.charAt(end))) end++
    for (const match of linkify.match(text.slice(start, end)) ?? []) {
      const { schema, raw, url } = match
      links.push({
        schema,
        raw,
        url,
        index: match.index + start,
        lastIndex: match.lastIndex + start,
      })
    }
    ANCHOR.lastIndex = end
  }
  return links
}

/**
 * linkify-it's fuzzy links accept only the TLDs of a fixed list (a few generic ones and every
 * two-letter code, so `node.js` passes and `evil.xyz` does not) and no port. This builder accepts
 * any alphabetic TLD, leaving the decision to the public suffix list in toFoundUrl, and a port
 * (`evil.example:8080/x`).
 */
class AnyTldBuilder extends REBuilder {
  override get_tld(): RegExp {
    const letter = this.get_pseudo_letter().source
    this.cache.tld ??= new RegExp(`xn--[a-z0-9-]{1,59}|(?:(?![0-9])${letter}){2,63}`)
    return this.cache.tld
  }

  override get_fuzzy_url_host_port(): RegExp {
    const ip = this.opts.fuzzyIP ? `${this.get_ipv4_addr().source}|` : ''
    const host = `(?:${ip}(?:(?:${this.get_domain().source})\\.){1,10}(?:${this.get_tld().source}))`
    this.cache.fuzzy_url_host_port ??= new RegExp(
      `${host}${this.get_port().source}${this.get_host_terminator().source}`,
    )
    return this.cache.fuzzy_url_host_port
  }
}

function createLinkify(): LinkifyIt {
  const linkify = new LinkifyIt({
    fuzzyLink: true,
    fuzzyIP: true,
    fuzzyEmail: false,
    rebuilder: new AnyTldBuilder(),
  })
  return linkify.add('mailto:', null)
}

// @NOTE A compiled scanner, not state: it keeps nothing between calls.
const linkify = createLinkify()
