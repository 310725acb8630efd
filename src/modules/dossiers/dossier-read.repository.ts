// A whole gated read of a dossier as ONE statement: the caller's session, the caller's scope, the
// dossier row and the requested sections (its children), together one JSON value, and the audit row, in one round trip
// and so in one transaction and one snapshot. The session check is the authentication gate's own
// (liveSessionOf), so the hot routes that read this way load no actor first. With a live session
// the audit row is written whether or not the dossier is visible: `success` when the scope found
// it, `denied` when not, exactly as the transactional gate does. Without one nothing is written or
// shown, and the caller answers 401 as the gate would have.
// A caller that holds a view built at a known stamp (the dossier's `view_revision`, and for some
// sections a stamp of what else they read) first sends a smaller statement that names none of the
// dossier's rows (PostgreSQL opens and locks every table a statement names, even in branches it
// never runs): the session, the scope, the stamp, and the audit row when the stamp is still the
// known one or the dossier is not visible. Only when the stamp moved (another process wrote; this
// process drops its kept views when it writes) does the whole read follow, with its own audit row,
// so every read writes exactly one.
// Kysely builds the statement once per role and set of sections (statement-template.ts).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { liveSessionOf, type SessionClaims } from '../../access/actor.js';
import { dossierVisibleTo } from '../../access/dossier-scope.js';
import type { AuditEventsTable, Database } from '../../db/schema.js';
import { rowFromJson, type JsonSection, type SectionResults, type TimestampColumns } from '../../db/json-rows.js';
import type { Insertable } from 'kysely';
import type { DossierRow } from './dossier.repository.js';
import { statementTemplate, statementTemplates } from '../../db/statement-template.js';
import type { Role } from '../../lib/vocabulary.js';

const AUDIT_COLUMNS = ['action', 'actorUserId', 'actorRole', 'subjectUserId', 'requestId', 'details'] as const;
export type ReadAudit = { [K in (typeof AUDIT_COLUMNS)[number]]-?: Insertable<AuditEventsTable>[K] };

/** The content column: the row (SQL names, timestamps as ISO text) and each section's JSON by its name. */
interface DossierContent { row: Record<string, unknown>; [section: string]: unknown }

type ReadValues = ReadAudit & { dossierId: string; knownStamp: string; actorId: string; actorSessionId: string; now: Date };
const VALUE_NAMES = ['dossierId', 'knownStamp', 'actorId', 'actorSessionId', 'now', ...AUDIT_COLUMNS] as const;
/** No stamp is empty: the sections are always computed. */
const NO_STAMP = '';

// What a set of sections reads besides the dossier's own rows, as SQL that changes when it does.
const otherInputs = new WeakMap<object, RawBuilder<string>>();

/** Marks `sections` as reading more than the dossier's rows: `stamp` (SQL text) joins its revision in the read's stamp. */
export function stampedAlsoBy<S extends Record<string, JsonSection<unknown>>>(sections: S, stamp: RawBuilder<string>): S {
  otherInputs.set(sections, stamp);
  return sections;
}

/**
 * The statement for one set of sections, one role and one kind of read (`whole`, or `stamp` for a
 * caller that holds a kept view); every other input is a value of the call.
 */
function readStatement(sections: Record<string, JsonSection<unknown>>, role: Role, kind: ReadKind) {
  return statementTemplate(VALUE_NAMES, (db: Kysely<Database>, values: ReadValues) => {
    const dossierRef = sql.ref<string>('scope.id');
    const audit = Object.fromEntries(AUDIT_COLUMNS.map((column) => [column, values[column]])) as ReadAudit;
    const other = otherInputs.get(sections);
    const stamp = other === undefined
      ? sql<string>`${sql.ref('viewRevision')}::text`
      : sql<string>`${sql.ref('viewRevision')}::text || ':' || coalesce(${other}, '')`;
    const scoped = sql.ref<string>('scope.id');
    return db
      .with('session', (qb) => qb.selectNoFrom((eb) => liveSessionOf(role, values)(eb).as('live')))
      // A stamp read needs only the id and the stamp: the scope CTE is materialized, every column it carries is copied.
      .with('scope', (qb) => qb.selectFrom('dossiers')
        .$if(kind === 'stamp', (q) => q.select('id')).$if(kind === 'whole', (q) => q.selectAll()).select(stamp.as('viewStamp'))
        .where('id', '=', values.dossierId).where(dossierVisibleTo({ role, userId: values.actorId }))
        .where((eb) => eb.exists(eb.selectFrom('session').select('live').where('live', '=', true))))
      .with('audit', (qb) => qb.insertInto('auditEvents')
        .columns([...AUDIT_COLUMNS, 'dossierId', 'outcome'])
        .expression((eb) => eb.selectFrom('session').where('live', '=', true)
          // A stamp read that finds the stamp moved writes nothing: the whole read that follows does.
          .where(kind === 'whole' ? sql<boolean>`true` : sql<boolean>`not exists (select 1 from scope where ${sql.ref('scope.viewStamp')} <> ${values.knownStamp})`)
          .select([
          // INSERT … SELECT: PostgreSQL types each value by the column it goes to.
          ...AUDIT_COLUMNS.map((column) => eb.val(values[column]).as(column)),
          eb.val(values.dossierId).as('dossierId'),
          sql<'success' | 'denied'>`case when exists (select 1 from scope) then 'success' else 'denied' end`.as('outcome'),
        ])))
      // One row always: whether the session is live, the dossier's id and stamp (null when not
      // visible), and its content as one JSON value. While the stamp is the caller's, the content
      // is null and nothing of the dossier is read, sent or parsed: a kept view's read carries four
      // small columns, not the dossier's forty.
      .selectFrom('session')
      .leftJoin('scope', (join) => join.onTrue())
      .select(['session.live as sessionLive', 'scope.id', 'scope.viewStamp'])
      .select((eb) => {
        if (kind === 'stamp') return sql<DossierContent | null>`null`.as('content');
        const row = eb.selectFrom('scope')
          .leftJoin('users as resident', 'resident.id', 'scope.residentId')
          .leftJoin('dossierAssignments as assignment', (join) =>
            join.onRef('assignment.dossierId', '=', 'scope.id').on('assignment.endedAt', 'is', null))
          .leftJoin('users as maatje', 'maatje.id', 'assignment.maatjeId')
          .leftJoin('dossierKeys as dataKey', 'dataKey.dossierId', 'scope.id')
          .selectAll('scope')
          .select(['dataKey.keyId as dataKeyId', 'dataKey.wrappedKey as dataKeyWrapped'])
          .select(['resident.displayNameEncrypted as residentDisplayNameEncrypted', 'maatje.id as maatjeId', 'maatje.displayNameEncrypted as maatjeDisplayNameEncrypted']);
        // Section names are the code's own constants, written into the SQL as the JSON's keys.
        if ('row' in sections) throw new Error('a section may not be named row');
        const parts = Object.entries(sections).flatMap(([name, section]) => [sql`${sql.lit(name)}`, sql`${section.select(dossierRef)}`]);
        const content = sql<DossierContent | null>`(select json_build_object('row', to_json(${sql.ref('r')}), ${sql.join(parts)}) from (${row}) as ${sql.ref('r')})`;
        return sql<DossierContent | null>`case when ${scoped} is null or ${sql.ref('scope.viewStamp')} = ${values.knownStamp} then null else ${content} end`.as('content');
      });
  });
}

type ReadKind = 'whole' | 'stamp';

/**
 * The stamp of a view built at `stamp` once a write moved the dossier's revision from `before` to
 * `after` (both as text), its other inputs unchanged; undefined when `stamp` is not of `before`.
 */
export function stampAfterWrite(stamp: string, before: string, after: string): string | undefined {
  const colon = stamp.indexOf(':');
  const revision = colon < 0 ? stamp : stamp.slice(0, colon);
  if (revision !== before) return undefined;
  return colon < 0 ? after : after + stamp.slice(colon);
}

// Sections are module constants (the dossier view's, the overview's): a few statements in all.
const statements = new WeakMap<object, (shape: `${Role}:${ReadKind}`) => ReturnType<typeof readStatement>>();

function statementFor(sections: Record<string, JsonSection<unknown>>, role: Role, kind: ReadKind) {
  let byShape = statements.get(sections);
  if (!byShape) {
    statements.set(sections, (byShape = statementTemplates((shape: `${Role}:${ReadKind}`) => {
      const [r, k] = shape.split(':') as [Role, ReadKind];
      return readStatement(sections, r, k);
    })));
  }
  return byShape(`${role}:${kind}`);
}

// Every timestamp column of the row, so that the JSON gives the same Dates as a plain column would.
const ROW_TIMESTAMPS: TimestampColumns<DossierRow> = {
  openedAt: true, updatedAt: true, closedAt: true, consentGivenAt: true, consentWithdrawnAt: true, overviewConfirmedAt: true, erasedAt: true,
};

export interface DossierContentRead<S extends Record<string, JsonSection<unknown>>> {
  row: DossierRow;
  dataKey: { keyId: string; wrappedKey: string } | null;
  sections: SectionResults<S>;
}

/**
 * The read, with its stamp; `content` is undefined when the stamp is still `knownStamp` (then only
 * the stamp came back). `no-session` when the caller's session is over (nothing was written),
 * `not-visible` when the scope does not show the dossier (a `denied` audit row was written).
 */
export async function readVisibleDossier<S extends Record<string, JsonSection<unknown>>>(
  db: Kysely<Database>, caller: SessionClaims, now: Date, dossierId: string, audit: ReadAudit, sections: S, knownStamp = NO_STAMP,
): Promise<{ stamp: string; content: DossierContentRead<S> | undefined } | 'no-session' | 'not-visible'> {
  // A literal of one shape every call (no spread): V8 keeps its stores fast on this hot path.
  const values: ReadValues = {
    action: audit.action, actorUserId: audit.actorUserId, actorRole: audit.actorRole, subjectUserId: audit.subjectUserId,
    requestId: audit.requestId, details: audit.details,
    actorId: caller.userId, actorSessionId: caller.sessionId, now, dossierId, knownStamp,
  };
  if (knownStamp !== NO_STAMP) {
    const [seen] = await statementFor(sections, caller.role, 'stamp')(db, values);
    if (!seen?.sessionLive) return 'no-session';
    if (seen.id === null || seen.viewStamp === null) return 'not-visible';
    if (seen.viewStamp === knownStamp) return { stamp: knownStamp, content: undefined };
    values.knownStamp = NO_STAMP;
  }
  const [found] = await statementFor(sections, caller.role, 'whole')(db, values);
  if (!found?.sessionLive) return 'no-session';
  if (found.id === null || found.viewStamp === null) return 'not-visible';
  const stamp = found.viewStamp;
  if (found.content === null) throw new Error('a whole read of a visible dossier always has its content');
  const { row: json, ...parts } = found.content;
  const { dataKeyId, dataKeyWrapped, viewStamp: _stamp, ...rest } = rowFromJson<DossierRow & { dataKeyId: string | null; dataKeyWrapped: string | null; viewStamp: string }>(json, ROW_TIMESTAMPS);
  const row = rest as DossierRow;
  const dataKey = dataKeyId !== null && dataKeyWrapped !== null ? { keyId: dataKeyId, wrappedKey: dataKeyWrapped } : null;
  const results = Object.fromEntries(Object.entries(sections).map(([name, section]) => [name, section.decode(parts[name])]));
  return { stamp, content: { row, dataKey, sections: results as SectionResults<S> } };
}
