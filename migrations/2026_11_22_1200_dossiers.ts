import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE dossiers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      resident_id uuid NOT NULL REFERENCES users (id),
      location_id uuid NOT NULL REFERENCES locations (id),
      phase text NOT NULL DEFAULT 'A' CHECK (phase IN ('A', 'B', 'C', 'closed')),
      opened_at timestamptz NOT NULL DEFAULT now(),
      -- Last change to anything in the dossier: the coordinator's caseload shows it.
      updated_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      created_by uuid REFERENCES users (id),
      version integer NOT NULL DEFAULT 1,
      consent_given_at timestamptz,
      consent_text_version text CHECK (length(consent_text_version) BETWEEN 1 AND 40),
      consent_statistics_opt_in boolean,
      consent_recorded_on_paper boolean,
      consent_withdrawn_at timestamptz,
      household_leefsituatie text CHECK (household_leefsituatie IN
        ('alleenstaand', 'alleenstaande_ouder', 'samenwonend', 'samenwonend_met_kinderen')),
      household_age_band text CHECK (household_age_band IN ('18_20', '21_tot_aow', 'aow')),
      household_partner_age_band text CHECK (household_partner_age_band IN ('18_20', '21_tot_aow', 'aow')),
      household_other_adults integer CHECK (household_other_adults BETWEEN 0 AND 20)
    )`.execute(db);
  await sql`CREATE INDEX dossiers_resident_idx ON dossiers (resident_id, opened_at, id)`.execute(db);
  await sql`CREATE INDEX dossiers_location_idx ON dossiers (location_id, opened_at, id)`.execute(db);

  // Assignment history: one active row per dossier (ended_at null), earlier ones kept.
  await sql`
    CREATE TABLE dossier_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      maatje_id uuid NOT NULL REFERENCES users (id),
      assigned_at timestamptz NOT NULL DEFAULT now(),
      assigned_by uuid REFERENCES users (id),
      reason_encrypted text,
      ended_at timestamptz,
      ended_by uuid REFERENCES users (id)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX dossier_assignments_one_active ON dossier_assignments (dossier_id) WHERE ended_at IS NULL`.execute(db);
  await sql`CREATE INDEX dossier_assignments_maatje_idx ON dossier_assignments (maatje_id) WHERE ended_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE dossier_assignments`.execute(db);
  await sql`DROP TABLE dossiers`.execute(db);
}
