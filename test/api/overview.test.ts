// The overview and the settlement of a realistic dossier, checked against figures computed by hand
// below (not by the code under test). Calculation day 15 September 2025: the 1 July 2025 norms are
// in force, alleenstaand 21–AOW: excl. VT 1.300,61, incl. VT 1.369,06 (domain.md §1.4).
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { apiFor } from '../support/api.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { sessionToken } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t);

const TODAY = new Date('2025-09-15T10:00:00Z');

let location: string;
let resident: TestUser;
let maatje: TestUser;
let dossierId: string;
const debtIds: Record<string, string> = {};

const api = (user?: TestUser) => apiFor(h.app, user);

async function post(url: string, body: object) {
  // Lists are in creation order; a frozen clock would leave only the random id to order by.
  h.clock.advanceSeconds(1);
  const res = await api(maatje).post(url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function patchDossier(id: string, body: object, user: TestUser = maatje) {
  const version = (await api(user).get(`/dossiers/${id}`)).json().version;
  const res = await api(user).patch(`/dossiers/${id}`, body, { 'if-match': `"${version}"` });
  expect(res.statusCode, res.body).toBe(200);
}

/** Sessions live 12 hours on the app's clock: after moving it, sign in again. */
async function resign(...users: TestUser[]) {
  for (const user of users) user.token = await sessionToken(h.app, user.id, user.role);
}

// A single parent, 21–AOW, one child, part-time wage paid every four weeks.
// Monthly equivalents (docs/domain.md §2, half-up per line):
//   loon           four_weeks 1.135,00   113500 × 13 / 12 = 122958,33 → 122958   attachable
//   vakantiegeld   year         945,00    94500 / 12      =   7875               attachable
//   huurtoeslag    month        315,00                        31500
//   zorgtoeslag    month        123,00                        12300
//   kindgebonden   month        287,00                        28700
//   kinderbijslag  quarter      281,64    28164 / 3       =   9388
//   overig         once         250,00   (belastingteruggave: one-off, not monthly)
// attachable = 122958 + 7875 = 130833; not attachable = 31500 + 12300 + 28700 + 9388 = 81888
// income = 130833 + 81888 = 212721
const INCOMES = [
  { kind: 'loon', amountCents: 113_500, frequency: 'four_weeks', description: 'CANARY-werkgever' },
  { kind: 'vakantiegeld', amountCents: 94_500, frequency: 'year' },
  { kind: 'huurtoeslag', amountCents: 31_500, frequency: 'month' },
  { kind: 'zorgtoeslag', amountCents: 12_300, frequency: 'month' },
  { kind: 'kindgebonden_budget', amountCents: 28_700, frequency: 'month' },
  { kind: 'kinderbijslag', amountCents: 28_164, frequency: 'quarter' },
  { kind: 'overig', amountCents: 25_000, frequency: 'once', description: 'CANARY-teruggave' },
];

// vaste_lasten:
//   huur 78000; energie 16500; water quarter 6150 / 3 = 2050; lokale_lasten year 41850 / 12 = 3487,5 → 3488;
//   telefoon 5500; zorgverzekering 15895; overige_verzekeringen year 21000 / 12 = 1750;
//   vervoer four_weeks 5500 × 13 / 12 = 5958,33 → 5958
//   = 78000 + 16500 + 2050 + 3488 + 5500 + 15895 + 1750 + 5958 = 129141
// reserveringsuitgaven: kleding 9000; inventaris half_year 21000 / 6 = 3500; eigen_risico year 38500 / 12 = 3208,33 → 3208
//   = 9000 + 3500 + 3208 = 15708
// huishoudelijke_uitgaven: voeding week 9500 × 52 / 12 = 41166,67 → 41167; was 2500; verzorging 3500
//   = 41167 + 2500 + 3500 = 47167
// once: inventaris 450,00 (a washing machine): oneOffCents 45000
// expenses = 129141 + 15708 + 47167 = 192016; saldo = 212721 − 192016 = 20705
const EXPENSES = [
  { group: 'vaste_lasten', category: 'huur', amountCents: 78_000, frequency: 'month' },
  { group: 'vaste_lasten', category: 'energie', amountCents: 16_500, frequency: 'month' },
  { group: 'vaste_lasten', category: 'water', amountCents: 6_150, frequency: 'quarter' },
  { group: 'vaste_lasten', category: 'lokale_lasten', amountCents: 41_850, frequency: 'year' },
  { group: 'vaste_lasten', category: 'telefoon_internet_tv', amountCents: 5_500, frequency: 'month' },
  { group: 'vaste_lasten', category: 'zorgverzekering', amountCents: 15_895, frequency: 'month' },
  { group: 'vaste_lasten', category: 'overige_verzekeringen', amountCents: 21_000, frequency: 'year' },
  { group: 'vaste_lasten', category: 'vervoer', amountCents: 5_500, frequency: 'four_weeks' },
  { group: 'reserveringsuitgaven', category: 'kleding', amountCents: 9_000, frequency: 'month' },
  { group: 'reserveringsuitgaven', category: 'inventaris', amountCents: 21_000, frequency: 'half_year' },
  { group: 'reserveringsuitgaven', category: 'eigen_risico', amountCents: 38_500, frequency: 'year' },
  { group: 'huishoudelijke_uitgaven', category: 'voeding', amountCents: 9_500, frequency: 'week' },
  { group: 'huishoudelijke_uitgaven', category: 'was_en_schoonmaak', amountCents: 2_500, frequency: 'month' },
  { group: 'huishoudelijke_uitgaven', category: 'persoonlijke_verzorging', amountCents: 3_500, frequency: 'month' },
  { group: 'reserveringsuitgaven', category: 'inventaris', amountCents: 45_000, frequency: 'once', description: 'CANARY-wasmachine' },
];

// Debts in creation order; stale means a balance date before 2025-03-15 (today − 6 months).
const DEBTS = {
  bd1: { creditorName: 'Belastingdienst', creditorType: 'belastingdienst', rank: 'preferent', balanceCents: 185_000,
    balanceDate: '2025-08-01', status: 'aanmaning', reference: 'CANARY-aanslag-1' },
  // excludedFromDischarge defaults to cjib_strafrechtelijk for this creditor type
  cjib: { creditorName: 'CJIB', creditorType: 'cjib_strafrechtelijk', balanceCents: 45_000, balanceDate: '2025-07-10', status: 'open' },
  // crisis: the energy supplier announced disconnection
  vattenfall: { creditorName: 'Vattenfall', creditorType: 'energie', balanceCents: 98_765, principalCents: 80_000,
    collectionCostsCents: 12_000, balanceDate: '2025-09-01', status: 'ontruiming_of_afsluiting_aangezegd' },
  // stale (2025-01-20), with a deurwaarder
  woon: { creditorName: 'Woonstichting', creditorType: 'verhuurder', collectorName: 'CANARY-deurwaarder', balanceCents: 240_000,
    balanceDate: '2025-01-20', status: 'deurwaarder' },
  // incassokosten above the legal maximum: 15 % of 600,00 = 90,00 < 150,00
  zk: { creditorName: 'Zilveren Kruis', creditorType: 'zorgverzekeraar', balanceCents: 81_500, principalCents: 60_000,
    collectionCostsCents: 15_000, collectionCostsIncludeVat: false, balanceDate: '2025-08-20', status: 'incasso' },
  // settled: neither in the totals nor in the settlement (its old date is no longer a flag)
  kpn: { creditorName: 'KPN', creditorType: 'telecom', balanceCents: 12_000, balanceDate: '2024-11-01', status: 'afgelost' },
  cc: { creditorName: 'ICS Creditcard', creditorType: 'bank_krediet', balanceCents: 152_300, balanceDate: '2025-06-30', status: 'beslag' },
  // a second aanslag of the same creditor: one creditor, two debts
  bd2: { creditorName: 'Belastingdienst', creditorType: 'belastingdienst', rank: 'preferent', balanceCents: 31_200,
    balanceDate: '2025-08-01', status: 'open' },
};

// Correction: eigen risico € 385 / 12 = 32,08
const CORRECTIONS = [{ type: 'eigen_risico', amountCents: 3_208, justification: 'CANARY-eigen risico 385 / 12' }];

beforeAll(async () => {
  h.clock.set(TODAY);
  location = (await createLocation(t.db)).id;
  resident = await createUser(h.app, { role: 'resident', locationId: location });
  maatje = await createUser(h.app, { role: 'maatje', locationId: location });
  dossierId = await createDossier(h.app, { resident, locationId: location, maatje, household: { leefsituatie: 'alleenstaande_ouder', ageBand: '21_tot_aow' } });
  for (const income of INCOMES) await post(`/dossiers/${dossierId}/incomes`, income);
  for (const expense of EXPENSES) await post(`/dossiers/${dossierId}/expenses`, expense);
  for (const [name, debt] of Object.entries(DEBTS)) debtIds[name] = (await post(`/dossiers/${dossierId}/debts`, debt)).id;
  await patchDossier(dossierId, { vtlbCorrections: CORRECTIONS });
});

const ids = (...names: string[]) => names.map((name) => debtIds[name]);

describe('GET /dossiers/{id}/overview', () => {
  it('computes every figure of a realistic dossier, the same for the maatje and the resident', async () => {
    const res = await api(maatje).get(`/dossiers/${dossierId}/overview`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const overview = res.json();
    expect(overview).toEqual({
      dossierId,
      dossierVersion: expect.any(Number),
      calculatedOn: '2025-09-15',
      incomeMonthlyCents: 212_721,
      attachableIncomeMonthlyCents: 130_833,
      expensesMonthlyCents: 192_016,
      expensesByGroup: { vaste_lasten: 129_141, reserveringsuitgaven: 15_708, huishoudelijke_uitgaven: 47_167 },
      oneOffCents: 45_000,
      oneOffIncomeCents: 25_000,
      saldoCents: 20_705,
      // counted: all but KPN (afgelost)
      // 185000 + 45000 + 98765 + 240000 + 81500 + 152300 + 31200 = 833765
      totalDebtCents: 833_765,
      // Belastingdienst (twice), CJIB, Vattenfall, Woonstichting, Zilveren Kruis, ICS Creditcard
      creditorCount: 6,
      debtByCreditorType: {
        belastingdienst: 216_200, // 185000 + 31200
        cjib_strafrechtelijk: 45_000,
        zorgverzekeraar: 81_500,
        energie: 98_765,
        verhuurder: 240_000,
        bank_krediet: 152_300,
      },
      debtByStatus: {
        open: 76_200, // 45000 + 31200
        aanmaning: 185_000,
        incasso: 81_500,
        deurwaarder: 240_000,
        beslag: 152_300,
        ontruiming_of_afsluiting_aangezegd: 98_765,
      },
      deurwaarderOrBeslagCount: 2, // Woonstichting, ICS Creditcard
      // crisis: Vattenfall; stale: Woonstichting (KPN is settled); incasso costs too high: Zilveren Kruis
      flags: { crisis: 1, staleBalances: 1, collectionCostsTooHigh: 1 },
      household: { leefsituatie: 'alleenstaande_ouder', ageBand: '21_tot_aow', partnerAgeBand: null, otherAdults: 0 },
      normPeriod: { validFrom: '2025-07-01', label: 'Bijstandsnormen 1 juli 2025' },
      // 2025-09-15 − 7 months = 2025-02-15, before the newest period
      normPeriodOutdated: false,
      norm: { key: 'alleenstaand_21_aow', excludingHolidayCents: 130_061, includingHolidayCents: 136_906 },
      // attachable 130833 ≤ 136906, so 95 % × 130061 = 123557,95 → 123558
      bvvIndicativeCents: 123_558,
      bvvIndicativeReason: null,
      bvvOfficial: null,
      vtlbOfficial: null,
      vtlbCorrections: CORRECTIONS,
      vtlbBaseCents: 123_558,
      vtlbCorrectionsCents: 3_208,
      vtlbCents: 126_766, // 123558 + 3208
      vtlbSource: 'indicative',
      aflosruimteCents: 4_067, // 130833 − 126766
      aflosruimteBasis: 'vtlb',
      aflosruimteIsBudgetFigure: false,
      nulAanbod: false,
      // most pressing first: crisis (Vattenfall), urgent (ICS beslag), soon (aanmaning, deurwaarder, incasso
      // in creation order), normal (the two open debts); KPN is paid and has no step
      nextSteps: [
        { debtId: debtIds.vattenfall, creditorName: 'Vattenfall', status: 'ontruiming_of_afsluiting_aangezegd', level: 'crisis', dueDate: null,
          text: expect.stringMatching(/^Uw gas of stroom kan worden afgesloten\. Bel vandaag nog/) },
        // the seizure names the indicative bvv, 123558 cents
        { debtId: debtIds.cc, creditorName: 'ICS Creditcard', status: 'beslag', level: 'urgent', dueDate: null,
          text: expect.stringContaining('Wij schatten dat op ongeveer €\u00a01.235,58 per maand.') },
        { debtId: debtIds.bd1, creditorName: 'Belastingdienst', status: 'aanmaning', level: 'soon', dueDate: null, text: expect.stringContaining('aanmaning') },
        { debtId: debtIds.woon, creditorName: 'Woonstichting', status: 'deurwaarder', level: 'soon', dueDate: null, text: expect.stringContaining('deurwaarder') },
        { debtId: debtIds.zk, creditorName: 'Zilveren Kruis', status: 'incasso', level: 'soon', dueDate: null, text: expect.stringContaining('incassobureau') },
        { debtId: debtIds.cjib, creditorName: 'CJIB', status: 'open', level: 'normal', dueDate: null, text: expect.any(String) },
        { debtId: debtIds.bd2, creditorName: 'Belastingdienst', status: 'open', level: 'normal', dueDate: null, text: expect.any(String) },
      ],
    });

    const asResident = await api(resident).get(`/dossiers/${dossierId}/overview`);
    expect(asResident.statusCode).toBe(200);
    expect(asResident.json()).toEqual(overview);

    const dossier = (await api(maatje).get(`/dossiers/${dossierId}`)).json();
    expect(overview.dossierVersion).toBe(dossier.version);
  });

  it('writes overview.read to the audit trail', async () => {
    await api(resident).get(`/dossiers/${dossierId}/overview`);
    const rows = await t.db.selectFrom('auditEvents').select(['actorUserId', 'outcome'])
      .where('dossierId', '=', dossierId).where('action', '=', 'overview.read').execute();
    expect(rows).toContainEqual({ actorUserId: resident.id, outcome: 'success' });
    expect(rows).toContainEqual({ actorUserId: maatje.id, outcome: 'success' });
  });
});

describe('GET /dossiers/{id}/settlement', () => {
  it('shares an 18-month pot over the claims, preferent creditors at twice the rate, to the exact cent', async () => {
    const res = await api(resident).get(`/dossiers/${dossierId}/settlement`);
    expect(res.statusCode, res.body).toBe(200);
    const settlement = res.json();
    // pot = 4067 × 18 = 73206
    // claims: CJIB is excluded from discharge, KPN settled; C = 98765 + 240000 + 81500 + 152300 = 572565 (concurrent),
    // P = 185000 + 31200 = 216200 (preferent); 2 × 73206 = 146412 ≤ C + 2P = 1004965, so no cap.
    // share = claim × (2 if preferent) × 73206 / 1004965, floored, remainder:
    //   bd1  27086220000 / 1004965 = 26952 r 403320
    //   vat   7230190590 / 1004965 =  7194 r 472380
    //   woon 17569440000 / 1004965 = 17482 r 641870  → +1
    //   zk    5966289000 / 1004965 =  5936 r 816760  → +1
    //   cc   11149273800 / 1004965 = 11094 r 192090
    //   bd2   4568054400 / 1004965 =  4545 r 488475  → +1
    // floors sum to 73203; the 3 missing cents go to the largest remainders (zk, woon, bd2)
    expect(settlement).toEqual({
      months: 18,
      multiplier: 2,
      aflosruimteCents: 4_067,
      potCents: 73_206,
      kind: 'minnelijk_aanbod',
      claimsTotalCents: 788_765, // 572565 + 216200
      // the period the aflosruimte came from, as in the overview
      normPeriod: { validFrom: '2025-07-01', label: 'Bijstandsnormen 1 juli 2025' },
      normPeriodOutdated: false,
      creditors: [
        // 26952 / 185000 = 14,5686 % → 14,57
        { debtId: debtIds.bd1, creditorName: 'Belastingdienst', rank: 'preferent', claimCents: 185_000, payoutCents: 26_952, percentage: 14.57 },
        // 7194 / 98765 = 7,2840 % → 7,28
        { debtId: debtIds.vattenfall, creditorName: 'Vattenfall', rank: 'concurrent', claimCents: 98_765, payoutCents: 7_194, percentage: 7.28 },
        // 17483 / 240000 = 7,2846 % → 7,28
        { debtId: debtIds.woon, creditorName: 'Woonstichting', rank: 'concurrent', claimCents: 240_000, payoutCents: 17_483, percentage: 7.28 },
        // 5937 / 81500 = 7,2847 % → 7,28
        { debtId: debtIds.zk, creditorName: 'Zilveren Kruis', rank: 'concurrent', claimCents: 81_500, payoutCents: 5_937, percentage: 7.28 },
        // 11094 / 152300 = 7,2843 % → 7,28
        { debtId: debtIds.cc, creditorName: 'ICS Creditcard', rank: 'concurrent', claimCents: 152_300, payoutCents: 11_094, percentage: 7.28 },
        // 4546 / 31200 = 14,5705 % → 14,57
        { debtId: debtIds.bd2, creditorName: 'Belastingdienst', rank: 'preferent', claimCents: 31_200, payoutCents: 4_546, percentage: 14.57 },
      ],
      excluded: [
        { debtId: debtIds.cjib, creditorName: 'CJIB', reason: 'excluded_from_discharge' },
        { debtId: debtIds.kpn, creditorName: 'KPN', reason: 'settled' },
      ],
    });
    // 26952 + 7194 + 17483 + 5937 + 11094 + 4546 = 73206
    expect(settlement.creditors.reduce((sum: number, c: { payoutCents: number }) => sum + c.payoutCents, 0)).toBe(settlement.potCents);

    const asMaatje = await api(maatje).get(`/dossiers/${dossierId}/settlement?months=18&multiplier=2`);
    expect(asMaatje.json()).toEqual(settlement);
  });

  it('takes months and multiplier from the query', async () => {
    const res = await api(maatje).get(`/dossiers/${dossierId}/settlement?months=36&multiplier=1`);
    expect(res.statusCode).toBe(200);
    const settlement = res.json();
    // pot = 4067 × 36 = 146412; multiplier 1: everyone at the same rate 146412 / 788765 ≈ 18,56 %
    expect(settlement).toMatchObject({ months: 36, multiplier: 1, potCents: 146_412, kind: 'minnelijk_aanbod' });
    expect(settlement.creditors.reduce((sum: number, c: { payoutCents: number }) => sum + c.payoutCents, 0)).toBe(146_412);
    // 185000 × 146412 / 788765 = 34340,04 → 34340 (the 2 missing cents go to remainders ,94 and ,40)
    expect(settlement.creditors[0]).toMatchObject({ debtId: debtIds.bd1, payoutCents: 34_340, percentage: 18.56 });
  });

  it('refuses months and multiplier outside their ranges with 400', async () => {
    for (const query of ['months=0', 'months=61', 'months=1.5', 'months=abc', 'multiplier=0', 'multiplier=6', 'multiplier=2.5', 'other=1']) {
      const res = await api(maatje).get(`/dossiers/${dossierId}/settlement?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await api(maatje).get(`/dossiers/${dossierId}/settlement?months=60&multiplier=5`)).statusCode).toBe(200);
    expect((await api(maatje).get(`/dossiers/${dossierId}/settlement?months=1&multiplier=1`)).statusCode).toBe(200);
  });

  it('writes settlement.read to the audit trail', async () => {
    const rows = await t.db.selectFrom('auditEvents').select(['actorUserId', 'outcome'])
      .where('dossierId', '=', dossierId).where('action', '=', 'settlement.read').execute();
    expect(rows).toContainEqual({ actorUserId: resident.id, outcome: 'success' });
  });
});

describe('an official VTLB', () => {
  it('overrides the indicative one and its corrections, and the settlement follows', async () => {
    const other = await createDossier(h.app, { resident, locationId: location, maatje, household: { leefsituatie: 'alleenstaande_ouder', ageBand: '21_tot_aow' } });
    for (const income of INCOMES) await post(`/dossiers/${other}/incomes`, income);
    for (const [name, debt] of Object.entries(DEBTS)) debtIds[`other-${name}`] = (await post(`/dossiers/${other}/debts`, debt)).id;
    const vtlbOfficial = { amountCents: 120_000, source: 'CANARY-kredietbank', date: '2025-09-01' };
    await patchDossier(other, { vtlbCorrections: CORRECTIONS, vtlbOfficial });

    const overview = (await api(maatje).get(`/dossiers/${other}/overview`)).json();
    expect(overview).toMatchObject({
      attachableIncomeMonthlyCents: 130_833,
      bvvIndicativeCents: 123_558, // still shown beside the official figure
      vtlbOfficial,
      vtlbCorrections: CORRECTIONS, // listed, but not added to an official VTLB
      vtlbBaseCents: null,
      vtlbCorrectionsCents: null,
      vtlbCents: 120_000,
      vtlbSource: 'official',
      aflosruimteCents: 10_833, // 130833 − 120000
      aflosruimteBasis: 'vtlb',
      aflosruimteIsBudgetFigure: false,
      nulAanbod: false,
      expensesMonthlyCents: 0, // no expenses in this dossier: the saldo is income only
      saldoCents: 212_721,
    });

    const settlement = (await api(resident).get(`/dossiers/${other}/settlement`)).json();
    // pot = 10833 × 18 = 194994, same claims: floors 71791 + 19163 + 46567 + 15813 + 29550 + 12107 = 194991,
    // 3 cents to the largest remainders: cc (870450), bd2 (514345), zk (499455)
    expect(settlement.potCents).toBe(194_994);
    expect(Object.fromEntries(settlement.creditors.map((c: { debtId: string; payoutCents: number }) => [c.debtId, c.payoutCents]))).toEqual({
      [debtIds['other-bd1']!]: 71_791,
      [debtIds['other-vattenfall']!]: 19_163,
      [debtIds['other-woon']!]: 46_567,
      [debtIds['other-zk']!]: 15_814,
      [debtIds['other-cc']!]: 29_551,
      [debtIds['other-bd2']!]: 12_108,
    });
    // 71791 + 19163 + 46567 + 15814 + 29551 + 12108 = 194994
    expect(settlement.creditors.reduce((sum: number, c: { payoutCents: number }) => sum + c.payoutCents, 0)).toBe(194_994);
  });
});

describe('the saldo basis', () => {
  it('is a budget figure when no VTLB can be formed, and the settlement is 422 vtlb_required', async () => {
    // Shares the home with an adult child: no indicative bvv for kostendelers.
    const shared = await createDossier(h.app, { resident, locationId: location, maatje, household: { leefsituatie: 'alleenstaande_ouder', ageBand: '21_tot_aow' } });
    await patchDossier(shared, { household: { leefsituatie: 'alleenstaande_ouder', ageBand: '21_tot_aow', otherAdults: 1 } });
    await post(`/dossiers/${shared}/incomes`, { kind: 'uitkering_participatiewet', amountCents: 98_000, frequency: 'month' });
    await post(`/dossiers/${shared}/expenses`, { group: 'vaste_lasten', category: 'huur', amountCents: 65_000, frequency: 'month' });
    await post(`/dossiers/${shared}/expenses`, { group: 'huishoudelijke_uitgaven', category: 'voeding', amountCents: 6_000, frequency: 'week' });
    const debt = await post(`/dossiers/${shared}/debts`, { creditorName: 'Eneco', creditorType: 'energie', balanceCents: 50_000, status: 'open' });

    const overview = (await api(resident).get(`/dossiers/${shared}/overview`)).json();
    // expenses 65000 + 6000 × 52 / 12 (= 26000) = 91000; saldo 98000 − 91000 = 7000
    expect(overview).toMatchObject({
      incomeMonthlyCents: 98_000,
      expensesMonthlyCents: 91_000,
      saldoCents: 7_000,
      household: { otherAdults: 1 },
      norm: { key: 'alleenstaand_21_aow' },
      bvvIndicativeCents: null,
      bvvIndicativeReason: 'kostendelers',
      vtlbCents: null,
      vtlbSource: null,
      aflosruimteCents: 7_000,
      aflosruimteBasis: 'saldo',
      aflosruimteIsBudgetFigure: true,
      nulAanbod: false,
      totalDebtCents: 50_000,
    });

    const refused = await api(resident).get(`/dossiers/${shared}/settlement`);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 422, code: 'vtlb_required' });
    const audit = await t.db.selectFrom('auditEvents').select(['outcome', 'details'])
      .where('dossierId', '=', shared).where('action', '=', 'settlement.read').execute();
    expect(audit).toEqual([{ outcome: 'success', details: { refused: 'vtlb_required' } }]);

    // an official bvv makes a VTLB possible: 98000 − (90000 + 0 corrections) = 8000 on basis vtlb
    await patchDossier(shared, { bvvOfficial: { amountCents: 90_000, source: 'CANARY-uwbeslagvrijevoet', date: '2025-09-10' } });
    expect((await api(resident).get(`/dossiers/${shared}/overview`)).json()).toMatchObject({
      vtlbCents: 90_000, vtlbSource: 'bvv_official', vtlbBaseCents: 90_000, vtlbCorrectionsCents: 0,
      aflosruimteCents: 8_000, aflosruimteBasis: 'vtlb', aflosruimteIsBudgetFigure: false,
    });
    // pot 8000 × 18 = 144000 ≥ the one claim 50000: paid in full
    expect((await api(resident).get(`/dossiers/${shared}/settlement`)).json()).toMatchObject({
      potCents: 144_000, kind: 'betalingsregeling', claimsTotalCents: 50_000,
      creditors: [{ debtId: debt.id, claimCents: 50_000, payoutCents: 50_000, percentage: 100 }],
    });
  });

  it('reports household_missing and a nul-aanbod on a negative saldo', async () => {
    const empty = await createDossier(h.app, { resident, locationId: location, maatje, household: null });
    await post(`/dossiers/${empty}/expenses`, { group: 'vaste_lasten', category: 'huur', amountCents: 70_000, frequency: 'month' });
    const overview = (await api(maatje).get(`/dossiers/${empty}/overview`)).json();
    expect(overview).toMatchObject({
      household: null, norm: null, normPeriod: { validFrom: '2025-07-01' },
      bvvIndicativeCents: null, bvvIndicativeReason: 'household_missing',
      saldoCents: -70_000, aflosruimteCents: 0, aflosruimteBasis: 'saldo', aflosruimteIsBudgetFigure: true, nulAanbod: true,
      totalDebtCents: 0, creditorCount: 0, debtByCreditorType: {}, debtByStatus: {},
      expensesByGroup: { vaste_lasten: 70_000, reserveringsuitgaven: 0, huishoudelijke_uitgaven: 0 },
    });
  });
});

describe('outdated norms', () => {
  it('warns once the newest period is more than 7 months old, and judges stale balances on the new day', async () => {
    try {
      // 2026-03-01 − 7 months = 2025-08-01, after the newest period (2025-07-01)
      h.clock.set(new Date('2026-03-01T10:00:00Z'));
      await resign(maatje);
      const overview = (await api(maatje).get(`/dossiers/${dossierId}/overview`)).json();
      expect(overview).toMatchObject({
        calculatedOn: '2026-03-01',
        normPeriod: { validFrom: '2025-07-01', label: 'Bijstandsnormen 1 juli 2025' }, // still the one in force
        normPeriodOutdated: true,
        bvvIndicativeCents: 123_558,
        // stale now: before 2025-09-01 — all counted debts but Vattenfall (exactly 2025-09-01)
        flags: { crisis: 1, staleBalances: 6, collectionCostsTooHigh: 1 },
      });
      const settlement = (await api(maatje).get(`/dossiers/${dossierId}/settlement`)).json();
      expect(settlement).toMatchObject({ normPeriod: { validFrom: '2025-07-01' }, normPeriodOutdated: true });
    } finally {
      h.clock.set(TODAY);
      await resign(maatje);
    }
  });
});

describe('a summons with its court date, and BTW on incassokosten', () => {
  it('reads the new debt fields back, derives urgency and the BTW verdict, and lists the summons first with its date', async () => {
    const other = await createDossier(h.app, { resident, locationId: location, maatje, household: { leefsituatie: 'alleenstaand', ageBand: '21_tot_aow' } });
    // KPN adds 21 % BTW to the costs, but a telecom company can deduct BTW: the maximum stays
    // 15 % × 40000 = 6000, and 7260 (6000 × 1,21) is too high.
    const kpn = await post(`/dossiers/${other}/debts`, { creditorName: 'KPN', creditorType: 'telecom', principalCents: 40_000,
      collectionCostsCents: 7_260, collectionCostsIncludeVat: true, balanceCents: 47_260, balanceDate: '2025-09-01', status: 'incasso' });
    expect(kpn).toMatchObject({ creditorCanDeductVat: null, courtDate: null, collectionCostsMaxCents: 6_000, collectionCostsTooHigh: true,
      collectionCostsVat: 'not_allowed', urgency: { level: 'soon', dueDate: null } });
    // The landlord cannot deduct BTW (renting a home is exempt): 6000 × 1,21 = 7260 is the maximum.
    const landlord = await post(`/dossiers/${other}/debts`, { creditorName: 'Ymere', creditorType: 'verhuurder', principalCents: 40_000,
      collectionCostsCents: 7_260, collectionCostsIncludeVat: true, balanceCents: 120_000, balanceDate: '2025-09-01', status: 'dagvaarding',
      courtDate: '2025-10-07' });
    expect(landlord).toMatchObject({ courtDate: '2025-10-07', collectionCostsMaxCents: 7_260, collectionCostsTooHigh: false,
      collectionCostsVat: 'allowed', urgency: { level: 'urgent', dueDate: '2025-10-07' } });

    // The maatje asked KPN: it says it cannot deduct BTW after all → 7260 allowed.
    const patched = await api(maatje).patch(`/dossiers/${other}/debts/${kpn.id}`, { creditorCanDeductVat: false }, { 'if-match': `"${kpn.version}"` });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ creditorCanDeductVat: false, collectionCostsMaxCents: 7_260, collectionCostsTooHigh: false, collectionCostsVat: 'allowed' });

    const overview = (await api(resident).get(`/dossiers/${other}/overview`)).json();
    expect(overview.flags).toEqual({ crisis: 0, staleBalances: 0, collectionCostsTooHigh: 0 });
    expect(overview.nextSteps).toEqual([
      { debtId: landlord.id, creditorName: 'Ymere', status: 'dagvaarding', level: 'urgent', dueDate: '2025-10-07',
        text: expect.stringMatching(/^U moet op 7 oktober 2025 bij de rechter zijn\. Reageer vóór die dag/) },
      { debtId: kpn.id, creditorName: 'KPN', status: 'incasso', level: 'soon', dueDate: null, text: expect.any(String) },
    ]);

    // Bad values are 400 and change nothing.
    const current = (await api(maatje).get(`/dossiers/${other}/debts/${kpn.id}`)).json();
    for (const body of [{ courtDate: '7-10-2025' }, { courtDate: '2025-02-30' }, { creditorCanDeductVat: 'ja' }]) {
      const res = await api(maatje).patch(`/dossiers/${other}/debts/${kpn.id}`, body, { 'if-match': `"${current.version}"` });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await api(maatje).get(`/dossiers/${other}/debts/${kpn.id}`)).json()).toEqual(current);
  });
});

describe('who may see the overview and the settlement', () => {
  it('refuses roles that never see dossier content with 403, before looking at the id', async () => {
    const coordinator = await createUser(h.app, { role: 'coordinator', locationId: location });
    const admin = await createUser(h.app, { role: 'admin' });
    const evaluator = await createUser(h.app, { role: 'evaluator' });
    for (const user of [coordinator, admin, evaluator]) {
      for (const path of ['overview', 'settlement']) {
        const res = await api(user).get(`/dossiers/${dossierId}/${path}`);
        expect(res.statusCode, `${user.role} ${path}`).toBe(403);
      }
    }
    expect((await api().get(`/dossiers/${dossierId}/overview`)).statusCode).toBe(401);
  });

  it('answers another resident and an unassigned maatje exactly as for a nonexistent dossier', async () => {
    const otherResident = await createUser(h.app, { role: 'resident', locationId: location });
    const otherMaatje = await createUser(h.app, { role: 'maatje', locationId: location });
    for (const path of ['overview', 'settlement']) {
      const missing = await api(otherResident).get(`/dossiers/00000000-0000-4000-8000-000000000000/${path}`);
      expect(missing.statusCode).toBe(404);
      const { requestId: _missingId, ...missingBody } = missing.json();
      for (const user of [otherResident, otherMaatje]) {
        const res = await api(user).get(`/dossiers/${dossierId}/${path}`);
        expect(res.statusCode).toBe(404);
        const { requestId: _id, ...body } = res.json();
        expect(body).toEqual(missingBody);
      }
    }
    const denied = await t.db.selectFrom('auditEvents').select('action')
      .where('dossierId', '=', dossierId).where('outcome', '=', 'denied').where('actorUserId', '=', otherResident.id).execute();
    expect(denied.map((row) => row.action).sort()).toEqual(['overview.read', 'settlement.read']);
  });

  it('refuses a malformed id with 400', async () => {
    expect((await api(maatje).get('/dossiers/not-a-uuid/overview')).statusCode).toBe(400);
  });
});
