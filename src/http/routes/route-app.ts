import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

/** The Fastify instance a route plugin declares its routes on. */
export type RouteApp = Parameters<FastifyPluginAsyncZod>[0]

/** The roles that review cases, decisions and appeals. */
export const MODERATORS = ['moderator', 'admin'] as const
