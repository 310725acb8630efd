// The coordinator's, admin's and evaluator's pages in a real browser against a real server:
// reassigning takes the dossier from the old maatje at their next page load; the admin adds a
// norm period after a preview; the evaluator's CSV is byte for byte the API's.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkScreen, expectCardsOnPhone, newPage, useE2e } from './support/harness.js';
import { insertPopulation, type ModelDossier } from '../support/stats-population.js';
import { buildDossier, call, renameUser, seedNamed, signInWith, tokenOf } from './support/roles.js';

const e = useE2e();
// Whole journeys on two shared cores: slow when other work runs beside them, never hung.
const JOURNEY_TIMEOUT_MS = 900_000;

describe('the coordinator', () => {
  it('sees the caseload without content, reassigns, and the old maatje\'s next load shows the dossier gone', async () => {
    await renameUser(e.app, e.maatje.id, 'Fatima el Amrani');
    const coordinator = await seedNamed(e, 'coordinator', 'Jeroen Vos', { locationId: e.locationId });
    const newMaatje = await seedNamed(e, 'maatje', 'Karin Jansen', { locationId: e.locationId });
    await seedNamed(e, 'maatje', 'Peter de Wit (nog in training)', { locationId: e.locationId, trained: false });
    const maatjeToken = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, maatjeToken, 'Kees Mulder');
    await buildDossier(e.app, maatjeToken, 'Anouk Smit');

    // The old maatje has the dossier open in their list.
    const old = await newPage(e, 1280);
    await signInWith(old.page, e.baseUrl, e.maatje, 'Mijn dossiers');
    await old.page.getByRole('link', { name: 'Kees Mulder' }).waitFor();

    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, coordinator, 'Dossiers van mijn locatie');
    await page.getByRole('link', { name: 'Maatje kiezen voor Kees Mulder' }).waitFor();
    // Metadata only: no amount, creditor or action of the dossier is on the page.
    const caseloadText = await page.locator('main').innerText();
    for (const content of ['Eigen Haard', '€', 'Bel Eigen Haard']) expect(caseloadText).not.toContain(content);
    await page.getByText('Spoed: binnen 3 werkdagen handelen').first().waitFor();
    await checkScreen(page, 'coordinator-caseload');
    await expectCardsOnPhone(page, 'Dossiers van mijn locatie');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Maatjes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maatjes van mijn locatie' }).waitFor();
    await page.getByText('Nog niet getraind').filter({ visible: true }).waitFor();
    await checkScreen(page, 'coordinator-maatjes');
    await expectCardsOnPhone(page, 'Maatjes van mijn locatie');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: 'Maatje kiezen voor Kees Mulder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maatje voor Kees Mulder' }).waitFor();
    // Only trained, enabled maatjes other than the current one are offered.
    expect(await page.getByLabel('Nieuw maatje').locator('option').allTextContents()).toEqual(['Kies een maatje', 'Karin Jansen']);
    await page.getByRole('button', { name: 'Maatje toewijzen' }).click();
    await page.getByText('Schrijf kort op waarom.').waitFor();
    await checkScreen(page, 'coordinator-assign-errors');
    await page.getByLabel('Nieuw maatje').selectOption({ label: 'Karin Jansen' });
    await page.getByLabel('Reden').fill('Fatima stopt als maatje.');
    await page.getByRole('button', { name: 'Maatje toewijzen' }).click();
    await page.getByText('Het nieuwe maatje is toegewezen.').waitFor();
    await page.getByText('Het maatje is nu Karin Jansen.').waitFor();

    await old.page.reload();
    await old.page.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor();
    await old.page.getByRole('link', { name: 'Anouk Smit' }).waitFor();
    expect(await old.page.getByRole('link', { name: 'Kees Mulder' }).count()).toBe(0);
    expect((await call(e.app, await tokenOf(e.app, newMaatje), 'GET', `/dossiers/${dossier.id}`)).statusCode).toBe(200);
    await old.context.close();

    // A resident's new code comes from the dossier's maatje only: the page says so and offers no button.
    await page.getByText('Dan maakt het maatje van dit dossier een nieuwe code.').waitFor();
    expect(await page.getByRole('button', { name: 'Nieuwe code maken' }).count()).toBe(0);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});

describe('the admin', () => {
  it('manages accounts and locations and adds a norm period after a preview with field errors', async () => {
    const admin = await seedNamed(e, 'admin', 'Beheer Schoon Schip');
    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, admin, 'Accounts');
    await page.getByLabel('Rol').selectOption('maatje');
    await page.getByLabel('Gebruikersnaam').fill('nadia.maatje');
    await page.getByLabel('Naam', { exact: true }).fill('Nadia Yilmaz');
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByText('Kies een locatie').first().waitFor();
    await page.getByLabel('Locatie').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Account maken' }).click();
    // Two people for a staff code: the account waits for another admin's approval (issue 15).
    await page.getByText('Een andere beheerder keurt de eerste code goed').waitFor();
    await page.getByText('Een andere beheerder keurt dit goed').first().waitFor();
    await checkScreen(page, 'admin-accounts');
    await expectCardsOnPhone(page, 'Accounts');
    await page.getByRole('link', { name: 'Wijzig Nadia Yilmaz' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account van Nadia Yilmaz' }).waitFor();
    await page.getByLabel('Datum van de training').fill('2026-11-28');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await checkScreen(page, 'admin-account-edit');
    const adminToken = await tokenOf(e.app, admin);
    const users = (await call(e.app, adminToken, 'GET', '/users?limit=200')).json().items as { username: string; trainedAt: string | null }[];
    expect(users.find((user) => user.username === 'nadia.maatje')?.trainedAt?.slice(0, 10)).toBe('2026-11-28');

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Locaties' }).click();
    await page.getByLabel('Naam').fill('BuurtWerkKamer Kanaleneiland');
    await page.getByLabel('Plaats').fill('Utrecht');
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await page.getByRole('cell', { name: 'BuurtWerkKamer Kanaleneiland' }).waitFor();
    await checkScreen(page, 'admin-locations');

    await nav.getByRole('link', { name: 'Normbedragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Normbedragen' }).waitFor();
    const amounts = [['1.330,00', '1.400,00'], ['1.900,00', '2.000,00'], ['1.482,00', '1.560,00'], ['2.033,00', '2.140,00']];
    const keys = ['Alleenstaand, 21 jaar tot AOW', 'Samenwonend, 21 jaar tot AOW', 'Alleenstaand, AOW-leeftijd', 'Samenwonend, AOW-leeftijd'];
    await page.getByLabel('Geldig vanaf').fill('2027-02-01');
    for (const [index, key] of keys.entries()) {
      const group = page.getByRole('group', { name: key });
      // The last household's amounts are swapped by mistake: the preview names that field.
      await group.getByLabel('Zonder vakantietoeslag').fill(index === 3 ? '2.000,00' : amounts[index]![0]!);
      await group.getByLabel('Met vakantietoeslag').fill(amounts[index]![1]!);
    }
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    await page.getByText('Een periode begint op 1 januari of 1 juli.').waitFor();
    await page.getByRole('group', { name: 'Samenwonend, AOW-leeftijd' }).getByText('Dit moet 95 % zijn').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wat verandert er voor een huishouden in de bijstand' }).waitFor();
    await checkScreen(page, 'admin-norms-preview-errors');
    await page.getByLabel('Geldig vanaf').fill('2027-01-01');
    await page.getByRole('group', { name: 'Samenwonend, AOW-leeftijd' }).getByLabel('Zonder vakantietoeslag').fill('2.033,00');
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    await page.getByText('Deze periode kan worden opgeslagen.').waitFor();
    await checkScreen(page, 'admin-norms-preview');
    await page.getByRole('button', { name: 'Periode opslaan' }).click();
    await page.getByText('De nieuwe periode is opgeslagen.').waitFor();
    await page.getByRole('cell', { name: '1 januari 2027', exact: true }).waitFor();
    const periods = (await call(e.app, adminToken, 'GET', '/norm-periods?limit=200')).json().items as { validFrom: string; norms: Record<string, unknown> }[];
    expect(periods.at(-1)).toMatchObject({ validFrom: '2027-01-01', norms: { alleenstaand_21_aow: { excludingHolidayCents: 133_000, includingHolidayCents: 140_000 } } });

    await nav.getByRole('link', { name: 'Vragenlijsten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vragenlijsten' }).waitFor();
    await checkScreen(page, 'admin-instruments');
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});

describe('the evaluator', () => {
  it('picks a published period, reads the table and downloads a CSV equal to the API\'s bytes', async () => {
    const evaluator = await seedNamed(e, 'evaluator', 'Onderzoeker HvA');
    // A published quarter with enough dossiers that some counts are shown and some are hidden.
    const resident = await seedNamed(e, 'resident', 'Synthetische bewoner', { locationId: e.locationId });
    const model = (opened: number, steps: ModelDossier['steps']): ModelDossier => ({
      location: 0, optIn: true, withdrawn: false, opened, steps, exit: null, snapshots: [], referral: null, lifeEvents: [], measurements: [],
    });
    await insertPopulation(e.app, { locations: [{ id: e.locationId, name: 'BuurtWerkKamer Zuidoost' }], residentId: resident.id, periodStart: new Date('2026-07-01T00:00:00Z') }, [
      ...Array.from({ length: 24 }, (_, i) => model(i, [{ from: 'A', to: 'B', day: i + 3 }, { from: 'B', to: 'C', day: i + 20 }])),
      ...Array.from({ length: 16 }, (_, i) => model(i, [{ from: 'A', to: 'B', day: i + 5 }])),
      ...Array.from({ length: 4 }, (_, i) => model(i + 30, [])),
    ]);
    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, evaluator, 'Statistieken');
    const token = await tokenOf(e.app, evaluator);
    const periods = (await call(e.app, token, 'GET', '/stats/periods')).json().items as { period: string }[];
    // Only published periods are offered, newest first, exactly as the API lists them.
    // The heading shows before the periods have loaded, and evaluateAll does not wait for options.
    const offeredPeriods = () => page.getByLabel('Periode').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(periods.length).toBeGreaterThan(0);
    await expect.poll(offeredPeriods).toEqual(periods.map((period) => period.period));
    await checkScreen(page, 'evaluator-catalogue');
    await page.getByLabel('Tabel').selectOption('phase_reached');
    await page.getByLabel('Periode').selectOption('2026-Q3');
    await page.getByRole('button', { name: 'Tabel tonen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Verste fase die de gestarte dossiers bereikten' }).waitFor();
    await page.getByRole('img', { name: /Staafdiagram/ }).waitFor();
    await checkScreen(page, 'evaluator-table');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV downloaden' }).click()]);
    const api = await call(e.app, token, 'GET', '/stats/tables/phase_reached?period=2026-Q3', undefined, { accept: 'text/csv' });
    expect(api.statusCode).toBe(200);
    expect((await readFile(await download.path())).equals(api.rawPayload)).toBe(true);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});
