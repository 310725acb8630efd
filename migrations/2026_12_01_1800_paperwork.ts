import { sql, type Kysely } from 'kysely';

// The paperwork of phases B and C: letter templates as versioned data, the letters made per debt
// with their tracking, the confirmed balance on a debt, and the resident's consent to hand the
// dossier over to a named organisation.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE letter_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('saldo_opgave', 'incasso_pauze', 'betalingsregeling', 'schikkingsvoorstel')),
      version integer NOT NULL CHECK (version >= 1),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
      paragraphs jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES users (id),
      UNIQUE (kind, version)
    )`.execute(db);
  // Wording changes by adding a version, never by editing one: a letter names the version it used.
  await sql`
    CREATE FUNCTION letter_templates_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'letter templates are never changed; add a new version'; END $$`.execute(db);
  await sql`
    CREATE TRIGGER letter_templates_no_update BEFORE UPDATE OR DELETE ON letter_templates
      FOR EACH ROW EXECUTE FUNCTION letter_templates_immutable()`.execute(db);

  const templates: [string, string, string[]][] = [
    ['saldo_opgave', 'Verzoek om een overzicht van mijn schuld', [
      'Ik heb een schuld bij u. Ik krijg hulp om mijn geldzaken op orde te brengen. Daarvoor heb ik een nieuw overzicht van deze schuld nodig.',
      'Wilt u mij een overzicht sturen van het bedrag dat ik nu nog moet betalen? Wilt u daarin apart noemen: de hoofdsom (het bedrag van de schuld zelf), de rente, de incassokosten en andere kosten?',
      'Volgens mijn gegevens is het bedrag nu {bedrag}. Klopt dat niet? Laat mij dan weten wat wel klopt.',
      'Ik ontvang het overzicht graag binnen 14 dagen.',
    ]],
    ['incasso_pauze', 'Verzoek om de incasso even te stoppen', [
      'Ik heb een schuld bij u. Ik krijg nu hulp om al mijn schulden op een rij te zetten. Daarna zoeken we een oplossing.',
      'Ik vraag u om de incasso even te stoppen. Wilt u in die tijd geen nieuwe kosten rekenen en geen beslag leggen? Beslag betekent dat u een deel van mijn inkomen of spullen laat afnemen.',
      'Zo krijg ik de rust om samen met mijn hulp een goede regeling voor te stellen. Ik houd u op de hoogte.',
      'Wilt u mij binnen 14 dagen laten weten of u akkoord bent?',
    ]],
    ['betalingsregeling', 'Voorstel voor een betalingsregeling', [
      'Ik heb een schuld bij u van {bedrag}. Ik heb samen met mijn hulp mijn inkomsten en uitgaven op een rij gezet. Zo weet ik wat ik elke maand kan missen om schulden af te lossen.',
      'Ik stel voor om elke maand {aflosbedrag} aan u te betalen, tot de schuld betaald is. Dat duurt ongeveer {termijnen} maanden.',
      'Meer kan ik nu niet betalen: het geld dat over is, gaat naar al mijn schuldeisers samen.',
      'Wilt u mij binnen 14 dagen laten weten of u akkoord bent?',
    ]],
    ['schikkingsvoorstel', 'Voorstel om de schuld te regelen', [
      'Ik heb een schuld bij u van {bedrag}. Ik heb samen met mijn hulp mijn inkomsten en uitgaven op een rij gezet. Ik kan niet al mijn schulden helemaal betalen.',
      'Ik stel voor om in {termijnen} maanden samen {totaal} aan u te betalen. Dat is {percentage} van de schuld. Al mijn schuldeisers krijgen hetzelfde deel, naar de grootte van hun schuld.',
      'Ik vraag u om daarna de rest van de schuld kwijt te schelden. Kwijtschelden betekent dat ik de rest niet meer hoef te betalen.',
      'Wilt u mij binnen 14 dagen laten weten of u akkoord bent?',
    ]],
  ];
  for (const [kind, subject, paragraphs] of templates) {
    await sql`INSERT INTO letter_templates (kind, version, subject, paragraphs)
      VALUES (${kind}, 1, ${subject}, ${JSON.stringify(paragraphs)}::jsonb)`.execute(db);
  }

  await sql`
    CREATE TABLE letters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      debt_id uuid NOT NULL REFERENCES debts (id) ON DELETE CASCADE,
      batch_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('saldo_opgave', 'incasso_pauze', 'betalingsregeling', 'schikkingsvoorstel')),
      template_version integer NOT NULL,
      proposal jsonb,
      sent_on date,
      answered_on date,
      follow_up_action_id uuid REFERENCES actions (id) ON DELETE SET NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      created_by uuid REFERENCES users (id),
      FOREIGN KEY (kind, template_version) REFERENCES letter_templates (kind, version),
      CHECK (answered_on IS NULL OR sent_on IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX letters_dossier_idx ON letters (dossier_id, created_at, id)`.execute(db);
  await sql`CREATE INDEX letters_batch_idx ON letters (dossier_id, batch_id)`.execute(db);
  // The daily follow-up looks only at letters sent and still unanswered.
  await sql`CREATE INDEX letters_unanswered_idx ON letters (sent_on) WHERE answered_on IS NULL AND follow_up_action_id IS NULL`.execute(db);

  await sql`ALTER TABLE debts ADD COLUMN balance_confirmed_on date`.execute(db);

  await sql`
    CREATE TABLE handover_consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      organisation text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
      include_story boolean NOT NULL,
      given_at timestamptz NOT NULL,
      recorded_on_paper boolean NOT NULL,
      recorded_by uuid REFERENCES users (id),
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES users (id)
    )`.execute(db);
  // At most one standing consent per dossier; the withdrawn ones stay as history.
  await sql`CREATE UNIQUE INDEX handover_consents_standing ON handover_consents (dossier_id) WHERE withdrawn_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE handover_consents`.execute(db);
  await sql`ALTER TABLE debts DROP COLUMN balance_confirmed_on`.execute(db);
  await sql`DROP TABLE letters`.execute(db);
  await sql`DROP TABLE letter_templates`.execute(db);
  await sql`DROP FUNCTION letter_templates_immutable`.execute(db);
}
