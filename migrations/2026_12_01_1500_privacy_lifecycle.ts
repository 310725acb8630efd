import { sql, type Kysely } from 'kysely';

// The end of a dossier's life (docs/privacy/README.md): erasure requests with a cooling-off, the
// anonymous statistical remainder an erasure leaves, a ledger of erased ids to replay after a
// restore, the resident's final receipt, and the clocks retention needs.
export async function up(db: Kysely<any>): Promise<void> {
  // An erased dossier keeps only what the statistics catalogue counts, under a fresh id and without
  // its resident: resident_id is null exactly when the row is such a remainder.
  await sql`
    ALTER TABLE dossiers
      ALTER COLUMN resident_id DROP NOT NULL,
      ADD COLUMN erased_at timestamptz,
      ADD CONSTRAINT dossiers_remainder_has_no_resident CHECK ((resident_id IS NULL) = (erased_at IS NOT NULL))`.execute(db);
  // Retention closes long-inactive dossiers as dropped out.
  await sql`
    ALTER TABLE dossiers DROP CONSTRAINT dossiers_exit_reason_check,
      ADD CONSTRAINT dossiers_exit_reason_check CHECK (exit_reason IN ('afgerond', 'zelf_geregeld', 'doorverwezen',
        'verhuisd', 'overleden', 'niet_verschenen', 'ingetrokken', 'niet_passend', 'uitgevallen', 'overig'))`.execute(db);
  // A remainder keeps the referral's route and status for the statistics, never the organisation's name.
  await sql`
    ALTER TABLE referrals DROP CONSTRAINT referrals_organisation_check,
      ADD CONSTRAINT referrals_organisation_check CHECK (length(organisation) <= 200)`.execute(db);
  // Staff who stop signing in are disabled after a while; sessions get cleaned, so keep the moment.
  await sql`ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz`.execute(db);

  await sql`
    CREATE TABLE erasure_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      channel text NOT NULL CHECK (channel IN ('app', 'paper')),
      requested_at timestamptz NOT NULL,
      requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
      due_at timestamptz NOT NULL,
      cancelled_at timestamptz,
      -- The receipt this request will complete; the link goes when the request does.
      receipt_code_hmac bytea NOT NULL,
      CHECK (due_at >= requested_at)
    )`.execute(db);
  // At most one pending request per dossier; cancelled ones stay as history until the dossier goes.
  await sql`CREATE UNIQUE INDEX erasure_requests_one_pending ON erasure_requests (dossier_id) WHERE cancelled_at IS NULL`.execute(db);
  await sql`CREATE INDEX erasure_requests_due_idx ON erasure_requests (due_at) WHERE cancelled_at IS NULL`.execute(db);

  // Ids only: which dossiers and accounts were erased, so a restored backup can erase them again.
  await sql`
    CREATE TABLE erasure_ledger (
      dossier_id uuid PRIMARY KEY,
      resident_id uuid,
      erased_at timestamptz NOT NULL,
      reason text NOT NULL CHECK (reason IN ('request', 'retention', 'replay'))
    )`.execute(db);

  // The resident's proof of erasure, found by an HMAC of the code they were given; no ids at all.
  await sql`
    CREATE TABLE erasure_receipts (
      code_hmac bytea PRIMARY KEY,
      requested_at timestamptz NOT NULL,
      erased_at timestamptz,
      categories text[] NOT NULL DEFAULT '{}',
      expires_at timestamptz NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE erasure_receipts`.execute(db);
  await sql`DROP TABLE erasure_ledger`.execute(db);
  await sql`DROP TABLE erasure_requests`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN last_sign_in_at`.execute(db);
  await sql`
    ALTER TABLE referrals DROP CONSTRAINT referrals_organisation_check,
      ADD CONSTRAINT referrals_organisation_check CHECK (length(organisation) BETWEEN 1 AND 200)`.execute(db);
  await sql`
    ALTER TABLE dossiers DROP CONSTRAINT dossiers_exit_reason_check,
      ADD CONSTRAINT dossiers_exit_reason_check CHECK (exit_reason IN ('afgerond', 'zelf_geregeld', 'doorverwezen',
        'verhuisd', 'overleden', 'niet_verschenen', 'ingetrokken', 'niet_passend', 'overig'))`.execute(db);
  await sql`ALTER TABLE dossiers DROP CONSTRAINT dossiers_remainder_has_no_resident, DROP COLUMN erased_at`.execute(db);
  await sql`ALTER TABLE dossiers ALTER COLUMN resident_id SET NOT NULL`.execute(db);
}
