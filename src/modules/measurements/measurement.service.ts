// Measurements for the HvA evaluation: instruments are data (an admin adds a version, never edits
// one), answers are checked against the version they claim. T0 and T1 belong to an open dossier;
// T2, about six months after closing, only to a closed one.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Database } from '../../db/schema.js';
import { measurementsDue } from '../../domain/measurement-due.js';
import { amsterdamDate } from '../../lib/dates.js';
import { ConflictError, DomainRuleError } from '../../lib/errors.js';
import type { MeasurementMoment } from '../../lib/vocabulary.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import { withDossier, type DossierOperation } from '../dossiers/dossier-gate.service.js';
import { putSingleton } from '../dossiers/singleton.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import {
  findInstrument, findMeasurement, insertInstrument, insertMeasurement, listInstruments, listMeasurements,
  updateMeasurementIfVersion,
} from './measurement.repository.js';
import type { InstrumentBody, MeasurementBody, MeasurementView } from './measurement.schemas.js';

type MeasurementRow = NonNullable<Awaited<ReturnType<typeof findMeasurement>>>;

export function toMeasurementView(row: MeasurementRow): MeasurementView {
  return { moment: row.moment, instrumentVersion: row.instrumentVersion, items: row.items, recordedAt: row.recordedAt, version: row.version };
}

export async function instruments(ctx: ServiceContext) {
  return { items: await listInstruments(ctx.db) };
}

export async function addInstrument(ctx: ServiceContext, body: InstrumentBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const created = await insertInstrument(trx, { ...body, createdAt: ctx.now, createdBy: ctx.actor.userId });
    if (!created) throw new ConflictError('instrument_version_exists', 'This instrument version exists; add a new version instead of changing it.');
    await recordAudit(trx, { action: 'instrument.created', outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, requestId: ctx.requestId });
    return created;
  });
}

function itemProblems(items: Record<string, number>, definition: { code: string; minScore: number; maxScore: number }[]) {
  const byCode = new Map(definition.map((item) => [item.code, item]));
  return Object.entries(items).flatMap(([code, score]) => {
    const item = byCode.get(code);
    if (!item) return [{ pointer: `/body/items/${code}`, code: 'unknown_item', detail: `The instrument has no item "${code}".` }];
    if (score < item.minScore || score > item.maxScore) {
      return [{ pointer: `/body/items/${code}`, code: 'score_out_of_range', detail: `Scores of "${code}" run from ${item.minScore} to ${item.maxScore}.` }];
    }
    return [];
  });
}

export async function dossierMeasurements(ctx: ServiceContext, dossierId: string) {
  return withDossier(ctx, dossierId, { action: 'measurement.listed', write: false }, async (trx, dossier) => {
    const items = (await listMeasurements(trx, dossier)).map(toMeasurementView);
    const newest = (await listInstruments(trx)).at(-1);
    const due = measurementsDue({
      phase: dossier.phase, consentGiven: dossier.consentGivenAt !== null, consentWithdrawn: dossier.consentWithdrawnAt !== null,
      closedOn: dossier.closedAt === null ? null : amsterdamDate(dossier.closedAt), recorded: items.map((item) => item.moment),
      today: amsterdamDate(ctx.now),
    });
    return { items, due: due.map((entry) => ({ ...entry, instrumentVersion: newest?.version ?? null })) };
  });
}

export async function putMeasurement(ctx: ServiceContext, dossierId: string, moment: MeasurementMoment, version: number | undefined, body: MeasurementBody) {
  const operation: DossierOperation = { action: 'measurement.recorded', write: true, allowWhenClosed: moment === 'T2' };
  return withDossier(ctx, dossierId, operation, async (trx, dossier, note) => {
    note.details = { moment, instrumentVersion: body.instrumentVersion };
    if (moment === 'T2' && dossier.phase !== 'closed') {
      throw new ConflictError('dossier_not_closed', 'The T2 measurement follows the closing of the dossier.');
    }
    const instrument = await findInstrument(trx, body.instrumentVersion);
    if (!instrument) throw new DomainRuleError('unknown_instrument', 'No instrument has this version.');
    const problems = itemProblems(body.items, instrument.items);
    if (problems.length > 0) throw new DomainRuleError('measurement_invalid', 'The answers do not fit the instrument.', { errors: problems });
    const values = { instrumentVersion: body.instrumentVersion, items: body.items, recordedAt: ctx.now, recordedBy: ctx.actor.userId };
    return putSingleton({
      find: () => findMeasurement(trx, dossier, moment),
      insert: () => insertMeasurement(trx, dossier, moment, values),
      updateIfVersion: (current) => updateMeasurementIfVersion(trx, dossier, moment, current, values),
    }, version, toMeasurementView);
  });
}


export async function measurementsOf(trx: Kysely<Database>, dossier: DossierCore) {
  return (await listMeasurements(trx, dossier)).map(toMeasurementView);
}
