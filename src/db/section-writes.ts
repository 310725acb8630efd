// How a write of one row changes a section of a one-statement read (json-rows.ts), declared where
// the section is defined: a process that wrote one row may then bring a view it keeps up to date
// instead of reading it again (src/modules/dossiers/view-patch.ts). A section that declares nothing
// is taken to change in ways nobody wrote down, and such a view is read again.
import type { JsonSection } from './json-rows.js';
import type { Database } from './schema.js';

export type SectionAfterRowWrite =
  /** The section is the rows of `table` in (created_at, id) order, each with `columns` (every column when absent). */
  | { rowsOf: keyof Database; columns?: readonly string[] }
  /** The section reads none of the tables whose rows such a write writes (a dossier's debts, incomes, expenses, actions). */
  | 'unchanged';

const declared = new WeakMap<object, SectionAfterRowWrite>();

/** Declares `section` the rows of `table` in (created_at, id) order, with `columns` when it shows only those. */
export function rowsOfTable<S extends JsonSection<unknown[]>>(section: S, table: keyof Database, columns?: readonly string[]): S {
  declared.set(section, columns === undefined ? { rowsOf: table } : { rowsOf: table, columns });
  return section;
}

/** Declares that `section` reads none of the tables of a dossier's rows (debts, incomes, expenses, actions). */
export function unchangedByRowWrites<S extends JsonSection<unknown>>(section: S): S {
  declared.set(section, 'unchanged');
  return section;
}

/** What `section` declared, or undefined. */
export function sectionAfterRowWrite(section: JsonSection<unknown>): SectionAfterRowWrite | undefined {
  return declared.get(section);
}
