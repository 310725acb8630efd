import { sql, type Kysely } from 'kysely';

// Two people for every staff credential (issue 15, rule 1): an activation code for a maatje,
// coordinator, evaluator or admin comes only from a request by one person that a different admin
// approves. The checks below hold whatever the service does.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE credential_resets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      requested_by uuid NOT NULL REFERENCES users (id),
      requested_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      approved_by uuid REFERENCES users (id),
      approved_at timestamptz,
      CHECK (requested_by <> user_id),
      CHECK (approved_by IS NULL OR (approved_by <> requested_by AND approved_by <> user_id)),
      CHECK ((approved_by IS NULL) = (approved_at IS NULL))
    )`.execute(db);
  // One open request per account; an expired one is removed before a new one is filed.
  await sql`CREATE UNIQUE INDEX credential_resets_one_pending ON credential_resets (user_id) WHERE approved_at IS NULL`.execute(db);
  await sql`CREATE INDEX credential_resets_pending ON credential_resets (requested_at) WHERE approved_at IS NULL`.execute(db);
  // The access log looks up, per event, the actor's last reset before it.
  await sql`CREATE INDEX audit_events_code_issued_idx ON audit_events (subject_user_id, occurred_at)
    WHERE action = 'auth.activation_code_issued'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX audit_events_code_issued_idx`.execute(db);
  await sql`DROP TABLE credential_resets`.execute(db);
}
