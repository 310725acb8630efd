// A kept view brought up to date by this process's own write of one row (docs/architecture.md,
// "The hot paths"). The maatje's every step is a save and then the dossier and its overview again;
// dropping the kept views at the save made both reads rebuild everything from the database. The
// write's statement knows the row it wrote and what its mark left on the dossier row, and the
// trigger that moves the revision records the one before it, so a view kept at exactly that
// earlier revision becomes the view of the new one by putting the row in its place and building
// it again from the rows it was built from. Anything this cannot show to be exact drops the view
// instead, as before: a section that does not say how a row write changes it, a new row that does
// not sort last, an edited row the view does not hold, a view of another revision.
import type { JsonSection } from '../../db/json-rows.js';
import { sectionAfterRowWrite } from '../../db/section-writes.js';
import type { ChildTable } from './dossier-children.repository.js';
import type { DossierMarkAfterWrite } from './dossier-gate.repository.js';
import type { DossierRead } from './dossier-gate.service.js';

export interface RowWrite {
  table: ChildTable;
  kind: 'insert' | 'update';
  /** The row as stored, every column. */
  row: Record<string, unknown>;
  mark: DossierMarkAfterWrite;
}

type AnyRead = DossierRead<Record<string, JsonSection<unknown>>>;

const timeOf = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN);

/** The row with the section's columns, or undefined when it lacks one. Rows are never changed in place, so a whole row is shared. */
function projected(row: Record<string, unknown>, columns: readonly string[] | undefined): Record<string, unknown> | undefined {
  if (columns === undefined) return row;
  const shown: Record<string, unknown> = {};
  for (const column of columns) {
    if (!(column in row)) return undefined;
    shown[column] = row[column];
  }
  return shown;
}

function rowsAfter(rows: Record<string, unknown>[], write: RowWrite, columns: readonly string[] | undefined): Record<string, unknown>[] | undefined {
  const shown = projected(write.row, columns);
  if (shown === undefined) return undefined;
  if (write.kind === 'update') {
    const at = rows.findIndex((row) => row.id === write.row.id);
    if (at < 0) return undefined;
    const next = rows.slice();
    next[at] = shown;
    return next;
  }
  // (created_at, id) order: a new row goes last only when it is strictly later than every row, to
  // the millisecond (the database keeps microseconds; a tie could sort either way by id).
  const created = timeOf(write.row.createdAt);
  if (!Number.isFinite(created)) return undefined;
  for (const row of rows) {
    const other = timeOf(row.createdAt);
    if (!Number.isFinite(other) || other >= created) return undefined;
  }
  return [...rows, shown];
}

/**
 * The read `found` (of `sections`) as it reads after `write`, or undefined when that cannot be
 * shown to be exact. Pure: `found` is not changed.
 */
export function readAfterRowWrite(found: AnyRead, sections: Record<string, JsonSection<unknown>>, write: RowWrite): AnyRead | undefined {
  const results: Record<string, unknown> = {};
  for (const [name, section] of Object.entries(sections)) {
    const rule = sectionAfterRowWrite(section);
    const current = found.sections[name];
    if (rule === undefined) return undefined;
    if (rule === 'unchanged' || rule.rowsOf !== write.table) {
      results[name] = current;
      continue;
    }
    const rows = rowsAfter(current as Record<string, unknown>[], write, rule.columns);
    if (rows === undefined) return undefined;
    results[name] = rows;
  }
  const { mark } = write;
  return {
    // The same gated dossier (the write's own statement checked the scope again), at its new version.
    dossier: { ...found.dossier, version: mark.version },
    row: {
      ...found.row,
      version: mark.version,
      updatedAt: mark.updatedAt,
      overviewConfirmedAt: mark.overviewConfirmedAt,
      overviewConfirmedBy: mark.overviewConfirmedBy,
    },
    sections: results,
  };
}
