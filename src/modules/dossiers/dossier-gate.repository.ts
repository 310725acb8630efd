// The one way into a dossier: by id, through the caller's scope, optionally locked for a write.
import type { Insertable, Kysely, QueryCreator } from 'kysely';
import { ACTOR_VALUE_NAMES, actorOfValues, actorValues, dossierVisibleTo, type ActorValues, type DossierFields, type DossierRef } from '../../access/dossier-scope.js';
import type { Actor } from '../../access/actor.js';
import type { AuditEventsTable, Database } from '../../db/schema.js';
import { statementTemplate, statementTemplates } from '../../db/statement-template.js';
import type { Role } from '../../lib/vocabulary.js';

/** The gate's view of a dossier: its core fields and its wrapped data key (null before it has one). */
export type DossierGateRow = Omit<DossierFields, 'cipher'> & { dataKeyId: string | null; wrappedKey: string | null };

type GateValues = ActorValues & { dossierId: string };

// Every operation on a dossier starts here: compiled once per role and lock (statement-template.ts).
const gateStatement = statementTemplates((shape: `${Role}:${'lock' | 'read'}`) => {
  const [role, mode] = shape.split(':') as [Role, 'lock' | 'read'];
  return statementTemplate(['dossierId', ...ACTOR_VALUE_NAMES], (db: Kysely<Database>, values: GateValues) => {
    const query = db
      .selectFrom('dossiers')
      // The key travels with the scope check: no extra round trip on any dossier operation.
      .leftJoin('dossierKeys', 'dossierKeys.dossierId', 'dossiers.id')
      .select(['dossiers.id', 'residentId', 'locationId', 'phase', 'version', 'consentGivenAt', 'consentWithdrawnAt', 'closedAt',
        'dossierKeys.keyId as dataKeyId', 'dossierKeys.wrappedKey'])
      .where('dossiers.id', '=', values.dossierId)
      .where(dossierVisibleTo(actorOfValues(role, values)))
      // No scope shows an erased dossier's remainder, the only row without a resident.
      .$narrowType<{ residentId: string }>();
    // FOR UPDATE serializes writes to one dossier, so derived state (version, overview confirmation)
    // never interleaves. Row locks are per transaction; reads never take them.
    return mode === 'lock' ? query.forUpdate('dossiers') : query;
  });
});

export async function findVisibleDossierCore(db: Kysely<Database>, actor: Actor, dossierId: string, lock: boolean): Promise<DossierGateRow | undefined> {
  const [row] = await gateStatement(`${actor.role}:${lock ? 'lock' : 'read'}`)(db, { ...actorValues(actor), dossierId });
  return row;
}

/**
 * The system's door (housekeeping, where no person and so no scope acts): one dossier by id, locked.
 * An erased dossier's remainder is nobody's, the system's neither.
 */
export async function findDossierForSystem(db: Kysely<Database>, dossierId: string): Promise<Omit<DossierFields, 'cipher'> | undefined> {
  return db.selectFrom('dossiers')
    .select(['id', 'residentId', 'locationId', 'phase', 'version', 'consentGivenAt', 'consentWithdrawnAt', 'closedAt'])
    .where('id', '=', dossierId).where('erasedAt', 'is', null)
    .$narrowType<{ residentId: string }>()
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The data key of a dossier without one at the gate's look: under a share lock for a read, so a
 * key rotation that gives the dossier its key and re-encrypts its values waits or has committed,
 * and in its own statement, so it sees what that rotation committed.
 */
export async function findDataKeyAfterLock(db: Kysely<Database>, dossierId: string, lockForRead: boolean) {
  if (lockForRead) await db.selectFrom('dossiers').select('id').where('id', '=', dossierId).forShare().execute();
  return db.selectFrom('dossierKeys').select(['keyId', 'wrappedKey']).where('dossierId', '=', dossierId).executeTakeFirst();
}

/** Stores a dossier's first data key (a dossier from before per-dossier keys, at its first write). */
export async function insertDataKey(db: Kysely<Database>, dossierId: string, dataKey: { keyId: string; wrappedKey: string }) {
  await db.insertInto('dossierKeys').values({ dossierId, ...dataKey }).execute();
}

/**
 * Every write to a dossier's data moves its version: GET /dossiers/{id} shows the whole dossier, so
 * its ETag must change when any part does (a resident confirms exactly the overview they saw).
 * The mark and the write's audit row are one statement (an UPDATE in a CTE beside the INSERT),
 * which also clears a confirmed overview the write made stale.
 */
const AUDIT_COLUMNS = ['action', 'outcome', 'actorUserId', 'actorRole', 'dossierId', 'subjectUserId', 'requestId', 'details'] as const;
export type TouchAudit = { [K in (typeof AUDIT_COLUMNS)[number]]-?: Insertable<AuditEventsTable>[K] };
type TouchValues = TouchAudit & { touchedId: string; now: Date };

// Compiled once per combination of what the write changes (statement-template.ts).
const touchStatement = statementTemplates((shape: `${boolean}:${boolean}`) => {
  const [bumpVersion, clearOverviewConfirmation] = shape.split(':').map((flag) => flag === 'true');
  return statementTemplate(['touchedId', 'now', ...AUDIT_COLUMNS], (db: Kysely<Database>, values: TouchValues) => db
    .with('touched', (qb) => qb.updateTable('dossiers')
      .set((eb) => ({
        updatedAt: values.now,
        ...(bumpVersion ? { version: eb('version', '+', 1) } : {}),
        ...(clearOverviewConfirmation ? { overviewConfirmedAt: null, overviewConfirmedBy: null } : {}),
      }))
      .where('id', '=', values.touchedId))
    .insertInto('auditEvents')
    .values(Object.fromEntries(AUDIT_COLUMNS.map((column) => [column, values[column]])) as TouchAudit));
});

export async function touchDossierAndAudit(
  db: Kysely<Database>, dossierId: string,
  touch: { now: Date; bumpVersion: boolean; clearOverviewConfirmation: boolean },
  audit: TouchAudit,
) {
  await touchStatement(`${touch.bumpVersion}:${touch.clearOverviewConfirmation}`)(db, { ...audit, touchedId: dossierId, now: touch.now });
}

/**
 * The end both one-statement writes share, after their `written` CTE: the mark on the dossier row
 * and the audit row as CTEs, and the written row as the statement's result.
 */
function markAuditAndReturnWritten(
  query: QueryCreator<any>, values: Record<string, unknown>, mark: { bumpVersion: boolean; clearOverviewConfirmation: boolean },
) {
  return query
    .with('touched', (qc) => qc.updateTable('dossiers')
      .set((eb: any) => ({
        updatedAt: values.now,
        ...(mark.bumpVersion ? { version: eb('version', '+', 1) } : {}),
        ...(mark.clearOverviewConfirmation ? { overviewConfirmedAt: null, overviewConfirmedBy: null } : {}),
      }))
      .where('id', '=', values.touchedId))
    .with('audited', (qc) => qc.insertInto('auditEvents').values(Object.fromEntries(AUDIT_COLUMNS.map((column) => [column, values[column]]))))
    .selectFrom('written').selectAll();
}

/**
 * A new row of one of the dossier's tables, inserted by the same statement as the mark on the
 * dossier row and the audit row: one round trip instead of two. Compiled once per table, set of
 * columns and kind of mark, and prepared per connection like the mark alone (a create fills every
 * column of its table, so each table has one or two shapes).
 */
const insertTouchStatement = statementTemplates((shape: string) => {
  const { table, bumpVersion, clearOverviewConfirmation, columns } = JSON.parse(shape) as {
    table: string; bumpVersion: boolean; clearOverviewConfirmation: boolean; columns: string[];
  };
  const names = [...columns.map((column) => `row.${column}`), 'touchedId', 'now', ...AUDIT_COLUMNS];
  type Values = Record<string, unknown>;
  // The table is a value of the shape, so the builder cannot be typed by it: the columns come from
  // a row the caller's own types checked (NewChildRow), the rest is typed as in touchStatement.
  return statementTemplate<Values, Record<string, unknown>>(names, (db, values) => markAuditAndReturnWritten((db as unknown as Kysely<any>)
    .with('written', (qc) => qc.insertInto(table).values(Object.fromEntries(columns.map((column) => [column, values[`row.${column}`]]))).returningAll()),
  values, { bumpVersion, clearOverviewConfirmation }));
});

export async function insertTouchAndAudit(
  db: Kysely<Database>, dossierId: string,
  touch: { now: Date; bumpVersion: boolean; clearOverviewConfirmation: boolean },
  audit: TouchAudit,
  table: string, row: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const columns = Object.keys(row).filter((column) => row[column] !== undefined).sort();
  const shape = JSON.stringify({ table, bumpVersion: touch.bumpVersion, clearOverviewConfirmation: touch.clearOverviewConfirmation, columns });
  const values: Record<string, unknown> = { ...audit, touchedId: dossierId, now: touch.now };
  for (const column of columns) values[`row.${column}`] = row[column];
  const [written] = await insertTouchStatement(shape)(db, values);
  if (!written) throw new Error('an insert returned no row');
  return written;
}

/**
 * The same for an edit of one row with If-Match: the update (no row when the version is stale),
 * the mark and the audit row in one prepared statement, compiled once per table, set of changed
 * columns and kind of mark. An edit whose shape is new after `MAX_UPDATE_SHAPES` others answers
 * undefined: the caller then sends the update and the mark apart, so the statements a connection
 * keeps prepared stay bounded whatever the bodies.
 */
const MAX_UPDATE_SHAPES = 64;
const updateShapes = new Set<string>();
const updateTouchStatement = statementTemplates((shape: string) => {
  const { table, bumpVersion, clearOverviewConfirmation, columns } = JSON.parse(shape) as {
    table: string; bumpVersion: boolean; clearOverviewConfirmation: boolean; columns: string[];
  };
  const names = [...columns.map((column) => `row.${column}`), 'rowId', 'rowVersion', 'touchedId', 'now', ...AUDIT_COLUMNS];
  type Values = Record<string, unknown>;
  // As insertTouchStatement: the columns come from changes the caller's own types checked.
  return statementTemplate<Values, Record<string, unknown>>(names, (db, values) => markAuditAndReturnWritten((db as unknown as Kysely<any>)
    .with('written', (qc) => qc.updateTable(table)
      .set((eb: any) => ({
        ...Object.fromEntries(columns.map((column) => [column, values[`row.${column}`]])),
        updatedAt: values.now,
        version: eb('version', '+', 1),
      }))
      .where('dossierId', '=', values.touchedId).where('id', '=', values.rowId).where('version', '=', values.rowVersion)
      .returningAll()),
  values, { bumpVersion, clearOverviewConfirmation }));
});

/** The edited row, null when its version was stale (or it is gone), undefined when the caller must send the edit apart. */
export async function updateTouchAndAudit(
  db: Kysely<Database>, dossierId: string,
  touch: { now: Date; bumpVersion: boolean; clearOverviewConfirmation: boolean },
  audit: TouchAudit,
  table: string, row: { id: string; version: number; changes: Record<string, unknown> },
): Promise<Record<string, unknown> | null | undefined> {
  const columns = Object.keys(row.changes).filter((column) => row.changes[column] !== undefined).sort();
  const shape = JSON.stringify({ table, bumpVersion: touch.bumpVersion, clearOverviewConfirmation: touch.clearOverviewConfirmation, columns });
  if (!updateShapes.has(shape)) {
    if (updateShapes.size >= MAX_UPDATE_SHAPES) return undefined;
    updateShapes.add(shape);
  }
  const values: Record<string, unknown> = { ...audit, touchedId: dossierId, now: touch.now, rowId: row.id, rowVersion: row.version };
  for (const column of columns) values[`row.${column}`] = row.changes[column];
  const [written] = await updateTouchStatement(shape)(db, values);
  return written ?? null;
}

/** Any change to debts, incomes, expenses or the household makes the confirmed overview stale. */
export async function clearOverviewConfirmation(db: Kysely<Database>, dossier: DossierRef) {
  await db.updateTable('dossiers')
    .set({ overviewConfirmedAt: null, overviewConfirmedBy: null })
    .where('id', '=', dossier.id)
    .where('overviewConfirmedAt', 'is not', null)
    .execute();
}
