// The maatje's journey against the real server on PostgreSQL: the whole walk from sign-in to a
// closed dossier (6 debts, 3 incomes, 5 expenses typed the Dutch way, the overview held to the
// API to the cent, an income deleted and put back, the PDF), and the 412 that keeps typed text.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEuro } from '../../web/src/lib/money.js';
import { bearer, seedUser, signIn } from '../support/identity.js';
import { checkScreen, newPage, SCREENSHOT_DIR, signInAs, useE2e } from './support/harness.js';

const e = useE2e();
// Whole journeys on two shared cores: slow when other work runs beside them, never hung.
const JOURNEY_TIMEOUT_MS = 900_000;
const THREE_WIDTHS = [390, 768, 1280] as const;

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
  await formEmptied(form, 'Schuldeiser');
}

/**
 * The next entry goes into an emptied form. The list's new row and the form's reset are two
 * renders, in no promised order: wait for the empty form itself, or the next entry's first
 * keystrokes may land in a form that is about to be reset.
 */
async function formEmptied(form: Locator, field: string) {
  await expect.poll(() => form.getByLabel(field, { exact: true }).inputValue()).toBe('');
}

async function addIncome(page: Page, income: (typeof INCOMES)[number], count: number) {
  const form = region(page, /^Inkomsten/).locator('form').last();
  await form.getByLabel('Soort inkomen').selectOption(income.kind);
  await form.getByLabel('Bedrag').fill(income.amount);
  await form.getByLabel('Hoe vaak').selectOption(income.frequency);
  await form.getByRole('button', { name: 'Inkomen toevoegen' }).click();
  await page.getByRole('heading', { name: `Inkomsten (${count})` }).waitFor();
  await formEmptied(form, 'Bedrag');
}

async function addExpense(page: Page, expense: (typeof EXPENSES)[number], count: number) {
  const form = region(page, /^Uitgaven/).locator('form').last();
  await form.getByLabel('Soort uitgave').selectOption(expense.group);
  await form.getByLabel('Waarvoor').selectOption(expense.category);
  await form.getByLabel('Bedrag').fill(expense.amount);
  await form.getByLabel('Hoe vaak').selectOption(expense.frequency);
  await form.getByRole('button', { name: 'Uitgave toevoegen' }).click();
  await page.getByRole('heading', { name: `Uitgaven (${count})` }).waitFor();
  await formEmptied(form, 'Bedrag');
}

/** What the overview shows against the API's own numbers, formatted; empty when all are equal. */
async function overviewMismatches(page: Page, api: Record<string, unknown> & { expensesByGroup: Record<string, number> }): Promise<string[]> {
  const cells = await page.locator('[aria-busy="false"] [data-figure]').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-figure')!, n.textContent!.trim()] as [string, string]));
  if (cells.length < 12) return [`only ${cells.length} figures on screen`];
  const wrong: string[] = [];
  for (const [figure, text] of cells) {
    if (figure === 'potCents') continue;
    const value = figure.startsWith('expensesByGroup.') ? api.expensesByGroup[figure.split('.')[1]!] : api[figure];
    const expected = figure === 'creditorCount' ? String(value) : value === null || value === undefined ? 'Geen' : formatEuro(value as number);
    if (text !== expected) wrong.push(`${figure}: screen ${text}, API ${expected}`);
  }
  return wrong;
}

/** Every figure the overview shows must be the API's own number, formatted, to the cent. */
async function expectOverviewEqualsApi(page: Page, dossierId: string, token: string) {
  const res = await e.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}/overview`, headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  const api = res.json() as Record<string, unknown> & { expensesByGroup: Record<string, number> };
  // The overview refetches after each save: wait until the screen has caught up, then it must match.
  await expect.poll(() => overviewMismatches(page, api), { timeout: 30_000 }).toEqual([]);
  return api;
}

const cents = (dutch: string) => Number(dutch.replace(/\./g, '').replace(',', ''));

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

  it('walks from sign-in to a closed dossier with 6 debts, 3 incomes and 5 expenses, the overview equal to the API, and the PDF', async () => {
    const { context, page } = await newPage(e, 1280);
    await signInAs(page, e.baseUrl, e.maatje);
    await page.getByRole('link', { name: 'Nieuw dossier openen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw dossier openen' }).waitFor();
    await page.getByLabel('Naam van de bewoner').fill('Ilse de Vries');
    await page.getByLabel('Leeftijd van de bewoner').selectOption('21_tot_aow');
    await page.getByRole('button', { name: 'Dossier openen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Activatiebrief' }).waitFor();
    expect(await page.getByTestId('activation-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await checkScreen(page, 'journey-slip', THREE_WIDTHS);
    await page.getByRole('link', { name: 'Naar het dossier' }).click();

    // Phase A: consent on paper, the household, on to B.
    await page.getByRole('heading', { level: 2, name: 'Fase A. Bespreekbaar maken' }).waitFor();
    const dossierId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByLabel(/^De bewoner vindt het goed/).check();
    await page.getByRole('button', { name: 'Toestemming op papier vastleggen' }).click();
    await page.getByText(/De bewoner gaf toestemming op/).waitFor();
    await page.getByLabel('Leefsituatie').selectOption('alleenstaand');
    await page.getByLabel('Leeftijd van de bewoner').selectOption('21_tot_aow');
    await page.getByRole('button', { name: 'Huishouden opslaan' }).click();
    await page.getByText('Opgeslagen.', { exact: true }).waitFor();
    await checkScreen(page, 'journey-phase-a', THREE_WIDTHS);
    await page.getByRole('button', { name: 'Verder naar fase B' }).click();

    // Phase B: everything typed into the screens, one after another.
    await page.getByRole('heading', { level: 2, name: 'Fase B. Inzicht' }).waitFor();
    for (const [i, debt] of DEBTS.entries()) await addDebt(page, debt, i + 1);
    for (const [i, income] of INCOMES.entries()) await addIncome(page, income, i + 1);
    for (const [i, expense] of EXPENSES.entries()) await addExpense(page, expense, i + 1);
    const full = await expectOverviewEqualsApi(page, dossierId, apiToken);
    // The Dutch amounts arrived as the cents that were meant.
    expect(full.totalDebtCents).toBe(DEBTS.reduce((sum, d) => sum + cents(d.balance), 0));
    expect(full.totalDebtCents).toBe(568_386);
    expect(full.incomeMonthlyCents).toBe(155_245);
    expect(full.creditorCount).toBe(6);
    // On a tablet the overview is under the lists; its main figures stay in view at the bottom.
    await page.setViewportSize({ width: 768, height: 900 });
    const bar = page.getByRole('region', { name: 'Overzicht in het kort' });
    await page.getByLabel('Soort uitgave').scrollIntoViewIfNeeded();
    expect(await bar.isVisible()).toBe(true);
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(900 + 1);
    expect(barBox.y + barBox.height).toBeGreaterThan(900 - 2);
    expect(await bar.locator('dd').allTextContents()).toEqual([formatEuro(full.saldoCents as number), formatEuro(full.aflosruimteCents as number), formatEuro(full.totalDebtCents as number)]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/journey-overview-bar-768.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Soort uitgave').scrollIntoViewIfNeeded();
    expect(await bar.isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/journey-overview-bar-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await bar.isVisible()).toBe(false);
    await checkScreen(page, 'journey-phase-b', THREE_WIDTHS);

    // Edit in place: the row becomes a form with the stored values, and goes back to a line.
    const zorgDebt = region(page, /^Schulden/).getByRole('listitem').filter({ hasText: 'Zorgverzekeraar West' });
    await zorgDebt.getByRole('button', { name: 'Wijzigen: de schuld bij Zorgverzekeraar West' }).click();
    expect(await zorgDebt.getByLabel('Saldo (wat de schuldeiser nu vraagt)').inputValue()).toBe('612,00');
    await zorgDebt.getByLabel('Saldo (wat de schuldeiser nu vraagt)').fill('650,10');
    await zorgDebt.getByRole('button', { name: 'Opslaan' }).click();
    await region(page, /^Schulden/).getByText(/Zorgverzekeraar West.*€ 650,10/).waitFor();
    const edited = await expectOverviewEqualsApi(page, dossierId, apiToken);
    expect(edited.totalDebtCents).toBe(568_386 - 61_200 + 65_010);

    // Delete an income, then undo. The button's name carries the row's words ("Verwijderen:
    // Zorgtoeslag: € 131,00 per maand"), so a screen reader hears which row it deletes.
    const incomes = region(page, /^Inkomsten/);
    expect(await incomes.getByRole('button', { name: 'Verwijderen', exact: true }).count()).toBe(0);
    await incomes.getByRole('button', { name: /^Verwijderen: Zorgtoeslag/ }).click();
    await page.getByRole('heading', { name: 'Inkomsten (2)' }).waitFor();
    await incomes.getByRole('status').filter({ hasText: 'Zorgtoeslag is verwijderd.' }).waitFor();
    const without = await expectOverviewEqualsApi(page, dossierId, apiToken);
    expect(without.incomeMonthlyCents).toBe(155_245 - 13_100);
    await checkScreen(page, 'journey-income-deleted');
    await incomes.getByRole('button', { name: 'Ongedaan maken' }).click();
    await page.getByRole('heading', { name: 'Inkomsten (3)' }).waitFor();
    await incomes.getByRole('button', { name: /^Verwijderen: Zorgtoeslag/ }).waitFor();
    const back = await expectOverviewEqualsApi(page, dossierId, apiToken);
    expect(back.incomeMonthlyCents).toBe(155_245);
    expect(back.aflosruimteCents).toBe(edited.aflosruimteCents);

    await page.getByRole('button', { name: 'De bewoner heeft het overzicht op papier bevestigd' }).click();
    await page.getByText(/Het overzicht is bevestigd op/).waitFor();
    await page.getByRole('button', { name: 'Verder naar fase C' }).click();

    // Phase C: an action, then closing.
    await page.getByRole('heading', { level: 2, name: 'Fase C. Samen aanpakken' }).waitFor();
    await page.getByLabel('Wat moet er gebeuren?').fill('Bel Energie Noord over een betalingsregeling');
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByRole('heading', { name: 'Afspraken en acties (1)' }).waitFor();
    await checkScreen(page, 'journey-phase-c', THREE_WIDTHS);
    await page.getByLabel('Reden van afsluiten').selectOption({ label: 'Verhuisd' });
    await page.getByLabel(/^Na afsluiten kunt u/).check();
    await page.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await page.getByText(/Dit dossier is afgesloten/).first().waitFor();

    // The overview PDF of the closed dossier: a real PDF of a plausible size.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Overzicht downloaden (PDF)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('schuldenoverzicht.pdf');
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.length).toBeLessThan(2_000_000);
    await page.getByText('Het overzicht is gedownload.').waitFor();
    await checkScreen(page, 'journey-closed', THREE_WIDTHS);

    const stored = await e.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}`, headers: bearer(apiToken) });
    const dossier = stored.json() as { phase: string; debts: unknown[]; incomes: unknown[]; expenses: unknown[]; actions?: unknown[] };
    expect([dossier.phase, dossier.debts.length, dossier.incomes.length, dossier.expenses.length]).toEqual(['closed', 6, 3, 5]);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);

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
