// The hot tables keep their single-column rules as domains (migration
// 2026_12_02_1500_hot_checks_as_domains, docs/architecture.md "The hot paths"): the rules still
// refuse what they refused, by the same constraint name, and a new table CHECK on one column of
// these tables fails here, so it goes into a domain too.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { HOT_TABLES } from '../../migrations/2026_12_02_1500_hot_checks_as_domains.js';
import { useTestDb } from '../support/db.js';

const t = useTestDb();

async function violation(statement: Promise<unknown>) {
  const error = await statement.then(() => undefined, (e: unknown) => e as { code?: string; constraint?: string; message?: string });
  return { code: error?.code, constraint: error?.constraint, message: error?.message };
}

describe('the hot tables\' checks as domains', () => {
  it('leaves no single-column table CHECK on the hot tables', async () => {
    const { rows } = await sql<{ table: string; constraint: string }>`
      SELECT c.conrelid::regclass::text AS table, c.conname AS constraint FROM pg_constraint c
      WHERE c.contype = 'c' AND cardinality(c.conkey) = 1 AND c.conrelid::regclass::text = ANY(${[...HOT_TABLES]}::text[])`.execute(t.db);
    expect(rows).toEqual([]);
  });

  it('still refuses what the checks refused, with SQLSTATE 23514 and the same constraint name', async () => {
    const badAudit = await violation(t.db.insertInto('auditEvents').values({ action: 'test.event', outcome: 'maybe' as 'success' }).execute());
    expect(badAudit).toMatchObject({ code: '23514', message: expect.stringContaining('audit_events_outcome_check') });
    const emptyAction = await violation(t.db.insertInto('auditEvents').values({ action: '', outcome: 'success' }).execute());
    expect(emptyAction).toMatchObject({ code: '23514', message: expect.stringContaining('audit_events_action_check') });
    // A cast in SQL does not get round a domain either.
    const negative = await violation(sql`SELECT (-1)::debts_balance_cents`.execute(t.db));
    expect(negative).toMatchObject({ code: '23514', message: expect.stringContaining('debts_balance_cents_check') });
    expect(await t.db.selectFrom('auditEvents').select('id').execute()).toEqual([]);
  });

  it('accepts every value the rules allow, at their bounds', async () => {
    await sql`SELECT 0::debts_balance_cents, 1000000000::debts_balance_cents, 'open'::debts_status, 'closed'::dossiers_phase, 20::dossiers_household_other_adults`.execute(t.db);
    await expect(sql`SELECT 1000000001::debts_balance_cents`.execute(t.db)).rejects.toThrow(/debts_balance_cents_check/);
    await expect(sql`SELECT 21::dossiers_household_other_adults`.execute(t.db)).rejects.toThrow(/dossiers_household_other_adults_check/);
  });
});
