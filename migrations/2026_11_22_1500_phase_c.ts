import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE dossiers
      ADD COLUMN exit_reason text CHECK (exit_reason IN ('afgerond', 'zelf_geregeld', 'doorverwezen', 'verhuisd',
        'overleden', 'niet_verschenen', 'ingetrokken', 'niet_passend', 'overig')),
      ADD COLUMN solution text CHECK (solution IN ('betalingsregeling', 'herfinanciering', 'saneringskrediet',
        'schuldbemiddeling', 'nul_aanbod', 'wsnp', 'dwangakkoord', 'geen')),
      ADD CONSTRAINT dossiers_closed_has_outcome CHECK (phase <> 'closed' OR (exit_reason IS NOT NULL AND closed_at IS NOT NULL))
  `.execute(db);

  // Title and description are the resident's own words: encrypted like the story.
  await sql`
    CREATE TABLE actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      title_encrypted text NOT NULL,
      description_encrypted text,
      owner text NOT NULL CHECK (owner IN ('resident', 'maatje')),
      due_date date,
      done boolean NOT NULL DEFAULT false,
      done_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      created_by uuid REFERENCES users (id)
    )`.execute(db);
  await sql`CREATE INDEX actions_dossier_idx ON actions (dossier_id, created_at, id)`.execute(db);

  await sql`
    CREATE TABLE referrals (
      dossier_id uuid PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
      route text NOT NULL CHECK (route IN ('gemeentelijke_schuldhulpverlening', 'kredietbank', 'budgetbeheer_bewind',
        'sociaal_raadslieden', 'anders')),
      organisation text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
      referred_at date,
      first_contact_at date,
      accepted_at date,
      status text NOT NULL CHECK (status IN ('aangemeld', 'in_behandeling', 'toegelaten', 'afgewezen', 'afgehaakt')),
      traject text CHECK (traject IN ('minnelijk', 'wsnp', 'dwangakkoord', 'geen')),
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES users (id)
    )`.execute(db);

  await sql`
    CREATE TABLE referral_checklists (
      dossier_id uuid PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
      items jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES users (id)
    )`.execute(db);

  // The evaluator's questionnaire is data: a new version is added, an old one is never edited.
  await sql`
    CREATE TABLE instruments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version text NOT NULL UNIQUE CHECK (length(version) BETWEEN 1 AND 40),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      items jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES users (id)
    )`.execute(db);

  await sql`
    CREATE TABLE measurements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      moment text NOT NULL CHECK (moment IN ('T0', 'T1', 'T2')),
      instrument_version text NOT NULL REFERENCES instruments (version),
      items jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      recorded_at timestamptz NOT NULL,
      recorded_by uuid REFERENCES users (id),
      UNIQUE (dossier_id, moment)
    )`.execute(db);

  // Total debt and number of creditors, captured by the system: T0 at the first B → C, T1 at closing.
  await sql`
    CREATE TABLE debt_snapshots (
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      moment text NOT NULL CHECK (moment IN ('T0', 'T1')),
      total_debt_cents bigint NOT NULL CHECK (total_debt_cents >= 0),
      creditor_count integer NOT NULL CHECK (creditor_count >= 0),
      taken_at timestamptz NOT NULL,
      PRIMARY KEY (dossier_id, moment)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['debt_snapshots', 'measurements', 'instruments', 'referral_checklists', 'referrals', 'actions']) {
    await sql.raw(`DROP TABLE ${table}`).execute(db);
  }
  await sql`ALTER TABLE dossiers DROP CONSTRAINT dossiers_closed_has_outcome, DROP COLUMN exit_reason, DROP COLUMN solution`.execute(db);
}
