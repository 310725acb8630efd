// What a dossier holds once it reached phase B: debts from the creditor catalogue, incomes and
// expenses; the T0/T1 debt snapshots the service takes at B → C and at closing; referrals with
// their outcome; and the T0/T1/T2 measurements. Amounts are drawn to look like the programme's
// public figures (many small debts, a long tail; bijstand-level incomes), not anyone's.
// PostgreSQL 15 has no digit separators: numbers inside the SQL are written without them.
import { sql, type Kysely } from 'kysely';
import type { Database, InstrumentItemRow } from '../../src/db/schema.js';
import { pick } from './weights.js';

const DEBT_STATUS = pick('r_status', [
  ['open', 25], ['aanmaning', 20], ['incasso', 18], ['deurwaarder', 12], ['betalingsregeling', 10], ['beslag', 5],
  ['vonnis', 3], ['afgelost', 5], ['betwist', 2],
]);
const ROUTE = pick('r_route', [
  ['gemeentelijke_schuldhulpverlening', 60], ['kredietbank', 10], ['budgetbeheer_bewind', 15], ['sociaal_raadslieden', 10], ['anders', 5],
]);
const STATUS_CLOSED = pick('r_status', [['toegelaten', 55], ['afgewezen', 15], ['afgehaakt', 20], ['in_behandeling', 10]]);
const STATUS_OPEN = pick('r_status', [['aangemeld', 40], ['in_behandeling', 45], ['toegelaten', 15]]);
const TRAJECT = pick('r_traject', [['minnelijk', 70], ['wsnp', 15], ['dwangakkoord', 5], ['geen', 10]]);
const MAIN_INCOME = pick('r_kind', [['uitkering_participatiewet', 45], ['loon', 30], ['ww', 8], ['wia_wao', 7], ['aow_pensioen', 10]]);

export async function insertDebts(trx: Kysely<Database>): Promise<void> {
  // 1–15 debts, most dossiers a handful; the catalogue row is drawn once per debt.
  await sql`
    WITH catalog AS (
      SELECT array_agg(id ORDER BY name) AS ids, array_agg(name ORDER BY name) AS names,
        array_agg(creditor_type ORDER BY name) AS types, array_agg(suggested_rank ORDER BY name) AS ranks, count(*)::int AS size
      FROM creditor_catalog
    ), drawn AS (
      SELECT s.dossier_id, s.maatje_id, s.opened_at, coalesce(s.c_at, s.closed_at, s.b_at + interval '30 days') AS confirmed_at,
        1 + floor(random() * catalog.size)::int AS pick_index, random() AS r_status, random() AS r_amount, catalog.*
      FROM synth s CROSS JOIN catalog
      CROSS JOIN LATERAL generate_series(1, 1 + floor(power(s.r_other, 1.4) * 15)::int) AS k
      WHERE s.b_at IS NOT NULL
    )
    INSERT INTO debts (dossier_id, catalog_creditor_id, creditor_name_encrypted, creditor_type, rank, principal_cents, balance_cents,
      balance_date, status, created_at, updated_at, created_by)
    SELECT dossier_id, ids[pick_index], 'p.' || names[pick_index], types[pick_index], ranks[pick_index],
      amount, amount + floor(amount * 0.15)::bigint, (least(confirmed_at, now()) AT TIME ZONE 'Europe/Amsterdam')::date,
      ${DEBT_STATUS}, opened_at + interval '10 days', opened_at + interval '10 days', maatje_id
    FROM (SELECT d.*, (2500 + floor(power(r_amount, 3) * 1200000))::bigint AS amount FROM drawn d) AS priced`.execute(trx);
}

export async function insertBudget(trx: Kysely<Database>): Promise<void> {
  await sql`
    INSERT INTO incomes (dossier_id, kind, amount_cents, frequency, created_at, updated_at, created_by)
    SELECT dossier_id, kind,
      CASE kind WHEN 'loon' THEN 150000 + floor(r * 130000) WHEN 'aow_pensioen' THEN 140000 + floor(r * 40000)
        ELSE 120000 + floor(r * 25000) END,
      'month', opened_at + interval '10 days', opened_at + interval '10 days', maatje_id
    FROM (SELECT s.*, ${MAIN_INCOME} AS kind, random() AS r FROM (SELECT synth.*, random() AS r_kind FROM synth WHERE b_at IS NOT NULL) s) main
    UNION ALL
    SELECT dossier_id, 'zorgtoeslag', 11000 + floor(random() * 3000), 'month', opened_at + interval '10 days',
      opened_at + interval '10 days', maatje_id
    FROM synth WHERE b_at IS NOT NULL AND r_other < 0.6`.execute(trx);

  await sql`
    INSERT INTO expenses (dossier_id, "group", category, amount_cents, frequency, created_at, updated_at, created_by)
    SELECT s.dossier_id, e.grp, e.category, e.base + floor(random() * e.spread), 'month',
      s.opened_at + interval '10 days', s.opened_at + interval '10 days', s.maatje_id
    FROM synth s
    CROSS JOIN (VALUES ('vaste_lasten', 'huur', 55000, 55000), ('vaste_lasten', 'energie', 9000, 16000),
      ('vaste_lasten', 'zorgverzekering', 13500, 2500), ('huishoudelijke_uitgaven', 'voeding', 25000, 25000))
      AS e(grp, category, base, spread)
    WHERE s.b_at IS NOT NULL`.execute(trx);
}

/**
 * T0 as the service takes it at the first B → C: the open debts (not afgelost) and their distinct
 * creditors. T1 at closing: after a completed traject often nothing or much less is left,
 * otherwise about what there was; dossiers closed before B have no debts, so 0.
 */
export async function insertSnapshots(trx: Kysely<Database>): Promise<void> {
  await sql`
    INSERT INTO debt_snapshots (dossier_id, moment, total_debt_cents, creditor_count, taken_at)
    SELECT s.dossier_id, 'T0', coalesce(sum(d.balance_cents) FILTER (WHERE d.status <> 'afgelost'), 0),
      count(DISTINCT d.creditor_name_encrypted) FILTER (WHERE d.status <> 'afgelost'), s.c_at
    FROM synth s LEFT JOIN debts d ON d.dossier_id = s.dossier_id
    WHERE s.c_at IS NOT NULL
    GROUP BY s.dossier_id, s.c_at`.execute(trx);

  await sql`
    INSERT INTO debt_snapshots (dossier_id, moment, total_debt_cents, creditor_count, taken_at)
    SELECT s.dossier_id, 'T1',
      CASE WHEN f.factor = 0 THEN 0 ELSE floor(t.total * f.factor)::bigint END,
      CASE WHEN f.factor = 0 THEN 0 ELSE ceil(t.creditors * least(1, f.factor))::int END,
      s.closed_at
    FROM synth s
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(balance_cents) FILTER (WHERE status <> 'afgelost'), 0) AS total,
        count(DISTINCT creditor_name_encrypted) FILTER (WHERE status <> 'afgelost') AS creditors
      FROM debts WHERE dossier_id = s.dossier_id
    ) t
    CROSS JOIN LATERAL (SELECT CASE
      WHEN s.exit_reason = 'afgerond' AND s.r_solution < 0.3 THEN 0
      WHEN s.exit_reason = 'afgerond' THEN s.r_solution * 0.6
      ELSE 0.6 + s.r_solution * 0.5 END AS factor) f
    WHERE s.closed_at IS NOT NULL`.execute(trx);
}

export async function insertReferrals(trx: Kysely<Database>, now: Date): Promise<void> {
  await sql`
    INSERT INTO referrals (dossier_id, route, organisation_encrypted, referred_at, first_contact_at, accepted_at, status, traject,
      updated_at, updated_by)
    SELECT dossier_id, route, 'p.Synthetische organisatie', referred_at, referred_at + first_contact_days,
      CASE WHEN status = 'toegelaten' THEN referred_at + first_contact_days + 21 END, status,
      CASE WHEN status = 'toegelaten' THEN ${TRAJECT} END, referred_on, maatje_id
    FROM (
      SELECT s.*, ${ROUTE} AS route,
        CASE WHEN s.closed_at IS NOT NULL THEN ${STATUS_CLOSED} ELSE ${STATUS_OPEN} END AS status,
        ((s.c_at + (5 + floor(s.r_reason * 35)) * interval '1 day') AT TIME ZONE 'Europe/Amsterdam')::date AS referred_at,
        s.c_at + (5 + floor(s.r_reason * 35)) * interval '1 day' AS referred_on,
        (3 + floor(random() * 18))::int AS first_contact_days
      FROM (SELECT synth.*, random() AS r_route, random() AS r_status, random() AS r_traject FROM synth) s
      WHERE s.c_at IS NOT NULL AND s.r_back < 0.45
    ) chosen
    WHERE referred_on < ${now}`.execute(trx);
}

/** Scores drawn per item within the instrument's range; T1/T2 lean a little towards the better end. */
export async function insertMeasurements(trx: Kysely<Database>, instrument: { version: string; items: InstrumentItemRow[] }, now: Date): Promise<void> {
  const items = JSON.stringify(instrument.items);
  await sql`
    INSERT INTO measurements (dossier_id, moment, instrument_version, items, recorded_at, recorded_by)
    SELECT m.dossier_id, m.moment, ${instrument.version},
      (SELECT jsonb_object_agg(i->>'code', least((i->>'maxScore')::int, (i->>'minScore')::int
          + floor(random() * ((i->>'maxScore')::int - (i->>'minScore')::int + 1))::int + m.lean))
        FROM jsonb_array_elements(${items}::jsonb) AS i WHERE m.dossier_id IS NOT NULL),
      m.at, m.maatje_id
    FROM (
      SELECT dossier_id, maatje_id, 'T0' AS moment, opened_at + (r_a_len * 10) * interval '1 day' AS at, 0 AS lean
        FROM synth WHERE r_optin < 0.9
      UNION ALL
      SELECT dossier_id, maatje_id, 'T1', closed_at, 1 FROM synth WHERE closed_at IS NOT NULL AND r_c_len < 0.7
      UNION ALL
      SELECT dossier_id, maatje_id, 'T2', closed_at + (170 + floor(r_b_len * 30)) * interval '1 day', 1
        FROM synth WHERE closed_at IS NOT NULL AND r_c_len < 0.4
    ) m
    WHERE m.at < ${now}`.execute(trx);
}
