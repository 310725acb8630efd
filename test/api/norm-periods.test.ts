// Norm periods as data (docs/domain.md §4): staff read, an admin appends, nothing is ever edited.
import { describe, expect, it } from 'vitest';
import { apiFor } from '../support/api.js';
import { JUL_2025 } from '../support/norm-periods.js';
import type { TestUser } from '../support/factories.js';
import { sessionToken } from '../support/identity.js';
import { useDossierWorld } from '../support/world.js';

// 1 December 2025: 2025-12-01 − 7 months = 2025-05-01, before the newest seeded period (2025-07-01).
const { t, h, w } = useDossierWorld(
  { admin: 'admin', maatje: 'maatje', coordinator: 'coordinator', evaluator: 'evaluator', resident: 'resident' },
  { now: new Date('2025-12-01T10:00:00Z') },
);

const api = (user?: TestUser) => apiFor(h.app, user);

// Made-up 1 January 2026 figures (the real ones were not published when this was written); each
// excluding amount is 95 % of the including one: 140000 × 0,95 = 133000, 200000 × 0,95 = 190000,
// 156000 × 0,95 = 148200, 214000 × 0,95 = 203300.
const JAN_2026 = {
  validFrom: '2026-01-01',
  norms: {
    alleenstaand_21_aow: { excludingHolidayCents: 133_000, includingHolidayCents: 140_000 },
    samenwonend_21_aow: { excludingHolidayCents: 190_000, includingHolidayCents: 200_000 },
    alleenstaand_aow: { excludingHolidayCents: 148_200, includingHolidayCents: 156_000 },
    samenwonend_aow: { excludingHolidayCents: 203_300, includingHolidayCents: 214_000 },
  },
};

async function countPeriods() {
  const row = await t.db.selectFrom('normPeriods').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

describe('GET /norm-periods', () => {
  it('lists the seeded periods oldest first for every staff role, with the one in force and the outdated flag', async () => {
    for (const user of [w.maatje, w.coordinator, w.evaluator, w.admin]) {
      const res = await api(user).get('/norm-periods');
      expect(res.statusCode, user.role).toBe(200);
      const page = res.json();
      expect(page).toMatchObject({ nextCursor: null, today: '2025-12-01', normPeriodOutdated: false });
      expect(page.items.map((p: { validFrom: string; inForce: boolean }) => [p.validFrom, p.inForce])).toEqual([
        ['2024-07-01', false], ['2025-01-01', false], ['2025-07-01', true],
      ]);
      expect(page.items[2]).toEqual({ ...JUL_2025, id: expect.any(String), inForce: true, createdAt: expect.any(String), createdBy: null });
    }
  });

  it('pages with limit and cursor, and refuses a bad cursor', async () => {
    const first = (await api(w.maatje).get('/norm-periods?limit=2')).json();
    expect(first.items.map((p: { validFrom: string }) => p.validFrom)).toEqual(['2024-07-01', '2025-01-01']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await api(w.maatje).get(`/norm-periods?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((p: { validFrom: string }) => p.validFrom)).toEqual(['2025-07-01']);
    expect(second.nextCursor).toBeNull();
    expect((await api(w.maatje).get('/norm-periods?cursor=nonsense')).statusCode).toBe(400);
    expect((await api(w.maatje).get('/norm-periods?limit=0')).statusCode).toBe(400);
  });

  it('is not for residents', async () => {
    expect((await api(w.resident).get('/norm-periods')).statusCode).toBe(403);
    expect((await api().get('/norm-periods')).statusCode).toBe(401);
  });
});

describe('POST /norm-periods', () => {
  it('is for the admin only: 403 for every other role, nothing stored', async () => {
    for (const user of [w.maatje, w.coordinator, w.evaluator, w.resident]) {
      const res = await api(user).post('/norm-periods', JAN_2026);
      expect(res.statusCode, user.role).toBe(403);
    }
    expect(await countPeriods()).toBe(3);
  });

  it('refuses figures that do not belong together with 422 and lists every problem', async () => {
    const mismatched = {
      ...JAN_2026,
      norms: {
        ...JAN_2026.norms,
        // 95 % of 140000 is 133000; 132998 is 2 cents off (1 cent is tolerated for separate rounding)
        alleenstaand_21_aow: { excludingHolidayCents: 132_998, includingHolidayCents: 140_000 },
        // excluding and including swapped: 95 % of 190000 = 180500
        samenwonend_21_aow: { excludingHolidayCents: 200_000, includingHolidayCents: 190_000 },
      },
    };
    const res = await api(w.admin).post('/norm-periods', mismatched);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      status: 422,
      code: 'norm_period_refused',
      errors: [
        { pointer: '/body/norms/alleenstaand_21_aow/excludingHolidayCents', code: 'holiday_allowance_mismatch', expectedExcludingHolidayCents: 133_000 },
        { pointer: '/body/norms/samenwonend_21_aow/excludingHolidayCents', code: 'holiday_allowance_mismatch', expectedExcludingHolidayCents: 180_500 },
      ],
    });
    expect(await countPeriods()).toBe(3);
  });

  it('refuses a period that does not start on 1 January or 1 July with 422', async () => {
    const res = await api(w.admin).post('/norm-periods', { ...JAN_2026, validFrom: '2026-03-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { pointer: '/body/validFrom', code: 'valid_from_not_1_january_or_1_july', detail: expect.any(String) },
    ]);
  });

  it('refuses a second period with the same start: existing periods are never edited', async () => {
    const res = await api(w.admin).post('/norm-periods', { ...JAN_2026, validFrom: '2025-07-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { pointer: '/body/validFrom', code: 'valid_from_exists', validFrom: '2025-07-01', detail: expect.any(String) },
    ]);
    expect(await countPeriods()).toBe(3);
  });

  it('refuses a start more than 6 months ahead with 422: a mistyped year could never be taken back', async () => {
    // 2025-12-01 + 6 months = 2026-06-01
    for (const validFrom of ['2026-07-01', '2062-01-01']) {
      const res = await api(w.admin).post('/norm-periods', { ...JAN_2026, validFrom });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { pointer: '/body/validFrom', code: 'valid_from_too_far_ahead', latestValidFrom: '2026-06-01', detail: expect.any(String) },
      ]);
    }
    expect(await countPeriods()).toBe(3);
  });

  it('refuses bad shapes with 400', async () => {
    const { alleenstaand_aow: _dropped, ...threeKeys } = JAN_2026.norms;
    for (const body of [
      { ...JAN_2026, validFrom: '2026-02-30' },
      { ...JAN_2026, validFrom: '1-1-2026' },
      { ...JAN_2026, norms: threeKeys },
      { ...JAN_2026, norms: { ...JAN_2026.norms, alleenstaand_18_20: { excludingHolidayCents: 1, includingHolidayCents: 1 } } },
      { ...JAN_2026, norms: { ...JAN_2026.norms, alleenstaand_aow: { excludingHolidayCents: 0, includingHolidayCents: 0 } } },
      { ...JAN_2026, norms: { ...JAN_2026.norms, alleenstaand_aow: { excludingHolidayCents: 1482.5, includingHolidayCents: 156_000 } } },
      { ...JAN_2026, id: '00000000-0000-4000-8000-000000000000' },
      { ...JAN_2026, label: '' },
    ]) {
      const res = await api(w.admin).post('/norm-periods', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await countPeriods()).toBe(3);
  });

  it('adds a valid 1 January 2026 period, which is in force from that day and clears the outdated warning', async () => {
    const res = await api(w.admin).post('/norm-periods', JAN_2026, { 'idempotency-key': 'jan-2026' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      ...JAN_2026,
      id: expect.any(String),
      label: 'Bijstandsnormen 1 januari 2026',
      inForce: false, // 1 December 2025: not yet
      createdAt: '2025-12-01T10:00:00.000Z',
      createdBy: w.admin.id,
    });
    // a retry with the same key answers the same, and adds nothing
    const replay = await api(w.admin).post('/norm-periods', JAN_2026, { 'idempotency-key': 'jan-2026' });
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(created);
    expect(await countPeriods()).toBe(4);

    const audit = await t.db.selectFrom('auditEvents').select(['actorUserId', 'details'])
      .where('action', '=', 'normPeriod.created').execute();
    expect(audit).toEqual([{ actorUserId: w.admin.id, details: { validFrom: '2026-01-01' } }]);

    // 1 March 2026: 2026-03-01 − 7 months = 2025-08-01. Without the new period the warning would be on.
    h.clock.set(new Date('2026-03-01T10:00:00Z'));
    w.maatje.token = await sessionToken(h.app, w.maatje.id, 'maatje');
    const page = (await api(w.maatje).get('/norm-periods')).json();
    expect(page).toMatchObject({ today: '2026-03-01', normPeriodOutdated: false });
    expect(page.items.map((p: { validFrom: string; inForce: boolean }) => [p.validFrom, p.inForce])).toEqual([
      ['2024-07-01', false], ['2025-01-01', false], ['2025-07-01', false], ['2026-01-01', true],
    ]);

    // 2 September 2026: 2026-09-02 − 7 months = 2026-02-02, after the newest period: outdated again
    h.clock.set(new Date('2026-09-02T10:00:00Z'));
    w.maatje.token = await sessionToken(h.app, w.maatje.id, 'maatje');
    expect((await api(w.maatje).get('/norm-periods')).json().normPeriodOutdated).toBe(true);

    // The next period, with one cent between excluding and 95 % of including (140000 × 0,95 = 133000
    // against 133001): published tables round each column apart, so one cent is accepted.
    w.admin.token = await sessionToken(h.app, w.admin.id, 'admin');
    const july = {
      validFrom: '2026-07-01', label: 'Bijstandsnormen 1 juli 2026',
      norms: { ...JAN_2026.norms, alleenstaand_21_aow: { excludingHolidayCents: 133_001, includingHolidayCents: 140_000 } },
    };
    const added = await api(w.admin).post('/norm-periods', july);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ ...july, inForce: true });
    expect((await api(w.maatje).get('/norm-periods')).json().normPeriodOutdated).toBe(false);
  });

  it('accepts a forgotten earlier period after a newer one: 1 January 2025 is back, in force by its dates', async () => {
    // The periods so far: the three seeds, 1 January and 1 July 2026. 1 January 2024 is older than all.
    h.clock.set(new Date('2026-09-02T10:00:00Z'));
    w.admin.token = await sessionToken(h.app, w.admin.id, 'admin');
    w.maatje.token = await sessionToken(h.app, w.maatje.id, 'maatje');
    const jan2024 = { ...JAN_2026, validFrom: '2024-01-01' };
    const res = await api(w.admin).post('/norm-periods', jan2024);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ validFrom: '2024-01-01', inForce: false });
    const page = (await api(w.maatje).get('/norm-periods')).json();
    expect(page.items.map((p: { validFrom: string; inForce: boolean }) => [p.validFrom, p.inForce])).toEqual([
      ['2024-01-01', false], ['2024-07-01', false], ['2025-01-01', false], ['2025-07-01', false], ['2026-01-01', false], ['2026-07-01', true],
    ]);
    // never twice
    const again = await api(w.admin).post('/norm-periods', jan2024);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ code: 'valid_from_exists', validFrom: '2024-01-01' });
  });
});
