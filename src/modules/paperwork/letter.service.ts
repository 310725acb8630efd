// Letters to creditors, signed by the resident (the maatje is never the sender): what a letter asks
// comes from a versioned template; the figures of a proposal come from the same settlement
// simulation the overview shows, so a letter can never propose money the overview does not have.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import type { Database, LettersTable, LetterProposalRow } from '../../db/schema.js';
import { SETTLEMENT_MONTHS, SETTLEMENT_MULTIPLIER } from '../../domain/settlement.js';
import { amsterdamDate } from '../../lib/dates.js';
import { formatDateLong } from '../../lib/money-format.js';
import { DomainRuleError, NotFoundError, PreconditionFailedError } from '../../lib/errors.js';
import type { Keyring } from '../../lib/dossier-keys.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { debtNameOf } from '../debts/debt-names.js';
import { withDossier } from '../dossiers/dossier-gate.service.js';
import { loadDossierView } from '../dossiers/dossier-view.service.js';
import { computeSettlement } from '../overview/settlement.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import {
  allTemplates, debtNames, findTemplate, insertFollowUpAction, insertLetters, insertTemplateVersion, latestTemplates, lettersOfBatch, listLetters,
  findLetter, markFollowedUp, unansweredLettersDue, updateLetterIfVersion,
} from './letter.repository.js';
import type { LettersPdfInput } from './letter-document.js';
import {
  PROPOSAL_KINDS, type CreateLetterTemplateBody, type CreateLettersBody, type LetterKind, type LetterTemplateView,
  type LetterView, type PatchLetterBody,
} from './letter.schemas.js';

/** A sent letter without an answer after this many days becomes an action for the maatje. */
export const LETTER_ANSWER_DAYS = 28;

type LetterRow = Selectable<LettersTable> & { creditorNameEncrypted: string };

function toLetterView(row: LetterRow, cipher: FieldCipher): LetterView {
  return {
    id: row.id, dossierId: row.dossierId, debtId: row.debtId, batchId: row.batchId, kind: row.kind,
    templateVersion: row.templateVersion, creditorName: debtNameOf(cipher, row.debtId, 'creditor_name', row.creditorNameEncrypted), proposal: row.proposal, sentOn: row.sentOn,
    answeredOn: row.answeredOn, followUpActionId: row.followUpActionId, createdAt: row.createdAt, updatedAt: row.updatedAt,
    version: row.version,
  };
}

function toTemplateView(row: Awaited<ReturnType<typeof allTemplates>>[number]): LetterTemplateView {
  return { kind: row.kind, version: row.version, subject: row.subject, paragraphs: row.paragraphs, createdAt: row.createdAt };
}

export async function listLetterTemplates(ctx: ServiceContext): Promise<LetterTemplateView[]> {
  return (await allTemplates(ctx.db)).map(toTemplateView);
}

export async function createLetterTemplate(ctx: ServiceContext, body: CreateLetterTemplateBody): Promise<LetterTemplateView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertTemplateVersion(trx, { ...body, createdBy: ctx.actor.userId, createdAt: ctx.now });
    await recordAudit(trx, {
      action: 'letterTemplate.created', outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role,
      requestId: ctx.requestId, details: { kind: row.kind, version: row.version },
    });
    return toTemplateView(row);
  });
}

const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/**
 * The proposal for each debt. A betalingsregeling offers the debt's share of one month's
 * aflosruimte until the balance is paid; a schikkingsvoorstel offers the debt's payout over the
 * simulation's months, with the rest to be forgiven. Shares are the simulation's own
 * (pro rata, preferent creditors weighted, cents by largest remainder).
 */
async function proposals(
  trx: Kysely<Database>, ctx: ServiceContext, dossier: DossierCore, kind: LetterKind,
  debtIds: readonly string[], body: CreateLettersBody,
): Promise<Map<string, LetterProposalRow>> {
  const months = kind === 'betalingsregeling' ? 1 : body.months ?? SETTLEMENT_MONTHS.default;
  const multiplier = body.multiplier ?? SETTLEMENT_MULTIPLIER.default;
  const result = await computeSettlement(trx, ctx, dossier, { months, multiplier });
  if (!result.ok) {
    throw new DomainRuleError('vtlb_required',
      'A proposal needs the aflosruimte on the basis of a VTLB (household, official bvv or official VTLB), not the budget saldo.');
  }
  const byDebt = new Map(result.settlement.creditors.map((creditor) => [creditor.debtId, creditor]));
  const out = new Map<string, LetterProposalRow>();
  const missing: { code: string; debtId: string }[] = [];
  for (const debtId of debtIds) {
    const share = byDebt.get(debtId);
    if (share === undefined) {
      missing.push({ code: 'debt_outside_settlement', debtId });
      continue;
    }
    if (share.payoutCents === 0) {
      missing.push({ code: 'no_aflosruimte', debtId });
      continue;
    }
    out.set(debtId, kind === 'betalingsregeling'
      ? { monthlyCents: share.payoutCents, months: ceilDiv(share.claimCents, share.payoutCents), totalCents: share.claimCents, percentage: 100 }
      : { monthlyCents: null, months, totalCents: share.payoutCents, percentage: share.percentage });
  }
  if (missing.length > 0) {
    throw new DomainRuleError('proposal_not_possible',
      'No proposal can be made for some debts: they are outside a settlement (paid, forgiven, disputed, separatist or excluded from discharge) or the aflosruimte leaves nothing for them.',
      { missing });
  }
  return out;
}

export async function createLetters(ctx: ServiceContext, dossierId: string, body: CreateLettersBody) {
  const debtIds = [...new Set(body.debtIds)];
  return withDossier(ctx, dossierId, { action: 'letter.created', write: true }, async (trx, dossier, note) => {
    note.details = { kind: body.kind, letters: debtIds.length };
    const debts = await debtNames(trx, dossier, debtIds);
    if (debts.length !== debtIds.length) throw new NotFoundError();
    if (PROPOSAL_KINDS.includes(body.kind) && dossier.phase !== 'C') {
      throw new DomainRuleError('phase_c_required', 'A proposal to creditors is made in phase C (samen aanpakken).');
    }
    const proposalByDebt = PROPOSAL_KINDS.includes(body.kind) ? await proposals(trx, ctx, dossier, body.kind, debtIds, body) : new Map();
    const [template] = (await latestTemplates(trx)).filter((t) => t.kind === body.kind);
    if (!template) throw new DomainRuleError('letter_template_missing', 'There is no template for this kind of letter.');
    const batchId = randomUUID();
    const rows = await insertLetters(trx, dossier, debtIds.map((debtId) => ({
      id: randomUUID(), debtId, batchId, kind: body.kind, templateVersion: template.version,
      proposal: proposalByDebt.get(debtId) ?? null, createdAt: ctx.now, createdBy: ctx.actor.userId,
    })));
    const names = new Map(debts.map((debt) => [debt.id, debt.creditorNameEncrypted]));
    return { batchId, items: rows.map((row) => toLetterView({ ...row, creditorNameEncrypted: names.get(row.debtId)! }, dossier.cipher)) };
  });
}

/** Every letter of a gated dossier (the resident's export). */
export async function lettersOf(trx: Kysely<Database>, dossier: DossierCore): Promise<LetterView[]> {
  return (await listLetters(trx, dossier)).map((row) => toLetterView(row, dossier.cipher));
}

export async function getLetters(ctx: ServiceContext, dossierId: string) {
  return withDossier(ctx, dossierId, { action: 'letter.listed', write: false }, async (trx, dossier) => ({
    items: (await listLetters(trx, dossier)).map((row) => toLetterView(row, dossier.cipher)),
  }));
}

export async function patchLetter(ctx: ServiceContext, dossierId: string, letterId: string, version: number, body: PatchLetterBody) {
  return withDossier(ctx, dossierId, { action: 'letter.updated', write: true }, async (trx, dossier) => {
    const current = await findLetter(trx, dossier, letterId);
    if (!current) throw new NotFoundError();
    const sentOn = body.sentOn === undefined ? current.sentOn : body.sentOn;
    const answeredOn = body.answeredOn === undefined ? current.answeredOn : body.answeredOn;
    if (answeredOn !== null && (sentOn === null || answeredOn < sentOn)) {
      throw new DomainRuleError('letter_not_sent', 'An answer can only be recorded for a letter that was sent, on or after the day it was sent.');
    }
    const updated = await updateLetterIfVersion(trx, dossier, letterId, version, { ...body, updatedAt: ctx.now });
    if (!updated) throw new PreconditionFailedError(toLetterView(current, dossier.cipher), current.version);
    return toLetterView({ ...updated, creditorNameEncrypted: current.creditorNameEncrypted }, dossier.cipher);
  });
}

/** Everything the letters of one batch print; read and audited inside the gate. */
export async function lettersPdfInput(ctx: ServiceContext, dossierId: string, batchId: string): Promise<LettersPdfInput> {
  return withDossier(ctx, dossierId, { action: 'letter.pdf', write: false }, async (trx, dossier, note) => {
    const letters = await lettersOfBatch(trx, dossier, batchId);
    if (letters.length === 0) throw new NotFoundError();
    note.details = { letters: letters.length };
    const view = await loadDossierView(trx, ctx, dossier);
    const debts = new Map(view.debts.map((debt) => [debt.id, debt]));
    const templates = new Map<string, { subject: string; paragraphs: string[] }>();
    for (const letter of letters) {
      const key = `${letter.kind}:${letter.templateVersion}`;
      if (!templates.has(key)) {
        const template = await findTemplate(trx, letter.kind, letter.templateVersion);
        if (template) templates.set(key, { subject: template.subject, paragraphs: template.paragraphs });
      }
    }
    return {
      residentName: view.resident.displayName,
      letters: letters.map((letter) => {
        const debt = debts.get(letter.debtId)!;
        const template = templates.get(`${letter.kind}:${letter.templateVersion}`)!;
        return {
          kind: letter.kind,
          date: amsterdamDate(letter.createdAt),
          subject: template.subject,
          paragraphs: template.paragraphs,
          creditorName: debt.creditorName,
          collectorName: debt.collectorName,
          reference: debt.reference,
          balanceCents: debt.balanceCents,
          proposal: letter.proposal,
        };
      }),
    };
  });
}

function daysBefore(isoDate: string, days: number): string {
  const instant = new Date(`${isoDate}T12:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() - days);
  return instant.toISOString().slice(0, 10);
}

function followUpTitle(creditorName: string, collectorName: string | null, sentOn: string): string {
  const to = collectorName ? `${collectorName} (voor ${creditorName})` : creditorName;
  return `Geen antwoord van ${to} op de brief van ${formatDateLong(sentOn)}. Bel of schrijf opnieuw.`;
}

/**
 * A sent letter without an answer after 4 weeks becomes an action for the maatje (once per
 * letter). A system job, run by housekeeping: it writes one audit row per dossier it touched.
 */
export async function followUpUnansweredLetters(db: Kysely<Database>, keyring: Keyring, now: Date, dryRun = false): Promise<number> {
  const today = amsterdamDate(now);
  return db.transaction().execute(async (trx) => {
    const due = await unansweredLettersDue(trx, daysBefore(today, LETTER_ANSWER_DAYS));
    if (dryRun) return due.length;
    for (const letter of due) {
      const actionId = randomUUID();
      // A dossier from before per-dossier keys gets its key from `npm run keys:rotate`; until then
      // its new values are written as its older ones were, under the master key.
      const dataKey = letter.dataKeyId !== null && letter.wrappedKey !== null ? { keyId: letter.dataKeyId, wrappedKey: letter.wrappedKey } : null;
      const reader = keyring.forDossier(letter.dossierId, dataKey);
      const cipher = dataKey ? reader : keyring;
      const title = followUpTitle(
        debtNameOf(reader, letter.debtId, 'creditor_name', letter.creditorNameEncrypted),
        debtNameOf(reader, letter.debtId, 'collector_name', letter.collectorNameEncrypted),
        letter.sentOn!,
      );
      await insertFollowUpAction(trx, {
        id: actionId, dossierId: letter.dossierId, dueDate: today, at: now,
        titleEncrypted: cipher.encrypt(title, { table: 'actions', column: 'title', rowId: actionId }),
      });
      await markFollowedUp(trx, letter.id, actionId, now);
      await recordAudit(trx, { action: 'letter.followUp', outcome: 'success', dossierId: letter.dossierId, details: { kind: letter.kind } });
    }
    return due.length;
  });
}
