// A whole gated read of a dossier as ONE statement: the caller's scope, the dossier row, the
// requested sections (its children as JSON) and the audit row, in one round trip and so in one
// transaction and one snapshot. The audit row is written whether or not the dossier is visible:
// `success` when the scope found it, `denied` when not, exactly as the transactional gate does.
// A caller that holds a view built at a known `view_revision` passes it: when the dossier still
// has that revision, the sections are not computed at all (CASE evaluates its subqueries only on
// the branch it takes) and come back null; the scope and the audit row run as always.
// Kysely builds the statement once per role and set of sections (statement-template.ts).
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { ACTOR_VALUE_NAMES, actorOfValues, actorValues, dossierVisibleTo, type ActorValues } from '../../access/dossier-scope.js';
import type { AuditEventsTable, Database } from '../../db/schema.js';
import type { JsonSection, SectionResults } from '../../db/json-rows.js';
import type { Insertable } from 'kysely';
import type { DossierRow } from './dossier.repository.js';
import { statementTemplate, statementTemplates } from '../../db/statement-template.js';
import type { Role } from '../../lib/vocabulary.js';

const AUDIT_COLUMNS = ['action', 'actorUserId', 'actorRole', 'subjectUserId', 'requestId', 'details'] as const;
export type ReadAudit = { [K in (typeof AUDIT_COLUMNS)[number]]-?: Insertable<AuditEventsTable>[K] };

type ReadValues = ReadAudit & ActorValues & { dossierId: string; knownRevision: number };
const VALUE_NAMES = ['dossierId', 'knownRevision', ...ACTOR_VALUE_NAMES, ...AUDIT_COLUMNS] as const;
/** No dossier has this revision (they start at 0): the sections are always computed. */
const NO_REVISION = -1;

/** The statement for one set of sections and one role; every other input is a value of the call. */
function readStatement(sections: Record<string, JsonSection<unknown>>, role: Role) {
  return statementTemplate(VALUE_NAMES, (db: Kysely<Database>, values: ReadValues) => {
    const dossierRef = sql.ref<string>('scope.id');
    const audit = Object.fromEntries(AUDIT_COLUMNS.map((column) => [column, values[column]])) as ReadAudit;
    return db
      .with('scope', (qb) => qb.selectFrom('dossiers').selectAll().where('id', '=', values.dossierId).where(dossierVisibleTo(actorOfValues(role, values))))
      .with('audit', (qb) => qb.insertInto('auditEvents').values({
        ...audit,
        dossierId: values.dossierId,
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
      .select(['resident.displayNameEncrypted as residentDisplayNameEncrypted', 'maatje.id as maatjeId', 'maatje.displayNameEncrypted as maatjeDisplayNameEncrypted'])
      .select(Object.entries(sections).map(([name, section]) =>
        sql<unknown>`case when ${sql.ref('scope.viewRevision')} = ${values.knownRevision} then null else ${section.select(dossierRef)} end`.as(name)));
  });
}

// Sections are module constants (the dossier view's, the overview's): a few statements in all.
const statements = new WeakMap<object, (role: Role) => ReturnType<typeof readStatement>>();

function statementFor(sections: Record<string, JsonSection<unknown>>, role: Role) {
  let byRole = statements.get(sections);
  if (!byRole) statements.set(sections, (byRole = statementTemplates((r: Role) => readStatement(sections, r))));
  return byRole(role);
}

/** The read; `sections` is undefined when the dossier's revision is still `knownRevision`. */
export async function readVisibleDossier<S extends Record<string, JsonSection<unknown>>>(
  db: Kysely<Database>, actor: Actor, dossierId: string, audit: ReadAudit, sections: S, knownRevision = NO_REVISION,
): Promise<{ row: DossierRow; dataKey: { keyId: string; wrappedKey: string } | null; sections: SectionResults<S> | undefined } | undefined> {
  const [found] = await statementFor(sections, actor.role)(db, { ...audit, ...actorValues(actor), dossierId, knownRevision });
  if (!found) return undefined;
  const { dataKeyId, dataKeyWrapped, ...rest } = found;
  const row = rest as unknown as DossierRow;
  const dataKey = dataKeyId !== null && dataKeyWrapped !== null ? { keyId: dataKeyId, wrappedKey: dataKeyWrapped } : null;
  if (row.viewRevision === knownRevision) return { row, dataKey, sections: undefined };
  const record = rest as unknown as Record<string, unknown>;
  const results = Object.fromEntries(Object.entries(sections).map(([name, section]) => [name, section.decode(record[name])]));
  return { row, dataKey, sections: results as SectionResults<S> };
}
