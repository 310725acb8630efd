// `npm run keys:rotate`: after a new master key was put first in ENCRYPTION_KEYS (on every running
// instance), rewrap every dossier's data key under it, give a dossier from before per-dossier keys
// its key, and re-encrypt values written before per-dossier keys (v1, or marked plain text) under
// the dossier's key. Master-key columns outside dossiers (assignment reasons, account names) are
// re-encrypted under the new master key, and their values still marked plain text encrypted.
// Batches of dossiers, each its own transaction holding the dossiers' row locks as a write does:
// the service keeps running, a batch is all or nothing, and a re-run continues where one stopped
// (whatever still needs work is found again). Afterwards the old key can leave ENCRYPTION_KEYS.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Keyring } from '../../lib/dossier-keys.js';
import { DOSSIER_FIELDS, MASTER_FIELDS } from './encrypted-fields.js';
import {
  countDossiersToRotate, dataKeysOf, insertDossierKey, legacyValues, lockDossiersToRotate, replaceDossierKey, replaceReply, replaceValue,
  staleMasterValues, staleReplies,
} from './key-rotation.repository.js';

export interface RotationProgress {
  dossiersDone: number;
  dossiersTotal: number;
  valuesReencrypted: number;
}

export interface RotationReport extends RotationProgress {
  keysCreated: number;
  keysRewrapped: number;
  masterValuesReencrypted: number;
}

const NO_ID = '00000000-0000-0000-0000-000000000000';
/** A value the migration that encrypted its column marked as still plain text. */
const PLAIN_PREFIX = 'p.';

export async function rotateKeys(
  db: Kysely<Database>, keyring: Keyring,
  options: { now: () => Date; batchSize?: number; onProgress?: (progress: RotationProgress) => void },
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 50;
  const current = keyring.currentKeyId;
  const report: RotationReport = {
    dossiersDone: 0, dossiersTotal: await countDossiersToRotate(db, current), valuesReencrypted: 0,
    keysCreated: 0, keysRewrapped: 0, masterValuesReencrypted: 0,
  };
  options.onProgress?.(report);

  let after = NO_ID;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const dossiers = await lockDossiersToRotate(trx, current, after, batchSize);
      const keys = await dataKeysOf(trx, dossiers);
      for (const dossierId of dossiers) {
        let dataKey = keys.get(dossierId) ?? null;
        if (dataKey === null) {
          dataKey = keyring.newDataKey(dossierId);
          await insertDossierKey(trx, dossierId, dataKey);
          report.keysCreated++;
        } else if (dataKey.keyId !== current) {
          dataKey = keyring.rewrap(dossierId, dataKey);
          await replaceDossierKey(trx, dossierId, dataKey, options.now());
          report.keysRewrapped++;
        }
        const cipher = keyring.forDossier(dossierId, dataKey);
        for (const field of DOSSIER_FIELDS) {
          for (const row of await legacyValues(trx, field, dossierId)) {
            const context = { table: field.table, column: field.field, rowId: row.rowId };
            const value = cipher.encrypt(cipher.decrypt(row.value, context), context);
            await replaceValue(trx, field, row.rowId, row.value, value);
            report.valuesReencrypted++;
          }
        }
      }
      return dossiers;
    });
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!;
    report.dossiersDone += batch.length;
    options.onProgress?.(report);
  }

  for (const field of MASTER_FIELDS) {
    let afterRow = '';
    for (;;) {
      const rows = await db.transaction().execute(async (trx) => {
        const stale = await staleMasterValues(trx, field, current, afterRow, batchSize);
        for (const row of stale) {
          const context = { table: field.table, column: field.field, rowId: row.rowId };
          const plain = row.value.startsWith(PLAIN_PREFIX) ? row.value.slice(PLAIN_PREFIX.length) : keyring.decrypt(row.value, context);
          await replaceValue(trx, { ...field, rowId: 'id' }, row.rowId, row.value, keyring.encrypt(plain, context));
        }
        return stale;
      });
      if (rows.length === 0) break;
      afterRow = rows[rows.length - 1]!.rowId;
      report.masterValuesReencrypted += rows.length;
    }
  }
  for (;;) {
    const rows = await db.transaction().execute(async (trx) => {
      const stale = await staleReplies(trx, current, batchSize);
      for (const row of stale) {
        const context = { table: 'idempotency_keys', column: 'response_body', rowId: `${row.userId}:${row.key}` };
        await replaceReply(trx, row.userId, row.key, row.value, keyring.encrypt(keyring.decrypt(row.value, context), context));
      }
      return stale;
    });
    if (rows.length === 0) break;
    report.masterValuesReencrypted += rows.length;
  }
  return report;
}
