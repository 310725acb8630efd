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
  { table: 'dossiers', column: 'bvv_official_source_encrypted', field: 'bvv_official_source', rowId: 'id', dossierId: 'id' },
  { table: 'dossiers', column: 'vtlb_official_source_encrypted', field: 'vtlb_official_source', rowId: 'id', dossierId: 'id' },
  { table: 'dossiers', column: 'vtlb_corrections_encrypted', field: 'vtlb_corrections', rowId: 'id', dossierId: 'id' },
  { table: 'dossier_stories', column: 'text_encrypted', field: 'text', rowId: 'dossier_id', dossierId: 'dossier_id' },
  { table: 'debts', column: 'creditor_name_encrypted', field: 'creditor_name', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'debts', column: 'collector_name_encrypted', field: 'collector_name', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'debts', column: 'reference_encrypted', field: 'reference', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'debts', column: 'notes_encrypted', field: 'notes', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'incomes', column: 'description_encrypted', field: 'description', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'expenses', column: 'description_encrypted', field: 'description', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'actions', column: 'title_encrypted', field: 'title', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'actions', column: 'description_encrypted', field: 'description', rowId: 'id', dossierId: 'dossier_id' },
  { table: 'referrals', column: 'organisation_encrypted', field: 'organisation', rowId: 'dossier_id', dossierId: 'dossier_id' },
  { table: 'handover_consents', column: 'organisation_encrypted', field: 'organisation', rowId: 'id', dossierId: 'dossier_id' },
];

/**
 * Columns under the master key itself: the coordinator's assignment reason (metadata the
 * coordinator manages outside the dossier gate), every account's name (read outside any one
 * dossier: caseload, access log, sign-in; lib/display-name.ts) and stored idempotent replies
 * (per user, 24 h).
 */
export const MASTER_FIELDS = [
  { table: 'dossier_assignments', column: 'reason_encrypted', field: 'reason' },
  { table: 'users', column: 'display_name_encrypted', field: 'display_name' },
] as const;
