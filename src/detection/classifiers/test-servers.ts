import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { startTestServer, stopTestServer, type TestServer } from '../../net/loopback-test-server.js'

// @NOTE Test support only: loopback servers that follow OpenAI's moderation API and the
// OpenAI-compatible chat API that Llama Guard is served behind. Not used by production code.

/** What the server does with the next request, instead of its normal answer. */
export type Reply =
  | { kind: 'answer'; delayMs?: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'raw'; status?: number; contentType?: string; body: string }
  | { kind: 'hang' }

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: unknown
}

export interface FakeProvider {
  /** `http://127.0.0.1:<port>` */
  base: string
  received: ReceivedRequest[]
  /** Replies for the next requests, in order; then the normal answer again. */
  queue(...replies: Reply[]): void
  stop(): Promise<void>
}

/** 429 with `retry-after` in seconds, and OpenAI's error body. */
export function rateLimited(retryAfterSeconds = '0'): Reply {
  const error = { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' }
  return {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': retryAfterSeconds },
    body: { error },
  }
}

export function serverError(status = 500): Reply {
  const error = { message: 'The server had an error', type: 'server_error', code: null }
  return { kind: 'status', status, body: { error } }
}

export function slow(delayMs: number): Reply {
  return { kind: 'answer', delayMs }
}

interface ProviderOptions {
  path: string
  /** Bearer token required when set. */
  apiKey?: string
  /** The normal answer's JSON body for a request body, or an error reply. */
  answer: (body: Record<string, unknown>) => Reply | object
}

/**
 * A moderation server. `scores` gives category scores for an input (missing categories are 0);
 * by default every category scores 0.001.
 */
export function startModerationServer(
  options: { apiKey?: string; scores?: (input: string) => Record<string, number> } = {},
): Promise<FakeProvider> {
  let n = 0
  return startProvider({
    path: '/v1/moderations',
    apiKey: options.apiKey,
    answer: (body) => {
      if (typeof body.input !== 'string' || typeof body.model !== 'string') {
        return invalidRequest('you must provide a model and an input string', 'input')
      }
      const category_scores: Record<string, number> = {}
      for (const category of MODERATION_CATEGORIES) category_scores[category] = 0.001
      Object.assign(category_scores, options.scores?.(body.input))
      const categories = Object.fromEntries(
        Object.entries(category_scores).map(([name, score]) => [name, score >= 0.5]),
      )
      const flagged = Object.values(categories).some(Boolean)
      const model = 'omni-moderation-2024-09-26'
      return { id: `modr-${++n}`, model, results: [{ flagged, categories, category_scores }] }
    },
  })
}

/** A chat completions server whose model answers `answer(text)` (default `safe`). */
export function startLlamaGuardServer(
  options: { apiKey?: string; answer?: (text: string) => string } = {},
): Promise<FakeProvider> {
  let n = 0
  return startProvider({
    path: '/v1/chat/completions',
    apiKey: options.apiKey,
    answer: (body) => {
      const messages = body.messages as { role?: unknown; content?: unknown }[] | undefined
      const text = Array.isArray(messages) ? messages.at(-1)?.content : undefined
      if (typeof body.model !== 'string' || typeof text !== 'string') {
        return invalidRequest('model and messages are required', 'messages')
      }
      const content = options.answer?.(text) ?? 'safe'
      return {
        id: `chatcmpl-${++n}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 200, completion_tokens: 4, total_tokens: 204 },
      }
    },
  })
}

const MODERATION_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
]

function invalidRequest(message: string, param: string): Reply {
  const error = { message, type: 'invalid_request_error', param, code: null }
  return { kind: 'status', status: 400, body: { error } }
}

async function startProvider(options: ProviderOptions): Promise<FakeProvider> {
  const received: ReceivedRequest[] = []
  const pending: Reply[] = []
  const timers = new Set<NodeJS.Timeout>()
  const later = (delayMs: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      run()
    }, delayMs)
    timers.add(timer)
  }
  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const body = parseBody(raw)
    const path = new URL(req.url ?? '/', 'http://x').pathname
    received.push({ method: req.method ?? '', path, headers: req.headers, body })
    const reply = replyFor(req, path, body, pending.shift(), options)
    if (reply.kind !== 'answer') return respond(res, reply)
    const send = () => {
      if (res.destroyed) return
      const answer = options.answer(body as Record<string, unknown>)
      if ('kind' in answer) respond(res, answer as Exclude<Reply, { kind: 'answer' }>)
      else sendJson(res, 200, {}, answer)
    }
    if (reply.delayMs) later(reply.delayMs, send)
    else send()
  }
  const server: TestServer = await startTestServer({ [options.path]: handle })
  return {
    base: server.base,
    received,
    queue: (...replies) => pending.push(...replies),
    stop: () => {
      for (const timer of timers) clearTimeout(timer)
      return stopTestServer(server)
    },
  }
}

function respond(res: ServerResponse, reply: Exclude<Reply, { kind: 'answer' }>): void {
  if (reply.kind === 'hang') return
  if (reply.kind === 'raw') {
    res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' })
    res.end(reply.body)
    return
  }
  sendJson(res, reply.status, reply.headers ?? {}, reply.body ?? {})
}

/** Auth first, as OpenAI does, then the queued reply, then the normal answer. */
function replyFor(
  req: IncomingMessage,
  path: string,
  body: unknown,
  queued: Reply | undefined,
  options: ProviderOptions,
): Reply {
  if (req.method !== 'POST' || path !== options.path) {
    return {
      kind: 'status',
      status: 404,
      body: { error: { message: 'not found', type: 'invalid_request_error' } },
    }
  }
  const given = req.headers.authorization ?? ''
  if (options.apiKey !== undefined && given !== `Bearer ${options.apiKey}`) {
    // @NOTE OpenAI quotes part of the key it was given; quoting all of it makes leak tests strict.
    const message = `Incorrect API key provided: ${given.replace(/^Bearer /, '')}.`
    const error = { message, type: 'invalid_request_error', param: null, code: 'invalid_api_key' }
    return { kind: 'status', status: 401, body: { error } }
  }
  if (queued) return queued
  if (body === undefined || body === null || typeof body !== 'object') {
    return invalidRequest('the body is not a JSON object', 'body')
  }
  return { kind: 'answer' }
}

function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}
