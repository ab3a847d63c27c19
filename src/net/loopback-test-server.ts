import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

// @NOTE Test support for src/net: HTTP servers on 127.0.0.1 only, the one place tests may send
// packets to. Not used by production code.

/** Serves one route; `/name/<n>` is routed to `/name` with n, otherwise n is 0. */
export type TestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  n: number,
) => void

export interface TestServer {
  server: Server
  /** `http://127.0.0.1:<port>` */
  base: string
  /** TCP connections accepted so far. */
  connections: number
}

/** Answers 200 with JSON `{ method, url, body, headers }` and two Set-Cookie headers. */
export function echo(req: IncomingMessage, res: ServerResponse, body: string): void {
  res.setHeader('content-type', 'application/json')
  res.setHeader('set-cookie', ['a=1', 'b=2'])
  const { method, url, headers } = req
  res.end(JSON.stringify({ method, url, body, headers }))
}

/** Redirects with a body far larger than any limit in the tests, which must not be read. */
export function redirect(status: number, location: (n: number) => string): TestHandler {
  return (_req, res, _body, n) => {
    res.writeHead(status, { location: location(n) })
    res.end('redirect body '.repeat(10_000))
  }
}

function dispatch(routes: Record<string, TestHandler>, req: IncomingMessage, body: string) {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  const [, name = path, n = '0'] = /^(\/[a-z-]+)\/(\d+)$/.exec(path) ?? []
  return { handler: routes[name] ?? routes[path] ?? echo, body, n: Number(n) }
}

/** Starts a server on 127.0.0.1:0; unknown paths are echoed. */
export async function startTestServer(
  routes: Record<string, TestHandler> = {},
): Promise<TestServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const route = dispatch(routes, req, Buffer.concat(chunks).toString())
      route.handler(req, res, route.body, route.n)
    })
  })
  const state: TestServer = { server, base: '', connections: 0 }
  server.on('connection', () => state.connections++)
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server has no port')
  state.base = `http://127.0.0.1:${address.port}`
  return state
}

export function stopTestServer(state: TestServer): Promise<void> {
  state.server.closeAllConnections()
  return new Promise((done) => state.server.close(() => done()))
}

/** Parses a body written by `echo`. */
export function echoed(body: Buffer): {
  method: string
  url: string
  body: string
  headers: Record<string, string>
} {
  return JSON.parse(body.toString())
}
