// Letter templates (reference data) and the letters of a dossier the caller reached through the gate.
import { sql, type Kysely } from 'kysely';
import type { DossierCore } from '../../access/dossier-scope.js';
import type { Database, LetterKindColumn, LetterProposalRow } from '../../db/schema.js';

export async function latestTemplates(db: Kysely<Database>) {
  return db.selectFrom('letterTemplates').distinctOn('kind').selectAll()
    .orderBy('kind').orderBy('version', 'desc').execute();
}

export async function allTemplates(db: Kysely<Database>) {
  return db.selectFrom('letterTemplates').selectAll().orderBy('kind').orderBy('version').execute();
}

export async function findTemplate(db: Kysely<Database>, kind: LetterKindColumn, version: number) {
  return db.selectFrom('letterTemplates').selectAll().where('kind', '=', kind).where('version', '=', version).executeTakeFirst();
}

/** The next version of a kind, numbered in the INSERT itself so two admins can never take the same one. */
export async function insertTemplateVersion(
  db: Kysely<Database>, values: { kind: LetterKindColumn; subject: string; paragraphs: string[]; createdBy: string; createdAt: Date },
) {
  return db.insertInto('letterTemplates')
    .values((eb) => ({
      kind: values.kind,
      version: eb.selectFrom('letterTemplates').select(sql<number>`coalesce(max(version), 0) + 1`.as('next')).where('kind', '=', values.kind),
      subject: values.subject,
      paragraphs: JSON.stringify(values.paragraphs),
      createdBy: values.createdBy,
      createdAt: values.createdAt,
    }))
    .returningAll().executeTakeFirstOrThrow();
}

export interface NewLetter {
  id: string;
  debtId: string;
  batchId: string;
  kind: LetterKindColumn;
  templateVersion: number;
  proposal: LetterProposalRow | null;
  createdAt: Date;
  createdBy: string;
}

export async function insertLetters(db: Kysely<Database>, dossier: DossierCore, letters: readonly NewLetter[]) {
  return db.insertInto('letters')
    .values(letters.map((letter) => ({
      ...letter, dossierId: dossier.id, proposal: letter.proposal === null ? null : JSON.stringify(letter.proposal), updatedAt: letter.createdAt,
    })))
    .returningAll().execute();
}

function lettersWithCreditor(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('letters').innerJoin('debts', 'debts.id', 'letters.debtId')
    .selectAll('letters').select('debts.creditorNameEncrypted')
    .where('letters.dossierId', '=', dossier.id);
}

export async function listLetters(db: Kysely<Database>, dossier: DossierCore) {
  return lettersWithCreditor(db, dossier).orderBy('letters.createdAt').orderBy('letters.id').execute();
}

/** In the order of the dossier's debt list, so the letters come out as the resident knows the debts. */
export async function lettersOfBatch(db: Kysely<Database>, dossier: DossierCore, batchId: string) {
  return lettersWithCreditor(db, dossier).where('letters.batchId', '=', batchId).orderBy('debts.createdAt').orderBy('debts.id').execute();
}

export async function findLetter(db: Kysely<Database>, dossier: DossierCore, letterId: string) {
  return lettersWithCreditor(db, dossier).where('letters.id', '=', letterId).executeTakeFirst();
}

/** The version check and the write are one statement. */
export async function updateLetterIfVersion(
  db: Kysely<Database>, dossier: DossierCore, letterId: string, version: number,
  changes: { sentOn?: string | null; answeredOn?: string | null; updatedAt: Date },
) {
  return db.updateTable('letters').set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('dossierId', '=', dossier.id).where('id', '=', letterId).where('version', '=', version)
    .returningAll().executeTakeFirst();
}

/**
 * Letters sent on or before `sentOnOrBefore` with no answer and no follow-up yet, in dossiers where
 * a follow-up can still be written (open, consent standing). Locked, so two runs never both act.
 */
export async function unansweredLettersDue(db: Kysely<Database>, sentOnOrBefore: string) {
  return db.selectFrom('letters')
    .innerJoin('debts', 'debts.id', 'letters.debtId')
    .innerJoin('dossiers', 'dossiers.id', 'letters.dossierId')
    .leftJoin('dossierKeys', 'dossierKeys.dossierId', 'letters.dossierId')
    .select(['letters.id', 'letters.dossierId', 'letters.debtId', 'letters.sentOn', 'letters.kind', 'debts.creditorNameEncrypted', 'debts.collectorNameEncrypted',
      'dossierKeys.keyId as dataKeyId', 'dossierKeys.wrappedKey'])
    .where('letters.answeredOn', 'is', null)
    .where('letters.followUpActionId', 'is', null)
    .where('letters.sentOn', '<=', sentOnOrBefore)
    .where('dossiers.phase', '<>', 'closed')
    .where('dossiers.consentWithdrawnAt', 'is', null)
    .orderBy('letters.sentOn').orderBy('letters.id')
    .forUpdate('letters').skipLocked()
    .execute();
}

export async function markFollowedUp(db: Kysely<Database>, letterId: string, actionId: string, at: Date) {
  await db.updateTable('letters').set((eb) => ({ followUpActionId: actionId, updatedAt: at, version: eb('version', '+', 1) }))
    .where('id', '=', letterId).execute();
}

export async function debtNames(db: Kysely<Database>, dossier: DossierCore, debtIds: readonly string[]) {
  return db.selectFrom('debts').select(['id', 'creditorNameEncrypted']).where('dossierId', '=', dossier.id).where('id', 'in', debtIds).execute();
}

/** The follow-up action of an unanswered letter, and the move of its dossier's version (a system write). */
export async function insertFollowUpAction(
  db: Kysely<Database>, values: { id: string; dossierId: string; titleEncrypted: string; dueDate: string; at: Date },
) {
  await db.insertInto('actions').values({
    id: values.id, dossierId: values.dossierId, owner: 'maatje', titleEncrypted: values.titleEncrypted, dueDate: values.dueDate,
    createdAt: values.at, updatedAt: values.at,
  }).execute();
  await db.updateTable('dossiers').set((eb) => ({ updatedAt: values.at, version: eb('version', '+', 1) })).where('id', '=', values.dossierId).execute();
}
