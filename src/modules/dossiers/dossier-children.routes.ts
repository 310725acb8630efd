// The five routes of a versioned dossier child (list, create, read, edit, delete), declared once.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Operation } from '../../access/policy.js';
import { noContent, problemResponses } from '../../http/problem-schemas.js';
import { etag, idempotencyHeaders, ifMatchHeaders, requiredVersion, withEtag } from '../../http/preconditions.js';
import { sendIdempotent } from '../../http/send-created.js';
import { callerContext, serviceContext, verifiedServiceContext } from '../../http/service-context.js';
import { PageQuery, pageOf, type PageRequest } from '../../lib/pagination.js';
import type { IdempotentResult } from '../../core/idempotent-result.js';
import type { CallerContext, ServiceContext } from '../../core/service-context.js';
import { dossierIdParams } from './dossier.schemas.js';

interface ChildService<View, CreateBody, PatchBody> {
  list(ctx: ServiceContext, dossierId: string, page: PageRequest): Promise<{ items: View[]; nextCursor: string | null }>;
  get(ctx: ServiceContext, dossierId: string, id: string): Promise<View>;
  create(ctx: ServiceContext, dossierId: string, body: CreateBody, key: string | undefined): Promise<IdempotentResult<View>>;
  patch(ctx: ServiceContext, dossierId: string, id: string, version: number, body: PatchBody): Promise<View>;
  createInOneStatement(ctx: CallerContext, dossierId: string, body: CreateBody, key: string | undefined): Promise<View | undefined>;
  patchInOneStatement(ctx: CallerContext, dossierId: string, id: string, version: number, body: PatchBody): Promise<View | undefined>;
  remove(ctx: ServiceContext, dossierId: string, id: string, version: number): Promise<void>;
}

export interface ChildRoutesOptions<
  View extends { version: number }, Create extends z.ZodType<object>, Patch extends z.ZodType<object>,
> {
  /** Path segment and names: `debts`, `debtId`, `Debt` (→ listDebts, createDebt, …). */
  segment: string;
  idParam: string;
  singular: string;
  plural: string;
  tag: string;
  read: Operation;
  write: Operation;
  schemas: { view: z.ZodType<View>; create: Create; patch: Patch };
  /** Its bodies are the schemas' own types: a service expecting another shape fails to compile. */
  service: ChildService<View, z.infer<Create>, z.infer<Patch>>;
}

export function registerChildRoutes<
  View extends { version: number }, Create extends z.ZodType<object>, Patch extends z.ZodType<object>,
>(instance: FastifyInstance, options: ChildRoutesOptions<View, Create, Patch>) {
  // Generic over the resource, which Fastify's zod type provider cannot resolve; `validated` gives
  // each handler the type of the very schema Fastify checked the request against.
  const app = instance;
  const { segment, idParam, singular, plural, service, schemas } = options;
  const tags = [options.tag];
  const one = singular.toLowerCase();
  const many = plural.toLowerCase();
  const itemParams = z.strictObject({ id: z.uuid(), [idParam]: z.uuid() });
  const validated = <S extends z.ZodType>(_schema: S, value: unknown) => value as z.output<S>;
  const dossierOf = (params: unknown) => validated(dossierIdParams, params).id;
  const itemId = (params: unknown) => validated(itemParams, params)[idParam] as string;

  app.get(`/dossiers/:id/${segment}`, {
    config: { access: options.read },
    schema: { operationId: `list${plural}`, tags,
      summary: `List the ${many} of a dossier`,
      description: `The ${many} of the dossier, oldest first, paged with a cursor (\`nextCursor\`).`, params: dossierIdParams, querystring: PageQuery,
      response: { 200: pageOf(schemas.view), ...problemResponses(400, 401, 403, 404) } },
  }, async (request) => service.list(serviceContext(request), dossierOf(request.params), validated(PageQuery, request.query)));

  // Creates and edits are the maatje's every step: they are tried as one statement that checks the
  // session itself (writeInOneStatement), a create's first use of its Idempotency-Key included;
  // whatever that does not settle (a repeated key among it) goes the general way, with the actor loaded then.
  app.post(`/dossiers/:id/${segment}`, {
    config: { access: options.write, sessionCheckedInStatement: true },
    schema: { operationId: `create${singular}`, tags,
      summary: `Add a ${one} to a dossier`,
      description: `Adds a ${one}; the ETag header carries its version. Send Idempotency-Key so a retry does not add it twice `
        + '(the same key with another body answers 422).', params: dossierIdParams, headers: idempotencyHeaders, body: schemas.create,
      response: { 201: schemas.view, ...problemResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request, reply) => {
    const key = request.headers['idempotency-key'] as string | undefined;
    const dossierId = dossierOf(request.params);
    const body = validated(schemas.create, request.body);
    const created = await service.createInOneStatement(callerContext(request), dossierId, body, key);
    const result = created !== undefined
      ? { replayed: false as const, statusCode: 201, body: created }
      : await service.create(await verifiedServiceContext(request), dossierId, body, key);
    return sendIdempotent(reply, result, (view) => etag(view.version));
  });

  app.get(`/dossiers/:id/${segment}/:${idParam}`, {
    config: { access: options.read },
    schema: { operationId: `get${singular}`, tags,
      summary: `Read one ${one}`, description: `One ${one} of the dossier; the ETag header carries its version for a later If-Match.`, params: itemParams, response: { 200: schemas.view, ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => {
    return withEtag(reply, await service.get(serviceContext(request), dossierOf(request.params), itemId(request.params)));
  });

  app.patch(`/dossiers/:id/${segment}/:${idParam}`, {
    config: { access: options.write, sessionCheckedInStatement: true },
    schema: { operationId: `update${singular}`, tags,
      summary: `Change a ${one}`,
      description: `Merge semantics: absent fields stay, null clears. If-Match is required (428 without; 412 with the current ${one} when stale).`, params: itemParams, headers: ifMatchHeaders, body: schemas.patch,
      response: { 200: schemas.view, ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428) } },
  }, async (request, reply) => {
    const version = requiredVersion(request.headers['if-match'] as string | undefined);
    const [dossierId, id, body] = [dossierOf(request.params), itemId(request.params), validated(schemas.patch, request.body)];
    const edited = await service.patchInOneStatement(callerContext(request), dossierId, id, version, body)
      ?? await service.patch(await verifiedServiceContext(request), dossierId, id, version, body);
    return withEtag(reply, edited);
  });

  app.delete(`/dossiers/:id/${segment}/:${idParam}`, {
    config: { access: options.write },
    schema: { operationId: `delete${singular}`, tags,
      summary: `Delete a ${one}`,
      description: `Deletes the ${one}. If-Match is required (428 without; 412 with the current ${one} when stale).`, params: itemParams, headers: ifMatchHeaders,
      response: { 204: noContent, ...problemResponses(400, 401, 403, 404, 409, 412, 428) } },
  }, async (request, reply) => {
    const version = requiredVersion(request.headers['if-match'] as string | undefined);
    await service.remove(serviceContext(request), dossierOf(request.params), itemId(request.params), version);
    return reply.code(204).send(null);
  });
}
