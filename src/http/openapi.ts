// The OpenAPI 3.1 document, generated from the zod route schemas (never written by hand).
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ACCESS_TOKEN_SECONDS } from './authenticate.js';
import { annotateRoute, completeOpenApiDocument } from './openapi-complete.js';

export const API_VERSION = '1.0.0';

export async function registerOpenApi(app: FastifyInstance, options: { docsEnabled: boolean }) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Schoon Schip API',
        version: API_VERSION,
        description:
          'Case tracker for the Schoon Schip peer debt-help programme. Money is in integer euro cents. ' +
          'Errors are application/problem+json with a stable `code`. Conventions (ETags, idempotency, ' +
          'paging, roles) are in docs/api.md of the repository.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
        contact: { name: 'Schoon Schip maintainers (see CONTRIBUTING.md in the repository)' },
      },
      // Relative: every instance serves the API at its own origin; there is no shared host.
      servers: [{
        url: '/',
        description: 'The instance that serves this document: production on PostgreSQL, or local (embedded PGlite).',
        // OWASP API9 (inventory): the audience of the server, for documentation tools.
        'x-internal': false,
      } as { url: string; description: string }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'Access token from POST /api/v1/auth/login (or the browser session), valid for ' +
              `${ACCESS_TOKEN_SECONDS / 60} minutes. ` +
              'Follows RFC8725: HS256 only (no `none`, no algorithm from the token), typ, iss and aud checked.',
          },
        },
      },
    },
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      return { ...result, schema: annotateRoute(result.schema, input.route) };
    },
    transformObject: (input) => completeOpenApiDocument(jsonSchemaTransformObject(input)),
  });
  if (options.docsEnabled) {
    await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  }
}
