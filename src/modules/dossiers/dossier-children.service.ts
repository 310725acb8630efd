// The use cases every versioned child of a dossier shares: page through, read one, create
// (optionally idempotent), edit with If-Match, delete with If-Match. Each resource supplies how
// its rows are built, changed and shown; audit, scope, 404/412 and overview invalidation live here.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ChildAuditName } from '../../audit/audit-actions.js';
import type { Database } from '../../db/schema.js';
import { NotFoundError, PreconditionFailedError } from '../../lib/errors.js';
import { toPage, type PageRequest } from '../../lib/pagination.js';
import { idempotencyRecord, idempotent } from '../idempotency/idempotency.service.js';
import { inDossier, type CallerContext, type CallerDossierContext, type ServiceContext } from '../../core/service-context.js';
import {
  childRow, plannedChildRow, unplacedChildRow, deleteChildIfVersion, findChild, listChildren, updateChildIfVersion, type ChildTable,
  type ManagedChildColumn,
} from './dossier-children.repository.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import { withDossier, writeInOneStatement, type AuditNote } from './dossier-gate.service.js';

/** The columns a resource fills for a new row: typed by the table, so a misspelt column fails to compile. */
export type NewChildRow<T extends ChildTable> = Omit<Insertable<Database[T]>, ManagedChildColumn>;
/** The columns a PATCH may change (version and updatedAt move by themselves). */
export type ChildChanges<T extends ChildTable> = Omit<Updateable<Database[T]>, ManagedChildColumn>;

/**
 * Body fields that are columns of `table` under the same name, passed through as changes. A spread
 * alone would let a field that names no column through to the SQL; here it fails to compile.
 */
export function bodyColumns<T extends ChildTable, Fields>(
  _table: T, fields: Fields & ChildChanges<T> & Record<Exclude<keyof Fields, keyof ChildChanges<T>>, never>,
): ChildChanges<T> {
  return fields;
}

export interface ChildResource<T extends ChildTable, View, CreateBody, PatchBody> {
  table: T;
  /** Audit action prefix, e.g. `debt`. */
  name: ChildAuditName;
  /** Changes to this resource make a confirmed overview stale. */
  invalidatesOverview: boolean;
  // These build and show rows only: their `ctx.actor` may be a hot route's unverified claims (the one
  // statement that writes checks them), and `db` may be outside the write's transaction (for lookups
  // of reference data such as the creditor catalogue, never of the dossier's own rows).
  toView(row: Selectable<Database[T]>, ctx: CallerDossierContext): View;
  newRow(db: Kysely<Database>, ctx: CallerDossierContext, id: string, body: CreateBody): Promise<NewChildRow<T>>;
  changes(db: Kysely<Database>, ctx: CallerDossierContext, id: string, body: PatchBody): Promise<ChildChanges<T>>;
}

export function childResourceService<T extends ChildTable, View, CreateBody extends object, PatchBody extends object>(
  resource: ChildResource<T, View, CreateBody, PatchBody>,
) {
  // The gate clears a confirmed overview in the same statement that marks the dossier changed.
  const afterChange = (note: AuditNote) => {
    if (resource.invalidatesOverview) note.invalidatesOverview = true;
  };

  const staleOrMissing = async (trx: Kysely<Database>, ctx: ServiceContext, dossier: DossierCore, id: string): Promise<never> => {
    const current = await findChild(trx, resource.table, dossier, id);
    if (!current) throw new NotFoundError();
    throw new PreconditionFailedError(resource.toView(current, inDossier(ctx, dossier)), (current as { version: number }).version);
  };

  return {
    async list(ctx: ServiceContext, dossierId: string, page: PageRequest) {
      return withDossier(ctx, dossierId, { action: `${resource.name}.listed`, write: false }, async (trx, dossier) => {
        const rows = await listChildren(trx, resource.table, dossier, { limit: page.limit, after: page.cursor });
        return toPage(rows, page.limit,
          (row) => ({ createdAt: row.cursorTime, id: (row as unknown as { id: string }).id }),
          (row) => resource.toView(row, inDossier(ctx, dossier)));
      });
    },

    async get(ctx: ServiceContext, dossierId: string, id: string) {
      return withDossier(ctx, dossierId, { action: `${resource.name}.read`, write: false }, async (trx, dossier) => {
        const row = await findChild(trx, resource.table, dossier, id);
        if (!row) throw new NotFoundError();
        return resource.toView(row, inDossier(ctx, dossier));
      });
    },

    async create(ctx: ServiceContext, dossierId: string, body: CreateBody, idempotencyKey: string | undefined) {
      return withDossier(ctx, dossierId, { action: `${resource.name}.created`, write: true }, async (trx, dossier, note, finish) => {
        note.details = { fields: Object.keys(body) };
        const operation = `${resource.name}.create:${dossier.id}`;
        const result = await idempotent(trx, { userId: ctx.actor.userId, key: idempotencyKey, operation, payload: body, now: ctx.now, cipher: ctx.cipher }, async () => {
          const id = randomUUID();
          const scoped = inDossier(ctx, dossier);
          const values = await resource.newRow(trx, scoped, id, body);
          afterChange(note);
          // The insert travels with the gate's mark and audit row: one statement.
          const row = await finish.insert(resource.table, childRow<T>(values, dossier, { id, now: ctx.now, createdBy: ctx.actor.userId }));
          return { statusCode: 201, body: resource.toView(row, scoped) };
        });
        // A replay creates nothing: the caller reads back the earlier result.
        if (result.replayed) note.action = `${resource.name}.read`;
        return result;
      });
    },

    /**
     * `create` in one statement (writeInOneStatement); undefined when the general path must decide,
     * which `create` then does with the verified actor. With an Idempotency-Key the statement also
     * stores the key's record, whose reply is the view of the row as planned (the same view the
     * answer shows, built once), and only for a key the caller has not used: a repeat is the general path's.
     */
    async createInOneStatement(ctx: CallerContext, dossierId: string, body: CreateBody, idempotencyKey?: string): Promise<View | undefined> {
      const id = randomUUID();
      let plannedView: View | undefined;
      const written = await writeInOneStatement(ctx, dossierId, {
        table: resource.table, action: `${resource.name}.created`, details: { fields: Object.keys(body) }, invalidatesOverview: resource.invalidatesOverview,
      }, async (scoped) => {
        const row = unplacedChildRow<T>(await resource.newRow(ctx.db, scoped, id, body), { id, now: ctx.now, createdBy: ctx.actor.userId }) as Record<string, unknown>;
        if (idempotencyKey === undefined) return { kind: 'insert', row };
        // As PostgreSQL writes a uuid, so the record is the general path's for the same dossier.
        const storedDossierId = dossierId.toLowerCase();
        const planned = plannedChildRow(resource.table, row, storedDossierId);
        if (planned === undefined) return undefined;
        plannedView = resource.toView(planned, scoped);
        const remember = idempotencyRecord(
          { userId: ctx.actor.userId, key: idempotencyKey, operation: `${resource.name}.create:${storedDossierId}`, payload: body, now: ctx.now, cipher: ctx.cipher },
          { statusCode: 201, body: plannedView },
        );
        return { kind: 'insert', row, remember };
      });
      return written && (plannedView ?? resource.toView(written.row, written.scoped));
    },

    /** `patch` in one statement, as `createInOneStatement`: undefined sends it along the general path. */
    async patchInOneStatement(ctx: CallerContext, dossierId: string, id: string, version: number, body: PatchBody): Promise<View | undefined> {
      const written = await writeInOneStatement(ctx, dossierId, {
        table: resource.table, action: `${resource.name}.updated`, details: { fields: Object.keys(body) }, invalidatesOverview: resource.invalidatesOverview,
      }, async (scoped) => ({ kind: 'update', id, version, changes: await resource.changes(ctx.db, scoped, id, body) as Record<string, unknown> }));
      return written && resource.toView(written.row, written.scoped);
    },

    async patch(ctx: ServiceContext, dossierId: string, id: string, version: number, body: PatchBody) {
      return withDossier(ctx, dossierId, { action: `${resource.name}.updated`, write: true }, async (trx, dossier, note, finish) => {
        note.details = { fields: Object.keys(body) };
        const scoped = inDossier(ctx, dossier);
        const changes = await resource.changes(trx, scoped, id, body);
        afterChange(note);
        // The update travels with the gate's mark and audit row; when the version is stale it
        // changes nothing, and the refusal below takes the mark and the audit row back with it.
        const row = await finish.update(resource.table, { id, version, changes: changes as Updateable<Database[T]> },
          () => updateChildIfVersion(trx, resource.table, dossier, id, version, changes, ctx.now));
        if (!row) return staleOrMissing(trx, ctx, dossier, id);
        return resource.toView(row, scoped);
      });
    },

    async remove(ctx: ServiceContext, dossierId: string, id: string, version: number) {
      await withDossier(ctx, dossierId, { action: `${resource.name}.deleted`, write: true }, async (trx, dossier, note) => {
        if (!(await deleteChildIfVersion(trx, resource.table, dossier, id, version))) await staleOrMissing(trx, ctx, dossier, id);
        afterChange(note);
      });
    },
  };
}
