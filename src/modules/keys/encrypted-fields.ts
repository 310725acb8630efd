// Every encrypted column, with how its values are bound (the FieldContext a value was sealed with),
// so `npm run keys:rotate` can find and re-encrypt older values. A new encrypted column belongs
// here, or rotation leaves its older values behind (test/api/key-rotation.test.ts checks after a
// rotation that no value anywhere still needs the old master key).

/** A column encrypted under its dossier's data key. SQL names throughout. */
export interface DossierField {
  table: string;
  column: string;
  /** The `column` of the FieldContext the service seals the value with. */
  field: string;
  /** The column whose value is the FieldContext's `rowId`. */
  rowId: string;
  /** The column naming the dossier the row belongs to. */
  dossierId: string;
}

export const DOSSIER_FIELDS: readonly DossierField[] = [
  { table: 'dossiers', column: 'notes_encrypted', field: 'notes', rowId: 'id', dossierId: 'id' },
  { table: 'dossier_stories', column: 'text_encrypted', field: 'text', rowId: 'dossier_id', dossierId: 'dossier_id' },
  { table: 'debts', column: 'notes_encrypted', field: 'notes', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'actions', column: 'title_encrypted', field: 'title', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'actions', column: 'description_encrypted', field: 'description', rowId: 'id', dossierId: 'dossier_id' },
];

/**
 * Columns under the master key itself: the coordinator's assignment reason (metadata the
 * coordinator manages outside the dossier gate) and stored idempotent replies (per user, 24 h).
 */
export const MASTER_FIELDS = [
  { table: 'dossier_assignments', column: 'reason_encrypted', field: 'reason' },
] as const;
