// Housekeeping: the end of the data's life, run daily by the service and by `npm run housekeeping`.
// One run at a time across all replicas (a PostgreSQL advisory lock held on one connection, which
// does all the work); a second run meanwhile does nothing. Each run is audited with its counts.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Database } from '../../db/schema.js';
import { endUserSessions } from '../auth/session.service.js';
import { closeAsDroppedOut } from '../dossiers/closing.service.js';
import { enterDossierAsSystem } from '../dossiers/dossier-gate.service.js';
import { eraseNow, executeDueErasures } from '../erasure/erasure.service.js';
import { followUpUnansweredLetters } from '../paperwork/letter.service.js';
import type { Keyring } from '../../lib/dossier-keys.js';
import {
  cleanBookkeeping, disableUser, idleStaffIds, inactiveOpenDossierIds, purgeAuditEvents, releaseHousekeepingLock,
  retentionDueDossierIds, tryHousekeepingLock, type BookkeepingCounts,
} from './housekeeping.repository.js';
import { DROPPED_OUT_MONTHS, IDLE_STAFF_MONTHS } from './housekeeping.rules.js';


export interface HousekeepingOptions {
  now: Date;
  retentionMonths: number;
  auditRetentionMonths: number;
  dryRun?: boolean;
  /**
   * The master keys: closing as dropped out reads creditor names for its snapshot, follow-ups of
   * unanswered letters write action titles (skipped without them).
   */
  cipher?: Keyring;
}

export interface HousekeepingReport extends BookkeepingCounts {
  erasedOnRequest: number;
  erasedByRetention: number;
  closedAsDroppedOut: number;
  staffDisabled: number;
  /** Letters unanswered after 4 weeks that became an action for the maatje; null without a cipher. */
  lettersFollowedUp: number | null;
  /** Audit rows older than AUDIT_RETENTION_MONTHS (by the database's clock, not `now`). */
  auditRowsDeleted: number;
}

export type HousekeepingResult = { ran: false } | { ran: true; dryRun: boolean; report: HousekeepingReport };

export async function runHousekeeping(db: Kysely<Database>, options: HousekeepingOptions): Promise<HousekeepingResult> {
  return db.connection().execute(async (conn) => {
    if (!(await tryHousekeepingLock(conn))) return { ran: false as const };
    try {
      const dryRun = options.dryRun === true;
      const report = await housekeep(conn, { ...options, dryRun });
      await recordAudit(conn, { action: 'housekeeping.run', outcome: 'success', actorRole: null, details: { dryRun, ...report } });
      return { ran: true as const, dryRun, report };
    } finally {
      await releaseHousekeepingLock(conn);
    }
  });
}

async function housekeep(db: Kysely<Database>, options: HousekeepingOptions & { dryRun: boolean }): Promise<HousekeepingReport> {
  const { now, dryRun } = options;
  const erasedOnRequest = await executeDueErasures(db, now, { dryRun });

  const retentionDue = await retentionDueDossierIds(db, now, options.retentionMonths);
  let erasedByRetention = dryRun ? retentionDue.length : 0;
  if (!dryRun) {
    for (const dossierId of retentionDue) if (await eraseNow(db, dossierId, 'retention', now)) erasedByRetention += 1;
  }

  const droppedOut = await inactiveOpenDossierIds(db, now, DROPPED_OUT_MONTHS);
  if (!dryRun) {
    for (const dossierId of droppedOut) {
      await db.transaction().execute(async (trx) => {
        const dossier = await enterDossierAsSystem(trx, dossierId);
        // Closed or erased since the list was made: nothing to do.
        if (!dossier || dossier.phase === 'closed') return;
        await closeAsDroppedOut(trx, options.cipher, dossier, now);
        await recordAudit(trx, {
          action: 'dossier.closed', outcome: 'success', actorRole: null, dossierId: dossier.id,
          details: { from: dossier.phase, exitReason: 'uitgevallen', reason: 'inactive' },
        });
      });
    }
  }

  const idleStaff = await idleStaffIds(db, now, IDLE_STAFF_MONTHS);
  if (!dryRun) {
    for (const userId of idleStaff) {
      await db.transaction().execute(async (trx) => {
        await disableUser(trx, userId, now);
        await endUserSessions(trx, { userId, now, reason: 'disabled' });
        await recordAudit(trx, { action: 'user.disabled', outcome: 'success', actorRole: null, subjectUserId: userId, details: { reason: 'inactive' } });
      });
    }
  }

  const lettersFollowedUp = options.cipher ? await followUpUnansweredLetters(db, options.cipher, now, dryRun) : null;
  const auditRowsDeleted = await purgeAuditEvents(db, options.auditRetentionMonths, dryRun);
  const bookkeeping = await cleanBookkeeping(db, now, dryRun);
  return {
    erasedOnRequest, erasedByRetention, closedAsDroppedOut: droppedOut.length, staffDisabled: idleStaff.length, lettersFollowedUp, auditRowsDeleted,
    ...bookkeeping,
  };
}
