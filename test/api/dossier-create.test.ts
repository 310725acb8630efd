// POST /dossiers: a trained maatje opens a dossier and hands the resident a one-time code.
import { describe, expect, it } from 'vitest';
import type { TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ maatje: 'maatje', otherMaatje: 'maatje', untrained: { role: 'maatje', trained: false } });

const post = (user: TestUser, payload: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { ...bearer(user), ...headers }, payload: payload as object });

describe('POST /dossiers', () => {
  it('creates the resident, the dossier in phase A assigned to its creator, and a code the resident activates with', async () => {
    const res = await post(w.maatje, { resident: { displayName: 'CANARY-Nieuwe Bewoner', ageBand: '21_tot_aow' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.dossier).toMatchObject({ phase: 'A', assignedMaatje: { id: w.maatje.id }, resident: { displayName: 'CANARY-Nieuwe Bewoner' },
      household: { ageBand: '21_tot_aow', leefsituatie: null } });
    expect(body.residentActivationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(res.headers.etag).toBe(`"${body.dossier.version}"`);

    const activated = await h.app.inject({ method: 'POST', url: '/api/v1/auth/activate',
      payload: { code: body.residentActivationCode, username: 'canary-bewoner-1', password: 'CANARY-een lang wachtwoord' } });
    expect(activated.statusCode).toBe(200);
    const residentToken = activated.json().accessToken;
    const own = await h.app.inject({ method: 'GET', url: `/api/v1/dossiers/${body.dossier.id}`, headers: { authorization: `Bearer ${residentToken}` } });
    expect(own.statusCode).toBe(200);
    // The code is stored only as an HMAC.
    const stored = await t.db.selectFrom('activationCodes').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(body.residentActivationCode.replaceAll('-', ''));
  });

  it('links a second dossier to a resident the maatje already has, without a new code', async () => {
    const first = (await post(w.maatje, { resident: { displayName: 'CANARY-Terug' } })).json();
    const second = await post(w.maatje, { residentId: first.dossier.resident.id });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ residentActivationCode: null, dossier: { resident: { id: first.dossier.resident.id } } });
    const refused = await post(w.otherMaatje, { residentId: first.dossier.resident.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('resident_not_linkable');
  });

  it('refuses an untrained maatje and leaves no trace in the data', async () => {
    const before = await t.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await post(w.untrained, { resident: { displayName: 'CANARY-Niet' } });
    expect(res.statusCode).toBe(403);
    const after = await t.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('replays with an Idempotency-Key without repeating the secret code', async () => {
    const key = { 'idempotency-key': 'open-dossier-1' };
    const first = await post(w.maatje, { resident: { displayName: 'CANARY-Eens' } }, key);
    const again = await post(w.maatje, { resident: { displayName: 'CANARY-Eens' } }, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().dossier.id).toBe(first.json().dossier.id);
    expect(first.json().residentActivationCode).not.toBeNull();
    expect(again.json().residentActivationCode).toBeNull();
    const stored = await t.db.selectFrom('idempotencyKeys').select('responseBody').executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(first.json().residentActivationCode);
  });
});
