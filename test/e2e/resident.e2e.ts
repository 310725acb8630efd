// The resident's own pages on a phone: activate with the slip's code, read the overview (figures
// equal to the API's), download the PDF and the export, read the access log, fill in the due
// questionnaire, withdraw consent (the maatje loses the dossier) and give it again.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatEuro } from '../../web/src/lib/money.js';
import { checkScreen, newPage, useE2e } from './support/harness.js';
import { buildDossier, call, renameUser, tokenOf } from './support/roles.js';

const e = useE2e();
// Whole journeys on two shared cores: slow when other work runs beside them, never hung.
const JOURNEY_TIMEOUT_MS = 900_000;

describe('the resident', () => {
  it('activates, reads the overview, downloads, reads the log, answers, withdraws and gives consent', async () => {
    await renameUser(e.app, e.maatje.id, 'Fatima el Amrani');
    const maatjeToken = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, maatjeToken, 'Samira Bakker');
    await e.app.db.insertInto('instruments').values({
      version: 'hva-2026', name: 'Financiële zorgen', createdAt: new Date(),
      items: JSON.stringify([
        { code: 'zorgen', minScore: 1, maxScore: 5, label: 'Hoeveel zorgen maakt u zich over geld?' },
        { code: 'rust', minScore: 1, maxScore: 5, label: 'Hoe rustig voelt u zich thuis?' },
      ]),
    }).execute();

    const { context, page } = await newPage(e, 390);
    await page.goto(`${e.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij Schoon Schip' }).waitFor();
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten?' }).waitFor();
    await checkScreen(page, 'resident-forgot-password');
    await page.getByRole('link', { name: 'Account maken met een code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
    // The password rules are on screen before anything is typed.
    await page.getByText('Uw wachtwoord heeft minstens 8 tekens.').waitFor();
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByText('Vul de code uit de brief in.').waitFor();
    await checkScreen(page, 'resident-activate-errors');
    await page.getByLabel('Code uit de brief').fill(dossier.code.toLowerCase());
    await page.getByLabel('Kies een gebruikersnaam').fill('samira.bakker');
    await page.getByLabel('Kies een wachtwoord').fill('Molenstraat-Zonnebloem-12');
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn overzicht' }).waitFor();
    const residentToken = await tokenOf(e.app, { username: 'samira.bakker', password: 'Molenstraat-Zonnebloem-12' });

    // Figures on screen equal the API's, to the cent.
    const overview = (await call(e.app, residentToken, 'GET', `/dossiers/${dossier.id}/overview`)).json();
    await page.getByTestId('total-debt').waitFor();
    expect(await page.getByTestId('total-debt').textContent()).toContain(formatEuro(overview.totalDebtCents));
    expect(await page.getByTestId('total-debt').textContent()).toContain(`${overview.creditorCount} schuldeisers`);
    expect(await page.getByTestId('income-monthly').textContent()).toBe(formatEuro(overview.incomeMonthlyCents));
    expect(await page.getByTestId('expenses-monthly').textContent()).toBe(formatEuro(overview.expensesMonthlyCents));
    expect(await page.getByTestId('saldo').textContent()).toBe(formatEuro(Math.abs(overview.saldoCents)));
    expect(await page.getByTestId('aflosruimte').textContent()).toContain(overview.aflosruimteCents === 0 ? 'nul-aanbod' : formatEuro(overview.aflosruimteCents));
    expect(await page.getByTestId('debt-balance').allTextContents()).toEqual([formatEuro(245_000), formatEuro(87_345), formatEuro(41_200)]);
    // The eviction notice comes first, and every hard word is explained on the page.
    await page.getByText('Let op: bij Eigen Haard kunt u uw huis').waitFor();
    for (const word of ['Aflosruimte:', 'Schuldeiser:', 'Minnelijk traject:', 'WSNP:']) await page.getByText(word, { exact: true }).waitFor();
    await checkScreen(page, 'resident-overview');

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Mijn gegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    await checkScreen(page, 'resident-data');
    await page.getByLabel('Zet mijn eigen verhaal ook in de PDF').check();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF downloaden' }).click()]);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Alle gegevens downloaden' }).click()]);
    expect(exported.suggestedFilename()).toBe('alles-wat-wij-over-u-bewaren.json');
    expect(JSON.stringify(JSON.parse(await readFile(await exported.path(), 'utf8')))).toContain(dossier.id);

    await nav.getByRole('link', { name: 'Wie keek mee' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie heeft mijn dossier bekeken' }).waitFor();
    const log = (await call(e.app, residentToken, 'GET', `/dossiers/${dossier.id}/access-log?limit=50`)).json();
    await page.getByText(log.items[0].description).first().waitFor();
    // The API's answer also holds the reads made after the page loaded; the page shows all before.
    expect(await page.getByRole('listitem').filter({ hasText: 'heeft' }).count()).toBeGreaterThanOrEqual(log.items.length - 2);
    await checkScreen(page, 'resident-access-log');

    await nav.getByRole('link', { name: 'Vragenlijst' }).click();
    await page.getByRole('heading', { level: 2, name: 'Vragenlijst bij de start' }).waitFor();
    await checkScreen(page, 'resident-questionnaire');
    await page.getByRole('group', { name: 'Hoeveel zorgen maakt u zich over geld?' }).getByLabel('4').check();
    await page.getByRole('group', { name: 'Hoe rustig voelt u zich thuis?' }).getByLabel('2').check();
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await page.getByText('Dank u wel. Uw antwoorden zijn bewaard.').waitFor();
    const measurements = (await call(e.app, residentToken, 'GET', `/dossiers/${dossier.id}/measurements`)).json();
    expect(measurements.items).toMatchObject([{ moment: 'T0', instrumentVersion: 'hva-2026', items: { zorgen: 4, rust: 2 } }]);

    await nav.getByRole('link', { name: 'Toestemming' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn toestemming' }).waitFor();
    // The consequence is said before the button.
    await page.getByText('Als u uw toestemming intrekt, kan uw maatje uw dossier niet meer zien.').waitFor();
    await checkScreen(page, 'resident-consent');
    expect((await call(e.app, maatjeToken, 'GET', `/dossiers/${dossier.id}`)).statusCode).toBe(200);
    await page.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText('Uw toestemming is ingetrokken.').waitFor();
    await checkScreen(page, 'resident-consent-withdrawn');
    // The maatje loses the dossier at once; the resident still reads it.
    expect((await call(e.app, maatjeToken, 'GET', `/dossiers/${dossier.id}`)).statusCode).toBe(404);
    await nav.getByRole('link', { name: 'Mijn overzicht' }).click();
    await page.getByTestId('total-debt').waitFor();

    await nav.getByRole('link', { name: 'Toestemming' }).click();
    await page.getByRole('button', { name: 'Toestemming geven' }).click();
    await page.getByText('Dank u. Uw toestemming is bewaard.').waitFor();
    expect((await call(e.app, maatjeToken, 'GET', `/dossiers/${dossier.id}`)).statusCode).toBe(200);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);

  it('with two dossiers, chooses which one every page shows (the newest first)', async () => {
    const maatjeToken = await tokenOf(e.app, e.maatje);
    const first = await buildDossier(e.app, maatjeToken, 'Jan Visser');
    const resident = { username: 'jan.visser', password: 'Kastanjelaan-Negen-99' };
    expect((await e.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { code: first.code, ...resident } })).statusCode).toBe(200);
    const second = await call(e.app, maatjeToken, 'POST', '/dossiers', { residentId: first.residentId });
    expect(second.statusCode, second.body).toBe(201);
    const secondId = second.json().dossier.id as string;
    expect([200, 201]).toContain((await call(e.app, maatjeToken, 'PUT', `/dossiers/${secondId}/consent`, { textVersion: 'v1', statisticsOptIn: false, recordedOnPaper: true })).statusCode);
    const debt = await call(e.app, maatjeToken, 'POST', `/dossiers/${secondId}/debts`, { creditorName: 'Waterbedrijf Oost', creditorType: 'water', balanceCents: 15_000, balanceDate: '2026-11-25', status: 'aanmaning' });
    expect(debt.statusCode, debt.body).toBe(201);

    const { context, page } = await newPage(e, 390);
    await page.goto(`${e.baseUrl}/`);
    await page.getByLabel('Gebruikersnaam').fill(resident.username);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(resident.password);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn overzicht' }).waitFor();
    const choice = page.getByLabel('Welk dossier wilt u zien?');
    await page.getByText('Waterbedrijf Oost').first().waitFor();
    expect(await choice.inputValue()).toBe(secondId);
    expect(await choice.locator('option').count()).toBe(2);
    await checkScreen(page, 'resident-two-dossiers');

    await choice.selectOption(first.id);
    await page.getByText('Let op: bij Eigen Haard kunt u uw huis').waitFor();
    expect(await page.getByText('Waterbedrijf Oost').count()).toBe(0);
    // The other pages follow the choice.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn gegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    expect(await page.getByLabel('Welk dossier wilt u zien?').inputValue()).toBe(first.id);
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Alle gegevens downloaden' }).click()]);
    const exportedText = await readFile(await exported.path(), 'utf8');
    expect(exportedText).toContain(first.id);
    expect(exportedText).not.toContain(secondId);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});
