// Dossier use cases: read the whole dossier, list one's dossiers, edit dossier fields, move between
// phases, consent, story. Every one goes through the dossier gate (scope, audit, frozen states).
import type { Updateable } from 'kysely';
import type { DossiersTable } from '../../db/schema.js';
import { isConsentActive, planTransition } from '../../domain/phases.js';
import { amsterdamDate } from '../../lib/dates.js';
import { BadRequestError, ConflictError, DomainRuleError, PreconditionFailedError } from '../../lib/errors.js';
import { toPage, type PageRequest } from '../../lib/pagination.js';
import { blankToNull } from '../../lib/text.js';
import type { Phase } from '../../lib/vocabulary.js';
import { recordAudit } from '../../audit/audit.js';
import { inDossier, type CallerContext, type ServiceContext } from '../../core/service-context.js';
import { encryptOfficialSource, encryptVtlbCorrections } from './official-sources.js';
import { listChildren } from './dossier-children.repository.js';
import { readKeptView, withDossier, type DossierOperation } from './dossier-gate.service.js';
import type { ViewDelivery } from './view-cache.js';
import { clearOverviewConfirmation } from './dossier-gate.repository.js';
import { snapshotDebts } from './closing.service.js';
import { dossierSummaries } from './dossier-summary.service.js';
import { assembleDossierView, dossierViewSections, encryptDossierNotes, loadDossierView } from './dossier-view.service.js';
import {
  insertConsentEvent, insertTransition, listVisibleDossiers, loadDossierRow, setPhase,
  updateDossierIfVersion, updateDossierRow,
} from './dossier.repository.js';
import type { DossierView, GiveConsentBody, PatchDossierBody } from './dossier.schemas.js';
import { openDisplayName } from '../../lib/display-name.js';

/**
 * The dossier view as the bytes of its JSON, in one statement whatever the dossier holds (session,
 * scope, rows and audit together), through the process's kept views (readKeptView).
 */
export function getDossierBody(ctx: CallerContext, dossierId: string, delivery: ViewDelivery, serialize: (view: DossierView) => string) {
  return readKeptView(ctx, delivery, { kind: 'dossier', dossierId }, { action: 'dossier.read' }, dossierViewSections, (read, _day, made) => {
    const view = assembleDossierView(read.row, read.sections, inDossier(ctx, read.dossier), made);
    return { version: view.version, body: serialize(view) };
  });
}

export async function listDossiers(ctx: ServiceContext, page: PageRequest) {
  const today = amsterdamDate(ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listVisibleDossiers(trx, ctx.actor, page.limit, page.cursor);
    const pageRows = rows.slice(0, page.limit);
    const ids = pageRows.map((r) => r.id);
    const summaries = await dossierSummaries(trx, ids, today);
    await recordAudit(trx, { action: 'dossier.listed', outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, requestId: ctx.requestId });
    return toPage(rows, page.limit, (r) => ({ createdAt: r.cursorTime, id: r.id }), (row) => {
      const summary = summaries.get(row.id);
      return {
        id: row.id,
        phase: row.phase,
        residentDisplayName: openDisplayName(ctx.cipher, row.residentId, row.residentDisplayNameEncrypted),
        openedAt: row.openedAt,
        updatedAt: row.updatedAt,
        crisis: summary?.crisis ?? false,
        overdueActions: summary?.overdueActions ?? 0,
        staleBalances: summary?.staleBalances ?? 0,
      };
    });
  });
}

function onlyHousehold(body: PatchDossierBody) {
  return Object.keys(body).every((key) => key === 'household');
}

export async function patchDossier(ctx: ServiceContext, dossierId: string, version: number, body: PatchDossierBody) {
  if (body.overviewConfirmed && ctx.actor.role === 'maatje' && body.recordedOnPaper !== true) {
    throw new BadRequestError('recorded_on_paper_required',
      'A maatje confirms the overview only for a confirmation the resident signed on paper (recordedOnPaper: true).');
  }
  // The household is phase A's own content; everything else waits for consent.
  const operation: DossierOperation = { action: 'dossier.updated', write: true, versionedByWork: true, allowWithoutConsent: onlyHousehold(body) };
  return withDossier(ctx, dossierId, operation, async (trx, dossier, note) => {
    note.details = { fields: Object.keys(body) };
    const changes: Updateable<DossiersTable> = {};
    if (body.household !== undefined) {
      changes.householdLeefsituatie = body.household?.leefsituatie ?? null;
      changes.householdAgeBand = body.household?.ageBand ?? null;
      changes.householdPartnerAgeBand = body.household?.partnerAgeBand ?? null;
      changes.householdOtherAdults = body.household ? body.household.otherAdults ?? 0 : null;
    }
    if (body.bvvOfficial !== undefined) {
      changes.bvvOfficialCents = body.bvvOfficial?.amountCents ?? null;
      changes.bvvOfficialSourceEncrypted = encryptOfficialSource(dossier.cipher, dossier.id, 'bvv_official_source', body.bvvOfficial?.source ?? null);
      changes.bvvOfficialDate = body.bvvOfficial?.date ?? null;
    }
    if (body.vtlbOfficial !== undefined) {
      changes.vtlbOfficialCents = body.vtlbOfficial?.amountCents ?? null;
      changes.vtlbOfficialSourceEncrypted = encryptOfficialSource(dossier.cipher, dossier.id, 'vtlb_official_source', body.vtlbOfficial?.source ?? null);
      changes.vtlbOfficialDate = body.vtlbOfficial?.date ?? null;
    }
    if (body.vtlbCorrections !== undefined) changes.vtlbCorrectionsEncrypted = encryptVtlbCorrections(dossier.cipher, dossier.id, body.vtlbCorrections);
    if (body.notes !== undefined) {
      const notes = blankToNull(body.notes);
      changes.notesEncrypted = notes === null ? null : encryptDossierNotes(dossier, dossier.id, notes);
    }
    // Whatever changes the overview's figures makes an earlier confirmation stale; a confirmation
    // in the same request is of the figures as they are after it.
    const changesFigures = ['household', 'bvvOfficial', 'vtlbOfficial', 'vtlbCorrections'].some((key) => key in body);
    if (changesFigures) {
      changes.overviewConfirmedAt = null;
      changes.overviewConfirmedBy = null;
    }
    if (body.overviewConfirmed) {
      changes.overviewConfirmedAt = ctx.now;
      changes.overviewConfirmedBy = ctx.actor.userId;
    }
    if (!(await updateDossierIfVersion(trx, dossier, version, changes))) {
      throw new PreconditionFailedError(await loadDossierView(trx, ctx, dossier), dossier.version);
    }
    return loadDossierView(trx, ctx, dossier);
  });
}

export async function transitionDossier(ctx: ServiceContext, dossierId: string, to: Phase) {
  return withDossier(ctx, dossierId, { action: 'dossier.transitioned', write: true, allowWithoutConsent: true }, async (trx, dossier, note) => {
    const row = await loadDossierRow(trx, dossier);
    const debts = await listChildren(trx, 'debts', dossier);
    const plan = planTransition(dossier.phase, to, {
      consentActive: isConsentActive({ givenAt: row.consentGivenAt, withdrawnAt: row.consentWithdrawnAt }),
      householdSet: row.householdLeefsituatie !== null && row.householdAgeBand !== null,
      overviewConfirmed: row.overviewConfirmedAt !== null,
      debts: debts.map((d) => ({ id: d.id, balanceDate: d.balanceDate })),
      exitReasonPresent: false,
    });
    if (!plan.ok && plan.reason === 'illegal') {
      throw new ConflictError('illegal_transition', `A dossier cannot go from ${dossier.phase} to ${to}.`);
    }
    if (!plan.ok) {
      throw new DomainRuleError('transition_guard', `The dossier is not ready to go from ${dossier.phase} to ${to}.`, { missing: plan.missing });
    }
    note.details = { from: dossier.phase, to };
    await setPhase(trx, dossier, to);
    await insertTransition(trx, dossier, { fromPhase: dossier.phase, toPhase: to, at: ctx.now, actorId: ctx.actor.userId });
    if (dossier.phase === 'B' && to === 'C') await snapshotDebts(trx, ctx, dossier, 'T0');
    return loadDossierView(trx, ctx, dossier);
  });
}

export async function giveConsent(ctx: ServiceContext, dossierId: string, body: GiveConsentBody) {
  const onPaper = body.recordedOnPaper === true;
  if (ctx.actor.role === 'maatje' && !onPaper) {
    throw new BadRequestError('recorded_on_paper_required', 'A maatje records only consent the resident gave on paper (recordedOnPaper: true).');
  }
  return withDossier(ctx, dossierId, { action: 'consent.given', write: true, allowWithoutConsent: true, allowWhenWithdrawn: true }, async (trx, dossier, note) => {
    note.details = { statisticsOptIn: body.statisticsOptIn, recordedOnPaper: onPaper };
    // Giving consent again after a withdrawal restores it: the maatje's access returns with it.
    await updateDossierRow(trx, dossier, {
      consentGivenAt: ctx.now,
      consentWithdrawnAt: null,
      consentTextVersion: body.textVersion,
      consentStatisticsOptIn: body.statisticsOptIn,
      consentRecordedOnPaper: onPaper,
    });
    await insertConsentEvent(trx, dossier, {
      kind: 'given', at: ctx.now, textVersion: body.textVersion, statisticsOptIn: body.statisticsOptIn,
      recordedOnPaper: onPaper, recordedBy: ctx.actor.userId,
    });
    return (await loadDossierView(trx, ctx, dossier)).consent;
  });
}

export async function withdrawConsent(ctx: ServiceContext, dossierId: string, recordedOnPaper: boolean) {
  if (ctx.actor.role === 'maatje' && !recordedOnPaper) {
    throw new BadRequestError('recorded_on_paper_required', 'A maatje records only a withdrawal the resident signed on paper (recordedOnPaper=true).');
  }
  return withDossier(ctx, dossierId, { action: 'consent.withdrawn', write: true, allowWithoutConsent: true, allowWhenClosed: true }, async (trx, dossier) => {
    if (dossier.consentGivenAt === null) throw new ConflictError('consent_not_given', 'There is no consent to withdraw.');
    await updateDossierRow(trx, dossier, { consentWithdrawnAt: ctx.now });
    await insertConsentEvent(trx, dossier, { kind: 'withdrawn', at: ctx.now, recordedOnPaper, recordedBy: ctx.actor.userId });
    await clearOverviewConfirmation(trx, dossier);
    return (await loadDossierView(trx, ctx, dossier)).consent;
  });
}

