// The maatje's whole journey in a real browser against the real server on PostgreSQL: a new
// dossier with its activation slip, phase A, phase B with 6 debts, 3 incomes and 5 expenses (the
// overview on screen equal to the API's to the cent), phase C, closing, and the PDF. axe checks
// every screen at 390 and 1280 px; screenshots go to test-results/e2e/.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEuro } from '../../web/src/lib/money.js';
import { bearer, seedUser, signIn } from '../support/identity.js';
import { checkScreen, newPage, signInAs, useE2e } from './support/harness.js';

const e = useE2e();

interface DebtEntry { creditor: string; type?: string; balance: string; date: string; status: string; principal?: string; collectionCosts?: string }
const DEBTS: DebtEntry[] = [
  { creditor: 'Belastingdienst', balance: '1.250,00', date: '2026-10-01', status: 'aanmaning' },
  { creditor: 'Energie Noord', type: 'energie', balance: '845,37', date: '2026-09-15', status: 'ontruiming_of_afsluiting_aangezegd' },
  { creditor: 'Woonstichting Zuidoost', type: 'verhuurder', balance: '2.310,50', date: '2026-11-01', status: 'deurwaarder' },
  { creditor: 'Zorgverzekeraar West', type: 'zorgverzekeraar', balance: '612,00', date: '2026-08-20', status: 'incasso' },
  { creditor: 'Belbedrijf Snel', type: 'telecom', balance: '389,99', date: '2026-07-10', status: 'incasso', principal: '300,00', collectionCosts: '150,00' },
  { creditor: 'CJIB (verkeersboetes, Wet Mulder)', balance: '276,00', date: '2026-10-20', status: 'aanmaning' },
];
const INCOMES = [
  { kind: 'uitkering_participatiewet', amount: '1.123,45', frequency: 'month' },
  { kind: 'huurtoeslag', amount: '298,00', frequency: 'month' },
  { kind: 'zorgtoeslag', amount: '131,00', frequency: 'month' },
];
const EXPENSES = [
  { group: 'vaste_lasten', category: 'huur', amount: '875,00', frequency: 'month' },
  { group: 'vaste_lasten', category: 'energie', amount: '142,50', frequency: 'month' },
  { group: 'vaste_lasten', category: 'zorgverzekering', amount: '158,25', frequency: 'month' },
  { group: 'vaste_lasten', category: 'telefoon_internet_tv', amount: '45,00', frequency: 'month' },
  { group: 'huishoudelijke_uitgaven', category: 'voeding', amount: '80,00', frequency: 'week' },
];

const region = (page: Page, name: RegExp) => page.getByRole('region', { name });

async function addDebt(page: Page, debt: DebtEntry, count: number) {
  const form = region(page, /^Schulden/).locator('form').last();
  await form.getByLabel('Schuldeiser', { exact: true }).fill(debt.creditor);
  if (debt.type) await form.getByLabel('Soort schuldeiser').selectOption(debt.type);
  await form.getByLabel('Saldo (wat de schuldeiser nu vraagt)').fill(debt.balance);
  await form.getByLabel('Datum van dit saldo').fill(debt.date);
  await form.getByLabel('Stand van zaken').selectOption(debt.status);
  if (debt.principal || debt.collectionCosts) {
    await form.getByText('Meer gegevens over deze schuld').click();
    if (debt.principal) await form.getByLabel('Hoofdsom (het oorspronkelijke bedrag)').fill(debt.principal);
    if (debt.collectionCosts) await form.getByLabel('Incassokosten', { exact: true }).fill(debt.collectionCosts);
  }
  await form.getByRole('button', { name: 'Schuld toevoegen' }).click();
  await page.getByRole('heading', { name: `Schulden (${count})` }).waitFor();
}

async function addIncome(page: Page, income: (typeof INCOMES)[number], count: number) {
  const form = region(page, /^Inkomsten/).locator('form').last();
  await form.getByLabel('Soort inkomen').selectOption(income.kind);
  await form.getByLabel('Bedrag').fill(income.amount);
  await form.getByLabel('Hoe vaak').selectOption(income.frequency);
  await form.getByRole('button', { name: 'Inkomen toevoegen' }).click();
  await page.getByRole('heading', { name: `Inkomsten (${count})` }).waitFor();
}

async function addExpense(page: Page, expense: (typeof EXPENSES)[number], count: number) {
  const form = region(page, /^Uitgaven/).locator('form').last();
  await form.getByLabel('Soort uitgave').selectOption(expense.group);
  await form.getByLabel('Waarvoor').selectOption(expense.category);
  await form.getByLabel('Bedrag').fill(expense.amount);
  await form.getByLabel('Hoe vaak').selectOption(expense.frequency);
  await form.getByRole('button', { name: 'Uitgave toevoegen' }).click();
  await page.getByRole('heading', { name: `Uitgaven (${count})` }).waitFor();
}

/** Every figure the overview shows must be the API's own number, formatted, to the cent. */
async function expectOverviewEqualsApi(page: Page, dossierId: string, token: string) {
  const res = await e.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}/overview`, headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  const api = res.json() as Record<string, unknown> & { expensesByGroup: Record<string, number> };
  await page.locator('[aria-busy="false"] [data-figure="totalDebtCents"]').waitFor();
  const cells = await page.locator('[data-figure]').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-figure')!, n.textContent!.trim()] as [string, string]));
  expect(cells.length).toBeGreaterThanOrEqual(12);
  for (const [figure, text] of cells) {
    const value = figure.startsWith('expensesByGroup.') ? api.expensesByGroup[figure.split('.')[1]!] : api[figure];
    if (figure === 'creditorCount') expect(text, figure).toBe(String(value));
    else if (figure === 'potCents') continue;
    else expect(text, figure).toBe(value === null ? 'Geen' : formatEuro(value as number));
  }
  return api;
}

describe('the maatje\'s journey', () => {
  let apiToken: string;
  beforeAll(async () => {
    apiToken = (await signIn(e.app, e.maatje)).accessToken;
    const admin = await seedUser(e.app.db, { role: 'admin' });
    const adminToken = (await signIn(e.app, admin)).accessToken;
    const instrument = await e.app.inject({
      method: 'POST', url: '/api/v1/instruments', headers: bearer(adminToken),
      payload: { version: 'e2e-1', name: 'Vragenlijst', items: [{ code: 'stress', minScore: 1, maxScore: 5, label: 'Hoeveel zorgen maakt u zich over geld?' }, { code: 'grip', minScore: 1, maxScore: 5, label: 'Hoeveel grip hebt u op uw geld?' }] },
    });
    expect(instrument.statusCode, instrument.body).toBe(201);
  });

  it('walks from sign-in to a closed dossier with 6 debts, 3 incomes and 5 expenses, and downloads the PDF', async () => {
    const { context, page } = await newPage(e);
    await signInAs(page, e.baseUrl, e.maatje);

    // A new dossier and its activation slip.
    await page.getByRole('link', { name: 'Nieuw dossier openen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw dossier openen' }).waitFor();
    await checkScreen(page, 'new-dossier');
    await page.getByLabel('Naam van de bewoner').fill('Samira');
    await page.getByLabel('Leeftijd van de bewoner').selectOption('21_tot_aow');
    await page.getByRole('button', { name: 'Dossier openen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Activatiebrief' }).waitFor();
    expect(await page.getByTestId('activation-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await checkScreen(page, 'activation-slip');
    expect(page.url()).not.toContain('Samira');
    await page.getByRole('link', { name: 'Naar het dossier' }).click();

    // Phase A: the guard lists what is missing, in words.
    await page.getByRole('heading', { level: 2, name: 'Fase A. Bespreekbaar maken' }).waitFor();
    const dossierId = new URL(page.url()).pathname.split('/')[2]!;
    expect(await page.title()).toBe('Dossier - Schoon Schip');
    await page.getByRole('button', { name: 'Verder naar fase B' }).click();
    await page.getByText('De bewoner heeft nog geen toestemming gegeven.').waitFor();
    await page.getByText('De gegevens over het huishouden zijn nog niet ingevuld.').waitFor();
    await checkScreen(page, 'phase-a-missing');
    await page.getByLabel('De bewoner vindt het goed dat de Hogeschool van Amsterdam').check();
    await page.getByRole('button', { name: 'Toestemming op papier vastleggen' }).click();
    await page.getByText(/De bewoner gaf toestemming op/).waitFor();
    await page.getByLabel('Leefsituatie').selectOption('alleenstaand');
    await page.getByLabel('Leeftijd van de bewoner').selectOption('21_tot_aow');
    await page.getByRole('button', { name: 'Huishouden opslaan' }).click();
    await page.getByText('Opgeslagen.', { exact: true }).waitFor();
    await page.getByLabel('Verhaal', { exact: true }).fill('Na het verlies van mijn baan liepen de rekeningen op.');
    await page.getByLabel('Baan kwijtgeraakt').check();
    await page.getByLabel('Minder inkomen').check();
    await page.getByRole('button', { name: 'Verhaal opslaan' }).click();
    await page.getByText('Opgeslagen.', { exact: true }).first().waitFor();
    await checkScreen(page, 'phase-a');
    await page.getByRole('button', { name: 'Verder naar fase B' }).click();

    // Phase B: everything entered without leaving the page.
    await page.getByRole('heading', { level: 2, name: 'Fase B. Inzicht' }).waitFor();
    await checkScreen(page, 'phase-b-empty');
    for (const [index, debt] of DEBTS.entries()) await addDebt(page, debt, index + 1);
    for (const [index, income] of INCOMES.entries()) await addIncome(page, income, index + 1);
    for (const [index, expense] of EXPENSES.entries()) await addExpense(page, expense, index + 1);

    // The catalogue filled in the type and rank of the Belastingdienst.
    const res = await e.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}`, headers: bearer(apiToken) });
    const stored = res.json() as { debts: Array<{ creditorName: string; catalogCreditorId: string | null; creditorType: string; rank: string; balanceCents: number }> };
    const belasting = stored.debts.find((d) => d.creditorName === 'Belastingdienst')!;
    expect([belasting.catalogCreditorId !== null, belasting.creditorType, belasting.rank]).toEqual([true, 'belastingdienst', 'preferent']);
    expect(stored.debts.map((d) => d.balanceCents)).toEqual([125000, 84537, 231050, 61200, 38999, 27600]);

    // Edit in place.
    const zorg = region(page, /^Schulden/).getByRole('listitem').filter({ hasText: 'Zorgverzekeraar West' });
    await zorg.getByRole('button', { name: 'Wijzigen' }).click();
    await zorg.getByLabel('Saldo (wat de schuldeiser nu vraagt)').fill('650,10');
    await zorg.getByRole('button', { name: 'Opslaan' }).click();
    await region(page, /^Schulden/).getByText('€ 650,10').waitFor();

    // Delete with undo.
    const zorgtoeslag = region(page, /^Inkomsten/).getByRole('listitem').filter({ hasText: 'Zorgtoeslag' });
    await zorgtoeslag.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('heading', { name: 'Inkomsten (2)' }).waitFor();
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await page.getByRole('heading', { name: 'Inkomsten (3)' }).waitFor();

    // The flags, in words, beside the lists.
    await page.getByText(/Crisis bij 1 schuld/).waitFor();
    await page.getByText(/de incassokosten hoger dan de wet toestaat/).waitFor();
    const overview = await expectOverviewEqualsApi(page, dossierId, apiToken);
    expect(overview.totalDebtCents).toBe(125000 + 84537 + 231050 + 65010 + 38999 + 27600);
    expect(overview.incomeMonthlyCents).toBe(112345 + 29800 + 13100);
    expect(overview.expensesMonthlyCents).toBe(87500 + 14250 + 15825 + 4500 + Math.round(8000 * 52 / 12));
    await checkScreen(page, 'phase-b');

    await page.getByRole('button', { name: 'De bewoner heeft het overzicht op papier bevestigd' }).click();
    await page.getByText(/Het overzicht is bevestigd op/).waitFor();
    await page.getByRole('region', { name: 'Wat een schuldregeling zou kunnen opleveren' }).getByText(/Totaal beschikbaar|VTLB/).first().waitFor();
    await checkScreen(page, 'phase-b-confirmed');
    await page.getByRole('button', { name: 'Verder naar fase C' }).click();

    // Phase C: an action, an arrangement, the checklist, the referral, T0 and T1, closing.
    await page.getByRole('heading', { level: 2, name: 'Fase C. Samen aanpakken' }).waitFor();
    await checkScreen(page, 'phase-c');
    const actions = region(page, /^Afspraken en acties/);
    await actions.getByLabel('Wat moet er gebeuren?').fill('Bel de verhuurder over een regeling');
    await actions.getByLabel('Wie doet het?').selectOption('maatje');
    await actions.getByLabel('Wanneer klaar?').fill('2026-12-15');
    await actions.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByRole('heading', { name: 'Afspraken en acties (1)' }).waitFor();
    const woon = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Regeling met Woonstichting Zuidoost' }) });
    await woon.getByLabel('Bedrag per termijn').fill('50,00');
    await woon.getByLabel('Eerste betaling op').fill('2027-01-01');
    await woon.getByRole('button', { name: 'Regeling opslaan' }).click();
    await page.getByText(/Nu: € 50,00 per maand/).waitFor();
    const checklist = region(page, /^Papieren voor de schuldhulp/);
    await checklist.getByLabel('Identiteitsbewijs').selectOption('aanwezig');
    await checklist.getByRole('button', { name: 'Lijst opslaan' }).click();
    await checklist.getByText('Opgeslagen.', { exact: true }).waitFor();
    const referral = region(page, /^Doorverwijzing/);
    await referral.getByLabel('Naam van de organisatie').fill('Schuldhulp Zuidoost');
    await referral.getByLabel('Aangemeld op').fill('2026-11-20');
    await referral.getByRole('button', { name: 'Doorverwijzing opslaan' }).click();
    await referral.getByText('Opgeslagen.', { exact: true }).waitFor();
    for (const moment of ['T0', 'T1']) {
      const form = page.locator('.ss-panel').filter({ has: page.getByRole('heading', { name: `Vragenlijst ${moment}` }) });
      await form.getByLabel('Hoeveel zorgen maakt u zich over geld?').selectOption('4');
      await form.getByLabel('Hoeveel grip hebt u op uw geld?').selectOption('2');
      await form.getByRole('button', { name: `Vragenlijst ${moment} opslaan` }).click();
      await page.getByText(`Vragenlijst ${moment} is opgeslagen.`).waitFor();
    }
    await checkScreen(page, 'phase-c-filled');
    const close = region(page, /^Dossier afsluiten/);
    await close.getByLabel('Reden van afsluiten').selectOption('doorverwezen');
    await close.getByLabel('Uitkomst').selectOption('schuldbemiddeling');
    await close.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await close.getByRole('alert').waitFor();
    await close.getByLabel(/Na afsluiten kunt u het dossier niet meer wijzigen/).check();
    await close.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await page.getByText(/Dit dossier is afgesloten/).waitFor();
    await checkScreen(page, 'closed');

    const after = (await e.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}`, headers: bearer(apiToken) })).json() as { phase: string; exitReason: string; debts: unknown[]; incomes: unknown[]; expenses: unknown[]; actions: unknown[] };
    expect([after.phase, after.exitReason, after.debts.length, after.incomes.length, after.expenses.length, after.actions.length]).toEqual(['closed', 'doorverwezen', 6, 3, 5, 1]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Overzicht downloaden (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('schuldenoverzicht.pdf');
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByText('Het overzicht is gedownload.').waitFor();

    await page.getByRole('link', { name: 'Mijn dossiers' }).click();
    await page.getByRole('link', { name: 'Samira' }).waitFor();
    await checkScreen(page, 'my-dossiers');
    await context.close();
  }, 900_000);

  it('keeps the typed story when someone else saved first (412), and saves it on request', async () => {
    const created = await e.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: bearer(apiToken), payload: { resident: { displayName: 'Karel' } } });
    const dossierId = (created.json() as { dossier: { id: string } }).dossier.id;
    await e.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${dossierId}/consent`, headers: bearer(apiToken), payload: { textVersion: '2026-01', statisticsOptIn: false, recordedOnPaper: true } });
    const first = await e.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${dossierId}/story`, headers: bearer(apiToken), payload: { text: 'Eerste versie.', lifeEvents: [] } });
    expect(first.statusCode).toBe(201);

    const { context, page } = await newPage(e, 390);
    await signInAs(page, e.baseUrl, e.maatje);
    await page.goto(`${e.baseUrl}/dossiers/${dossierId}/a`);
    await page.getByLabel('Verhaal', { exact: true }).waitFor();
    expect(await page.getByLabel('Verhaal', { exact: true }).inputValue()).toBe('Eerste versie.');

    // Meanwhile, another screen saves a different text.
    const other = await e.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${dossierId}/story`, headers: { ...bearer(apiToken), 'if-match': first.headers.etag as string }, payload: { text: 'Tekst van een ander scherm.', lifeEvents: ['ziekte'] } });
    expect(other.statusCode).toBe(200);

    const mine = 'Mijn eigen zorgvuldig getypte tekst over wat er gebeurde.';
    await page.getByLabel('Verhaal', { exact: true }).fill(mine);
    await page.getByRole('button', { name: 'Verhaal opslaan' }).click();
    await page.getByText('Iemand anders heeft dit net gewijzigd').waitFor();
    expect(await page.getByTestId('conflict-theirs').textContent()).toBe('Tekst van een ander scherm.');
    expect(await page.getByLabel('Verhaal', { exact: true }).inputValue()).toBe(mine);
    await checkScreen(page, 'story-conflict');

    await page.getByRole('button', { name: 'Mijn versie opslaan' }).click();
    await page.getByText('Opgeslagen.', { exact: true }).waitFor();
    const stored = await e.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}/story`, headers: bearer(apiToken) });
    expect(stored.json().text).toBe(mine);
    await context.close();
  });
});
