// The routes the web app's pages need beyond docs/api.md: the evaluator's published periods, the
// admin's norm-period preview, the questionnaires due in a dossier and overdue actions in the caseload.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDossier, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { JUL_2025 } from '../support/norm-periods.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld(
  { admin: 'admin', evaluator: 'evaluator', coordinator: 'coordinator', maatje: 'maatje', resident: 'resident' },
  { now: new Date('2025-12-01T10:00:00Z') },
);

const call = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: bearer(user), ...(payload ? { payload } : {}) });

describe('GET /stats/periods', () => {
  it('offers only published periods, from the oldest dossier\'s year, and every one of them answers 200', async () => {
    const resident2 = await createUser(h.app, { role: 'resident', locationId: w.location });
    const old = await createDossier(h.app, { resident: resident2, locationId: w.location });
    await t.db.updateTable('dossiers').set({ openedAt: new Date('2024-05-02T10:00:00Z') }).where('id', '=', old).execute();
    const res = await call(w.evaluator, 'GET', '/stats/periods');
    expect(res.statusCode, res.body).toBe(200);
    const periods = res.json().items.map((item: { period: string }) => item.period);
    // 1 December 2025: 2025-Q3 was published on 31 October; 2025-Q4 and the year 2025 are not yet.
    expect(periods).toEqual(['2025-Q3', '2025-Q2', '2025-Q1', '2024', '2024-Q4', '2024-Q3', '2024-Q2', '2024-Q1']);
    expect(res.json().items[0]).toEqual({ period: '2025-Q3', kind: 'quarter', start: '2025-07-01', end: '2025-10-01', publishedFrom: '2025-10-31' });
    for (const period of ['2025-Q3', '2024']) {
      expect((await call(w.evaluator, 'GET', `/stats/tables/dossiers_started?period=${period}`)).statusCode).toBe(200);
    }
    expect((await call(w.evaluator, 'GET', '/stats/tables/dossiers_started?period=2025-Q4')).statusCode).toBe(422);
  });
});

describe('POST /norm-periods/preview', () => {
  const proposal = {
    validFrom: '2026-01-01',
    norms: {
      alleenstaand_21_aow: { excludingHolidayCents: 133_000, includingHolidayCents: 140_000 },
      samenwonend_21_aow: { excludingHolidayCents: 190_000, includingHolidayCents: 200_000 },
      alleenstaand_aow: { excludingHolidayCents: 148_200, includingHolidayCents: 156_000 },
      samenwonend_aow: { excludingHolidayCents: 203_300, includingHolidayCents: 214_000 },
    },
  };

  it('shows what changes for sample households against the period in force, and stores nothing', async () => {
    const before = await t.db.selectFrom('normPeriods').select('id').execute();
    const res = await call(w.admin, 'POST', '/norm-periods/preview', proposal);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.errors).toEqual([]);
    expect(body.currentPeriod).toEqual({ validFrom: '2025-07-01', label: JUL_2025.label });
    // Income = 1 July 2025 single norm incl. vakantietoeslag 136906; bvv now 95 % × 130061 = 123558 (half-up),
    // proposed 95 % × 133000 = 126350; aflosruimte 136906 − 123558 = 13348 and 136906 − 126350 = 10556.
    expect(body.households[0]).toEqual({
      normKey: 'alleenstaand_21_aow', household: { leefsituatie: 'alleenstaand', ageBand: '21_tot_aow' },
      sampleIncomeMonthlyCents: 136906,
      current: { bvvIndicativeCents: 123558, aflosruimteCents: 13348 },
      proposed: { bvvIndicativeCents: 126350, aflosruimteCents: 10556 },
      bvvDifferenceCents: 2792,
    });
    expect(body.households).toHaveLength(4);
    expect(await t.db.selectFrom('normPeriods').select('id').execute()).toHaveLength(before.length);
  });

  it('reports per field what saving would refuse, with the same pointers as the 422 of POST', async () => {
    const wrong = { ...proposal, validFrom: '2026-02-01',
      norms: { ...proposal.norms, samenwonend_aow: { excludingHolidayCents: 200_000, includingHolidayCents: 214_000 } } };
    const preview = await call(w.admin, 'POST', '/norm-periods/preview', wrong);
    expect(preview.statusCode).toBe(200);
    const saved = await call(w.admin, 'POST', '/norm-periods', wrong);
    expect(saved.statusCode).toBe(422);
    expect(preview.json().errors).toEqual(saved.json().errors);
    expect(preview.json().errors.map((e: { pointer: string }) => e.pointer))
      .toEqual(['/body/validFrom', '/body/norms/samenwonend_aow/excludingHolidayCents']);
  });

  it('refuses a malformed body with 400 and every role but the admin with 403', async () => {
    expect((await call(w.admin, 'POST', '/norm-periods/preview', { validFrom: '2026-01-01' })).statusCode).toBe(400);
    for (const user of [w.evaluator, w.coordinator, w.maatje, w.resident]) {
      expect((await call(user, 'POST', '/norm-periods/preview', proposal)).statusCode).toBe(403);
    }
  });
});

describe('questionnaires due and overdue actions', () => {
  it('lists T0 as due after consent and drops it once answered', async () => {
    await t.db.insertInto('instruments').values({
      version: 'due-1', name: 'Stress', items: JSON.stringify([{ code: 'stress', minScore: 0, maxScore: 10 }]), createdAt: h.app.now(),
    }).execute();
    const id = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje });
    const first = await call(w.resident, 'GET', `/dossiers/${id}/measurements`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().due).toEqual([{ moment: 'T0', dueFrom: null, instrumentVersion: 'due-1' }]);
    const put = await h.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${id}/measurements/T0`, headers: bearer(w.resident),
      payload: { instrumentVersion: 'due-1', items: { stress: 4 } } });
    expect(put.statusCode, put.body).toBe(201);
    expect((await call(w.maatje, 'GET', `/dossiers/${id}/measurements`)).json()).toMatchObject({ due: [], items: [{ moment: 'T0' }] });
  });

  it('counts overdue actions in the caseload without showing them', async () => {
    const other = await createUser(h.app, { role: 'resident', locationId: w.location });
    const id = await createDossier(h.app, { resident: other, locationId: w.location, maatje: w.maatje, phase: 'C' });
    for (const dueDate of ['2025-11-01', '2025-11-30', '2025-12-05']) {
      const actionId = randomUUID();
      await t.db.insertInto('actions').values({
        id: actionId, dossierId: id, owner: 'maatje', dueDate, createdAt: h.app.now(), updatedAt: h.app.now(),
        titleEncrypted: h.app.cipher.encrypt('CANARY-action', { table: 'actions', column: 'title', rowId: actionId }),
      }).execute();
    }
    const res = await call(w.coordinator, 'GET', '/caseload');
    expect(res.statusCode).toBe(200);
    const row = res.json().items.find((item: { dossierId: string }) => item.dossierId === id);
    expect(row.overdueActions).toBe(2);
    expect(res.body).not.toContain('CANARY-action');
  });
});

describe('consent given again after a withdrawal', () => {
  it('restores the maatje\'s access and clears withdrawnAt', async () => {
    const other = await createUser(h.app, { role: 'resident', locationId: w.location });
    const id = await createDossier(h.app, { resident: other, locationId: w.location, maatje: w.maatje });
    const put = (user: TestUser, method: 'PUT' | 'DELETE') => h.app.inject({
      method, url: `/api/v1/dossiers/${id}/consent`, headers: bearer(user),
      ...(method === 'PUT' ? { payload: { textVersion: 'v1', statisticsOptIn: false } } : {}),
    });
    expect((await put(other, 'DELETE')).statusCode).toBe(200);
    expect((await call(w.maatje, 'GET', `/dossiers/${id}`)).statusCode).toBe(404);
    const again = await put(other, 'PUT');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ withdrawnAt: null, statisticsOptIn: false });
    expect((await call(w.maatje, 'GET', `/dossiers/${id}`)).statusCode).toBe(200);
  });
});
