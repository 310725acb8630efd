// Rows that belong to one dossier and carry their own version (debts, incomes, expenses, actions):
// the same scoped reads, version-checked writes and keyset pages for each of them.
import { expressionBuilder, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { jsonRowsSection, type JsonSection, type TimestampColumns } from '../../db/json-rows.js';
import type { Database } from '../../db/schema.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';
import type { DossierRef } from '../../access/dossier-scope.js';

export type ChildTable = 'debts' | 'incomes' | 'expenses' | 'actions';

/** The columns every child table has, with the same types; the only ones the queries below name. */
type SharedChildColumns = Pick<Database[ChildTable], 'id' | 'dossierId' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy'>;
type ChildDatabase = { [T in ChildTable]: SharedChildColumns };

/** Written by this module, never by a resource: the key, the owner, the version and the timestamps. */
export type ManagedChildColumn = 'id' | 'dossierId' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy';

// Kysely cannot type a query over "one of several tables" (T stays open), so the queries run on a
// view of the database in which every child table has just the shared columns: a misspelt shared
// column still fails to compile. The table-specific row types are restored at this module's
// boundary, whose parameters are typed by the table T itself.
const shared = (db: Kysely<Database>) => db as unknown as Kysely<ChildDatabase>;
const sharedValues = (values: unknown) => values as Insertable<SharedChildColumns> & Updateable<SharedChildColumns>;

export async function listChildren<T extends ChildTable>(
  db: Kysely<Database>, table: T, dossier: DossierRef, page?: { limit: number; after?: Cursor },
): Promise<(Selectable<Database[T]> & { cursorTime: string })[]> {
  let query = shared(db).selectFrom(table as ChildTable).selectAll().select(cursorTime(`${table}.createdAt`).as('cursorTime'))
    .where('dossierId', '=', dossier.id).orderBy('createdAt').orderBy('id');
  if (page) {
    query = query.limit(page.limit + 1);
    if (page.after) query = query.where(afterCursor(`${table}.createdAt`, `${table}.id`, page.after));
  }
  return (await query.execute()) as (Selectable<Database[T]> & { cursorTime: string })[];
}

/** Every column of each child table: a column added to a table's type but not here fails to compile. */
export const CHILD_COLUMNS: { [T in ChildTable]: Record<keyof Database[T] & string, true> } = {
  debts: {
    id: true, dossierId: true, catalogCreditorId: true, creditorNameEncrypted: true, creditorType: true, collectorNameEncrypted: true,
    referenceEncrypted: true, rank: true, principalCents: true, interestCents: true, collectionCostsCents: true,
    collectionCostsIncludeVat: true, creditorCanDeductVat: true, legalCostsCents: true, balanceCents: true, balanceDate: true,
    status: true, courtDate: true, arrangementAmountCents: true, arrangementFrequency: true, arrangementStartDate: true,
    excludedFromDischarge: true, notesEncrypted: true, balanceConfirmedOn: true, version: true, createdAt: true, updatedAt: true, createdBy: true,
  },
  incomes: {
    id: true, dossierId: true, kind: true, amountCents: true, frequency: true, descriptionEncrypted: true, version: true,
    createdAt: true, updatedAt: true, createdBy: true,
  },
  expenses: {
    id: true, dossierId: true, group: true, category: true, amountCents: true, frequency: true, descriptionEncrypted: true,
    version: true, createdAt: true, updatedAt: true, createdBy: true,
  },
  actions: {
    id: true, dossierId: true, titleEncrypted: true, descriptionEncrypted: true, owner: true, dueDate: true, done: true, doneAt: true,
    version: true, createdAt: true, updatedAt: true, createdBy: true,
  },
};

/**
 * A new row as its insert will store it, known before the insert: when the row gives every column
 * but its dossier and its version (which starts at 1). Undefined when it leaves a column to the
 * table's default, which only the insert itself can tell.
 */
export function plannedChildRow<T extends ChildTable>(table: T, row: Record<string, unknown>, dossierId: string): Selectable<Database[T]> | undefined {
  for (const column of Object.keys(CHILD_COLUMNS[table])) {
    if (column !== 'dossierId' && column !== 'version' && row[column] === undefined) return undefined;
  }
  return { ...row, dossierId, version: 1 } as unknown as Selectable<Database[T]>;
}

const CHILD_TIMESTAMPS: { [T in ChildTable]: TimestampColumns<Selectable<Database[T]>> } = {
  debts: { createdAt: true, updatedAt: true },
  incomes: { createdAt: true, updatedAt: true },
  expenses: { createdAt: true, updatedAt: true },
  actions: { createdAt: true, updatedAt: true, doneAt: true },
};

/** Every row of one child table, in `listChildren`'s order, as a part of a one-statement dossier read. */
export function childRowsSection<T extends ChildTable>(table: T): JsonSection<Selectable<Database[T]>[]> {
  return jsonRowsSection<Selectable<Database[T]>>(
    (dossierId) => expressionBuilder<ChildDatabase, never>().selectFrom(table as ChildTable).selectAll().where('dossierId', '=', dossierId),
    'created_at, id',
    CHILD_TIMESTAMPS[table],
  );
}

export async function findChild<T extends ChildTable>(
  db: Kysely<Database>, table: T, dossier: DossierRef, id: string,
): Promise<Selectable<Database[T]> | undefined> {
  return (await shared(db).selectFrom(table as ChildTable).selectAll().where('dossierId', '=', dossier.id).where('id', '=', id)
    .executeTakeFirst()) as Selectable<Database[T]> | undefined;
}

/** A new row with the columns every child table manages itself (for the gate's finishWithInsert). */
export function childRow<T extends ChildTable>(
  values: Omit<Insertable<Database[T]>, ManagedChildColumn>, dossier: DossierRef, managed: { id: string; now: Date; createdBy: string },
): Insertable<Database[T]> {
  return { ...unplacedChildRow(values, managed), dossierId: dossier.id } as unknown as Insertable<Database[T]>;
}

/** The same without its dossier, which a one-statement write takes from the dossier its scope found. */
export function unplacedChildRow<T extends ChildTable>(
  values: Omit<Insertable<Database[T]>, ManagedChildColumn>, managed: { id: string; now: Date; createdBy: string },
): Omit<Insertable<Database[T]>, 'dossierId'> {
  // The resource built `values` for this row alone: completed in place, since spreading them into a
  // new object cost a create 1.5 % of its server CPU.
  const row = values as Record<string, unknown>;
  row.id = managed.id;
  row.createdAt = managed.now;
  row.updatedAt = managed.now;
  row.createdBy = managed.createdBy;
  return row as unknown as Omit<Insertable<Database[T]>, 'dossierId'>;
}

/** The version check and the write are one statement: no lost update can slip between them. */
export async function updateChildIfVersion<T extends ChildTable>(
  db: Kysely<Database>, table: T, dossier: DossierRef, id: string, version: number,
  changes: Omit<Updateable<Database[T]>, ManagedChildColumn>, now: Date,
): Promise<Selectable<Database[T]> | undefined> {
  return (await shared(db)
    .updateTable(table as ChildTable)
    .set((eb) => ({ ...sharedValues(changes), updatedAt: now, version: eb('version', '+', 1) }))
    .where('dossierId', '=', dossier.id)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()) as Selectable<Database[T]> | undefined;
}

export async function deleteChildIfVersion(
  db: Kysely<Database>, table: ChildTable, dossier: DossierRef, id: string, version: number,
): Promise<boolean> {
  const result = await shared(db)
    .deleteFrom(table)
    .where('dossierId', '=', dossier.id)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
