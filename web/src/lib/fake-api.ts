import { createElement, type ReactNode } from 'react'
import { ApiContext } from '../api/api-context'
import { type ApiClient, createApiClient } from '../api/client'

// @NOTE For component tests: the real API client over a fetch that answers from the test, so a
// test sees the URLs, queries and bodies the console would send. Nothing here ships in the build.

export interface FakeRequest {
  method: string
  /** The path with its query string, e.g. `/v1/cases?queue=general&status=open`. */
  url: string
  body: unknown
}

export interface FakeAnswer {
  status?: number
  body?: unknown
}

export interface FakeApi {
  api: ApiClient
  /** Every request made so far, oldest first. */
  requests: FakeRequest[]
  /** Provides the client to the component under test (for Testing Library's `wrapper`). */
  wrapper: (props: { children: ReactNode }) => ReactNode
}

/** A client whose requests `answer` handles; unanswered ones get a 404 naming the request. */
export function fakeApi(answer: (request: FakeRequest) => FakeAnswer | undefined): FakeApi {
  const requests: FakeRequest[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    const request = { method: init?.method ?? 'GET', url: String(input), body }
    requests.push(request)
    const found = answer(request) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: `no fake answer for ${request.url}` } },
    }
    const status = found.status ?? 200
    if (status === 204) return new Response(null, { status })
    return new Response(JSON.stringify(found.body ?? {}), {
      status,
      headers: { 'content-type': 'application/json' },
    })
  }
  const api = createApiClient({ fetch })
  return {
    api,
    requests,
    wrapper: ({ children }) => createElement(ApiContext.Provider, { value: api }, children),
  }
}

/** The path of a request without its query string. */
export function pathOf(request: FakeRequest): string {
  return request.url.split('?')[0] ?? ''
}

/** One query parameter of a request, or null. */
export function queryOf(request: FakeRequest, name: string): string | null {
  return new URL(request.url, 'http://console.test').searchParams.get(name)
}
