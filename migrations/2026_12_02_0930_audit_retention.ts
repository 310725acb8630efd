import { sql, type Kysely } from 'kysely';

// Audit rows end after AUDIT_RETENTION_MONTHS, but only through one door the application's own role
// cannot bend: purge_audit_events() runs as the schema owner (SECURITY DEFINER), computes its cutoff
// from the database clock and from a retention the owner stored, and the append-only trigger lets a
// DELETE through only inside that function and only for rows older than that stored retention.
export async function up(db: Kysely<any>): Promise<void> {
  // One row, written by the owner at migrate time (AUDIT_RETENTION_MONTHS of the migrating process);
  // the application role has no privilege on it, so it cannot shorten the retention.
  await sql`
    CREATE TABLE audit_retention (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      months integer NOT NULL CHECK (months BETWEEN 6 AND 600)
    )`.execute(db);
  await sql`INSERT INTO audit_retention (months) VALUES (60)`.execute(db);

  await sql`
    CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- A statement trigger (TRUNCATE) has no OLD row: nested IFs, so OLD is read only for DELETE.
      IF TG_OP = 'DELETE' AND current_setting('schoonschip.audit_purge', true) = 'on' THEN
        IF current_user = (SELECT r.rolname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_roles r ON r.oid = c.relowner WHERE c.oid = TG_RELID)
          AND OLD.occurred_at < now() - make_interval(months => (SELECT months FROM public.audit_retention)) THEN
          RETURN OLD;
        END IF;
      END IF;
      RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);

  // The caller may ask for a longer retention than the stored one, never a shorter one; the cutoff
  // uses the database's clock (transaction start), so no "now" from the caller reaches it.
  await sql`
    CREATE FUNCTION purge_audit_events(requested_months integer, dry_run boolean) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
      retention integer;
      cutoff timestamptz;
      deleted bigint;
    BEGIN
      SELECT greatest(coalesce(requested_months, 0), r.months) INTO retention FROM public.audit_retention r;
      cutoff := now() - make_interval(months => retention);
      IF dry_run THEN
        SELECT count(*) INTO deleted FROM public.audit_events WHERE occurred_at < cutoff;
        RETURN deleted;
      END IF;
      PERFORM set_config('schoonschip.audit_purge', 'on', true);
      DELETE FROM public.audit_events WHERE occurred_at < cutoff;
      GET DIAGNOSTICS deleted = ROW_COUNT;
      PERFORM set_config('schoonschip.audit_purge', 'off', true);
      RETURN deleted;
    END
    $$`.execute(db);
  // Functions are executable by PUBLIC by default; the application role gets it by name (src/db/roles.ts).
  await sql`REVOKE ALL ON FUNCTION purge_audit_events(integer, boolean) FROM PUBLIC`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION purge_audit_events(integer, boolean)`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`DROP TABLE audit_retention`.execute(db);
}
