import { sql, type Kysely } from 'kysely';

// Bijstandsnormen per half year (docs/domain.md §4): data, append-only. The amounts of the seeds are
// docs/domain.md §1.4. That table gives only the amounts INCLUDING vakantietoeslag for
// 1 July 2024 and 1 January 2025; their excluding amounts here are derived as
// round_half_up(including × 0,95), the rule domain.md itself uses (§1.4 check, §6.2), and they
// reproduce its indicative bvv for 1 January 2025. Only 1 July 2025 has both columns as published.
const KEYS = ['alleenstaand_21_aow', 'samenwonend_21_aow', 'alleenstaand_aow', 'samenwonend_aow'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const amountColumns = KEYS.flatMap((key) => [
    `${key}_excl_cents integer NOT NULL CHECK (${key}_excl_cents > 0)`,
    `${key}_incl_cents integer NOT NULL CHECK (${key}_incl_cents > 0)`,
    // Vakantietoeslag is 5 % of the norm including it; published tables round apart, hence one cent slack.
    `CONSTRAINT norm_periods_${key}_holiday CHECK (abs(${key}_excl_cents - round(${key}_incl_cents * 0.95)) <= 1)`,
  ]);
  await sql`
    CREATE TABLE norm_periods (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      valid_from date NOT NULL UNIQUE,
      label text,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES users (id),
      ${sql.raw(amountColumns.join(',\n      '))},
      CONSTRAINT norm_periods_half_year CHECK (
        extract(day FROM valid_from) = 1 AND extract(month FROM valid_from) IN (1, 7)
      )
    )`.execute(db);

  // Every computed figure names the period it used, so a period can never change or disappear.
  await sql`
    CREATE FUNCTION norm_periods_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'norm_periods are never edited; add a new period instead' USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER norm_periods_no_update_or_delete BEFORE UPDATE OR DELETE ON norm_periods
    FOR EACH ROW EXECUTE FUNCTION norm_periods_refuse_change()`.execute(db);

  // Columns per key: excl, incl (cents), in the order of KEYS.
  await sql`
    INSERT INTO norm_periods (
      valid_from, label,
      alleenstaand_21_aow_excl_cents, alleenstaand_21_aow_incl_cents,
      samenwonend_21_aow_excl_cents, samenwonend_21_aow_incl_cents,
      alleenstaand_aow_excl_cents, alleenstaand_aow_incl_cents,
      samenwonend_aow_excl_cents, samenwonend_aow_incl_cents
    ) VALUES
      ('2024-07-01', 'Bijstandsnormen 1 juli 2024', 124303, 130845, 177575, 186921, 138401, 145685, 187781, 197664),
      ('2025-01-01', 'Bijstandsnormen 1 januari 2025', 127818, 134545, 182597, 192207, 142602, 150107, 195081, 205348),
      ('2025-07-01', 'Bijstandsnormen 1 juli 2025', 130061, 136906, 185801, 195580, 145370, 153021, 199023, 209498)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE norm_periods`.execute(db);
  await sql`DROP FUNCTION norm_periods_refuse_change()`.execute(db);
}
