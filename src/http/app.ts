import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { TrustProxy } from '../config/config.js'
import type { AppContext } from '../context.js'
import { findLiveSession } from '../services/console-sessions.js'
import { installErrorHandler } from './errors.js'
import { installAuth } from './plugins/auth.js'
import { accountRoutes } from './routes/accounts/routes.js'
import { appealRoutes } from './routes/appeals/routes.js'
import { auditRoutes } from './routes/audit/routes.js'
import { bankImportRoutes } from './routes/bank-imports/routes.js'
import { bankRoutes } from './routes/banks/routes.js'
import { caseRoutes } from './routes/cases/routes.js'
import { complianceRoutes } from './routes/compliance/routes.js'
import { consoleRoutes } from './routes/console/routes.js'
import { consolePeopleRoutes } from './routes/console-people/routes.js'
import { consoleSessionRoutes } from './routes/console-session/routes.js'
import { contentRoutes } from './routes/content/routes.js'
import { cseaReportRoutes } from './routes/csea-reports/routes.js'
import { decisionRoutes } from './routes/decisions/routes.js'
import { evidenceRoutes } from './routes/evidence/routes.js'
import { evidencePackageRoutes } from './routes/evidence-packages/routes.js'
import { flaggerRoutes } from './routes/flaggers/routes.js'
import { healthRoutes } from './routes/health/routes.js'
import { keyRoutes } from './routes/keys/routes.js'
import { publicRoutes } from './routes/public/routes.js'
import { publicAppealRoutes } from './routes/public-appeals/routes.js'
import { reportRoutes } from './routes/reports/routes.js'
import { ruleRoutes } from './routes/rules/routes.js'
import { statsRoutes } from './routes/stats/routes.js'
import { taxonomyRoutes } from './routes/taxonomy/routes.js'
import { transparencyRoutes } from './routes/transparency/routes.js'
import { webhookRoutes } from './routes/webhooks/routes.js'

export type App = FastifyInstance

/** Builds the HTTP API over a context; no socket is opened (tests use `inject`). */
export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.http.bodyLimitBytes,
    trustProxy: trustProxyOption(ctx.config.http.trustProxy),
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    logController: new LogController({
      disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  // @NOTE The API speaks JSON only: a text/plain body is refused with 415, not parsed as a string.
  app.removeContentTypeParser('text/plain')
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Vigil API',
        version: '0.1.0',
        description: 'Trust & safety engine: detection, reports, cases, decisions and webhooks.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  const sessions = { db: ctx.db, clock: ctx.clock, sessions: ctx.config.sessions }
  installAuth(app, ctx.auth, (token) => findLiveSession(sessions, token))
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  await app.register(healthRoutes(ctx))
  for (const routes of [
    taxonomyRoutes,
    contentRoutes,
    reportRoutes,
    caseRoutes,
    webhookRoutes,
    bankRoutes,
    bankImportRoutes,
    ruleRoutes,
    auditRoutes,
    keyRoutes,
    flaggerRoutes,
    appealRoutes,
    accountRoutes,
    decisionRoutes,
    statsRoutes,
    evidenceRoutes,
    evidencePackageRoutes,
    consolePeopleRoutes,
    cseaReportRoutes,
    transparencyRoutes,
    complianceRoutes,
  ]) {
    await app.register(routes(ctx), { prefix: '/v1' })
  }
  // The public report, status and appeal pages: plain HTML, no key, outside /v1.
  await app.register(publicRoutes(ctx))
  await app.register(publicAppealRoutes(ctx))
  // The console's sign-in and session: a cookie, not a key; hidden from the OpenAPI document.
  await app.register(consoleSessionRoutes(ctx))
  // The console itself: the Vite build of web/, with index.html for its client-side routes.
  await app.register(consoleRoutes(ctx))
  return app
}

/** Fastify takes a hop count at run time but not in its types: trust the nearest N hops. */
function trustProxyOption(
  trust: TrustProxy,
): boolean | string[] | ((a: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust
}
