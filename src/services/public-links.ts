import type { Policy } from '../core/policy.js'

/** The policy's public address of Vigil's pages, without a trailing slash, when it names one. */
export function publicBaseUrl(policy: Policy): string | undefined {
  return policy.reporting.page.publicUrl?.replace(/\/+$/, '')
}

/** A path made absolute with the policy's public address of Vigil's pages, when it names one. */
export function publicLink(policy: Policy, path: string): string {
  return `${publicBaseUrl(policy) ?? ''}${path}`
}
