import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Per-address request counters for @fastify/rate-limit, shared by every replica and kept across
  // restarts. The key is an HMAC of route and client address, so the table holds no addresses.
  await sql`
    CREATE TABLE rate_limit_counters (
      key bytea PRIMARY KEY,
      hits integer NOT NULL CHECK (hits > 0),
      window_ends_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX rate_limit_counters_window_idx ON rate_limit_counters (window_ends_at)`.execute(db);

  // One-time codes with which a resident (or a staff member without a password) sets a password.
  // Only an HMAC is stored, keyed from JWT_SECRET, so a database dump alone cannot test guesses.
  await sql`
    CREATE TABLE activation_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      code_hmac bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL
    )`.execute(db);
  await sql`CREATE INDEX activation_codes_user_idx ON activation_codes (user_id)`.execute(db);

  // Lists page by (created_at, id) (docs/api.md).
  await sql`CREATE INDEX users_created_idx ON users (created_at, id)`.execute(db);
  await sql`CREATE INDEX locations_created_idx ON locations (created_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX locations_created_idx`.execute(db);
  await sql`DROP INDEX users_created_idx`.execute(db);
  await sql`DROP TABLE activation_codes`.execute(db);
  await sql`DROP TABLE rate_limit_counters`.execute(db);
}
