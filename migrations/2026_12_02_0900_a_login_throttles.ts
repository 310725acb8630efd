import { sql, type Kysely } from 'kysely';

// Sign-in back-off per account AND client address (issue 15, rule 5): failures from one address no
// longer pause the account for everyone. The account keeps one counter, of failures since its last
// successful sign-in within a day, for the daily cap after which only a reset opens it again.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE login_throttles (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      address_key bytea NOT NULL,
      failure_count integer NOT NULL DEFAULT 0 CHECK (failure_count >= 0),
      blocked_until timestamptz,
      last_failure_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, address_key)
    )`.execute(db);
  await sql`CREATE INDEX login_throttles_last_failure_at ON login_throttles (last_failure_at)`.execute(db);
  await sql`
    ALTER TABLE users
      DROP COLUMN login_blocked_until,
      ADD COLUMN failed_login_since timestamptz
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users DROP COLUMN failed_login_since, ADD COLUMN login_blocked_until timestamptz`.execute(db);
  await sql`DROP TABLE login_throttles`.execute(db);
}
