import { sql, type Kysely } from 'kysely';

const FREQUENCIES = `('week', 'four_weeks', 'month', 'quarter', 'half_year', 'year', 'once')`;
const CREDITOR_TYPES = `('belastingdienst', 'toeslagen', 'cjib_mulder', 'cjib_strafrechtelijk', 'duo', 'cak',
  'zorgverzekeraar', 'uwv', 'svb', 'gemeente_sociaal', 'gemeente_belastingen', 'waterschap', 'energie', 'water',
  'verhuurder', 'telecom', 'bank_krediet', 'koop_op_afbetaling', 'incassobureau', 'gerechtsdeurwaarder',
  'particulier', 'overig')`;
const CENTS = (column: string) => `${column} integer CHECK (${column} BETWEEN 0 AND 1000000000)`;

// Common Dutch creditors of Amsterdam and Utrecht households; free names stay possible.
const CATALOG: [name: string, type: string, rank: string][] = [
  ['Belastingdienst', 'belastingdienst', 'preferent'],
  ['Belastingdienst/Toeslagen', 'toeslagen', 'preferent'],
  ['CJIB (verkeersboetes, Wet Mulder)', 'cjib_mulder', 'concurrent'],
  ['CJIB (strafrechtelijke boetes)', 'cjib_strafrechtelijk', 'concurrent'],
  ['DUO', 'duo', 'concurrent'],
  ['CAK', 'cak', 'concurrent'],
  ['UWV', 'uwv', 'concurrent'],
  ['SVB', 'svb', 'concurrent'],
  ['Gemeente Amsterdam (Werk, Participatie en Inkomen)', 'gemeente_sociaal', 'concurrent'],
  ['Gemeente Utrecht (Werk en Inkomen)', 'gemeente_sociaal', 'concurrent'],
  ['Gemeente Amsterdam Belastingen', 'gemeente_belastingen', 'preferent'],
  ['BghU (belastingen gemeente Utrecht)', 'gemeente_belastingen', 'preferent'],
  ['Waterschap Amstel, Gooi en Vecht (Waternet)', 'waterschap', 'preferent'],
  ['Hoogheemraadschap De Stichtse Rijnlanden', 'waterschap', 'preferent'],
  ['Zilveren Kruis', 'zorgverzekeraar', 'concurrent'],
  ['VGZ', 'zorgverzekeraar', 'concurrent'],
  ['CZ', 'zorgverzekeraar', 'concurrent'],
  ['Menzis', 'zorgverzekeraar', 'concurrent'],
  ['DSW', 'zorgverzekeraar', 'concurrent'],
  ['ONVZ', 'zorgverzekeraar', 'concurrent'],
  ['Zorg en Zekerheid', 'zorgverzekeraar', 'concurrent'],
  ['a.s.r. Ziektekosten', 'zorgverzekeraar', 'concurrent'],
  ['Univé Zorg', 'zorgverzekeraar', 'concurrent'],
  ['Interpolis Zorg', 'zorgverzekeraar', 'concurrent'],
  ['FBTO Zorg', 'zorgverzekeraar', 'concurrent'],
  ['OHRA Zorg', 'zorgverzekeraar', 'concurrent'],
  ['Anderzorg', 'zorgverzekeraar', 'concurrent'],
  ['Vattenfall', 'energie', 'concurrent'],
  ['Eneco', 'energie', 'concurrent'],
  ['Essent', 'energie', 'concurrent'],
  ['Greenchoice', 'energie', 'concurrent'],
  ['Budget Energie', 'energie', 'concurrent'],
  ['Vandebron', 'energie', 'concurrent'],
  ['Oxxio', 'energie', 'concurrent'],
  ['Energiedirect.nl', 'energie', 'concurrent'],
  ['ENGIE', 'energie', 'concurrent'],
  ['Waternet (drinkwater)', 'water', 'concurrent'],
  ['Vitens', 'water', 'concurrent'],
  ['Ymere', 'verhuurder', 'concurrent'],
  ['Eigen Haard', 'verhuurder', 'concurrent'],
  ['Stadgenoot', 'verhuurder', 'concurrent'],
  ['Rochdale', 'verhuurder', 'concurrent'],
  ['De Alliantie', 'verhuurder', 'concurrent'],
  ['De Key', 'verhuurder', 'concurrent'],
  ['Mitros', 'verhuurder', 'concurrent'],
  ['Bo-Ex', 'verhuurder', 'concurrent'],
  ['Portaal', 'verhuurder', 'concurrent'],
  ['SSH Student Housing', 'verhuurder', 'concurrent'],
  ['KPN', 'telecom', 'concurrent'],
  ['Odido (T-Mobile)', 'telecom', 'concurrent'],
  ['Vodafone', 'telecom', 'concurrent'],
  ['Ziggo', 'telecom', 'concurrent'],
  ['Simyo', 'telecom', 'concurrent'],
  ['Lebara', 'telecom', 'concurrent'],
  ['ING', 'bank_krediet', 'concurrent'],
  ['Rabobank', 'bank_krediet', 'concurrent'],
  ['ABN AMRO', 'bank_krediet', 'concurrent'],
  ['de Volksbank (SNS, ASN, RegioBank)', 'bank_krediet', 'concurrent'],
  ['Santander Consumer Finance', 'bank_krediet', 'concurrent'],
  ['Klarna', 'koop_op_afbetaling', 'concurrent'],
  ['Riverty (AfterPay)', 'koop_op_afbetaling', 'concurrent'],
  ['in3', 'koop_op_afbetaling', 'concurrent'],
  ['Wehkamp', 'koop_op_afbetaling', 'concurrent'],
  ['Intrum', 'incassobureau', 'concurrent'],
  ['Lowell', 'incassobureau', 'concurrent'],
  ['Cannock', 'incassobureau', 'concurrent'],
  ['Vesting Finance', 'incassobureau', 'concurrent'],
  ['GGN', 'gerechtsdeurwaarder', 'concurrent'],
  ['Flanderijn', 'gerechtsdeurwaarder', 'concurrent'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    ALTER TABLE dossiers
      ADD COLUMN notes_encrypted text,
      ADD COLUMN overview_confirmed_at timestamptz,
      ADD COLUMN overview_confirmed_by uuid REFERENCES users (id),
      ADD COLUMN ${CENTS('bvv_official_cents')},
      ADD COLUMN bvv_official_source text CHECK (length(bvv_official_source) <= 200),
      ADD COLUMN bvv_official_date date,
      ADD COLUMN ${CENTS('vtlb_official_cents')},
      ADD COLUMN vtlb_official_source text CHECK (length(vtlb_official_source) <= 200),
      ADD COLUMN vtlb_official_date date,
      ADD COLUMN vtlb_corrections jsonb NOT NULL DEFAULT '[]'::jsonb
  `).execute(db);

  await sql`
    CREATE TABLE consent_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('given', 'withdrawn')),
      at timestamptz NOT NULL,
      text_version text,
      statistics_opt_in boolean,
      recorded_on_paper boolean NOT NULL,
      recorded_by uuid REFERENCES users (id)
    )`.execute(db);
  await sql`CREATE INDEX consent_events_dossier_idx ON consent_events (dossier_id, at)`.execute(db);

  await sql`
    CREATE TABLE dossier_transitions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      from_phase text NOT NULL CHECK (from_phase IN ('A', 'B', 'C', 'closed')),
      to_phase text NOT NULL CHECK (to_phase IN ('A', 'B', 'C', 'closed')),
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES users (id),
      -- Two steps in the same instant (a fixed clock, a fast client) still keep their order.
      seq bigint GENERATED ALWAYS AS IDENTITY
    )`.execute(db);
  await sql`CREATE INDEX dossier_transitions_dossier_idx ON dossier_transitions (dossier_id, at, seq)`.execute(db);

  await sql`
    CREATE TABLE dossier_stories (
      dossier_id uuid PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
      text_encrypted text NOT NULL,
      life_events text[] NOT NULL DEFAULT '{}' CHECK (life_events <@ ARRAY['baanverlies', 'scheiding', 'ziekte',
        'overlijden', 'inkomensdaling', 'toeslagen', 'verslaving', 'ondernemerschap', 'anders']::text[]),
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES users (id)
    )`.execute(db);

  await sql.raw(`
    CREATE TABLE creditor_catalog (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      creditor_type text NOT NULL CHECK (creditor_type IN ${CREDITOR_TYPES}),
      suggested_rank text NOT NULL CHECK (suggested_rank IN ('concurrent', 'preferent', 'separatist')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`).execute(db);
  for (const [name, type, rank] of CATALOG) {
    await sql`INSERT INTO creditor_catalog (name, creditor_type, suggested_rank) VALUES (${name}, ${type}, ${rank})`.execute(db);
  }

  await sql.raw(`
    CREATE TABLE debts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      catalog_creditor_id uuid REFERENCES creditor_catalog (id),
      creditor_name text NOT NULL CHECK (length(creditor_name) BETWEEN 1 AND 200),
      creditor_type text NOT NULL CHECK (creditor_type IN ${CREDITOR_TYPES}),
      collector_name text CHECK (length(collector_name) <= 200),
      reference text CHECK (length(reference) <= 100),
      rank text NOT NULL DEFAULT 'concurrent' CHECK (rank IN ('concurrent', 'preferent', 'separatist')),
      ${CENTS('principal_cents')},
      ${CENTS('interest_cents')},
      ${CENTS('collection_costs_cents')},
      collection_costs_include_vat boolean,
      ${CENTS('legal_costs_cents')},
      ${CENTS('balance_cents')} NOT NULL,
      balance_date date,
      status text NOT NULL CHECK (status IN ('open', 'aanmaning', 'incasso', 'deurwaarder', 'dagvaarding', 'vonnis',
        'beslag', 'ontruiming_of_afsluiting_aangezegd', 'opzegging_zorgverzekering_aangezegd', 'betalingsregeling',
        'betwist', 'in_schuldregeling', 'afgelost', 'kwijtgescholden')),
      ${CENTS('arrangement_amount_cents')},
      arrangement_frequency text CHECK (arrangement_frequency IN ${FREQUENCIES}),
      arrangement_start_date date,
      excluded_from_discharge text CHECK (excluded_from_discharge IN
        ('cjib_strafrechtelijk', 'duo_niet_opeisbaar', 'fraudevordering', 'overig')),
      notes_encrypted text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      created_by uuid REFERENCES users (id),
      CONSTRAINT debts_arrangement_complete CHECK (
        (arrangement_amount_cents IS NULL) = (arrangement_frequency IS NULL)
        AND (arrangement_amount_cents IS NULL) = (arrangement_start_date IS NULL))
    )`).execute(db);
  await sql`CREATE INDEX debts_dossier_idx ON debts (dossier_id, created_at, id)`.execute(db);

  await sql.raw(`
    CREATE TABLE incomes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('loon', 'uitkering_participatiewet', 'ww', 'ziektewet', 'wia_wao', 'wajong',
        'anw', 'aow_pensioen', 'huurtoeslag', 'zorgtoeslag', 'kindgebonden_budget', 'kinderopvangtoeslag',
        'kinderbijslag', 'alimentatie', 'studiefinanciering', 'vakantiegeld', 'kostgeld_onderhuur', 'overig')),
      ${CENTS('amount_cents')} NOT NULL,
      frequency text NOT NULL CHECK (frequency IN ${FREQUENCIES}),
      description text CHECK (length(description) <= 200),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      created_by uuid REFERENCES users (id)
    )`).execute(db);
  await sql`CREATE INDEX incomes_dossier_idx ON incomes (dossier_id, created_at, id)`.execute(db);

  await sql.raw(`
    CREATE TABLE expenses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      "group" text NOT NULL CHECK ("group" IN ('vaste_lasten', 'reserveringsuitgaven', 'huishoudelijke_uitgaven')),
      category text NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
      ${CENTS('amount_cents')} NOT NULL,
      frequency text NOT NULL CHECK (frequency IN ${FREQUENCIES}),
      description text CHECK (length(description) <= 200),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      created_by uuid REFERENCES users (id)
    )`).execute(db);
  await sql`CREATE INDEX expenses_dossier_idx ON expenses (dossier_id, created_at, id)`.execute(db);

  // A repeated create with the same Idempotency-Key returns the first result (docs/api.md).
  await sql`
    CREATE TABLE idempotency_keys (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
      operation text NOT NULL,
      request_hash bytea NOT NULL,
      status_code integer NOT NULL,
      response_body jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, key)
    )`.execute(db);
  await sql`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['idempotency_keys', 'expenses', 'incomes', 'debts', 'creditor_catalog', 'dossier_stories',
    'dossier_transitions', 'consent_events']) {
    await sql.raw(`DROP TABLE ${table}`).execute(db);
  }
  await sql`
    ALTER TABLE dossiers DROP COLUMN notes_encrypted, DROP COLUMN overview_confirmed_at, DROP COLUMN overview_confirmed_by,
      DROP COLUMN bvv_official_cents, DROP COLUMN bvv_official_source, DROP COLUMN bvv_official_date,
      DROP COLUMN vtlb_official_cents, DROP COLUMN vtlb_official_source, DROP COLUMN vtlb_official_date,
      DROP COLUMN vtlb_corrections`.execute(db);
}
