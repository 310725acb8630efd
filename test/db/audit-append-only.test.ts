import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../support/db.js';

const t = useTestDb();

describe('audit_events is append-only in the database itself', () => {
  // The trigger refuses even the owner; run as the application role (TEST_DB_APP_ROLE=1), the
  // missing privilege refuses first.
  it('accepts inserts and refuses UPDATE, DELETE and TRUNCATE', async () => {
    await t.db
      .insertInto('auditEvents')
      .values({ action: 'test.event', outcome: 'success' })
      .execute();
    await expect(t.db.updateTable('auditEvents').set({ action: 'changed' }).execute()).rejects.toThrow(/append-only|permission denied/);
    await expect(t.db.deleteFrom('auditEvents').execute()).rejects.toThrow(/append-only|permission denied/);
    await expect(sql`TRUNCATE audit_events`.execute(t.db)).rejects.toThrow(/append-only|permission denied/);
    const rows = await t.db.selectFrom('auditEvents').select(['action']).execute();
    expect(rows).toEqual([{ action: 'test.event' }]);
  });
});
