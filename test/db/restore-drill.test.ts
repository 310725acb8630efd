// The restore drill: back up, erase a dossier, restore the backup into a
// new database: the erased dossier and its resident's account are gone again (erasure ledger
// replayed), and every other dossier reads back identical through the API.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createPostgresPool, kyselyOnPool, type Db } from '../../src/db/database.js';
import { eraseNow } from '../../src/modules/erasure/erasure.service.js';
import { backupDatabase, restoreDatabase } from '../../scripts/backup/pg-backup.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer, sessionToken } from '../support/identity.js';
import { LogCapture } from '../support/log-capture.js';
import { adminQuery, withDatabase } from '../support/pg-admin.js';

const info = inject('testDb');
const t = useTestDb();
const h = useTestApp(t);

let directory: string;
let restoredUrl: string | undefined;
let restoredDb: Db | undefined;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'schoon-schip-backup-'));
});

afterAll(async () => {
  await restoredDb?.destroy();
  if (info.kind === 'server' && restoredUrl) await adminQuery(info.adminUrl, `DROP DATABASE IF EXISTS "${new URL(restoredUrl).pathname.slice(1)}" WITH (FORCE)`);
  await rm(directory, { recursive: true, force: true });
});

async function fullDossier(resident: TestUser, maatje: TestUser, location: string, label: string) {
  const id = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
  const post = (url: string, payload: object) => h.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}${url}`, headers: bearer(maatje), payload });
  expect((await post('/debts', { creditorName: `CANARY-${label}-creditor`, creditorType: 'energie', balanceCents: 12_345, status: 'open', reference: `CANARY-${label}-ref` })).statusCode).toBe(201);
  expect((await post('/incomes', { kind: 'loon', amountCents: 200_000, frequency: 'month' })).statusCode).toBe(201);
  expect((await h.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${id}/story`, headers: bearer(maatje), payload: { text: `CANARY-${label}-story`, lifeEvents: ['ziekte'] } })).statusCode).toBe(201);
  return id;
}

describe.skipIf(info.kind !== 'server')('restore drill (needs a PostgreSQL server and pg_dump/pg_restore; skipped on PGlite)', () => {
  it('restores a backup with the erasures made after it still done, and every other dossier identical', async () => {
    const location = (await createLocation(t.db)).id;
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const residents = [await createUser(h.app, { role: 'resident', locationId: location }), await createUser(h.app, { role: 'resident', locationId: location }),
      await createUser(h.app, { role: 'resident', locationId: location })];
    const ids = [];
    for (const [index, resident] of residents.entries()) ids.push(await fullDossier(resident, maatje, location, `drill${index}`));
    const [erased, ...kept] = ids as [string, ...string[]];

    const backup = await backupDatabase(t.url as string, directory);
    expect((await readdir(directory)).sort()).toEqual([path.basename(backup.dumpFile), path.basename(backup.ledgerFile)].sort());

    // After the backup: the first resident's dossier is erased in the live database.
    expect(await eraseNow(t.db, erased, 'request', h.clock.now())).toMatchObject({ accountDeleted: true });

    const read = async (app: typeof h.app, dossierId: string, resident: TestUser) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}`, headers: { authorization: `Bearer ${await sessionToken(app, resident.id, 'resident')}` } });
      expect(response.statusCode, response.body).toBe(200);
      return { body: response.body, etag: response.headers.etag };
    };
    const before = await Promise.all(kept.map((id, index) => read(h.app, id, residents[index + 1] as TestUser)));

    // Restore into a new, empty database, replaying the live database's ledger.
    if (info.kind !== 'server') throw new Error('unreachable');
    const name = `${info.prefix}_restore_${randomBytes(3).toString('hex')}`;
    await adminQuery(info.adminUrl, `CREATE DATABASE "${name}"`);
    restoredUrl = withDatabase(info.adminUrl, name);
    const replay = await restoreDatabase({ dumpFile: backup.dumpFile, targetUrl: restoredUrl, ledgerDatabases: [t.url as string], now: h.clock.now() });
    expect(replay).toEqual({ entries: 1, dossiersErased: 1, accountsDeleted: 0 });

    // A restore only goes into an empty database.
    await expect(restoreDatabase({ dumpFile: backup.dumpFile, targetUrl: restoredUrl, ledgerFiles: [] })).rejects.toThrow(/not empty/);

    restoredDb = kyselyOnPool(createPostgresPool(restoredUrl, { poolMax: 2 }));
    expect(await restoredDb.selectFrom('dossiers').select('id').where('id', '=', erased).execute()).toEqual([]);
    expect(await restoredDb.selectFrom('users').select('id').where('id', '=', (residents[0] as TestUser).id).execute()).toEqual([]);
    expect(await restoredDb.selectFrom('debts').select('id').where('dossierId', '=', erased).execute()).toEqual([]);
    expect(await restoredDb.selectFrom('erasureLedger').select(['dossierId']).execute()).toEqual([{ dossierId: erased }]);

    // The same service on the restored database (same keys) reads every other dossier identically.
    const restoredApp = await buildApp(h.config, { db: restoredDb, logDestination: new LogCapture(), now: h.clock.now });
    try {
      const after = await Promise.all(kept.map((id, index) => read(restoredApp, id, residents[index + 1] as TestUser)));
      expect(after).toEqual(before);
    } finally {
      await restoredApp.close();
    }
  }, 240_000);
});
