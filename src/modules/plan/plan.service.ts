// Phase C, samen aanpakken: actions (their words encrypted), the referral to formal debt help and
// the checklist of what that help will ask for (the checklist, never the documents).
import type { Kysely, Selectable } from 'kysely';
import type { ActionsTable, Database } from '../../db/schema.js';
import { amsterdamDate } from '../../lib/dates.js';
import { NotFoundError } from '../../lib/errors.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { blankToNull } from '../../lib/text.js';
import {
  bodyColumns, childResourceService, type ChildChanges, type NewChildRow,
} from '../dossiers/dossier-children.service.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import { withDossier } from '../dossiers/dossier-gate.service.js';
import { putSingleton } from '../dossiers/singleton.service.js';
import type { DossierContext, ServiceContext } from '../../core/service-context.js';
import {
  checklistSection, findChecklist, findReferral, insertChecklist, insertReferral, updateChecklistIfVersion,
  referralSection, updateReferralIfVersion,
} from './plan.repository.js';
import type {
  ActionView, ChecklistBody, ChecklistView, CreateActionBody, PatchActionBody, ReferralBody, ReferralView,
} from './plan.schemas.js';
import { unchangedByRowWrites } from '../../db/section-writes.js';

const actionField = (actionId: string, column: 'title' | 'description') => ({ table: 'actions', column, rowId: actionId });

export function toActionView(row: Selectable<ActionsTable>, ctx: Pick<DossierContext, 'cipher' | 'now'>): ActionView {
  return {
    id: row.id,
    dossierId: row.dossierId,
    title: ctx.cipher.decrypt(row.titleEncrypted, actionField(row.id, 'title')),
    description: row.descriptionEncrypted === null ? null : ctx.cipher.decrypt(row.descriptionEncrypted, actionField(row.id, 'description')),
    owner: row.owner,
    dueDate: row.dueDate,
    done: row.done,
    doneAt: row.doneAt,
    overdue: !row.done && row.dueDate !== null && row.dueDate < amsterdamDate(ctx.now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function encryptDescription(ctx: Pick<DossierContext, 'cipher'>, id: string, description: string | null | undefined) {
  const text = blankToNull(description);
  return text === null ? null : ctx.cipher.encrypt(text, actionField(id, 'description'));
}

export const actions = childResourceService<'actions', ActionView, CreateActionBody, PatchActionBody>({
  table: 'actions',
  name: 'action',
  invalidatesOverview: false,
  toView: toActionView,
  async newRow(_db, ctx, id, body): Promise<NewChildRow<'actions'>> {
    return {
      titleEncrypted: ctx.cipher.encrypt(body.title, actionField(id, 'title')),
      descriptionEncrypted: encryptDescription(ctx, id, body.description),
      owner: body.owner,
      dueDate: body.dueDate ?? null,
      done: body.done ?? false,
      doneAt: body.done ? ctx.now : null,
    };
  },
  async changes(_db, ctx, id, body) {
    const { title, description, done, ...plain } = body;
    const changes: ChildChanges<'actions'> = { ...bodyColumns('actions', plain) };
    if (title !== undefined) changes.titleEncrypted = ctx.cipher.encrypt(title, actionField(id, 'title'));
    if (description !== undefined) changes.descriptionEncrypted = encryptDescription(ctx, id, description);
    if (done !== undefined) {
      changes.done = done;
      changes.doneAt = done ? ctx.now : null;
    }
    return changes;
  },
});

// The organisation helping the resident says something about the resident: encrypted.
const organisationField = (dossierId: string) => ({ table: 'referrals', column: 'organisation', rowId: dossierId });

function toReferralView(row: NonNullable<Awaited<ReturnType<typeof findReferral>>>, cipher: FieldCipher): ReferralView {
  return {
    route: row.route, organisation: cipher.decrypt(row.organisationEncrypted, organisationField(row.dossierId)), referredAt: row.referredAt, firstContactAt: row.firstContactAt,
    acceptedAt: row.acceptedAt, status: row.status, traject: row.traject, updatedAt: row.updatedAt, version: row.version,
  };
}

function toChecklistView(row: NonNullable<Awaited<ReturnType<typeof findChecklist>>>): ChecklistView {
  return { items: row.items, updatedAt: row.updatedAt, version: row.version };
}

export async function getReferral(ctx: ServiceContext, dossierId: string) {
  return withDossier(ctx, dossierId, { action: 'referral.read', write: false }, async (trx, dossier) => {
    const row = await findReferral(trx, dossier);
    if (!row) throw new NotFoundError();
    return toReferralView(row, dossier.cipher);
  });
}

export async function putReferral(ctx: ServiceContext, dossierId: string, version: number | undefined, body: ReferralBody) {
  return withDossier(ctx, dossierId, { action: 'referral.updated', write: true }, async (trx, dossier, note) => {
    note.details = { route: body.route, status: body.status, traject: body.traject ?? null };
    const values = {
      route: body.route, organisationEncrypted: dossier.cipher.encrypt(body.organisation, organisationField(dossier.id)), referredAt: body.referredAt ?? null,
      firstContactAt: body.firstContactAt ?? null, acceptedAt: body.acceptedAt ?? null, status: body.status,
      traject: body.traject ?? null, updatedAt: ctx.now, updatedBy: ctx.actor.userId,
    };
    return putSingleton({
      find: () => findReferral(trx, dossier),
      insert: () => insertReferral(trx, dossier, values),
      updateIfVersion: (current) => updateReferralIfVersion(trx, dossier, current, values),
    }, version, (row) => toReferralView(row, dossier.cipher));
  });
}

export async function getChecklist(ctx: ServiceContext, dossierId: string) {
  return withDossier(ctx, dossierId, { action: 'checklist.read', write: false }, async (trx, dossier) => {
    const row = await findChecklist(trx, dossier);
    if (!row) throw new NotFoundError();
    return toChecklistView(row);
  });
}

export async function putChecklist(ctx: ServiceContext, dossierId: string, version: number | undefined, body: ChecklistBody) {
  return withDossier(ctx, dossierId, { action: 'checklist.updated', write: true }, async (trx, dossier) => {
    return putSingleton({
      find: () => findChecklist(trx, dossier),
      insert: () => insertChecklist(trx, dossier, body.items, ctx.now, ctx.actor.userId),
      updateIfVersion: (current) => updateChecklistIfVersion(trx, dossier, current, body.items, ctx.now, ctx.actor.userId),
    }, version, toChecklistView);
  });
}

/** The phase C part of the whole-dossier view, as parts of a one-statement read (`readDossier`). */
export const planSections = {
  // Their own tables only: a write of a debt, income, expense or action leaves them as they are.
  referral: unchangedByRowWrites(referralSection),
  checklist: unchangedByRowWrites(checklistSection),
};

interface PlanRows {
  actions: Selectable<ActionsTable>[];
  referral: Awaited<ReturnType<typeof findReferral>> | null;
  checklist: Awaited<ReturnType<typeof findChecklist>> | null;
}

export function assemblePlanSection(rows: PlanRows, ctx: Pick<DossierContext, 'cipher' | 'now'>) {
  return {
    actions: rows.actions.map((row) => toActionView(row, ctx)),
    referral: rows.referral ? toReferralView(rows.referral, ctx.cipher) : null,
    checklist: rows.checklist ? toChecklistView(rows.checklist) : null,
  };
}

/** `planSections` read inside a caller's transaction (the whole-dossier view after a write). */
export async function planRows(trx: Kysely<Database>, dossier: DossierCore) {
  const [referral, checklist] = await Promise.all([findReferral(trx, dossier), findChecklist(trx, dossier)]);
  return { referral, checklist };
}
