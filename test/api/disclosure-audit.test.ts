// Every disclosure of content is audited, and content is stored only where the rules allow
// (issue 15, rule 3): a 412's `current` is a read, and stored idempotent replies hold no plain text.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDossier, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ maatje: 'maatje', resident: 'resident' });
let dossierId: string;

beforeAll(async () => {
  dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje });
});

const call = (user: TestUser, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method, url: `/api/v1/dossiers/${dossierId}${url}`, headers: { ...bearer(user), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }) });

const auditRowsOf = (requestId: string) => t.db.selectFrom('auditEvents').select(['action', 'outcome', 'actorUserId', 'dossierId', 'details'])
  .where('requestId', '=', requestId).execute();

describe('a 412 carries the current resource: that is a read and is audited as one', () => {
  it('a stale story write leaves an audit row naming the reader and the dossier', async () => {
    expect((await call(w.maatje, 'PUT', '/story', { text: 'CANARY-eerste versie', lifeEvents: [] })).statusCode).toBe(201);
    expect((await call(w.resident, 'PUT', '/story', { text: 'CANARY-tweede versie', lifeEvents: [] }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const stale = await call(w.maatje, 'PUT', '/story', { text: 'CANARY-derde versie', lifeEvents: [] }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.text).toBe('CANARY-tweede versie');
    const rows = await auditRowsOf(stale.json().requestId);
    expect(rows).toEqual([expect.objectContaining({ action: 'conflict.read', outcome: 'success', actorUserId: w.maatje.id, dossierId })]);
    expect(rows[0]?.details).toMatchObject({ attempted: 'story.updated' });
  });

  it('a stale edit of a debt is audited the same way', async () => {
    const debt = (await call(w.maatje, 'POST', '/debts', { creditorName: 'Bank', creditorType: 'bank_krediet', balanceCents: 100, status: 'open' })).json();
    expect((await call(w.resident, 'PATCH', `/debts/${debt.id}`, { balanceCents: 200 }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const stale = await call(w.maatje, 'PATCH', `/debts/${debt.id}`, { balanceCents: 300 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(await auditRowsOf(stale.json().requestId)).toEqual([expect.objectContaining({ action: 'conflict.read', actorUserId: w.maatje.id, dossierId })]);
  });
});

describe('stored idempotent replies', () => {
  it('hold no content in plain text, and a replay still returns the first reply', async () => {
    const key = randomUUID();
    const payload = { title: 'CANARY-geheime-actie', description: 'CANARY-geheime-notitie', owner: 'maatje' };
    const first = await call(w.maatje, 'POST', '/actions', payload, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const stored = await sql<{ body: string }>`SELECT response_body::text AS body FROM idempotency_keys WHERE key = ${key}`.execute(t.db);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.body).not.toContain('CANARY-geheime');
    const replay = await call(w.maatje, 'POST', '/actions', payload, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
  });
});
