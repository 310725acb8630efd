// A whole gated read of a dossier as ONE statement: the caller's scope, the dossier row, the
// requested sections (its children as JSON) and the audit row, in one round trip and so in one
// transaction and one snapshot. The audit row is written whether or not the dossier is visible:
// `success` when the scope found it, `denied` when not, exactly as the transactional gate does.
// A caller that holds a view built at a known stamp (the dossier's `view_revision`, and for some
// sections a stamp of what else they read) passes it: while the stamp is the same, the sections are
// not computed at all (CASE evaluates its subqueries only on the branch it takes) and come back
// null; the scope and the audit row run as always.
// Kysely builds the statement once per role and set of sections (statement-template.ts).
import { sql, type Kysely, type RawBuilder } from 'kysely';
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

type ReadValues = ReadAudit & ActorValues & { dossierId: string; knownStamp: string };
const VALUE_NAMES = ['dossierId', 'knownStamp', ...ACTOR_VALUE_NAMES, ...AUDIT_COLUMNS] as const;
/** No stamp is empty: the sections are always computed. */
const NO_STAMP = '';

// What a set of sections reads besides the dossier's own rows, as SQL that changes when it does.
const otherInputs = new WeakMap<object, RawBuilder<string>>();

/** Marks `sections` as reading more than the dossier's rows: `stamp` (SQL text) joins its revision in the read's stamp. */
export function stampedAlsoBy<S extends Record<string, JsonSection<unknown>>>(sections: S, stamp: RawBuilder<string>): S {
  otherInputs.set(sections, stamp);
  return sections;
}

/** The statement for one set of sections and one role; every other input is a value of the call. */
function readStatement(sections: Record<string, JsonSection<unknown>>, role: Role) {
  return statementTemplate(VALUE_NAMES, (db: Kysely<Database>, values: ReadValues) => {
    const dossierRef = sql.ref<string>('scope.id');
    const audit = Object.fromEntries(AUDIT_COLUMNS.map((column) => [column, values[column]])) as ReadAudit;
    const other = otherInputs.get(sections);
    const stamp = other === undefined
      ? sql<string>`${sql.ref('viewRevision')}::text`
      : sql<string>`${sql.ref('viewRevision')}::text || ':' || coalesce(${other}, '')`;
    return db
      .with('scope', (qb) => qb.selectFrom('dossiers').selectAll().select(stamp.as('viewStamp'))
        .where('id', '=', values.dossierId).where(dossierVisibleTo(actorOfValues(role, values))))
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
        sql<unknown>`case when ${sql.ref('scope.viewStamp')} = ${values.knownStamp} then null else ${section.select(dossierRef)} end`.as(name)));
  });
}

// Sections are module constants (the dossier view's, the overview's): a few statements in all.
const statements = new WeakMap<object, (role: Role) => ReturnType<typeof readStatement>>();

function statementFor(sections: Record<string, JsonSection<unknown>>, role: Role) {
  let byRole = statements.get(sections);
  if (!byRole) statements.set(sections, (byRole = statementTemplates((r: Role) => readStatement(sections, r))));
  return byRole(role);
}

/** The read, with its stamp; `sections` is undefined when the stamp is still `knownStamp`. */
export async function readVisibleDossier<S extends Record<string, JsonSection<unknown>>>(
  db: Kysely<Database>, actor: Actor, dossierId: string, audit: ReadAudit, sections: S, knownStamp = NO_STAMP,
): Promise<{ row: DossierRow; dataKey: { keyId: string; wrappedKey: string } | null; stamp: string; sections: SectionResults<S> | undefined } | undefined> {
  const [found] = await statementFor(sections, actor.role)(db, { ...audit, ...actorValues(actor), dossierId, knownStamp });
  if (!found) return undefined;
  const { dataKeyId, dataKeyWrapped, viewStamp: stamp, ...rest } = found;
  const row = rest as unknown as DossierRow;
  const dataKey = dataKeyId !== null && dataKeyWrapped !== null ? { keyId: dataKeyId, wrappedKey: dataKeyWrapped } : null;
  if (stamp === knownStamp) return { row, dataKey, stamp, sections: undefined };
  const record = rest as unknown as Record<string, unknown>;
  const results = Object.fromEntries(Object.entries(sections).map(([name, section]) => [name, section.decode(record[name])]));
  return { row, dataKey, stamp, sections: results as SectionResults<S> };
}
