import type { paths } from './schema'

// A small fetch client typed by the generated OpenAPI paths. It sends the session cookie
// (same origin only), the CSRF token on every method but GET, and turns the API's
// `{ error: { code, message } }` into a thrown ApiError whose message a person can read.

type Method = 'get' | 'post' | 'delete'

type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never
}[keyof paths]

type Operation<P extends keyof paths, M extends Method> = paths[P] extends { [K in M]: infer O }
  ? O
  : never

type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never
type PathParamsOf<O> = O extends { parameters: { path: infer X } } ? X : never
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never

/** The JSON body of the 200 or 201 answer, or unknown when the route does not declare it. */
export type ResponseOf<O> = O extends {
  responses: { 200: { content: { 'application/json': infer B } } }
}
  ? B
  : O extends { responses: { 201: { content: { 'application/json': infer B } } } }
    ? B
    : unknown

export interface RequestOptions<O> {
  query?: QueryOf<O>
  params?: PathParamsOf<O>
  body?: BodyOf<O>
}

/** An answer other than 2xx, with the API's error code and message. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export interface ApiClient {
  get<P extends PathWith<'get'>, R = ResponseOf<Operation<P, 'get'>>>(
    path: P,
    options?: RequestOptions<Operation<P, 'get'>>,
  ): Promise<R>
  post<P extends PathWith<'post'>, R = ResponseOf<Operation<P, 'post'>>>(
    path: P,
    options?: RequestOptions<Operation<P, 'post'>>,
  ): Promise<R>
  delete<P extends PathWith<'delete'>, R = ResponseOf<Operation<P, 'delete'>>>(
    path: P,
    options?: RequestOptions<Operation<P, 'delete'>>,
  ): Promise<R>
  /** A GET answered with a file (evidence bytes, a zip), not JSON. */
  getFile<P extends PathWith<'get'>>(
    path: P,
    options?: RequestOptions<Operation<P, 'get'>>,
  ): Promise<FileAnswer>
  /** Raw request for routes the OpenAPI document does not list (the console session). */
  send<R>(method: string, path: string, body?: unknown): Promise<R>
  setCsrfToken(token: string | undefined): void
}

/** A file the API answered: its bytes and the headers that describe them. */
export interface FileAnswer {
  blob: Blob
  contentType: string
  headers: Headers
}

export interface ApiClientOptions {
  /** Called when an answer is 401, e.g. to go back to the sign-in page. */
  onUnauthenticated?: () => void
  fetch?: typeof fetch
}

/** Fills `{id}` placeholders and appends a query string. */
export function buildUrl(path: string, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(values[name] ?? '')),
  )
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value))
  }
  const qs = search.toString()
  return qs ? `${filled}?${qs}` : filled
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  let csrfToken: string | undefined
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)

  async function request(method: string, url: string, body: unknown, accept: string) {
    const headers: Record<string, string> = { accept }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken
    const res = await doFetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    if (res.status === 401) options.onUnauthenticated?.()
    if (!res.ok) throw await toApiError(res)
    return res
  }

  async function send<R>(method: string, url: string, body?: unknown): Promise<R> {
    const res = await request(method, url, body, 'application/json')
    if (res.status === 204) return undefined as R
    return (await res.json()) as R
  }

  async function getFile(path: string, o: { query?: object; params?: object } = {}) {
    const res = await request('GET', buildUrl(path, o.params, o.query), undefined, '*/*')
    const contentType = res.headers.get('content-type') ?? 'application/octet-stream'
    return { blob: await res.blob(), contentType, headers: res.headers }
  }

  function call(method: string) {
    return (path: string, o: { query?: object; params?: object; body?: unknown } = {}) =>
      send(method, buildUrl(path, o.params, o.query), o.body)
  }

  return {
    get: call('GET') as ApiClient['get'],
    post: call('POST') as ApiClient['post'],
    delete: call('DELETE') as ApiClient['delete'],
    getFile: getFile as ApiClient['getFile'],
    send,
    setCsrfToken: (token) => {
      csrfToken = token
    },
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text()
  try {
    const parsed = JSON.parse(text) as {
      error?: { code?: string; message?: string; details?: unknown }
    }
    if (parsed.error?.message) {
      return new ApiError(
        parsed.error.message,
        parsed.error.code ?? 'internal',
        res.status,
        parsed.error.details,
      )
    }
  } catch {
    // @NOTE Not JSON (a proxy's error page, say): fall through to the plain message.
  }
  return new ApiError(
    `The server answered ${res.status} ${res.statusText}. Try again in a moment.`,
    'internal',
    res.status,
  )
}
