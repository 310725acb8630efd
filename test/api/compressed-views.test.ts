// The dossier and its overview go out compressed to a client that accepts it (http/content-coding.ts):
// the bytes decompress to exactly what an uncompressed read sends, the coding follows the client's
// Accept-Encoding, and a kept view compresses once and sends those same bytes again, never the
// bytes of an older version.
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../src/lib/dates.js';
import { viewCacheOf, type ViewCache } from '../../src/modules/dossiers/view-cache.js';
import { varyAlsoOnAcceptEncoding } from '../../src/http/send-json-bytes.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';

const t = useTestDb();
const shared = { jwtSecret: randomBytes(32), rootSecret: randomBytes(32), encryptionKeys: [{ id: 'k1', key: randomBytes(32) }] };
const keeping = useTestApp(t, { ...shared, viewCacheMb: 16 });
const notKeeping = useTestApp(t, { ...shared, viewCacheMb: 0 });
const withCors = useTestApp(t, { ...shared, viewCacheMb: 16, corsOrigins: ['https://app.example'] });

// What Chromium sends with every request of the web app.
const BROWSER = 'gzip, deflate, br, zstd';

let maatje: TestUser;
let otherMaatje: TestUser;
let dossierId: string;

beforeAll(async () => {
  notKeeping.clock.set(keeping.clock.now());
  withCors.clock.set(keeping.clock.now());
  const location = (await createLocation(t.db)).id;
  const resident = await createUser(keeping.app, { role: 'resident', locationId: location });
  maatje = await createUser(keeping.app, { role: 'maatje', locationId: location });
  otherMaatje = await createUser(keeping.app, { role: 'maatje', locationId: location });
  dossierId = await createDossier(keeping.app, { resident, locationId: location, maatje });
  for (let i = 0; i < 5; i++) await addDebt(`CANARY-Schuldeiser ${i}`);
});

async function addDebt(creditorName: string) {
  const res = await keeping.app.inject({
    method: 'POST', url: `/api/v1/dossiers/${dossierId}/debts`, headers: bearer(maatje),
    payload: { creditorName, creditorType: 'energie', status: 'open', balanceCents: 12_345 },
  });
  expect(res.statusCode, res.body).toBe(201);
}

function read(app: TestApp, path: string, acceptEncoding?: string, user: TestUser = maatje) {
  return app.app.inject({
    method: 'GET', url: `/api/v1/dossiers/${dossierId}${path}`,
    headers: { ...bearer(user), ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
  });
}

function decoded(res: Awaited<ReturnType<typeof read>>): string {
  const coding = res.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
  if (coding === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
  expect(coding).toBeUndefined();
  return res.body;
}

const keptView = (kind: 'dossier' | 'overview') =>
  (viewCacheOf(keeping.app.db, keeping.config.viewCacheMb) as ViewCache).get(kind, dossierId, amsterdamDate(keeping.clock.now()), keeping.clock.now().getTime());

describe.each([
  { kind: 'dossier' as const, path: '' },
  { kind: 'overview' as const, path: '/overview' },
])('the $kind read, compressed', ({ kind, path }) => {
  it.each([
    { acceptEncoding: BROWSER, coding: 'br' },
    { acceptEncoding: 'gzip', coding: 'gzip' },
    { acceptEncoding: 'br;q=0, gzip;q=0.5', coding: 'gzip' },
    { acceptEncoding: 'identity', coding: undefined },
    { acceptEncoding: undefined, coding: undefined },
  ])('Accept-Encoding $acceptEncoding: sent as $coding, the same JSON as without compression', async ({ acceptEncoding, coding }) => {
    const plain = await read(notKeeping, path);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const app of [keeping, notKeeping]) {
      // Twice from the keeping app: the first read builds the view, the second is sent as kept.
      for (const _ of app === keeping ? [1, 2] : [1]) {
        const res = await read(app, path, acceptEncoding);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding']).toBe(coding);
        expect(res.headers.vary).toContain('accept-encoding');
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers.etag).toBe(plain.headers.etag);
        expect(decoded(res)).toBe(plain.body);
        if (coding !== undefined) expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      }
    }
  });

  it('compresses a kept view once and sends those bytes to every later read', async () => {
    const first = await read(keeping, path, BROWSER);
    const kept = keptView(kind);
    expect(kept?.encoded.br).toEqual(first.rawPayload);
    const again = await read(keeping, path, BROWSER);
    expect(again.rawPayload).toEqual(first.rawPayload);
    expect(keptView(kind)?.encoded.br).toBe(kept?.encoded.br);
  });

  it('after a change sends the new content, never the compressed bytes of the old', async () => {
    const before = decoded(await read(keeping, path, BROWSER));
    await addDebt('CANARY-Nieuwe schuldeiser');
    const after = await read(keeping, path, BROWSER);
    expect(after.headers['content-encoding']).toBe('br');
    expect(decoded(after)).not.toBe(before);
    expect(decoded(after)).toBe((await read(notKeeping, path)).body);
  });

  it('sends a refusal as before: a 404 problem, not a compressed view', async () => {
    const res = await read(keeping, path, BROWSER, otherMaatje);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('Vary on a compressed read', () => {
  it('keeps what CORS put there (Origin) and adds Accept-Encoding once', async () => {
    const res = await withCors.app.inject({
      method: 'GET', url: `/api/v1/dossiers/${dossierId}`,
      headers: { ...bearer(maatje), 'accept-encoding': BROWSER, origin: 'https://app.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    const fields = String(res.headers.vary).split(',').map((field) => field.trim().toLowerCase());
    expect(fields).toContain('origin');
    expect(fields.filter((field) => field === 'accept-encoding')).toHaveLength(1);
  });

  it.each([
    { current: undefined, vary: 'accept-encoding' },
    { current: '', vary: 'accept-encoding' },
    { current: 'Origin', vary: 'Origin, accept-encoding' },
    { current: 'Origin, Accept-Encoding', vary: 'Origin, Accept-Encoding' },
    { current: '*', vary: '*' },
  ])('Vary $current becomes $vary', ({ current, vary }) => {
    expect(varyAlsoOnAcceptEncoding(current)).toBe(vary);
  });
});
