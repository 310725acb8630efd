// The OpenAPI 3.1 document, generated from the zod route schemas (never written by hand).
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

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
          'Errors are application/problem+json with a stable `code`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  if (options.docsEnabled) {
    await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  }
}
