// Bijstandsnormen as data (docs/domain.md §4): staff read them, an admin appends the next half year.
// Other modules read the periods through `loadNormPeriods`, so every calculation sees the same set.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Database } from '../../db/schema.js';
import { previewNormChange } from '../../domain/norm-preview.js';
import {
  isNormPeriodOutdated, normPeriodInForce, validateNewNormPeriod, type NormPeriod, type NormPeriodProblem,
} from '../../domain/norms.js';
import { amsterdamDate } from '../../lib/dates.js';
import { DomainRuleError } from '../../lib/errors.js';
import { toPage, type PageRequest } from '../../lib/pagination.js';
import type { IdempotentResult } from '../../core/idempotent-result.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import type { JsonSection } from '../../db/json-rows.js';
import {
  insertNormPeriod, listNormPeriodRecords, lockNormPeriodsForAppend, normPeriodRecordsSection, normPeriodsStamp, type NormPeriodRecord,
} from './norm-period.repository.js';
import type { CreateNormPeriodBody, NormPeriodPreview, NormPeriodView } from './norm-period.schemas.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** The label a period is shown with when none was given (the seeds all have one). */
function defaultLabel(validFrom: string): string {
  const [year, month, day] = validFrom.split('-').map(Number) as [number, number, number];
  return `Bijstandsnormen ${day} ${MONTHS[month - 1]} ${year}`;
}

function toNormPeriod(record: NormPeriodRecord): NormPeriod & { id: string } {
  return { id: record.id, validFrom: record.validFrom, label: record.label ?? defaultLabel(record.validFrom), norms: record.norms };
}

/** Every stored period, oldest first, in the domain's shape: what the overview and the PDF compute with. */
export async function loadNormPeriods(db: Kysely<Database>): Promise<(NormPeriod & { id: string })[]> {
  return (await listNormPeriodRecords(db)).map(toNormPeriod);
}

/** A fingerprint of the norm periods as SQL text, for a kept view that reads them (dossiers/view-cache.ts). */
export { normPeriodsStamp };

/** `loadNormPeriods` as a part of a one-statement read (`readKeptView`). */
export const normPeriodsSection: JsonSection<(NormPeriod & { id: string })[]> = {
  select: normPeriodRecordsSection.select,
  decode: (json) => normPeriodRecordsSection.decode(json).map(toNormPeriod),
};

function toView(record: NormPeriodRecord, inForceId: string | undefined): NormPeriodView {
  return { ...toNormPeriod(record), inForce: record.id === inForceId, createdAt: record.createdAt, createdBy: record.createdBy };
}

// Keyset position of a period: the list is in validFrom order and validFrom is unique, so it is a
// cursor by itself. (A period added before the cursor while someone pages shows on a fresh listing.)
const positionOf = (record: NormPeriodRecord) => ({ createdAt: `${record.validFrom}T00:00:00.000000Z`, id: record.id });

export async function listNormPeriods(ctx: ServiceContext, page: PageRequest) {
  const after = page.cursor;
  const today = amsterdamDate(ctx.now);
  const records = await listNormPeriodRecords(ctx.db);
  const inForceId = normPeriodInForce(records, today)?.id;
  const afterDate = after?.createdAt.slice(0, 10);
  const rest = afterDate === undefined ? records : records.filter((record) => record.validFrom > afterDate);
  return {
    ...toPage(rest.slice(0, page.limit + 1), page.limit, positionOf, (record) => toView(record, inForceId)),
    today,
    // Judged over all periods, not this page: it is about whether the newest one is too old.
    normPeriodOutdated: isNormPeriodOutdated(records, today),
  };
}

function problemToError(problem: NormPeriodProblem) {
  switch (problem.code) {
    case 'valid_from_not_a_date':
      return { pointer: '/body/validFrom', code: problem.code, detail: 'validFrom is not a calendar date.' };
    case 'valid_from_not_1_january_or_1_july':
      return { pointer: '/body/validFrom', code: problem.code, detail: 'Norm periods start on 1 January or 1 July.' };
    case 'valid_from_too_far_ahead':
      return { pointer: '/body/validFrom', code: problem.code, latestValidFrom: problem.latestValidFrom,
        detail: `A period may start at most 6 months ahead (${problem.latestValidFrom}); it can never be removed once added.` };
    case 'valid_from_exists':
      return { pointer: '/body/validFrom', code: problem.code, validFrom: problem.validFrom,
        detail: `A period starting ${problem.validFrom} exists; existing periods are never changed.` };
    case 'norm_missing':
      return { pointer: `/body/norms/${problem.key}`, code: problem.code, detail: `The norm for ${problem.key} is missing.` };
    case 'norm_unknown_key':
      return { pointer: `/body/norms/${problem.key}`, code: problem.code, detail: 'Not a household key of the norm tables.' };
    case 'amount_not_positive_cents':
      return { pointer: `/body/norms/${problem.key}/${problem.field}`, code: problem.code, detail: 'Amounts are positive whole cents.' };
    case 'holiday_allowance_mismatch':
      return { pointer: `/body/norms/${problem.key}/excludingHolidayCents`, code: problem.code,
        expectedExcludingHolidayCents: problem.expectedExcludingHolidayCents,
        detail: `The norm excluding vakantietoeslag must be 95 % of the norm including it (${problem.expectedExcludingHolidayCents} cents, ±1).` };
  }
}

export async function addNormPeriod(
  ctx: ServiceContext, body: CreateNormPeriodBody, idempotencyKey: string | undefined,
): Promise<IdempotentResult<NormPeriodView>> {
  const today = amsterdamDate(ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    const request = { userId: ctx.actor.userId, key: idempotencyKey, operation: 'normPeriod.create', payload: body, now: ctx.now, cipher: ctx.cipher };
    return idempotent(trx, request, async () => {
      await lockNormPeriodsForAppend(trx);
      const existing = await listNormPeriodRecords(trx);
      const problems = validateNewNormPeriod(body, existing, today);
      if (problems.length > 0) {
        throw new DomainRuleError('norm_period_refused', 'The norm period cannot be added; see errors.', { errors: problems.map(problemToError) });
      }
      const record = await insertNormPeriod(trx, {
        validFrom: body.validFrom, label: body.label ?? defaultLabel(body.validFrom), norms: body.norms,
        createdAt: ctx.now, createdBy: ctx.actor.userId,
      });
      await recordAudit(trx, {
        action: 'normPeriod.created', outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role,
        requestId: ctx.requestId, details: { validFrom: record.validFrom },
      });
      const inForceId = normPeriodInForce([...existing, record], today)?.id;
      return { statusCode: 201, body: toView(record, inForceId) };
    });
  });
}

/**
 * Saving a period is final, so the admin first sees what it would refuse (the same errors as the
 * 422 of POST) and what it would change for a sample household per norm key. Nothing is stored.
 */
export async function previewNormPeriod(ctx: ServiceContext, body: CreateNormPeriodBody): Promise<NormPeriodPreview> {
  const today = amsterdamDate(ctx.now);
  const existing = await listNormPeriodRecords(ctx.db);
  const inForce = normPeriodInForce(existing, today);
  return {
    errors: validateNewNormPeriod(body, existing, today).map(problemToError),
    currentPeriod: inForce === null ? null : { validFrom: inForce.validFrom, label: toNormPeriod(inForce).label },
    households: previewNormChange(inForce?.norms ?? null, body.norms),
  };
}
