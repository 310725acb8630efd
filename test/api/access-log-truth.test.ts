// The resident's access log tells the truth and cannot be flooded (issue 15, rule 7).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { apiFor } from '../support/api.js';
import { createDossier, createUser, type TestUser } from '../support/factories.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ maatje: 'maatje', coordinator: 'coordinator' });

async function newDossier() {
  const resident = await createUser(h.app, { role: 'resident', locationId: w.location });
  return { resident, dossierId: await createDossier(h.app, { resident, locationId: w.location, maatje: w.maatje }) };
}

const api = (user?: TestUser) => apiFor(h.app, user);

async function accessLog(resident: TestUser, dossierId: string) {
  const res = await api(resident).get(`/dossiers/${dossierId}/access-log?limit=100`);
  expect(res.statusCode).toBe(200);
  return res.json().items as { action: string; outcome: string; description: string; attempts: number }[];
}

describe('the access log', () => {
  it('shows another resident\'s refused attempt as someone else, never as "U"', async () => {
    const { resident, dossierId } = await newDossier();
    const stranger = await createUser(h.app, { role: 'resident', locationId: w.location });
    expect((await api(stranger).get(`/dossiers/${dossierId}/story`)).statusCode).toBe(404);
    const denied = (await accessLog(resident, dossierId)).filter((e) => e.outcome === 'denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]?.description).not.toMatch(/^U /);
    expect(denied[0]?.description).toMatch(/^Een andere bewoner /);
  });

  it('counts repeated refusals from one caller within an hour in one entry', async () => {
    const { resident, dossierId } = await newDossier();
    const stranger = await createUser(h.app, { role: 'resident', locationId: w.location });
    // Refusals are grouped by the clock hour of the database's own stamps: 12 that straddle a full
    // hour are rightly two entries. Start them well inside an hour (at most a minute's wait, when
    // the run happens to come just before one), whatever the hour CI runs at.
    const secondsLeftInHour = async () => Number((await sql<{ s: number }>`SELECT extract(epoch FROM date_trunc('hour', now()) + interval '1 hour' - now())::float8 AS s`.execute(t.db)).rows[0]?.s);
    await expect.poll(secondsLeftInHour, { timeout: 120_000, interval: 1_000 }).toBeGreaterThan(60);
    for (let i = 0; i < 12; i++) await api(stranger).get(`/dossiers/${dossierId}/story`);
    // A refusal two hours later is a new entry (written directly: the database stamps audit rows).
    await t.db.insertInto('auditEvents').values({ action: 'story.read', outcome: 'denied', actorUserId: stranger.id, actorRole: 'resident',
      dossierId, occurredAt: new Date(Date.now() + 2 * 3600_000) }).execute();
    const denied = (await accessLog(resident, dossierId)).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => e.attempts)).toEqual([12, 1]);
    expect(denied[0]?.description).toContain('12 keer');
  }, 180_000);

  it('does not log an idempotent replay as a second addition', async () => {
    const { resident, dossierId } = await newDossier();
    const key = randomUUID();
    const payload = { title: 'Bellen', owner: 'maatje' };
    expect((await api(w.maatje).post(`/dossiers/${dossierId}/actions`, payload, { 'idempotency-key': key })).statusCode).toBe(201);
    expect((await api(w.maatje).post(`/dossiers/${dossierId}/actions`, payload, { 'idempotency-key': key })).statusCode).toBe(201);
    const added = (await accessLog(resident, dossierId)).filter((e) => e.action === 'action.created');
    expect(added).toHaveLength(1);
  });

  it('does not call re-assigning the same maatje "een ander maatje"', async () => {
    const { resident, dossierId } = await newDossier();
    expect((await api(w.coordinator).put(`/dossiers/${dossierId}/assignment`, { maatjeId: w.maatje.id })).statusCode).toBe(200);
    const entries = await accessLog(resident, dossierId);
    expect(entries.some((e) => e.description.includes('een ander maatje'))).toBe(false);
    expect(entries.filter((e) => e.action === 'assignment.changed')).toHaveLength(0);
  });
});
