import { type LookupAddress, lookup } from 'node:dns'
import type { LookupFunction, Socket } from 'node:net'
import { blockedAddressKind } from './address-policy.js'
import { blockedAddressError } from './outbound-request-error.js'

/** Resolves every address of a hostname, like `dns.lookup(hostname, { all: true })`. */
export type ResolveAll = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void

function resolveAll(
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
): void {
  lookup(hostname, { all: true }, callback)
}

function familyOf(family: unknown): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4
  if (family === 6 || family === 'IPv6') return 6
  return 0
}

function notFound(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`)
  error.code = 'ENOTFOUND'
  return error
}

/**
 * A `lookup` for `net`/`http` that resolves every address of the host and refuses the connection
 * when ANY of them is non-public (unless `allowPrivate`). The socket connects only to addresses
 * returned here, so what was checked is what is connected to: no DNS-rebinding window.
 */
export function createGuardedLookup(
  allowPrivate: boolean,
  resolve: ResolveAll = resolveAll,
): LookupFunction {
  return function guardedLookup(hostname, options, callback) {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, [])
      for (const { address } of allowPrivate ? [] : addresses) {
        const kind = blockedAddressKind(address)
        if (kind !== undefined) return callback(blockedAddressError(hostname, address, kind), [])
      }
      const family = familyOf(options.family)
      const usable = addresses.filter((entry) => family === 0 || entry.family === family)
      const [first] = usable
      if (first === undefined) return callback(notFound(hostname), [])
      if (options.all) return callback(null, usable)
      callback(null, first.address, first.family)
    })
  }
}

/**
 * Defence in depth behind the lookup: once a socket connects, re-check the peer address and
 * destroy the socket if it is not public.
 */
export function guardSocket(socket: Socket, allowPrivate: boolean): void {
  if (allowPrivate) return
  socket.once('connect', () => {
    const address = socket.remoteAddress ?? 'unknown'
    const kind = blockedAddressKind(address)
    if (kind !== undefined) socket.destroy(blockedAddressError(address, address, kind))
  })
}
