// docs/privacy/data-inventory.yaml against the migrated schema: every column classified, nothing
// listed that does not exist, and the classifications consistent with what the schema says.
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useTestDb } from '../support/db.js';

const t = useTestDb();

interface ColumnEntry {
  category: string;
  encrypted?: boolean;
  exported?: boolean;
  purpose?: string;
  legal_basis?: string;
  erasure?: string;
  retention?: string;
}

interface TableEntry {
  purpose: string;
  legal_basis: string;
  exported: boolean;
  erasure: string;
  retention: string;
  columns: Record<string, ColumnEntry>;
}

interface Inventory {
  categories: Record<string, string>;
  legal_bases: Record<string, string>;
  erasure_effects: Record<string, string>;
  tables: Record<string, TableEntry>;
}

let inventory: Inventory;
let schemaColumns: { table: string; column: string }[];

beforeAll(async () => {
  inventory = parse(await readFile(new URL('../../docs/privacy/data-inventory.yaml', import.meta.url), 'utf8')) as Inventory;
  const { rows } = await sql<{ table: string; column: string }>`
    SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(t.db);
  schemaColumns = rows;
});

function effective(table: TableEntry, column: ColumnEntry) {
  return {
    category: column.category,
    encrypted: column.encrypted ?? false,
    exported: column.exported ?? table.exported,
    purpose: column.purpose ?? table.purpose,
    legalBasis: column.legal_basis ?? table.legal_basis,
    erasure: column.erasure ?? table.erasure,
    retention: column.retention ?? table.retention,
  };
}

function listed(): { table: string; column: string; entry: ReturnType<typeof effective> }[] {
  return Object.entries(inventory.tables).flatMap(([table, tableEntry]) =>
    Object.entries(tableEntry.columns ?? {}).map(([column, entry]) => ({ table, column, entry: effective(tableEntry, entry) })));
}

describe('the data inventory', () => {
  it('lists every column of the schema', () => {
    const known = new Set(listed().map(({ table, column }) => `${table}.${column}`));
    const missing = schemaColumns.map(({ table, column }) => `${table}.${column}`).filter((name) => !known.has(name));
    expect(missing, 'columns without an entry in docs/privacy/data-inventory.yaml').toEqual([]);
  });

  it('lists no column the schema does not have', () => {
    const existing = new Set(schemaColumns.map(({ table, column }) => `${table}.${column}`));
    const stale = listed().map(({ table, column }) => `${table}.${column}`).filter((name) => !existing.has(name));
    expect(stale, 'entries in docs/privacy/data-inventory.yaml without a column').toEqual([]);
  });

  it('gives every column a known category, legal basis and erasure effect, a purpose and a retention', () => {
    const problems = listed().flatMap(({ table, column, entry }) => {
      const name = `${table}.${column}`;
      return [
        entry.category in inventory.categories ? null : `${name}: category "${entry.category}"`,
        entry.legalBasis in inventory.legal_bases ? null : `${name}: legal basis "${entry.legalBasis}"`,
        entry.erasure in inventory.erasure_effects ? null : `${name}: erasure "${entry.erasure}"`,
        typeof entry.exported === 'boolean' ? null : `${name}: exported is not true or false`,
        entry.purpose?.trim() ? null : `${name}: no purpose`,
        entry.retention?.trim() ? null : `${name}: no retention`,
      ].filter((problem): problem is string => problem !== null);
    });
    expect(problems).toEqual([]);
  });

  it('marks exactly the *_encrypted columns as encrypted', () => {
    const disagree = listed()
      .filter(({ column, entry }) => entry.encrypted !== column.endsWith('_encrypted'))
      .map(({ table, column }) => `${table}.${column}`);
    expect(disagree).toEqual([]);
  });

  it('classifies every column that points at an account as identifying', async () => {
    const { rows } = await sql<{ table: string; column: string }>`
      SELECT kcu.table_name AS "table", kcu.column_name AS "column"
      FROM information_schema.referential_constraints rc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
      WHERE rc.constraint_schema = 'public' AND ccu.table_name = 'users'`.execute(t.db);
    expect(rows.length).toBeGreaterThan(10);
    const entries = new Map(listed().map(({ table, column, entry }) => [`${table}.${column}`, entry]));
    const wrong = rows.map(({ table, column }) => `${table}.${column}`).filter((name) => entries.get(name)?.category !== 'identifying');
    expect(wrong).toEqual([]);
  });

  it('keeps nothing identifying, special or free-text in the anonymous remainder of an erased dossier', () => {
    const leaking = listed()
      .filter(({ entry }) => ['kept', 'coarsened'].includes(entry.erasure) && ['identifying', 'special'].includes(entry.category))
      .map(({ table, column }) => `${table}.${column}`);
    // Exit reason and solution are counted in the statistics and coded, never free text.
    expect(leaking).toEqual(['dossiers.exit_reason']);
  });
});
