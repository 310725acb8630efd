// Closing a dossier (docs/domain.md §6) from any open phase, with its outcome, and the automatic debt
// snapshots the evaluation compares: T0 at the first B → C transition, T1 at closing.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { debtTotals } from '../../domain/debt-totals.js';
import { planTransition } from '../../domain/phases.js';
import { amsterdamDate } from '../../lib/dates.js';
import { ConflictError } from '../../lib/errors.js';
import type { ExitReason, Solution } from '../../lib/vocabulary.js';
import type { ServiceContext } from '../../core/service-context.js';
import { listChildren } from './dossier-children.repository.js';
import type { DossierRef } from '../../access/dossier-scope.js';
import type { Keyring } from '../../lib/dossier-keys.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { withDebtNames } from '../debts/debt-names.js';
import { findDataKeyAfterLock } from './dossier-gate.repository.js';
import { withDossier } from './dossier-gate.service.js';
import { loadDossierView } from './dossier-view.service.js';
import { insertTransition, saveDebtSnapshot, updateDossierRow } from './dossier.repository.js';

export async function snapshotDebts(
  trx: Kysely<Database>, ctx: Pick<ServiceContext, 'now'>, dossier: DossierRef & { cipher: FieldCipher }, moment: 'T0' | 'T1',
) {
  // The creditor count tells creditors apart by name: the names are read for it, never stored.
  const debts = (await listChildren(trx, 'debts', dossier)).map((debt) => withDebtNames(debt, dossier.cipher));
  const totals = debtTotals(debts, amsterdamDate(ctx.now));
  await saveDebtSnapshot(trx, dossier, { moment, totalDebtCents: totals.totalDebtCents, creditorCount: totals.creditorCount, takenAt: ctx.now });
}

export async function closeDossier(ctx: ServiceContext, dossierId: string, outcome: { exitReason: ExitReason; solution: Solution }) {
  // A resident who never consented can still stop coming: closing needs no consent.
  return withDossier(ctx, dossierId, { action: 'dossier.closed', write: true, allowWithoutConsent: true }, async (trx, dossier, note) => {
    const plan = planTransition(dossier.phase, 'closed', {
      consentActive: false, householdSet: false, overviewConfirmed: false, debts: [], exitReasonPresent: true,
    });
    if (!plan.ok) throw new ConflictError('illegal_transition', `A dossier cannot be closed from ${dossier.phase}.`);
    note.details = { from: dossier.phase, exitReason: outcome.exitReason, solution: outcome.solution };
    await updateDossierRow(trx, dossier, { phase: 'closed', closedAt: ctx.now, exitReason: outcome.exitReason, solution: outcome.solution });
    await insertTransition(trx, dossier, { fromPhase: dossier.phase, toPhase: 'closed', at: ctx.now, actorId: ctx.actor.userId });
    await snapshotDebts(trx, ctx, dossier, 'T1');
    return loadDossierView(trx, ctx, dossier);
  });
}

/**
 * Housekeeping closes an open dossier nobody touched for 18 months as dropped out (uitgevallen),
 * with the same T1 snapshot as any closing. No person did it, so the transition names no actor.
 * The snapshot tells creditors apart by name, so it needs the keys; the service and the script
 * always pass them. Without them every debt without a catalogue creditor counts on its own.
 */
// Each stored value is unique (a random IV), so it serves as its own name.
const NAMES_UNREADABLE: FieldCipher = { encrypt: () => { throw new Error('no keys'); }, decrypt: (stored) => stored, keyIdOf: () => undefined };

export async function closeAsDroppedOut(trx: Kysely<Database>, keyring: Keyring | undefined, dossier: DossierRef, now: Date) {
  const dataKey = await findDataKeyAfterLock(trx, dossier.id, false);
  const cipher = keyring ? keyring.forDossier(dossier.id, dataKey ?? null) : NAMES_UNREADABLE;
  await updateDossierRow(trx, dossier, { phase: 'closed', closedAt: now, exitReason: 'uitgevallen', updatedAt: now });
  await insertTransition(trx, dossier, { fromPhase: dossier.phase, toPhase: 'closed', at: now, actorId: null });
  await snapshotDebts(trx, { now }, { ...dossier, cipher }, 'T1');
}
