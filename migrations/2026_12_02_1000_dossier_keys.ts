import { sql, type Kysely } from 'kysely';

// Per-dossier data keys (issue 14, docs/privacy/README.md): each dossier's fields are encrypted
// with its own random key, stored here only wrapped by a master key from ENCRYPTION_KEYS. An
// erasure deletes the row first, so every copy of the dossier's ciphertext becomes unreadable.
// The migration cannot know a master key: a dossier gets its key at its next write, and
// `npm run keys:rotate` gives one to every dossier and re-encrypts its older values under it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE dossier_keys (
      dossier_id uuid PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
      -- Which master key wrapped the data key; rotation rewraps the rows whose id is not the first.
      key_id text NOT NULL CHECK (length(key_id) BETWEEN 1 AND 32),
      wrapped_key text NOT NULL CHECK (length(wrapped_key) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      rewrapped_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX dossier_keys_key_id_idx ON dossier_keys (key_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE dossier_keys`.execute(db);
}
