// The story behind the debts and its life events (phase A), encrypted at rest: a read of the
// database never shows the text. A singleton: the first PUT creates it without If-Match.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { NotFoundError } from '../../lib/errors.js';
import type { ServiceContext } from '../../core/service-context.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import { withDossier } from './dossier-gate.service.js';
import { findStory, insertStory, updateStoryIfVersion } from './dossier.repository.js';
import { putSingleton } from './singleton.service.js';
import type { StoryBody, StoryView } from './dossier.schemas.js';

const storyContext = (dossierId: string) => ({ table: 'dossier_stories', column: 'text', rowId: dossierId });

type StoryRow = NonNullable<Awaited<ReturnType<typeof findStory>>>;

function toStoryView(row: StoryRow, dossier: Pick<DossierCore, 'cipher'>): StoryView {
  return { text: dossier.cipher.decrypt(row.textEncrypted, storyContext(row.dossierId)), lifeEvents: row.lifeEvents, updatedAt: row.updatedAt, version: row.version };
}

export async function getStory(ctx: ServiceContext, dossierId: string) {
  return withDossier(ctx, dossierId, { action: 'story.read', write: false }, async (trx, dossier) => {
    const row = await findStory(trx, dossier);
    if (!row) throw new NotFoundError();
    return toStoryView(row, dossier);
  });
}

export async function putStory(ctx: ServiceContext, dossierId: string, version: number | undefined, body: StoryBody) {
  return withDossier(ctx, dossierId, { action: 'story.updated', write: true }, async (trx, dossier, note) => {
    note.details = { lifeEvents: body.lifeEvents };
    const values = {
      textEncrypted: dossier.cipher.encrypt(body.text, storyContext(dossier.id)),
      lifeEvents: body.lifeEvents,
      updatedAt: ctx.now,
      updatedBy: ctx.actor.userId,
    };
    return putSingleton({
      find: () => findStory(trx, dossier),
      insert: () => insertStory(trx, dossier, values),
      updateIfVersion: (current) => updateStoryIfVersion(trx, dossier, current, values),
    }, version, (row) => toStoryView(row, dossier));
  });
}

/** The story of a dossier already reached through the gate, or null (the export, the PDF). */
export async function storyOf(trx: Kysely<Database>, _ctx: ServiceContext, dossier: DossierCore) {
  const row = await findStory(trx, dossier);
  return row ? toStoryView(row, dossier) : null;
}
