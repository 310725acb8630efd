// buildApp(config): the whole service, registered explicitly in one readable place.
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream, Logger } from 'pino';
import { z } from 'zod';
import type { Config } from './config.js';
import { createDatabase, type Db } from './db/database.js';
import { prepareDatabase } from './db/prepare.js';
import { createKeyring } from './lib/dossier-keys.js';
import { NotFoundError } from './lib/errors.js';
import { createPdfRenderer } from './modules/exports/pdf-renderer.js';
import { authenticate } from './http/authenticate.js';
import { createLogger } from './http/logger.js';
import { registerOpenApi } from './http/openapi.js';
import { serializerCompiler } from './http/serializer.js';
import { problemClientErrorHandler, problemFrameworkErrors, registerProblemHandlers } from './http/problem.js';
import { rateLimit } from './http/rate-limit.js';
import { AllowListLogController } from './http/request-log.js';
import { installRouteGuard } from './http/route-guard.js';
import { registerWebApp } from './http/web-app.js';
import { refuseUnsafeText } from './http/safe-text.js';
import { assignmentRoutes } from './modules/assignments/assignment.routes.js';
import { budgetRoutes } from './modules/budget/budget.routes.js';
import { creditorCatalogRoutes } from './modules/creditor-catalog/creditor-catalog.routes.js';
import { debtRoutes } from './modules/debts/debt.routes.js';
import { dossierRoutes } from './modules/dossiers/dossier.routes.js';
import { exportRoutes } from './modules/exports/export.routes.js';
import { overviewPdfRoutes } from './modules/exports/overview-pdf.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { measurementRoutes } from './modules/measurements/measurement.routes.js';
import { planRoutes } from './modules/plan/plan.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { browserSessionRoutes } from './modules/auth/browser-session.routes.js';
import { locationRoutes } from './modules/locations/location.routes.js';
import { userRoutes } from './modules/users/user.routes.js';
import { normPeriodRoutes } from './modules/norms/norm-period.routes.js';
import { overviewRoutes } from './modules/overview/overview.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { paperworkRoutes } from './modules/paperwork/paperwork.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { erasureRoutes } from './modules/erasure/erasure.routes.js';
import { scheduleHousekeeping } from './modules/housekeeping/housekeeping.schedule.js';
import './http/fastify-types.js';

export interface BuildOptions {
  /** A database the caller owns (tests). Without it the app opens, migrates and later closes its own. */
  db?: Db;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  logger?: Logger;
  /** The clock; tests move it instead of waiting. */
  now?: () => Date;
  /** Run housekeeping daily in this process (the server does; tests run it themselves). */
  scheduleHousekeeping?: boolean;
}

export const API_PREFIX = '/api/v1';
export const JSON_BODY_LIMIT = 64 * 1024;

// Fastify takes a hop count at run time, but its types only know the function form for it.
function trustProxyOption(value: Config['trustProxy']) {
  if (typeof value !== 'number') return value;
  return (_address: string, hop: number) => hop < value;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = options.logger ?? createLogger(config.logLevel, options.logDestination);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new AllowListLogController({ requestIdLogLabel: 'requestId' }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: trustProxyOption(config.trustProxy),
    routerOptions: { ignoreTrailingSlash: false },
    return503OnClosing: true,
    clientErrorHandler: problemClientErrorHandler,
    frameworkErrors: problemFrameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only; anything else is 415 instead of a confusing validation error.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('appConfig', config);
  app.decorate('now', options.now ?? (() => new Date()));

  let db = options.db;
  if (!db) {
    const handle = await createDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: config.dbPoolMax,
      onPoolError: (error) => logger.error({ err: error }, 'idle database client failed'),
    });
    db = handle.db;
    if (handle.fromTemplate) logger.info('created the embedded database from the template migrated at build time');
    const applied = (await prepareDatabase(db, config)).map((r) => r.migrationName);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');
    const owned = db;
    app.addHook('onClose', async () => {
      await owned.destroy();
    });
  }
  app.decorate('db', db);
  app.decorate('cipher', createKeyring(config.encryptionKeys));
  // Threads start with the first PDF; closing lets admitted renders finish.
  const pdfRenderer = createPdfRenderer({ workers: config.pdfWorkers, queueSize: config.pdfQueueSize });
  app.decorate('pdfRenderer', pdfRenderer);
  app.addHook('onClose', async () => {
    await pdfRenderer.close();
  });

  let closing = false;
  app.decorate('isClosing', () => closing);
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Requests in flight at shutdown finish, but their keep-alive sockets must not hold the close open.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  if (options.scheduleHousekeeping) scheduleHousekeeping(app);

  installRouteGuard(app);
  const webApp = config.webDir === undefined ? undefined : await registerWebApp(app, config.webDir);
  registerProblemHandlers(app, { appShell: webApp?.sendShell });
  refuseUnsafeText(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Everything under the API is about people; no shared cache may keep a copy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(API_PREFIX)) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyHelmet, { global: true });
  if (config.corsOrigins.length > 0) {
    await app.register(fastifyCors, { origin: [...config.corsOrigins], credentials: false });
  }
  await registerOpenApi(app, { docsEnabled: config.docsEnabled });
  await app.register(fastifyCookie);
  await app.register(authenticate);
  // Before any route: the plugin attaches its per-route limits as routes are added.
  await app.register(rateLimit);

  // The contract maps the whole attack surface: a production instance (DATABASE_URL) publishes it
  // only when DOCS_ENABLED says so; otherwise the route answers like any unknown path.
  app.get('/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true, response: { 200: z.looseObject({}) } },
  }, async () => {
    if (!config.docsEnabled) throw new NotFoundError();
    return app.swagger() as unknown as Record<string, unknown>;
  });

  await app.register(healthRoutes);
  await app.register(async (api) => {
    await api.register(setupRoutes);
    await api.register(authRoutes);
    await api.register(browserSessionRoutes);
    await api.register(locationRoutes);
    await api.register(userRoutes);
    await api.register(dossierRoutes);
    await api.register(debtRoutes);
    await api.register(budgetRoutes);
    await api.register(creditorCatalogRoutes);
    await api.register(assignmentRoutes);
    await api.register(planRoutes);
    await api.register(measurementRoutes);
    await api.register(exportRoutes);
    await api.register(overviewPdfRoutes);
    await api.register(overviewRoutes);
    await api.register(paperworkRoutes);
    await api.register(normPeriodRoutes);
    await api.register(statsRoutes);
    await api.register(erasureRoutes);
  }, { prefix: API_PREFIX });

  return app;
}
