// The one way into a dossier: by id, through the caller's scope, optionally locked for a write.
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type QueryCreator } from 'kysely';
import { ACTOR_VALUE_NAMES, actorOfValues, actorValues, dossierVisibleTo, type ActorValues, type DossierFields, type DossierRef } from '../../access/dossier-scope.js';
import { liveSessionOf, type Actor, type SessionClaims } from '../../access/actor.js';
import type { AuditEventsTable, Database, IdempotencyKeysTable } from '../../db/schema.js';
import { statementTemplate, statementTemplates } from '../../db/statement-template.js';
import { CHILD_COLUMNS, type ChildTable } from './dossier-children.repository.js';
import type { WrappedDataKey } from '../../lib/dossier-keys.js';
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

/**
 * What every write sets on the dossier row it marks: the time, the version (unless the work moves
 * it itself) and, when the write makes it stale, no confirmed overview any more.
 */
function dossierMark(now: unknown, mark: { bumpVersion: boolean; clearOverviewConfirmation: boolean }) {
  return (eb: ExpressionBuilder<Database, 'dossiers'>) => ({
    updatedAt: now as Date,
    ...(mark.bumpVersion ? { version: eb('version', '+', 1) } : {}),
    ...(mark.clearOverviewConfirmation ? { overviewConfirmedAt: null, overviewConfirmedBy: null } : {}),
  });
}

// Compiled once per combination of what the write changes (statement-template.ts).
const touchStatement = statementTemplates((shape: `${boolean}:${boolean}`) => {
  const [bumpVersion = false, clearOverviewConfirmation = false] = shape.split(':').map((flag) => flag === 'true');
  return statementTemplate(['touchedId', 'now', ...AUDIT_COLUMNS], (db: Kysely<Database>, values: TouchValues) => db
    .with('touched', (qb) => qb.updateTable('dossiers')
      .set(dossierMark(values.now, { bumpVersion, clearOverviewConfirmation }))
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
      .set(dossierMark(values.now, mark) as never)
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
  const [written] = await insertTouchStatement(shape)(db, { ...audit, touchedId: dossierId, now: touch.now, row });
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
  const [written] = await updateTouchStatement(shape)(db, { ...audit, touchedId: dossierId, now: touch.now, rowId: row.id, rowVersion: row.version, row: row.changes });
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

/** SQLSTATE of `one_statement_write_applied` (migration 2026_12_02_1300): the write changed nothing. */
const ONE_STATEMENT_WRITE_REFUSED = 'SS001';

export type OneStatementRow =
  /** `remember`: a create's Idempotency-Key record, stored with the row. */
  | { kind: 'insert'; row: Record<string, unknown>; remember?: Insertable<IdempotencyKeysTable> }
  | { kind: 'update'; id: string; version: number; changes: Record<string, unknown> };

type OneStatementValues = Record<string, unknown>;
const ONE_STATEMENT_AUDIT = AUDIT_COLUMNS.filter((column) => column !== 'dossierId');

/**
 * A create or an edit of one row of a dossier's tables as ONE statement, for a caller known only by
 * its token's claims: the session (liveSessionOf), the scope, the lock on the dossier row and its
 * writable state (all in the UPDATE that marks it), the data key the values were encrypted with,
 * the row, and the audit row. The row goes to the dossier the mark found, so without the mark
 * nothing is written; when the row is not written (no mark, or a stale version) the guard function
 * fails the whole statement, so the mark and the audit row (CTEs always run) go too. A create with
 * an Idempotency-Key also stores its record, from the mark as well, and only while the caller has
 * no record under that key: a repeat, a reuse or an expired record is the general path's to answer,
 * and a concurrent first use of the key fails this statement on the key's primary key (then that
 * path waits for the other's record and replays it). Compiled once per table, role, kind, set of
 * columns, mark and whether a record is stored.
 */
const oneStatementWrite = statementTemplates((shape: string) => {
  const { table, role, kind, columns, clearOverviewConfirmation, remembers } = JSON.parse(shape) as {
    table: ChildTable; role: Role; kind: OneStatementRow['kind']; columns: string[]; clearOverviewConfirmation: boolean; remembers: boolean;
  };
  const names = [
    ...columns.map((column) => `row.${column}`), 'rowId', 'rowVersion', 'dossierId', 'now', 'actorId', 'actorSessionId', 'keyId', 'wrappedKey',
    ...ONE_STATEMENT_AUDIT, ...(remembers ? RECORD_COLUMNS.map((column) => `record.${column}`) : []),
  ];
  return statementTemplate<OneStatementValues, Record<string, unknown>>(names, (db, values) => {
    const markedDossier = sql<string>`(select id from touched)`;
    const rowValues = Object.fromEntries(columns.map((column) => [column, values[`row.${column}`]]));
    const statement = (db as unknown as Kysely<any>)
      .with('session', (qc) => qc.selectNoFrom((eb: any) => liveSessionOf(role, values as never)(eb).as('live')))
      .with('touched', (qc) => qc.updateTable('dossiers')
        .set(dossierMark(values.now, { bumpVersion: true, clearOverviewConfirmation }) as never)
        .where('id', '=', values.dossierId)
        .where(dossierVisibleTo({ role, userId: values.actorId as string }) as never)
        // assertWritable's rules for a write without exceptions: consent given and standing, not closed.
        .where('consentGivenAt', 'is not', null).where('consentWithdrawnAt', 'is', null).where('phase', '<>', 'closed')
        .where((eb: any) => eb.exists(eb.selectFrom('session').select('live').where('live', '=', true)))
        .where((eb: any) => eb.exists(eb.selectFrom('dossierKeys').select('dossierKeys.dossierId')
          .whereRef('dossierKeys.dossierId', '=', 'dossiers.id')
          .where('dossierKeys.keyId', '=', values.keyId).where('dossierKeys.wrappedKey', '=', values.wrappedKey)))
        .$if(remembers, (qb: any) => qb.where((eb: any) => eb.not(eb.exists(eb.selectFrom('idempotencyKeys').select('idempotencyKeys.key')
          .where('idempotencyKeys.userId', '=', values['record.userId']).where('idempotencyKeys.key', '=', values['record.key'])))))
        // What the mark left on the dossier row: the caller brings the views it keeps up to date with it (view-patch.ts).
        .returning(['id', 'version', 'updatedAt', 'overviewConfirmedAt', 'overviewConfirmedBy',
          sql<string>`view_revision::text`.as('viewRevision'), sql<string | null>`prior_view_revision::text`.as('priorViewRevision')]))
      .with('written', (qc) => (kind === 'insert'
        // INSERT … SELECT from the mark: no mark, no row. PostgreSQL types each value by its column.
        // It answers only the columns the caller did not give (the dossier, the version, defaults):
        // the caller has the rest, so 30 values need not come back and be parsed again.
        ? qc.insertInto(table).columns([...columns, 'dossierId'])
          .expression((eb: any) => eb.selectFrom('touched').select([...columns.map((column) => eb.val(rowValues[column]).as(column)), 'touched.id as dossierId']))
          .returning(Object.keys(CHILD_COLUMNS[table]).filter((column) => !columns.includes(column)))
        : qc.updateTable(table)
          .set((eb: any) => ({ ...rowValues, updatedAt: values.now, version: eb('version', '+', 1) }))
          .where('dossierId', '=', markedDossier).where('id', '=', values.rowId).where('version', '=', values.rowVersion)
          .returningAll()))
      .with('audited', (qc) => qc.insertInto('auditEvents').values({
        ...Object.fromEntries(ONE_STATEMENT_AUDIT.map((column) => [column, values[column]])),
        dossierId: markedDossier,
      }));
    const withRecord = remembers
      ? statement.with('remembered', (qc) => qc.insertInto('idempotencyKeys').columns([...RECORD_COLUMNS])
        .expression((eb: any) => eb.selectFrom('touched').select(RECORD_COLUMNS.map((column) => eb.val(values[`record.${column}`]).as(column)))))
      : statement;
    // The guard is the outer side of the join, so it is evaluated whatever `written` holds.
    return withRecord
      .selectFrom(sql`(select one_statement_write_applied(exists (select 1 from written)) as applied)`.as('guard'))
      .leftJoin('written', (join: any) => join.onTrue())
      .leftJoin('touched', (join: any) => join.onTrue())
      .selectAll('written')
      .select(MARK_COLUMNS.map((column) => `touched.${column} as ${MARK_PREFIX}${column}`));
  });
});

// The mark's columns come back beside the written row's, under names no table column has.
const MARK_COLUMNS = ['version', 'updatedAt', 'overviewConfirmedAt', 'overviewConfirmedBy', 'viewRevision', 'priorViewRevision'] as const;
const MARK_PREFIX = 'mark$';

/** The dossier row after a one-statement write's mark, with the revisions before and after it (as text). */
export interface DossierMarkAfterWrite {
  version: number;
  updatedAt: Date;
  overviewConfirmedAt: Date | null;
  overviewConfirmedBy: string | null;
  viewRevision: string;
  /** Null only for a dossier not written since the revision's predecessor was first recorded. */
  priorViewRevision: string | null;
}

const RECORD_COLUMNS = ['userId', 'key', 'operation', 'requestHash', 'statusCode', 'responseBody', 'createdAt'] as const;
/** SQLSTATE unique_violation: here, another first use of the same Idempotency-Key committed first. */
const UNIQUE_VIOLATION = '23505';

// Edits name any subset of a table's columns: past this many shapes, the general path takes new ones,
// so the statements a connection keeps prepared stay bounded whatever the bodies.
const MAX_ONE_STATEMENT_SHAPES = 64;
const oneStatementShapes = new Set<string>();

/**
 * The written row and the dossier's mark; undefined when the statement changed nothing (any
 * refusal, see above) or the write's shape is one too many: the caller then takes the general path.
 */
export async function writeRowInOneStatement(
  db: Kysely<Database>,
  write: {
    table: ChildTable; caller: SessionClaims; now: Date; dossierId: string; dataKey: WrappedDataKey;
    clearOverviewConfirmation: boolean; audit: Omit<TouchAudit, 'dossierId'>; row: OneStatementRow;
  },
): Promise<{ row: Record<string, unknown>; mark: DossierMarkAfterWrite } | undefined> {
  const { row } = write;
  const remember = row.kind === 'insert' ? row.remember : undefined;
  const given = row.kind === 'insert' ? row.row : row.changes;
  const columns = Object.keys(given).filter((column) => given[column] !== undefined).sort();
  const shape = JSON.stringify({
    table: write.table, role: write.caller.role, kind: row.kind, columns, clearOverviewConfirmation: write.clearOverviewConfirmation,
    remembers: remember !== undefined,
  });
  if (!oneStatementShapes.has(shape)) {
    if (oneStatementShapes.size >= MAX_ONE_STATEMENT_SHAPES) return undefined;
    oneStatementShapes.add(shape);
  }
  const { audit } = write;
  // A literal of one shape every call (no spread, no computed keys): V8 keeps its stores fast.
  const values: OneStatementValues = {
    action: audit.action, outcome: audit.outcome, actorUserId: audit.actorUserId, actorRole: audit.actorRole,
    subjectUserId: audit.subjectUserId, requestId: audit.requestId, details: audit.details,
    dossierId: write.dossierId, now: write.now, actorId: write.caller.userId, actorSessionId: write.caller.sessionId,
    keyId: write.dataKey.keyId, wrappedKey: write.dataKey.wrappedKey,
    rowId: row.kind === 'update' ? row.id : null, rowVersion: row.kind === 'update' ? row.version : null,
    row: given, record: remember,
  };
  try {
    const [result] = await oneStatementWrite(shape)(db, values);
    if (!result) return undefined;
    const written: Record<string, unknown> = {};
    const mark: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(result)) {
      if (column.startsWith(MARK_PREFIX)) mark[column.slice(MARK_PREFIX.length)] = value;
      else written[column] = value;
    }
    // An insert answered only what the caller did not give; its row is both.
    return { row: row.kind === 'insert' ? { ...given, ...written } : written, mark: mark as unknown as DossierMarkAfterWrite };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === ONE_STATEMENT_WRITE_REFUSED || (remember && code === UNIQUE_VIOLATION)) return undefined;
    throw error;
  }
}
