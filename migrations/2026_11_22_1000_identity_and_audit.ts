import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE locations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      city text NOT NULL CHECK (length(city) BETWEEN 1 AND 80),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX locations_name_key ON locations (lower(name))`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      role text NOT NULL CHECK (role IN ('resident', 'maatje', 'coordinator', 'evaluator', 'admin')),
      -- A resident chooses a username when activating the account; until then it is null.
      username text CHECK (length(username) BETWEEN 3 AND 64),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
      location_id uuid REFERENCES locations (id),
      password_hash text,
      disabled_at timestamptz,
      trained_at timestamptz,
      failed_login_count integer NOT NULL DEFAULT 0,
      login_blocked_until timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_location_required CHECK (
        role NOT IN ('resident', 'maatje', 'coordinator') OR location_id IS NOT NULL
      ),
      CONSTRAINT users_training_only_for_maatjes CHECK (role = 'maatje' OR trained_at IS NULL),
      CONSTRAINT users_username_before_password CHECK (username IS NOT NULL OR password_hash IS NULL)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`.execute(db);
  await sql`CREATE INDEX users_location_role_idx ON users (location_id, role)`.execute(db);

  // A session is one refresh-token family. Access tokens name their session, so revoking it (logout,
  // reuse of a spent refresh token, password change, logout-all) ends its access tokens at once too.
  await sql`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      revoked_reason text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      token_hash bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- Idle timeout: a refresh token unused this long is dead even if its session is not.
      expires_at timestamptz NOT NULL,
      spent_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`.execute(db);

  // Append-only: who did what to which dossier. No foreign keys, so erasing a dossier or a user
  // leaves the trail. Never holds field values.
  await sql`
    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid,
      actor_role text,
      action text NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
      dossier_id uuid,
      subject_user_id uuid,
      outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
      request_id text,
      details jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_events_dossier_idx ON audit_events (dossier_id, occurred_at, id)`.execute(db);
  await sql`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, occurred_at)`.execute(db);

  await sql`
    CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`.execute(db);
  // Row triggers do not fire on TRUNCATE; a statement trigger does.
  await sql`
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE audit_events`.execute(db);
  await sql`DROP FUNCTION audit_events_refuse_change()`.execute(db);
  await sql`DROP TABLE refresh_tokens`.execute(db);
  await sql`DROP TABLE sessions`.execute(db);
  await sql`DROP TABLE users`.execute(db);
  await sql`DROP TABLE locations`.execute(db);
}
