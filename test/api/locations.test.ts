import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { bearer, seedLocation, seedUser, signIn, unique, type Tokens } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t, { trustProxy: true });

let addressSeq = 0;
const address = () => ({ 'x-forwarded-for': `172.16.0.${(addressSeq++ % 250) + 1}` });

let admin: Tokens;
let maatje: Tokens;
let resident: Tokens;

beforeAll(async () => {
  const home = await seedLocation(t.db);
  admin = await signIn(h.app, await seedUser(t.db, { role: 'admin' }), address());
  maatje = await signIn(h.app, await seedUser(t.db, { role: 'maatje', locationId: home }), address());
  resident = await signIn(h.app, await seedUser(t.db, { role: 'resident', locationId: home }), address());
});

const create = (tokens: Tokens, payload: object) =>
  h.app.inject({ method: 'POST', url: '/api/v1/locations', headers: bearer(tokens.accessToken), payload });
const list = (tokens: Tokens, query = '') =>
  h.app.inject({ method: 'GET', url: `/api/v1/locations${query}`, headers: bearer(tokens.accessToken) });

describe('/locations', () => {
  it('lets the admin add a location and refuses a second one of the same name', async () => {
    const name = `Buurtwerkkamer Zuidoost ${unique()}`;
    const res = await create(admin, { name, city: 'Amsterdam' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(String), name, city: 'Amsterdam' });
    const again = await create(admin, { name: name.toUpperCase(), city: 'Utrecht' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('location_name_taken');
  });

  it('refuses other roles (403) and bad bodies (400)', async () => {
    expect((await create(maatje, { name: 'X', city: 'Y' })).statusCode).toBe(403);
    expect((await create(admin, { name: 'X', city: 'Y', id: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    expect((await create(admin, { name: '   ', city: 'Y' })).statusCode).toBe(400);
    expect((await create(admin, { name: 'x'.repeat(121), city: 'Y' })).statusCode).toBe(400);
    expect((await list(resident)).statusCode).toBe(403);
  });

  it('lists for staff in creation order, page by page, without gaps or repeats', async () => {
    const names: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const name = `Paging ${i} ${unique()}`;
      names.push(name);
      // Creation time comes from the app clock; rows made in the same instant sort by id.
      h.clock.advanceSeconds(1);
      expect((await create(admin, { name, city: 'Utrecht' })).statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(maatje, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { name: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item) => item.name));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((name) => names.includes(name))).toEqual(names);
    const all = (await list(maatje)).json() as { items: unknown[]; nextCursor: string | null };
    expect(all.items).toHaveLength(seen.length);
    expect(all.nextCursor).toBeNull();
  });

  it('pages rows apart by microseconds (finer than a JavaScript Date) without repeating one', async () => {
    const tag = unique();
    for (const micro of ['000300', '000100', '000200']) {
      await sql`INSERT INTO locations (name, city, created_at) VALUES (${`Micro ${micro} ${tag}`}, 'Utrecht', ${`1999-01-01T00:00:00.${micro}Z`}::timestamptz)`.execute(t.db);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const res = await list(maatje, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json() as { items: { name: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((item) => item.name));
      cursor = body.nextCursor;
    }
    expect(seen).toEqual(['000100', '000200', '000300'].map((micro) => `Micro ${micro} ${tag}`));
  });

  it('refuses a bad limit or cursor with 400', async () => {
    for (const query of ['?limit=0', '?limit=201', '?limit=ten', '?cursor=CANARY-not-a-cursor', '?cursor=eyJhIjoxfQ', '?colour=red']) {
      const res = await list(maatje, query);
      expect(res.statusCode, query).toBe(400);
    }
  });
});
