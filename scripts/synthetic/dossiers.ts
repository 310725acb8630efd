// Residents, dossiers, assignments, consent events and phase transitions from the plan in `synth`,
// each one INSERT … SELECT. Display names are synthetic and numbered, never names of people: so they
// go in marked as plain text (`p.`, lib/display-name.ts) instead of one encryption per row.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

export async function insertDossiers(trx: Kysely<Database>): Promise<void> {
  await sql`
    INSERT INTO users (id, role, display_name_encrypted, location_id, created_at, updated_at)
    SELECT resident_id, 'resident', 'p.Synthetische bewoner ' || lpad(n::text, 6, '0'), location_id, opened_at, opened_at
    FROM synth`.execute(trx);

  await sql`
    INSERT INTO dossiers (id, resident_id, location_id, phase, opened_at, updated_at, closed_at, created_by, consent_given_at,
      consent_text_version, consent_statistics_opt_in, consent_recorded_on_paper, consent_withdrawn_at,
      household_leefsituatie, household_age_band, household_other_adults, overview_confirmed_at, overview_confirmed_by,
      exit_reason, solution)
    SELECT dossier_id, resident_id, location_id, phase, opened_at,
      greatest(opened_at, b_at, c_at, back_at, again_at, closed_at, withdrawn_at), closed_at, maatje_id, opened_at,
      'synthetisch-1', statistics_opt_in, r_other < 0.3, withdrawn_at,
      leefsituatie, age_band, 0, c_at - interval '1 day', CASE WHEN c_at IS NOT NULL THEN maatje_id END,
      exit_reason, solution
    FROM synth`.execute(trx);

  await sql`
    INSERT INTO dossier_assignments (dossier_id, maatje_id, assigned_at, ended_at)
    SELECT dossier_id, maatje_id, opened_at, closed_at FROM synth`.execute(trx);

  await sql`
    INSERT INTO consent_events (dossier_id, kind, at, text_version, statistics_opt_in, recorded_on_paper, recorded_by)
    SELECT dossier_id, 'given', opened_at, 'synthetisch-1', statistics_opt_in, r_other < 0.3, maatje_id FROM synth
    UNION ALL
    SELECT dossier_id, 'withdrawn', withdrawn_at, NULL, NULL, false, maatje_id FROM synth WHERE withdrawn_at IS NOT NULL`.execute(trx);

  await sql`
    INSERT INTO dossier_transitions (dossier_id, from_phase, to_phase, at, actor_id)
    SELECT dossier_id, step.from_phase, step.to_phase, step.at, maatje_id
    FROM synth
    CROSS JOIN LATERAL (VALUES
      ('A', 'B', b_at), ('B', 'C', c_at), ('C', 'B', back_at), ('B', 'C', again_at),
      (CASE WHEN again_at IS NOT NULL OR (back_at IS NULL AND c_at IS NOT NULL) THEN 'C'
        WHEN back_at IS NOT NULL OR b_at IS NOT NULL THEN 'B' ELSE 'A' END, 'closed', closed_at)
    ) AS step(from_phase, to_phase, at)
    WHERE step.at IS NOT NULL`.execute(trx);
}
