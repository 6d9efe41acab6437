import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { errorBody } from '../errors.ts';
import type { Metrics } from '../metrics.ts';
import { handleError } from './error-handler.ts';

export type App = FastifyInstance;

export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  /** Answers /ready: false while starting or shutting down, or when the database is unreachable. */
  isReady: () => Promise<boolean>;
  version: string;
}

/** Fastify with the project's conventions: zod schemas, the error model, OpenAPI, health and metrics. */
export async function createHttpServer(options: HttpServerOptions) {
  const app = Fastify({
    loggerInstance: options.logger,
    // Request logs are written below with the route pattern only: URLs can carry e-mails or tokens.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Malformed URLs and over-long path parameters are rejected by the router before any route runs:
    // answer them in the error model too.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const body = tooLong
        ? errorBody('uri_too_long', 'A part of the address is too long.')
        : errorBody('bad_url', 'The address is malformed.');
      (reply as FastifyReply).status(tooLong ? 414 : 400).send(body);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`)),
  );

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Storepilot API',
        version: options.version,
        description:
          'Admin API. Authenticate with the session cookie (plus `x-csrf-token` on writes) or `Authorization: Bearer <api key>`. ' +
          'Every store-scoped route names the permission it needs. Errors: `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'A store API key (sp_live_…).' },
          session: { type: 'apiKey', in: 'cookie', name: 'sp_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    options.metrics.httpDuration
      .labels(request.method, route, `${Math.floor(reply.statusCode / 100)}xx`)
      .observe(reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) request.log.warn({ route, status: reply.statusCode }, 'request failed');
    else
      request.log.debug(
        { method: request.method, route, status: reply.statusCode, ms: reply.elapsedTime },
        'request',
      );
    done();
  });

  app.get('/health', { schema: { hide: true } }, () => ({ status: 'ok', version: options.version }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    const ready = await options.isReady().catch(() => false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready' });
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });

  // Typed as a plain FastifyInstance so module plugins need not know the logger and type provider.
  return app as unknown as FastifyInstance;
}
