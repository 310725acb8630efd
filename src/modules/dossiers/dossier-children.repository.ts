// Rows that belong to one dossier and carry their own version (debts, incomes, expenses, actions):
// the same scoped reads, version-checked writes and keyset pages for each of them.
import { expressionBuilder, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { jsonRowsSection, type JsonSection, type TimestampColumns } from '../../db/json-rows.js';
import type { Database } from '../../db/schema.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';
import type { DossierRef } from '../../access/dossier-scope.js';

export type ChildTable = 'debts' | 'incomes' | 'expenses' | 'actions';

// Kysely cannot type a query over "one of several tables"; the table-specific types are restored
// at this module's boundary, and every query below names the columns all child tables share.
const untyped = (db: Kysely<Database>) => db as unknown as Kysely<any>;

export async function listChildren<T extends ChildTable>(
  db: Kysely<Database>, table: T, dossier: DossierRef, page?: { limit: number; after?: Cursor },
): Promise<(Selectable<Database[T]> & { cursorTime: string })[]> {
  let query = untyped(db).selectFrom(table as string).selectAll().select(cursorTime(`${table}.createdAt`).as('cursorTime'))
    .where('dossierId', '=', dossier.id).orderBy('createdAt').orderBy('id');
  if (page) {
    query = query.limit(page.limit + 1);
    if (page.after) query = query.where(afterCursor(`${table}.createdAt`, `${table}.id`, page.after));
  }
  return (await query.execute()) as (Selectable<Database[T]> & { cursorTime: string })[];
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
    (dossierId) => expressionBuilder<any>().selectFrom(table as string).selectAll().where('dossierId', '=', dossierId),
    'created_at, id',
    CHILD_TIMESTAMPS[table],
  );
}

export async function findChild<T extends ChildTable>(
  db: Kysely<Database>, table: T, dossier: DossierRef, id: string,
): Promise<Selectable<Database[T]> | undefined> {
  return (await untyped(db).selectFrom(table as string).selectAll().where('dossierId', '=', dossier.id).where('id', '=', id)
    .executeTakeFirst()) as Selectable<Database[T]> | undefined;
}

export async function insertChild<T extends ChildTable>(
  db: Kysely<Database>, table: T, dossier: DossierRef, values: Omit<Insertable<Database[T]>, 'dossierId'>,
): Promise<Selectable<Database[T]>> {
  return (await untyped(db).insertInto(table as string).values({ ...values, dossierId: dossier.id }).returningAll()
    .executeTakeFirstOrThrow()) as Selectable<Database[T]>;
}

/** The version check and the write are one statement: no lost update can slip between them. */
export async function updateChildIfVersion<T extends ChildTable>(
  db: Kysely<Database>, table: T, dossier: DossierRef, id: string, version: number, changes: Updateable<Database[T]>,
): Promise<Selectable<Database[T]> | undefined> {
  return (await untyped(db)
    .updateTable(table as string)
    .set((eb) => ({ ...(changes as Record<string, unknown>), version: eb('version', '+', 1) }))
    .where('dossierId', '=', dossier.id)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()) as Selectable<Database[T]> | undefined;
}

export async function deleteChildIfVersion(
  db: Kysely<Database>, table: ChildTable, dossier: DossierRef, id: string, version: number,
): Promise<boolean> {
  const result = await untyped(db)
    .deleteFrom(table)
    .where('dossierId', '=', dossier.id)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
