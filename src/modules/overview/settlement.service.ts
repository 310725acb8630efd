// The settlement simulation (docs/domain.md §5) on the overview's aflosruimte: the pot comes from the
// same figures the overview shows, never from a second calculation.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { simulateSettlement, type SettlementOutcome } from '../../domain/settlement.js';
import { amsterdamDate } from '../../lib/dates.js';
import { DomainRuleError } from '../../lib/errors.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import { withDossier } from '../dossiers/dossier-gate.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import type { SettlementQuery, SettlementView } from './overview.schemas.js';
import { assembleOverview, loadOverviewInputs, type OverviewInputs } from './overview.service.js';

export type SettlementResult = { ok: true; settlement: SettlementView } | { ok: false; refusal: 'vtlb_required' };

/** Pure: the simulation for `inputs` on `today`; a refusal instead when the aflosruimte is only a budget figure. */
export function settlementFromInputs(inputs: OverviewInputs, today: string, query: SettlementQuery): SettlementResult {
  const overview = assembleOverview(inputs, today);
  const outcome: SettlementOutcome = simulateSettlement({
    months: query.months,
    multiplier: query.multiplier,
    aflosruimteCents: overview.aflosruimteCents,
    aflosruimteBasis: overview.aflosruimteBasis,
    debts: inputs.debts.map((debt) => ({
      debtId: debt.id, creditorName: debt.creditorName, rank: debt.rank, status: debt.status,
      balanceCents: debt.balanceCents, excludedFromDischarge: debt.excludedFromDischarge,
    })),
  });
  if (!outcome.ok) return outcome;
  const names = new Map(inputs.debts.map((debt) => [debt.id, debt.creditorName]));
  const { settlement } = outcome;
  return {
    ok: true,
    settlement: {
      ...settlement,
      aflosruimteCents: overview.aflosruimteCents,
      normPeriod: overview.normPeriod,
      normPeriodOutdated: overview.normPeriodOutdated,
      excluded: settlement.excluded.map((entry) => ({ ...entry, creditorName: names.get(entry.debtId) ?? '' })),
    },
  };
}

/** The simulation of an already gated dossier, inside the caller's transaction. */
export async function computeSettlement(
  trx: Kysely<Database>, ctx: Pick<ServiceContext, 'now'>, dossier: DossierCore, query: SettlementQuery,
): Promise<SettlementResult> {
  return settlementFromInputs(await loadOverviewInputs(trx, dossier), amsterdamDate(ctx.now), query);
}

export async function getSettlement(ctx: ServiceContext, dossierId: string, query: SettlementQuery): Promise<SettlementView> {
  const result = await withDossier(ctx, dossierId, { action: 'settlement.read', write: false }, async (trx, dossier, note) => {
    const computed = await computeSettlement(trx, ctx, dossier, query);
    note.details = computed.ok ? { months: query.months, multiplier: query.multiplier } : { refused: computed.refusal };
    return computed;
  });
  // Refused after the gate committed, so the read of the figures stays in the audit trail.
  if (!result.ok) {
    throw new DomainRuleError('vtlb_required',
      'No VTLB can be formed (enter the household, an official bvv or an official VTLB): a settlement is never simulated on the budget saldo.');
  }
  return result.settlement;
}
