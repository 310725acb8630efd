// A trained maatje opens a dossier beside a resident: a new resident account (with a one-time
// activation code, since residents often have no e-mail) or a resident the maatje already works
// with. The dossier starts in phase A, assigned to the maatje who created it.
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/audit.js';
import { DomainRuleError, ForbiddenError } from '../../lib/errors.js';
import { issueActivationCode } from '../auth/activation.service.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import { createResidentAccount } from '../users/user.service.js';
import { findLinkableResident, insertDossierWithAssignment } from './dossier.repository.js';
import type { CreateDossierBody } from './dossier.schemas.js';
import { enterCreatedDossier } from './dossier-gate.service.js';
import { loadDossierView } from './dossier-view.service.js';
import { encryptVtlbCorrections } from './official-sources.js';

export async function createDossier(ctx: ServiceContext & { secret: Buffer }, body: CreateDossierBody, idempotencyKey: string | undefined) {
  const { actor } = ctx;
  // The role may create dossiers (the gate checked it); the training record is this use case's rule.
  if (!actor.trained) throw new ForbiddenError('Only a maatje whose training is recorded opens dossiers.');
  const locationId = actor.locationId;
  if (locationId === null) throw new ForbiddenError('A maatje without a location cannot open dossiers.');

  return ctx.db.transaction().execute(async (trx) => idempotent(trx, {
    userId: actor.userId, key: idempotencyKey, operation: 'dossier.create', payload: body, now: ctx.now, cipher: ctx.cipher,
  }, async () => {
    let residentId: string;
    let activation: { activationCode: string; expiresAt: Date } | null = null;
    if ('residentId' in body) {
      const linkable = await findLinkableResident(trx, actor, body.residentId);
      if (!linkable) {
        throw new DomainRuleError('resident_not_linkable', 'You can only open another dossier for a resident whose dossier you already have.');
      }
      residentId = linkable.residentId;
    } else {
      const resident = await createResidentAccount(trx, ctx.cipher, {
        displayName: body.resident.displayName, locationId, createdBy: actor, now: ctx.now, requestId: ctx.requestId,
      });
      residentId = resident.id;
      activation = await issueActivationCode(trx, {
        userId: residentId, issuedBy: actor, now: ctx.now, secret: ctx.secret, requestId: ctx.requestId,
      });
    }
    const ageBand = 'resident' in body ? body.resident.ageBand ?? null : null;
    const id = randomUUID();
    const dataKey = ctx.cipher.newDataKey(id);
    await insertDossierWithAssignment(trx, {
      id, residentId, locationId, createdBy: actor.userId, now: ctx.now, householdAgeBand: ageBand, maatjeId: actor.userId, dataKey,
      // Under the new key from the start, so a rotation finds nothing older in a new dossier.
      vtlbCorrectionsEncrypted: encryptVtlbCorrections(ctx.cipher.forDossier(id, dataKey), id, []),
    });
    const dossier = await enterCreatedDossier(trx, ctx, id);
    await recordAudit(trx, { action: 'dossier.created', outcome: 'success', actorUserId: actor.userId, actorRole: actor.role, dossierId: dossier.id, requestId: ctx.requestId });
    return {
      statusCode: 201,
      body: {
        dossier: await loadDossierView(trx, ctx, dossier),
        residentActivationCode: activation?.activationCode ?? null,
        residentActivationCodeExpiresAt: activation?.expiresAt ?? null,
      },
    };
  },
  // The code is a secret: a replay answers without it (docs/api.md); a coordinator can issue a new one.
  (body) => ({ ...body, residentActivationCode: null, residentActivationCodeExpiresAt: null })));
}
