// Stories carry the life events the evaluator counts. The text is encrypted at rest with the
// configured key and the dossier id as associated data, exactly as the service writes it, so the
// service can read these stories back; that one step needs Node, the rest stays in SQL.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { FieldCipher } from '../../src/lib/field-crypto.js';

const CHUNK = 5_000;
const STORY_TEXT = 'Synthetisch verhaal: geen echte bewoner.';

export async function insertStories(trx: Kysely<Database>, cipher: FieldCipher): Promise<number> {
  // 85 % tell a story; each of the weighted events is named independently, at least one.
  await sql`
    CREATE TEMP TABLE synth_story ON COMMIT DROP AS
    SELECT s.dossier_id, s.opened_at, s.maatje_id, coalesce(nullif(events, '{}'), ARRAY['anders']) AS life_events
    FROM synth s
    CROSS JOIN LATERAL (
      SELECT array_agg(event ORDER BY event) AS events
      FROM (VALUES ('baanverlies', 0.30), ('scheiding', 0.15), ('ziekte', 0.30), ('overlijden', 0.05),
        ('inkomensdaling', 0.40), ('toeslagen', 0.25), ('verslaving', 0.05), ('ondernemerschap', 0.05), ('anders', 0.10))
        AS e(event, chance)
      WHERE random() < e.chance AND s.dossier_id IS NOT NULL
    ) drawn
    WHERE random() < 0.85`.execute(trx);
  const { rows } = await sql<{ dossierId: string }>`SELECT dossier_id FROM synth_story`.execute(trx);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const ids = rows.slice(start, start + CHUNK).map((row) => row.dossierId);
    const texts = ids.map((rowId) => cipher.encrypt(STORY_TEXT, { table: 'dossier_stories', column: 'text', rowId }));
    await sql`
      INSERT INTO dossier_stories (dossier_id, text_encrypted, life_events, updated_at, updated_by)
      SELECT s.dossier_id, e.text, s.life_events, s.opened_at, s.maatje_id
      FROM unnest(${ids}::uuid[], ${texts}::text[]) AS e(id, text)
      JOIN synth_story s ON s.dossier_id = e.id`.execute(trx);
  }
  return rows.length;
}
