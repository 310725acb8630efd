// The whole way through the programme, A → B → C → closed, as the maatje and the resident do it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDossier, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ resident: 'resident', maatje: 'maatje', admin: 'admin' });

beforeAll(async () => {
  h.clock.set(new Date('2026-11-02T10:00:00Z'));
});

const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(user), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

async function ok(response: Awaited<ReturnType<typeof call>>, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

const INSTRUMENT = { version: 'hva-2026.1', name: 'Financiële zorgen en regie', items: [
  { code: 'financiele_stress', minScore: 1, maxScore: 5 }, { code: 'regie', minScore: 1, maxScore: 5 },
] };

describe('the journey A → B → C → closed', () => {
  it('runs end to end with snapshots, plan, measurements and the refusals after closing', async () => {
    await ok(await call(w.admin, 'POST', '/instruments', INSTRUMENT), 201);
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, consent: false, household: null });

    // Phase A: the resident consents digitally; the maatje records the household.
    await ok(await call(w.resident, 'PUT', `/dossiers/${dossierId}/consent`, { textVersion: '2026-01', statisticsOptIn: true }));
    let dossier = await ok(await call(w.maatje, 'GET', `/dossiers/${dossierId}`));
    dossier = await ok(await call(w.maatje, 'PATCH', `/dossiers/${dossierId}`,
      { household: { leefsituatie: 'samenwonend_met_kinderen', ageBand: '21_tot_aow', partnerAgeBand: '21_tot_aow' } }, { 'if-match': `"${dossier.version}"` }));
    await ok(await call(w.resident, 'PUT', `/dossiers/${dossierId}/story`, { text: 'CANARY-journey-story', lifeEvents: ['baanverlies'] }), 201);
    await ok(await call(w.resident, 'PUT', `/dossiers/${dossierId}/measurements/T0`, { instrumentVersion: 'hva-2026.1', items: { financiele_stress: 5, regie: 2 } }), 201);
    await ok(await call(w.maatje, 'POST', `/dossiers/${dossierId}/transitions`, { to: 'B' }));

    // Phase B: the overview, confirmed by the resident.
    const debtA = await ok(await call(w.maatje, 'POST', `/dossiers/${dossierId}/debts`,
      { creditorName: 'Belastingdienst', creditorType: 'belastingdienst', rank: 'preferent', balanceCents: 250_000, balanceDate: '2026-10-15', status: 'aanmaning' }), 201);
    await ok(await call(w.maatje, 'POST', `/dossiers/${dossierId}/debts`,
      { creditorName: 'Ymere', creditorType: 'verhuurder', balanceCents: 180_000, balanceDate: '2026-10-20', status: 'ontruiming_of_afsluiting_aangezegd', reference: 'CANARY-huur' }), 201);
    await ok(await call(w.resident, 'POST', `/dossiers/${dossierId}/incomes`, { kind: 'loon', amountCents: 210_000, frequency: 'month' }), 201);
    await ok(await call(w.resident, 'POST', `/dossiers/${dossierId}/expenses`, { group: 'vaste_lasten', category: 'huur', amountCents: 95_000, frequency: 'month' }), 201);
    dossier = await ok(await call(w.resident, 'GET', `/dossiers/${dossierId}`));
    dossier = await ok(await call(w.resident, 'PATCH', `/dossiers/${dossierId}`, { overviewConfirmed: true }, { 'if-match': `"${dossier.version}"` }));
    expect(dossier.overviewConfirmedAt).not.toBeNull();

    // A change after confirming makes the confirmation stale, so B cannot be left yet.
    await ok(await call(w.maatje, 'PATCH', `/dossiers/${dossierId}/debts/${debtA.id}`, { balanceCents: 260_000 }, { 'if-match': '"1"' }));
    const refused = await call(w.maatje, 'POST', `/dossiers/${dossierId}/transitions`, { to: 'C' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().missing).toEqual([{ code: 'overview_not_confirmed' }]);
    dossier = await ok(await call(w.resident, 'GET', `/dossiers/${dossierId}`));
    // The maatje may confirm only a confirmation the resident signed on paper.
    expect((await call(w.maatje, 'PATCH', `/dossiers/${dossierId}`, { overviewConfirmed: true }, { 'if-match': `"${dossier.version}"` })).statusCode).toBe(400);
    await ok(await call(w.maatje, 'PATCH', `/dossiers/${dossierId}`, { overviewConfirmed: true, recordedOnPaper: true }, { 'if-match': `"${dossier.version}"` }));
    dossier = await ok(await call(w.maatje, 'POST', `/dossiers/${dossierId}/transitions`, { to: 'C' }));
    expect(dossier.phase).toBe('C');

    // T0 was captured at this first B → C: € 2.600 + € 1.800, two creditors.
    expect(await t.db.selectFrom('debtSnapshots').select(['moment', 'totalDebtCents', 'creditorCount']).where('dossierId', '=', dossierId).execute())
      .toEqual([{ moment: 'T0', totalDebtCents: 440_000, creditorCount: 2 }]);

    // Phase C: actions, the referral and its checklist.
    const action = await ok(await call(w.resident, 'POST', `/dossiers/${dossierId}/actions`,
      { title: 'CANARY-bel Ymere over de huurachterstand', owner: 'resident', dueDate: '2026-11-05' }), 201);
    h.clock.advanceSeconds(60);
    await ok(await call(w.maatje, 'POST', `/dossiers/${dossierId}/actions`, { title: 'CANARY-aanvraag kredietbank', description: 'CANARY-met loonstroken', owner: 'maatje' }), 201);
    await ok(await call(w.maatje, 'PUT', `/dossiers/${dossierId}/referral`,
      { route: 'kredietbank', organisation: 'Kredietbank Amsterdam', referredAt: '2026-11-03', status: 'aangemeld' }), 201);
    expect((await call(w.resident, 'PUT', `/dossiers/${dossierId}/referral`, { route: 'kredietbank', organisation: 'x', status: 'aangemeld' })).statusCode).toBe(403);
    await ok(await call(w.maatje, 'PUT', `/dossiers/${dossierId}/checklist`, { items: { legitimatie: 'aanwezig', bkr_inzage: 'ontbreekt', schuldenoverzicht: 'aanwezig' } }), 201);
    expect((await call(w.maatje, 'PUT', `/dossiers/${dossierId}/checklist`, { items: { paspoortkopie: 'aanwezig' } }, { 'if-match': '"1"' })).statusCode).toBe(400);

    h.clock.set(new Date('2026-11-10T10:00:00Z'));
    const list = await ok(await call(w.maatje, 'GET', '/dossiers'));
    expect(list.items.find((i: { id: string }) => i.id === dossierId)).toMatchObject({ phase: 'C', crisis: true, overdueActions: 1, staleBalances: 0 });
    await ok(await call(w.resident, 'PATCH', `/dossiers/${dossierId}/actions/${action.id}`, { done: true }, { 'if-match': '"1"' }));

    dossier = await ok(await call(w.resident, 'GET', `/dossiers/${dossierId}`));
    expect(dossier.actions.map((a: { title: string; done: boolean }) => [a.title, a.done])).toEqual([
      ['CANARY-bel Ymere over de huurachterstand', true], ['CANARY-aanvraag kredietbank', false]]);
    expect(dossier.referral).toMatchObject({ route: 'kredietbank', status: 'aangemeld', traject: null });
    expect(dossier.checklist.items).toEqual({ legitimatie: 'aanwezig', bkr_inzage: 'ontbreekt', schuldenoverzicht: 'aanwezig' });

    // The T2 measurement waits for the closing.
    expect((await call(w.resident, 'PUT', `/dossiers/${dossierId}/measurements/T2`, { instrumentVersion: 'hva-2026.1', items: { regie: 4 } })).statusCode).toBe(409);

    // Closing, with the T1 snapshot.
    await ok(await call(w.maatje, 'PUT', `/dossiers/${dossierId}/referral`,
      { route: 'kredietbank', organisation: 'Kredietbank Amsterdam', referredAt: '2026-11-03', acceptedAt: '2026-11-09', status: 'toegelaten', traject: 'minnelijk' }, { 'if-match': '"1"' }));
    expect((await call(w.resident, 'POST', `/dossiers/${dossierId}/close`, { exitReason: 'doorverwezen', solution: 'schuldbemiddeling' })).statusCode).toBe(403);
    dossier = await ok(await call(w.maatje, 'POST', `/dossiers/${dossierId}/close`, { exitReason: 'doorverwezen', solution: 'schuldbemiddeling' }));
    expect(dossier).toMatchObject({ phase: 'closed', exitReason: 'doorverwezen', solution: 'schuldbemiddeling' });
    expect(dossier.transitions.map((tr: { from: string; to: string }) => `${tr.from}→${tr.to}`)).toEqual(['A→B', 'B→C', 'C→closed']);
    expect(await t.db.selectFrom('debtSnapshots').select(['moment', 'totalDebtCents']).where('dossierId', '=', dossierId).orderBy('moment').execute())
      .toEqual([{ moment: 'T0', totalDebtCents: 440_000 }, { moment: 'T1', totalDebtCents: 440_000 }]);

    // A closed dossier takes no new content, but still the T2 measurement.
    for (const [method, url, body] of [
      ['POST', `/dossiers/${dossierId}/debts`, { creditorName: 'KPN', creditorType: 'telecom', balanceCents: 1, status: 'open' }],
      ['POST', `/dossiers/${dossierId}/actions`, { title: 'CANARY-te laat', owner: 'maatje' }],
      ['PUT', `/dossiers/${dossierId}/measurements/T1`, { instrumentVersion: 'hva-2026.1', items: { regie: 3 } }],
      ['POST', `/dossiers/${dossierId}/transitions`, { to: 'C' }],
      ['POST', `/dossiers/${dossierId}/close`, { exitReason: 'afgerond', solution: 'geen' }],
    ] as const) {
      const res = await call(w.maatje, method, url, body);
      expect(res.statusCode, url).toBe(409);
    }
    await ok(await call(w.resident, 'PUT', `/dossiers/${dossierId}/measurements/T2`, { instrumentVersion: 'hva-2026.1', items: { financiele_stress: 2, regie: 4 } }), 201);
    const measurements = await ok(await call(w.maatje, 'GET', `/dossiers/${dossierId}/measurements`));
    expect(measurements.items.map((m: { moment: string }) => m.moment)).toEqual(['T0', 'T2']);
  });

  it('closes from phase A with an outcome, and refuses a close without one', async () => {
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, consent: false });
    expect((await call(w.maatje, 'POST', `/dossiers/${dossierId}/close`, { exitReason: 'niet_verschenen' })).statusCode).toBe(400);
    const viaTransition = await call(w.maatje, 'POST', `/dossiers/${dossierId}/transitions`, { to: 'closed' });
    expect(viaTransition.statusCode).toBe(422);
    expect(viaTransition.json().missing).toEqual([{ code: 'exit_reason_missing' }]);
    const closed = await ok(await call(w.maatje, 'POST', `/dossiers/${dossierId}/close`, { exitReason: 'niet_verschenen', solution: 'geen' }));
    expect(closed).toMatchObject({ phase: 'closed', exitReason: 'niet_verschenen' });
    expect(await t.db.selectFrom('debtSnapshots').select(['moment', 'totalDebtCents', 'creditorCount']).where('dossierId', '=', dossierId).execute())
      .toEqual([{ moment: 'T1', totalDebtCents: 0, creditorCount: 0 }]);
  });
});

describe('measurement validation', () => {
  it('checks answers against the instrument version they name', async () => {
    await ok(await call(w.admin, 'POST', '/instruments', { version: 'check-1', name: 'Check', items: [{ code: 'stress', minScore: 0, maxScore: 10 }] }), 201);
    expect((await call(w.admin, 'POST', '/instruments', { version: 'check-1', name: 'Check', items: [{ code: 'stress', minScore: 0, maxScore: 10 }] })).statusCode).toBe(409);
    expect((await call(w.admin, 'POST', '/instruments', { version: 'bad', name: 'Bad', items: [{ code: 'a', minScore: 3, maxScore: 3 }] })).statusCode).toBe(400);
    expect((await call(w.maatje, 'POST', '/instruments', { version: 'x', name: 'X', items: [{ code: 'a', minScore: 0, maxScore: 3 }] })).statusCode).toBe(403);

    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje });
    const put = (items: Record<string, number>, instrumentVersion = 'check-1') =>
      call(w.resident, 'PUT', `/dossiers/${dossierId}/measurements/T0`, { instrumentVersion, items });
    const outOfRange = await put({ stress: 11 });
    expect(outOfRange.statusCode).toBe(422);
    expect(outOfRange.json().errors).toEqual([{ pointer: '/body/items/stress', code: 'score_out_of_range', detail: expect.any(String) }]);
    expect((await put({ unknown_item: 1 })).json().errors[0].code).toBe('unknown_item');
    expect((await put({ stress: 1 }, 'no-such-version')).json().code).toBe('unknown_instrument');
    expect((await put({ stress: 2.5 })).statusCode).toBe(400);
    await ok(await put({ stress: 10 }), 201);
    expect((await put({ stress: 9 })).statusCode).toBe(428);
    await ok(await call(w.maatje, 'PUT', `/dossiers/${dossierId}/measurements/T0`, { instrumentVersion: 'check-1', items: { stress: 9 } }, { 'if-match': '"1"' }));
  });
});
