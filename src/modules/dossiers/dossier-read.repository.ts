// A whole gated read of a dossier as ONE statement: the caller's scope, the dossier row, the
// requested sections (its children as JSON) and the audit row, in one round trip and so in one
// transaction and one snapshot. The audit row is written whether or not the dossier is visible:
// `success` when the scope found it, `denied` when not, exactly as the transactional gate does.
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { dossierVisibleTo } from '../../access/dossier-scope.js';
import type { AuditEventsTable, Database } from '../../db/schema.js';
import type { JsonSection, SectionResults } from '../../db/json-rows.js';
import type { Insertable } from 'kysely';
import type { DossierRow } from './dossier.repository.js';

export type ReadAudit = Omit<Insertable<AuditEventsTable>, 'outcome' | 'dossierId'>;

export async function readVisibleDossier<S extends Record<string, JsonSection<unknown>>>(
  db: Kysely<Database>, actor: Actor, dossierId: string, audit: ReadAudit, sections: S,
): Promise<{ row: DossierRow; dataKey: { keyId: string; wrappedKey: string } | null; sections: SectionResults<S> } | undefined> {
  const dossierRef = sql.ref<string>('scope.id');
  const found = await db
    .with('scope', (qb) => qb.selectFrom('dossiers').selectAll().where('id', '=', dossierId).where(dossierVisibleTo(actor)))
    .with('audit', (qb) => qb.insertInto('auditEvents').values({
      ...audit,
      dossierId,
      outcome: sql<'success' | 'denied'>`case when exists (select 1 from scope) then 'success' else 'denied' end`,
    }))
    .selectFrom('scope')
    .innerJoin('users as resident', 'resident.id', 'scope.residentId')
    .leftJoin('dossierAssignments as assignment', (join) =>
      join.onRef('assignment.dossierId', '=', 'scope.id').on('assignment.endedAt', 'is', null))
    .leftJoin('users as maatje', 'maatje.id', 'assignment.maatjeId')
    .leftJoin('dossierKeys as dataKey', 'dataKey.dossierId', 'scope.id')
    .selectAll('scope')
    .select(['dataKey.keyId as dataKeyId', 'dataKey.wrappedKey as dataKeyWrapped'])
    .select(['resident.displayName as residentDisplayName', 'maatje.id as maatjeId', 'maatje.displayName as maatjeDisplayName'])
    .select(Object.entries(sections).map(([name, section]) => section.select(dossierRef).as(name)))
    .executeTakeFirst();
  if (!found) return undefined;
  const { dataKeyId, dataKeyWrapped, ...rest } = found;
  const record = rest as unknown as Record<string, unknown>;
  const results = Object.fromEntries(Object.entries(sections).map(([name, section]) => [name, section.decode(record[name])]));
  const dataKey = dataKeyId !== null && dataKeyWrapped !== null ? { keyId: dataKeyId, wrappedKey: dataKeyWrapped } : null;
  return { row: rest as unknown as DossierRow, dataKey, sections: results as SectionResults<S> };
}
