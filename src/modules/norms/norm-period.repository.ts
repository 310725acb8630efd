// The norm_periods table: read all, append one. Rows are never updated or deleted (the table itself
// refuses), so there is nothing else to offer.
import { expressionBuilder, sql, type Kysely, type Selectable } from 'kysely';
import { jsonRowsSection, type JsonSection } from '../../db/json-rows.js';
import type { Database, NormPeriodsTable } from '../../db/schema.js';
import type { NormHouseholdKey } from '../../lib/vocabulary.js';

type AmountColumn = Exclude<keyof NormPeriodsTable, 'id' | 'validFrom' | 'label' | 'createdAt' | 'createdBy'>;

/** Where each household key's two amounts live: one column pair per key, named after it. */
const COLUMNS: Record<NormHouseholdKey, { excl: AmountColumn; incl: AmountColumn }> = {
  alleenstaand_21_aow: { excl: 'alleenstaand21AowExclCents', incl: 'alleenstaand21AowInclCents' },
  samenwonend_21_aow: { excl: 'samenwonend21AowExclCents', incl: 'samenwonend21AowInclCents' },
  alleenstaand_aow: { excl: 'alleenstaandAowExclCents', incl: 'alleenstaandAowInclCents' },
  samenwonend_aow: { excl: 'samenwonendAowExclCents', incl: 'samenwonendAowInclCents' },
};
const KEYS = Object.keys(COLUMNS) as NormHouseholdKey[];

export interface NormAmountsRecord {
  excludingHolidayCents: number;
  includingHolidayCents: number;
}

export interface NormPeriodRecord {
  id: string;
  validFrom: string;
  label: string | null;
  createdAt: Date;
  createdBy: string | null;
  norms: Record<NormHouseholdKey, NormAmountsRecord>;
}

function toRecord(row: Selectable<NormPeriodsTable>): NormPeriodRecord {
  const norms = Object.fromEntries(KEYS.map((key) => [key, {
    excludingHolidayCents: row[COLUMNS[key].excl],
    includingHolidayCents: row[COLUMNS[key].incl],
  }])) as Record<NormHouseholdKey, NormAmountsRecord>;
  return { id: row.id, validFrom: row.validFrom, label: row.label, createdAt: row.createdAt, createdBy: row.createdBy, norms };
}

/** Every period, oldest first. Two a year: the whole table is smaller than one page of debts. */
export async function listNormPeriodRecords(db: Kysely<Database>): Promise<NormPeriodRecord[]> {
  const rows = await db.selectFrom('normPeriods').selectAll().orderBy('validFrom').execute();
  return rows.map(toRecord);
}

const rowsSection = jsonRowsSection<Selectable<NormPeriodsTable>>(
  () => expressionBuilder<Database>().selectFrom('normPeriods').selectAll(), 'valid_from', { createdAt: true });

/** `listNormPeriodRecords` as a part of a one-statement read (the same for every dossier). */
export const normPeriodRecordsSection: JsonSection<NormPeriodRecord[]> = {
  select: rowsSection.select,
  decode: (json) => rowsSection.decode(json).map(toRecord),
};

/**
 * A fingerprint of every period's whole row, as SQL text: a view built from the norm periods (the
 * overview) is kept only while it is the same (dossiers/view-cache.ts).
 */
export const normPeriodsStamp = sql<string>`(select md5(string_agg(n::text, ',' order by n.id)) from norm_periods n)`;

/**
 * Serializes additions (reads stay free), so two admins cannot both pass the "after every existing
 * period" check and append out of order. Held until the caller's transaction ends.
 */
export async function lockNormPeriodsForAppend(trx: Kysely<Database>): Promise<void> {
  await sql`LOCK TABLE norm_periods IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
}

export async function insertNormPeriod(
  db: Kysely<Database>,
  values: { validFrom: string; label: string; createdAt: Date; createdBy: string; norms: Record<NormHouseholdKey, NormAmountsRecord> },
): Promise<NormPeriodRecord> {
  const amounts = Object.fromEntries(KEYS.flatMap((key) => [
    [COLUMNS[key].excl, values.norms[key].excludingHolidayCents],
    [COLUMNS[key].incl, values.norms[key].includingHolidayCents],
  ])) as Record<AmountColumn, number>;
  const row = await db.insertInto('normPeriods')
    .values({ validFrom: values.validFrom, label: values.label, createdAt: values.createdAt, createdBy: values.createdBy, ...amounts })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}
