import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONSOLE_CSP, consoleRoutes } from '../../src/http/routes/console/routes.js'
import { CONSOLE_BUILD_DIR } from '../console-build.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Serving files touches no database, so this runs on PGlite only.

describe('the console served at /console', () => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness('pglite')
  })
  afterAll(() => closeHarness(h))

  it('answers index.html with a strict CSP for /console and every client-side path', async () => {
    for (const url of ['/console', '/console/', '/console/queues/general']) {
      const res = await h.call('none', 'GET', url)
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.headers['x-frame-options']).toBe('DENY')
      expect(res.body).toContain('<div id="root"></div>')
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'")
    expect(CONSOLE_CSP).not.toContain('unsafe-inline')
  })

  it('caches hashed assets for a year and 404s a missing one', async () => {
    const script = readdirSync(join(CONSOLE_BUILD_DIR, 'assets')).find((f) => f.endsWith('.js'))
    const res = await h.call('none', 'GET', `/console/assets/${script}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const missing = await h.call('none', 'GET', '/console/assets/index-nothere.js')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('not_found')
  })

  it('keeps unknown console API paths a JSON 404 and the pages out of OpenAPI', async () => {
    const res = await h.call('none', 'GET', '/console/api/nothing')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('not_found')
    const doc = (await h.call('none', 'GET', '/openapi.json')).json() as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/console'))).toEqual([])
  })

  it('says to run npm run build when the console is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vigil-console-'))
    const app = Fastify()
    await app.register(consoleRoutes(h.ctx, { dir: empty }))
    try {
      const res = await app.inject({ method: 'GET', url: '/console/queues' })
      expect(res.statusCode).toBe(503)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toContain('<h1>The console is not built</h1>')
      expect(res.body).toContain('<code>npm run build</code>')
    } finally {
      await app.close()
      rmSync(empty, { recursive: true, force: true })
    }
  })
})
