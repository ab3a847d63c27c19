import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { AppContext } from '../../../context.js'

// The moderator console: the Vite build in dist/web served at /console. Hashed assets are
// cached for a year; index.html is answered for /console and every other /console/* path
// (the console routes on the client) and is never cached, so a new build is picked up at once.

/** src/http/routes/console/ and dist/http/routes/console/ both sit four levels below the root. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../../dist/web/', import.meta.url))

/** Self only: no inline script or style, no plugins, no framing, no foreign connections. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const YEAR_MS = 365 * 24 * 3600 * 1000

export interface ConsoleRoutesOptions {
  /** Where the built console is; dist/web of this package unless given. */
  dir?: string
}

export function consoleRoutes(
  _ctx: AppContext,
  options: ConsoleRoutesOptions = {},
): FastifyPluginAsync {
  const dir = options.dir ?? DEFAULT_CONSOLE_DIR
  return async (app) => {
    await app.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/console/assets/',
      decorateReply: false,
      index: false,
      maxAge: YEAR_MS,
      immutable: true,
      suppressWarning: true,
      setHeaders: (reply) => {
        reply.header('x-content-type-options', 'nosniff')
      },
    })
    const page = { schema: { hide: true } }
    app.get('/console', page, (_request, reply) => sendIndex(reply, dir))
    app.get('/console/*', page, (request, reply) => {
      // @NOTE The console's own API shares the prefix: an unknown API path is a 404, not a page.
      if (request.url.startsWith('/console/api/')) return reply.callNotFound()
      return sendIndex(reply, dir)
    })
  }
}

async function sendIndex(reply: FastifyReply, dir: string): Promise<FastifyReply> {
  reply
    .header('cache-control', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .type('text/html; charset=utf-8')
  const index = join(dir, 'index.html')
  if (!existsSync(index)) {
    return reply
      .status(503)
      .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
      .send(NOT_BUILT_PAGE)
  }
  return reply.header('content-security-policy', CONSOLE_CSP).send(await readFile(index, 'utf8'))
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>The console is not built</title></head>
<body>
<main>
<h1>The console is not built</h1>
<p>This server has no built console to show. On the machine that runs Vigil, run
<code>npm run build</code> in the Vigil folder, then open this page again.</p>
<p>The API itself is running: see <a href="/docs">/docs</a>.</p>
</main>
</body>
</html>
`
