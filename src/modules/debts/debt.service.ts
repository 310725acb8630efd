// Debts of a dossier (phase B). Derived flags come from the pure domain rules; notes are encrypted.
import type { Kysely, Selectable } from 'kysely';
import type { Database, DebtsTable } from '../../db/schema.js';
import { debtFlags } from '../../domain/debt-flags.js';
import { amsterdamDate } from '../../lib/dates.js';
import { BadRequestError } from '../../lib/errors.js';
import { monthlyCents } from '../../lib/money.js';
import { blankToNull } from '../../lib/text.js';
import { requireCatalogCreditor } from '../creditor-catalog/creditor-catalog.service.js';
import { bodyColumns, childResourceService, type ChildChanges, type NewChildRow } from '../dossiers/dossier-children.service.js';
import type { DossierContext } from '../../core/service-context.js';
import type { CreateDebtBody, DebtView, PatchDebtBody } from './debt.schemas.js';
import { debtNames, encryptDebtName } from './debt-names.js';

type DebtRow = Selectable<DebtsTable>;

const notesContext = (debtId: string) => ({ table: 'debts', column: 'notes', rowId: debtId });


function encryptNotes(ctx: Pick<DossierContext, 'cipher'>, debtId: string, notes: string | null | undefined) {
  const text = blankToNull(notes);
  return text === null ? null : ctx.cipher.encrypt(text, notesContext(debtId));
}

// Built field by field, without spreads: a spread in the middle of a literal copies property by
// property on V8's slow path, and the dossier view builds this once per debt on every read.
export function toDebtView(row: DebtRow, ctx: Pick<DossierContext, 'cipher' | 'now'>): DebtView {
  const names = debtNames(row, ctx.cipher);
  const notes = row.notesEncrypted === null ? null : ctx.cipher.decrypt(row.notesEncrypted, notesContext(row.id));
  // The flags need none of the names: the row alone is their input.
  const flags = debtFlags(row, amsterdamDate(ctx.now));
  return {
    id: row.id,
    dossierId: row.dossierId,
    catalogCreditorId: row.catalogCreditorId,
    creditorName: names.creditorName,
    collectorName: names.collectorName,
    reference: names.reference,
    creditorType: row.creditorType,
    rank: row.rank,
    principalCents: row.principalCents,
    interestCents: row.interestCents,
    collectionCostsCents: row.collectionCostsCents,
    collectionCostsIncludeVat: row.collectionCostsIncludeVat,
    creditorCanDeductVat: row.creditorCanDeductVat,
    legalCostsCents: row.legalCostsCents,
    balanceCents: row.balanceCents,
    balanceDate: row.balanceDate,
    balanceConfirmedOn: row.balanceConfirmedOn,
    status: row.status,
    courtDate: row.courtDate,
    arrangement: row.arrangementAmountCents !== null && row.arrangementFrequency !== null && row.arrangementStartDate !== null
      ? {
        amountCents: row.arrangementAmountCents,
        frequency: row.arrangementFrequency,
        startDate: row.arrangementStartDate,
        monthlyCents: monthlyCents(row.arrangementAmountCents, row.arrangementFrequency),
      }
      : null,
    excludedFromDischarge: row.excludedFromDischarge,
    notes,
    balanceStale: flags.balanceStale,
    collectionCostsMaxCents: flags.collectionCostsMaxCents,
    collectionCostsTooHigh: flags.collectionCostsTooHigh,
    collectionCostsVat: flags.collectionCostsVat,
    crisis: flags.crisis,
    urgency: flags.urgency,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

async function creditorOf(db: Kysely<Database>, body: CreateDebtBody) {
  if (body.catalogCreditorId === undefined) {
    if (body.creditorType === undefined) {
      throw new BadRequestError('validation_failed', 'A debt without a catalogue creditor needs a creditorType.', {
        errors: [{ pointer: '/body/creditorType', code: 'required', detail: 'creditorType is required without catalogCreditorId.' }],
      });
    }
    return { catalogCreditorId: null, creditorName: body.creditorName as string, creditorType: body.creditorType };
  }
  const catalog = await requireCatalogCreditor(db, body.catalogCreditorId);
  return { catalogCreditorId: catalog.id, creditorName: body.creditorName ?? catalog.name, creditorType: body.creditorType ?? catalog.creditorType };
}

export const debts = childResourceService<'debts', DebtView, CreateDebtBody, PatchDebtBody>({
  table: 'debts',
  name: 'debt',
  invalidatesOverview: true,
  toView: toDebtView,
  async newRow(db, ctx, id, body): Promise<NewChildRow<'debts'>> {
    const creditor = await creditorOf(db, body);
    // Built field by field, without spreads (see toDebtView): every create builds one.
    return {
      catalogCreditorId: creditor.catalogCreditorId,
      creditorType: creditor.creditorType,
      creditorNameEncrypted: encryptDebtName(ctx.cipher, id, 'creditor_name', creditor.creditorName),
      collectorNameEncrypted: encryptDebtName(ctx.cipher, id, 'collector_name', blankToNull(body.collectorName)),
      referenceEncrypted: encryptDebtName(ctx.cipher, id, 'reference', blankToNull(body.reference)),
      rank: body.rank ?? 'concurrent',
      principalCents: body.principalCents ?? null,
      interestCents: body.interestCents ?? null,
      collectionCostsCents: body.collectionCostsCents ?? null,
      collectionCostsIncludeVat: body.collectionCostsIncludeVat ?? null,
      creditorCanDeductVat: body.creditorCanDeductVat ?? null,
      legalCostsCents: body.legalCostsCents ?? null,
      balanceCents: body.balanceCents,
      balanceDate: body.balanceDate ?? null,
      balanceConfirmedOn: body.balanceConfirmedOn ?? null,
      status: body.status,
      courtDate: body.courtDate ?? null,
      arrangementAmountCents: body.arrangement?.amountCents ?? null,
      arrangementFrequency: body.arrangement?.frequency ?? null,
      arrangementStartDate: body.arrangement?.startDate ?? null,
      // CJIB criminal fines survive a debt settlement: that is the default unless said otherwise.
      excludedFromDischarge: body.excludedFromDischarge !== undefined
        ? body.excludedFromDischarge
        : creditor.creditorType === 'cjib_strafrechtelijk' ? 'cjib_strafrechtelijk' : null,
      notesEncrypted: encryptNotes(ctx, id, body.notes),
    };
  },
  async changes(db, ctx, id, body) {
    const { arrangement, notes, catalogCreditorId, creditorName, collectorName, reference, ...plain } = body;
    const changes: ChildChanges<'debts'> = { ...bodyColumns('debts', plain) };
    if (creditorName !== undefined) changes.creditorNameEncrypted = encryptDebtName(ctx.cipher, id, 'creditor_name', creditorName);
    if (collectorName !== undefined) changes.collectorNameEncrypted = encryptDebtName(ctx.cipher, id, 'collector_name', blankToNull(collectorName));
    if (reference !== undefined) changes.referenceEncrypted = encryptDebtName(ctx.cipher, id, 'reference', blankToNull(reference));
    if (catalogCreditorId !== undefined) {
      changes.catalogCreditorId = catalogCreditorId === null ? null : (await requireCatalogCreditor(db, catalogCreditorId)).id;
    }
    if (arrangement !== undefined) {
      changes.arrangementAmountCents = arrangement?.amountCents ?? null;
      changes.arrangementFrequency = arrangement?.frequency ?? null;
      changes.arrangementStartDate = arrangement?.startDate ?? null;
    }
    if (notes !== undefined) changes.notesEncrypted = encryptNotes(ctx, id, notes);
    return changes;
  },
});
