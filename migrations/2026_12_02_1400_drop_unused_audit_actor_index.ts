import { sql, type Kysely } from 'kysely';

// No query reads the audit trail by actor: the access log reads it by dossier
// (audit_events_dossier_idx), the activation-code look-up by subject (audit_events_code_issued_idx),
// the retention purge by time. Every audited request, every read included, paid one more B-tree
// insert for this index. A later per-actor query (an investigation of one account) adds the index
// it needs with it.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS audit_events_actor_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, occurred_at)`.execute(db);
}
