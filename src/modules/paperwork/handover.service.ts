// The handover to formal debt help: the resident's consent to share with one named organisation,
// and the overdrachtsdossier itself. Nothing is shared without that consent for exactly the
// organisation of the referral; every download is audited and shows in the resident's access log.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DossierCore } from '../../access/dossier-scope.js';
import type { Database } from '../../db/schema.js';
import { amsterdamDate } from '../../lib/dates.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { BadRequestError, ConflictError, DomainRuleError, NotFoundError } from '../../lib/errors.js';
import { CHECKLIST_KEYS } from '../../lib/vocabulary.js';
import { withDossier } from '../dossiers/dossier-gate.service.js';
import { loadDossierView } from '../dossiers/dossier-view.service.js';
import { storyOf } from '../dossiers/story.service.js';
import { computeOverview } from '../overview/overview.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import {
  insertHandoverConsent, handoverConsentHistory, standingHandoverConsent, withdrawStandingHandoverConsent,
} from './handover.repository.js';
import {
  HANDOVER_FORMAT_VERSION, type HandoverConsentView, type HandoverDocument, type PutHandoverConsentBody,
} from './handover.schemas.js';

type ConsentRow = NonNullable<Awaited<ReturnType<typeof standingHandoverConsent>>>;

// Whom the resident shares the dossier with says something about the resident: encrypted.
const organisationField = (consentId: string) => ({ table: 'handover_consents', column: 'organisation', rowId: consentId });

function toConsentView(row: ConsentRow, cipher: FieldCipher): HandoverConsentView {
  return { organisation: cipher.decrypt(row.organisationEncrypted, organisationField(row.id)), includeStory: row.includeStory, givenAt: row.givenAt, recordedOnPaper: row.recordedOnPaper, withdrawnAt: row.withdrawnAt };
}

function requirePaperForMaatje(ctx: ServiceContext, recordedOnPaper: boolean) {
  if (ctx.actor.role === 'maatje' && !recordedOnPaper) {
    throw new BadRequestError('recorded_on_paper_required',
      'A maatje records only a consent or withdrawal the resident signed on paper (recordedOnPaper: true).');
  }
}

export async function getHandoverConsent(ctx: ServiceContext, dossierId: string): Promise<HandoverConsentView> {
  return withDossier(ctx, dossierId, { action: 'handoverConsent.read', write: false }, async (trx, dossier) => {
    const row = await standingHandoverConsent(trx, dossier);
    if (!row) throw new NotFoundError();
    return toConsentView(row, dossier.cipher);
  });
}

/** Gives (or replaces) the consent: the earlier one is withdrawn in the same transaction. */
export async function putHandoverConsent(ctx: ServiceContext, dossierId: string, body: PutHandoverConsentBody): Promise<HandoverConsentView> {
  const onPaper = body.recordedOnPaper === true;
  requirePaperForMaatje(ctx, onPaper);
  return withDossier(ctx, dossierId, { action: 'handoverConsent.given', write: true, allowWhenClosed: true }, async (trx, dossier, note) => {
    note.details = { includeStory: body.includeStory, recordedOnPaper: onPaper };
    await withdrawStandingHandoverConsent(trx, dossier, ctx.now, ctx.actor.userId);
    const id = randomUUID();
    return toConsentView(await insertHandoverConsent(trx, dossier, {
      id, organisationEncrypted: dossier.cipher.encrypt(body.organisation, organisationField(id)), includeStory: body.includeStory, givenAt: ctx.now, recordedOnPaper: onPaper, recordedBy: ctx.actor.userId,
    }), dossier.cipher);
  });
}

export async function withdrawHandoverConsent(ctx: ServiceContext, dossierId: string, recordedOnPaper: boolean): Promise<HandoverConsentView> {
  requirePaperForMaatje(ctx, recordedOnPaper);
  // Withdrawing must always be possible, even on a frozen or closed dossier.
  const operation = { action: 'handoverConsent.withdrawn', write: true, allowWhenClosed: true, allowWithoutConsent: true } as const;
  return withDossier(ctx, dossierId, operation, async (trx, dossier) => {
    const row = await withdrawStandingHandoverConsent(trx, dossier, ctx.now, ctx.actor.userId);
    if (!row) throw new ConflictError('handover_consent_not_given', 'There is no consent to share the dossier to withdraw.');
    return toConsentView(row, dossier.cipher);
  });
}

export async function handoverConsentsOf(db: Kysely<Database>, dossier: DossierCore): Promise<HandoverConsentView[]> {
  return (await handoverConsentHistory(db, dossier)).map((row) => toConsentView(row, dossier.cipher));
}

const sameOrganisation = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

function aflosruimteExplanation(overview: Awaited<ReturnType<typeof computeOverview>>): string {
  if (overview.aflosruimteBasis === 'saldo') {
    return 'Er is nog geen VTLB bekend. Daarom is dit het geld dat elke maand overblijft na de vaste uitgaven (inkomsten min uitgaven). Dit is een schatting, geen wettelijk bedrag.';
  }
  const source = overview.vtlbSource === 'official'
    ? 'de VTLB die een schuldhulpverlener heeft berekend'
    : overview.vtlbSource === 'bvv_official'
      ? 'de beslagvrije voet van de schuldeiser, met de correcties'
      : 'een geschatte beslagvrije voet (95% van de bijstandsnorm), met de correcties';
  return `Het inkomen waarop beslag mag worden gelegd, min ${source}.`;
}

/** The overdrachtsdossier of a gated dossier, or a refusal when sharing is not allowed. */
async function buildHandover(trx: Kysely<Database>, ctx: ServiceContext, dossier: DossierCore): Promise<HandoverDocument> {
  const [view, overview, consent] = await Promise.all([
    loadDossierView(trx, ctx, dossier),
    computeOverview(trx, ctx, dossier),
    standingHandoverConsent(trx, dossier).then((row) => row && toConsentView(row, dossier.cipher)),
  ]);
  const referral = view.referral;
  if (referral === null) {
    throw new DomainRuleError('referral_required', 'Record the referral first: the handover goes to the organisation of the referral.');
  }
  if (!consent || !sameOrganisation(consent.organisation, referral.organisation)) {
    throw new DomainRuleError('handover_consent_required',
      'The resident has not agreed to share the dossier with the organisation of the referral. Record that consent first.');
  }
  const story = consent.includeStory ? await storyOf(trx, ctx, dossier) : null;
  const checklistItems: Partial<Record<(typeof CHECKLIST_KEYS)[number], 'aanwezig' | 'ontbreekt' | 'nvt'>> = view.checklist?.items ?? {};
  return {
    formatVersion: HANDOVER_FORMAT_VERSION,
    generatedAt: ctx.now,
    calculatedOn: amsterdamDate(ctx.now),
    sharedWith: consent.organisation,
    resident: { displayName: view.resident.displayName },
    household: overview.household,
    referral: { route: referral.route, organisation: referral.organisation, status: referral.status, referredAt: referral.referredAt, traject: referral.traject },
    debts: view.debts.map((debt) => ({
      creditorName: debt.creditorName, creditorType: debt.creditorType, collectorName: debt.collectorName, reference: debt.reference,
      rank: debt.rank, status: debt.status, principalCents: debt.principalCents, interestCents: debt.interestCents,
      collectionCostsCents: debt.collectionCostsCents, legalCostsCents: debt.legalCostsCents, balanceCents: debt.balanceCents,
      balanceDate: debt.balanceDate, balanceConfirmedOn: debt.balanceConfirmedOn,
      arrangement: debt.arrangement ? { amountCents: debt.arrangement.amountCents, frequency: debt.arrangement.frequency, startDate: debt.arrangement.startDate } : null,
    })),
    totalDebtCents: overview.totalDebtCents,
    creditorCount: overview.creditorCount,
    incomes: view.incomes.map(({ kind, amountCents, frequency, monthlyCents }) => ({ kind, amountCents, frequency, monthlyCents })),
    expenses: view.expenses.map(({ group, category, amountCents, frequency, monthlyCents }) => ({ group, category, amountCents, frequency, monthlyCents })),
    budget: {
      incomeMonthlyCents: overview.incomeMonthlyCents, attachableIncomeMonthlyCents: overview.attachableIncomeMonthlyCents,
      expensesMonthlyCents: overview.expensesMonthlyCents, saldoCents: overview.saldoCents,
    },
    aflosruimte: {
      aflosruimteCents: overview.aflosruimteCents, basis: overview.aflosruimteBasis, vtlbCents: overview.vtlbCents,
      vtlbSource: overview.vtlbSource, bvvIndicativeCents: overview.bvvIndicativeCents, normPeriod: overview.normPeriod,
      normPeriodOutdated: overview.normPeriodOutdated, explanation: aflosruimteExplanation(overview),
    },
    checklist: CHECKLIST_KEYS.map((key) => ({ key, state: checklistItems[key] ?? null })),
    story: story ? { text: story.text, lifeEvents: story.lifeEvents } : null,
  };
}

export async function getHandover(ctx: ServiceContext, dossierId: string, format: 'json' | 'pdf'): Promise<HandoverDocument> {
  const action = format === 'json' ? 'handover.json' : 'handover.pdf';
  // The closed dossier of a resident handed over is the normal case: reading it is always allowed.
  return withDossier(ctx, dossierId, { action, write: false }, async (trx, dossier, note) => {
    const document = await buildHandover(trx, ctx, dossier);
    note.details = { includeStory: document.story !== null };
    return document;
  });
}
