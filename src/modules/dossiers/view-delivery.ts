// What a route needs to hand out a kept view (view-cache.ts): this process's cache and the content
// coding the client accepts. The dossier and overview routes both read through it.
import type { FastifyRequest } from 'fastify';
import { negotiatedCoding } from '../../http/content-coding.js';
import { viewCacheOf, type ViewDelivery } from './view-cache.js';

export function viewDelivery(request: FastifyRequest): ViewDelivery {
  return {
    cache: viewCacheOf(request.server.db, request.server.appConfig.viewCacheMb),
    coding: negotiatedCoding(request.headers['accept-encoding']),
  };
}
