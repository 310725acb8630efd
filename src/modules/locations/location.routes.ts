// /locations (docs/api.md).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { serviceContext } from '../../http/service-context.js';
import { createLocationBody, locationListQuery, locationListSchema, locationSchema } from './location.schemas.js';
import { createLocation, listLocations } from './location.service.js';

export async function locationRoutes(appInstance: FastifyInstance) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();

  app.get('/locations', {
    config: { access: 'location.list' },
    schema: {
      operationId: 'listLocations', summary: 'List the locations',
      description: 'The neighbourhood rooms (BuurtWerkKamers) accounts and dossiers belong to, paged.', tags: ['locations'], querystring: locationListQuery,
      response: { 200: locationListSchema, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => listLocations(serviceContext(request), request.query));

  app.post('/locations', {
    config: { access: 'location.create' },
    schema: {
      operationId: 'createLocation', summary: 'Add a location',
      description: 'Adds a neighbourhood room. Its name is unique (409 when it exists).', tags: ['locations'], body: createLocationBody,
      response: { 201: locationSchema, ...problemResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const location = await createLocation(serviceContext(request), request.body);
    return reply.code(201).send(location);
  });
}
