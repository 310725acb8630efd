// The life of every synthetic dossier, drawn in one statement into the temporary table `synth`:
// when it opened, whether and when it reached B and C (with an occasional C → B → C), when and
// from which phase it closed, why, with what solution, and its consent. Every dossier is planned
// to close eventually; events after `now` are cut off, so recent dossiers are still open, just
// as in a running programme.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { pick } from './weights.js';

export interface PlanOptions {
  dossiers: number;
  from: Date;
  now: Date;
  locationIds: string[];
  /** maatjes of location i at i * maatjesPerLocation … */
  maatjeIds: string[];
  maatjesPerLocation: number;
}

const EXIT_FROM_A = pick('r_reason', [['niet_verschenen', 40], ['niet_passend', 25], ['ingetrokken', 15], ['verhuisd', 10], ['overig', 10]]);
const EXIT_FROM_B = pick('r_reason', [
  ['zelf_geregeld', 35], ['doorverwezen', 20], ['niet_verschenen', 15], ['verhuisd', 10], ['ingetrokken', 10], ['overleden', 2], ['overig', 8],
]);
const EXIT_FROM_C = pick('r_reason', [['afgerond', 50], ['doorverwezen', 30], ['zelf_geregeld', 8], ['verhuisd', 5], ['overleden', 2], ['overig', 5]]);
const SOLUTION_AFGEROND = pick('r_solution', [
  ['betalingsregeling', 45], ['schuldbemiddeling', 20], ['saneringskrediet', 10], ['herfinanciering', 5], ['nul_aanbod', 10],
  ['dwangakkoord', 2], ['wsnp', 8],
]);
const SOLUTION_DOORVERWEZEN = pick('r_solution', [['schuldbemiddeling', 40], ['wsnp', 15], ['saneringskrediet', 15], ['geen', 30]]);
const SOLUTION_ZELF = pick('r_solution', [['betalingsregeling', 50], ['geen', 50]]);
const LEEFSITUATIE = pick('r_household', [['alleenstaand', 45], ['alleenstaande_ouder', 25], ['samenwonend', 10], ['samenwonend_met_kinderen', 20]]);
const AGE_BAND = pick('r_age', [['18_20', 5], ['21_tot_aow', 85], ['aow', 10]]);

export async function planDossiers(trx: Kysely<Database>, options: PlanOptions): Promise<void> {
  const horizon = new Date(options.now.getTime() - 14 * 86_400_000);
  const day = sql`interval '1 day'`;
  await sql`
    CREATE TEMP TABLE synth_random ON COMMIT DROP AS
    SELECT g AS n, gen_random_uuid() AS dossier_id, gen_random_uuid() AS resident_id,
      floor(random() * ${options.locationIds.length})::int AS loc,
      floor(random() * ${options.maatjesPerLocation})::int AS maatje_slot,
      ${options.from}::timestamptz + random() * (${horizon}::timestamptz - ${options.from}::timestamptz) AS opened_at,
      random() AS r_b, random() AS r_c, random() AS r_back, random() AS r_a_len, random() AS r_b_len,
      random() AS r_c_len, random() AS r_reason, random() AS r_solution, random() AS r_optin, random() AS r_withdraw,
      random() AS r_household, random() AS r_age, random() AS r_other
    FROM generate_series(1, ${options.dossiers}) AS g`.execute(trx);

  await sql`
    CREATE TEMP TABLE synth ON COMMIT DROP AS
    WITH lengths AS (
      SELECT r.*,
        (${options.locationIds}::uuid[])[loc + 1] AS location_id,
        (${options.maatjeIds}::uuid[])[loc * ${options.maatjesPerLocation} + maatje_slot + 1] AS maatje_id,
        (7 + floor(r_a_len * 50)) * ${day} AS a_len,
        (14 + floor(r_b_len * r_b_len * 200)) * ${day} AS b_len,
        (30 + floor(r_c_len * 330)) * ${day} AS c_len
      FROM synth_random r
    ), planned AS (
      SELECT l.*,
        CASE WHEN r_b < 0.85 THEN opened_at + a_len END AS b_plan,
        CASE WHEN r_b < 0.85 AND r_c < 0.70 THEN opened_at + a_len + b_len END AS c_plan
      FROM lengths l
    ), timeline AS (
      SELECT p.*,
        CASE WHEN c_plan IS NOT NULL AND r_back < 0.06 THEN c_plan + c_len * 0.3 END AS back_plan,
        CASE WHEN c_plan IS NOT NULL AND r_back < 0.06 THEN c_plan + c_len * 0.55 END AS again_plan,
        coalesce(c_plan + c_len, b_plan + b_len, opened_at + a_len) AS closed_plan,
        CASE WHEN c_plan IS NOT NULL THEN 'C' WHEN b_plan IS NOT NULL THEN 'B' ELSE 'A' END AS close_phase
      FROM planned p
    ), cut AS (
      SELECT t.*,
        CASE WHEN b_plan < ${options.now} THEN b_plan END AS b_at,
        CASE WHEN c_plan < ${options.now} THEN c_plan END AS c_at,
        CASE WHEN back_plan < ${options.now} THEN back_plan END AS back_at,
        CASE WHEN again_plan < ${options.now} THEN again_plan END AS again_at,
        CASE WHEN closed_plan < ${options.now} THEN closed_plan END AS closed_at
      FROM timeline t
    ), outcome AS (
      SELECT c.*,
        CASE WHEN closed_at IS NULL THEN NULL
          WHEN close_phase = 'A' THEN ${EXIT_FROM_A} WHEN close_phase = 'B' THEN ${EXIT_FROM_B} ELSE ${EXIT_FROM_C} END AS exit_reason
      FROM cut c
    )
    SELECT o.*,
      CASE WHEN closed_at IS NOT NULL THEN 'closed' WHEN again_at IS NOT NULL THEN 'C' WHEN back_at IS NOT NULL THEN 'B'
        WHEN c_at IS NOT NULL THEN 'C' WHEN b_at IS NOT NULL THEN 'B' ELSE 'A' END AS phase,
      CASE WHEN exit_reason = 'afgerond' THEN ${SOLUTION_AFGEROND} WHEN exit_reason = 'doorverwezen' THEN ${SOLUTION_DOORVERWEZEN}
        WHEN exit_reason = 'zelf_geregeld' THEN ${SOLUTION_ZELF} WHEN exit_reason IS NOT NULL THEN 'geen' END AS solution,
      r_optin < 0.92 AS statistics_opt_in,
      -- Withdrawal freezes a dossier, so only closed ones withdraw here: a day after closing.
      CASE WHEN r_withdraw < 0.02 AND closed_at + ${day} < ${options.now} THEN closed_at + ${day} END AS withdrawn_at,
      ${LEEFSITUATIE} AS leefsituatie,
      ${AGE_BAND} AS age_band
    FROM outcome o`.execute(trx);
}
