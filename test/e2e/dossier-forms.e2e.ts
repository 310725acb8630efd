// The maatje's one-of-a-kind forms (household, checklist, referral) against a real server: dates
// typed day first whatever the browser's language, the same conflict offer on a 412 everywhere
// (keep mine, or take the stored one), Utrecht's tick boxes instead of the browser's, and on a
// tablet and a phone the sticky overview bar never hiding a control that has focus.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkScreen, newPage, useE2e } from './support/harness.js';
import { buildDossier, call, seedNamed, signInWith, tokenOf } from './support/roles.js';

const e = useE2e();
const THREE_WIDTHS = [390, 768, 1280] as const;

/** Tick boxes that still look like the browser's own (Utrecht's are drawn: appearance none). */
function browserTickBoxes(page: Page): Promise<number> {
  return page.locator('input[type=checkbox]').evaluateAll((boxes) => boxes.filter((box) => getComputedStyle(box).appearance !== 'none').length);
}

describe('the dossier\'s one-of-a-kind forms', () => {
  it('reads dates typed day first, refuses a day that does not exist in words, and offers the stored referral, checklist and questionnaire answers on a 412', async () => {
    const token = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, token, 'Fatima El Amrani');
    await e.app.db.updateTable('dossiers').set({ phase: 'C' }).where('id', '=', dossier.id).execute();
    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, e.maatje, 'Mijn dossiers');
    await page.goto(`${e.baseUrl}/dossiers/${dossier.id}/c`);
    const referral = page.getByRole('region', { name: 'Doorverwijzing' });
    await referral.getByLabel('Naam van de organisatie').fill('Schuldhulp Amsterdam');

    // 31 April does not exist: said at the field, nothing sent.
    await referral.getByLabel('Aangemeld op').fill('31-04-2026');
    await referral.getByRole('button', { name: 'Doorverwijzing opslaan' }).click();
    await referral.getByText('Deze datum klopt niet. Schrijf dag-maand-jaar, bijvoorbeeld 15-03-2026.').waitFor();
    expect((await call(e.app, token, 'GET', `/dossiers/${dossier.id}`)).json().referral).toBeNull();
    await referral.getByLabel('Aangemeld op').fill('30-11-2026');
    await referral.getByLabel('Eerste contact op').fill('2-12-2026');
    await referral.getByRole('button', { name: 'Doorverwijzing opslaan' }).click();
    await referral.getByText('Opgeslagen.', { exact: true }).waitFor();
    const stored = (await call(e.app, token, 'GET', `/dossiers/${dossier.id}`)).json().referral as { referredAt: string; firstContactAt: string; version: number };
    expect([stored.referredAt, stored.firstContactAt]).toEqual(['2026-11-30', '2026-12-02']);
    expect(await referral.getByLabel('Aangemeld op').inputValue()).toBe('30-11-2026');
    // Leaving the field wrote the day back the one way, so the maatje sees which day was read.
    expect(await referral.getByLabel('Eerste contact op').inputValue()).toBe('02-12-2026');
    // A payment arrangement: its first payment typed day first, said back in words.
    const arrangement = page.locator('li').filter({ hasText: 'Regeling met Eigen Haard' });
    await arrangement.getByLabel('Bedrag per termijn').fill('50,00');
    await arrangement.getByLabel('Eerste betaling op').fill('1-1-2027');
    await arrangement.getByRole('button', { name: 'Regeling opslaan' }).click();
    await arrangement.getByText('Nu: € 50,00 per maand vanaf 1 januari 2027.', { exact: false }).waitFor();
    await arrangement.getByText('Opgeslagen.', { exact: true }).waitFor();
    expect(await browserTickBoxes(page)).toBe(0);
    await checkScreen(page, 'forms-phase-c', THREE_WIDTHS);

    // Another screen changes the referral; this one's typing stays, the stored one is shown.
    const other = await call(e.app, token, 'PUT', `/dossiers/${dossier.id}/referral`,
      { route: 'kredietbank', organisation: 'Kredietbank Amsterdam', status: 'in_behandeling', referredAt: '2026-11-30' }, { 'if-match': `"${stored.version}"` });
    expect(other.statusCode, other.body).toBe(200);
    await referral.getByLabel('Naam van de organisatie').fill('Schuldhulp Gemeente Amsterdam');
    await referral.getByRole('button', { name: 'Doorverwijzing opslaan' }).click();
    await referral.getByText('Iemand anders heeft dit net gewijzigd').waitFor();
    expect(await referral.getByTestId('conflict-theirs').textContent()).toContain('Kredietbank Amsterdam');
    expect(await referral.getByLabel('Naam van de organisatie').inputValue()).toBe('Schuldhulp Gemeente Amsterdam');
    await checkScreen(page, 'forms-referral-conflict');
    await referral.getByRole('button', { name: 'De opgeslagen versie gebruiken' }).click();
    expect(await referral.getByLabel('Naam van de organisatie').inputValue()).toBe('Kredietbank Amsterdam');
    expect(await referral.getByLabel('Naar wie?').inputValue()).toBe('kredietbank');
    expect(await referral.getByLabel('Eerste contact op').inputValue()).toBe('');
    expect(await referral.getByText('Iemand anders heeft dit net gewijzigd').count()).toBe(0);

    // The checklist: the same offer, and "keep mine" stores this screen's choice.
    const checklist = page.getByRole('region', { name: 'Papieren voor de schuldhulp' });
    await checklist.getByRole('button', { name: 'Lijst opslaan' }).click();
    await checklist.getByText('Opgeslagen.', { exact: true }).waitFor();
    const first = (await call(e.app, token, 'GET', `/dossiers/${dossier.id}`)).json().checklist as { items: Record<string, string>; version: number };
    const theirs = await call(e.app, token, 'PUT', `/dossiers/${dossier.id}/checklist`, { items: { ...first.items, meterstanden: 'nvt' } }, { 'if-match': `"${first.version}"` });
    expect(theirs.statusCode, theirs.body).toBe(200);
    await checklist.getByLabel('Identiteitsbewijs').selectOption('aanwezig');
    await checklist.getByRole('button', { name: 'Lijst opslaan' }).click();
    await checklist.getByText('Iemand anders heeft dit net gewijzigd').waitFor();
    expect(await checklist.getByTestId('conflict-theirs').textContent()).toContain('MeterstandenNiet nodig');
    await checklist.getByRole('button', { name: 'Mijn versie opslaan' }).click();
    await checklist.getByText('Opgeslagen.', { exact: true }).waitFor();
    const mine = (await call(e.app, token, 'GET', `/dossiers/${dossier.id}`)).json().checklist as { items: Record<string, string> };
    expect([mine.items.legitimatie, mine.items.meterstanden]).toEqual(['aanwezig', 'ontbreekt']);

    // The questionnaire's answers: saved, then the same offer when another screen answered first.
    const admin = await seedNamed(e, 'admin', 'Beheer Vragenlijsten');
    const instrument = await call(e.app, await tokenOf(e.app, admin), 'POST', '/instruments',
      { version: 'forms-1', name: 'Vragenlijst', items: [{ code: 'zorgen', minScore: 1, maxScore: 5, label: 'Hoeveel zorgen maakt u zich over geld?' }] });
    expect(instrument.statusCode, instrument.body).toBe(201);
    await page.reload();
    const t0 = page.locator('.ss-panel').filter({ has: page.getByRole('heading', { name: 'Vragenlijst T0' }) });
    await t0.getByLabel('Hoeveel zorgen maakt u zich over geld?').selectOption('4');
    await t0.getByRole('button', { name: 'Vragenlijst T0 opslaan' }).click();
    await t0.getByText('Vragenlijst T0 is opgeslagen.').waitFor();
    const answered = (await call(e.app, token, 'GET', `/dossiers/${dossier.id}/measurements`)).json().items[0] as { version: number };
    const otherAnswer = await call(e.app, token, 'PUT', `/dossiers/${dossier.id}/measurements/T0`, { instrumentVersion: 'forms-1', items: { zorgen: 2 } }, { 'if-match': `"${answered.version}"` });
    expect(otherAnswer.statusCode, otherAnswer.body).toBe(200);
    await t0.getByLabel('Hoeveel zorgen maakt u zich over geld?').selectOption('5');
    await t0.getByRole('button', { name: 'Vragenlijst T0 opslaan' }).click();
    await t0.getByText('Iemand anders heeft dit net gewijzigd').waitFor();
    await t0.getByRole('button', { name: 'De opgeslagen versie gebruiken' }).click();
    expect(await t0.getByLabel('Hoeveel zorgen maakt u zich over geld?').inputValue()).toBe('2');
    await context.close();
  });

  it('offers the stored household on a 412 and keeps the maatje\'s own on request', async () => {
    const token = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, token, 'Kees Jansen');
    const { context, page } = await newPage(e, 390);
    await signInWith(page, e.baseUrl, e.maatje, 'Mijn dossiers');
    await page.goto(`${e.baseUrl}/dossiers/${dossier.id}/a`);
    const household = page.getByRole('region', { name: 'Huishouden' });
    await household.getByLabel('Leefsituatie').waitFor();
    const now = (await call(e.app, token, 'GET', `/dossiers/${dossier.id}`)).json() as { version: number };
    const other = await call(e.app, token, 'PATCH', `/dossiers/${dossier.id}`, { household: { leefsituatie: 'samenwonend', ageBand: '21_tot_aow' } }, { 'if-match': `"${now.version}"` });
    expect(other.statusCode, other.body).toBe(200);

    await household.getByLabel('Leefsituatie').selectOption('alleenstaande_ouder');
    await household.getByRole('button', { name: 'Huishouden opslaan' }).click();
    await household.getByText('Iemand anders heeft dit net gewijzigd').waitFor();
    expect(await household.getByTestId('conflict-theirs').textContent()).toContain('Samenwonend of getrouwd');
    expect(await household.getByLabel('Leefsituatie').inputValue()).toBe('alleenstaande_ouder');
    expect(await browserTickBoxes(page)).toBe(0);
    await checkScreen(page, 'forms-household-conflict', THREE_WIDTHS);
    await household.getByRole('button', { name: 'Mijn versie opslaan' }).click();
    await household.getByText('Opgeslagen.', { exact: true }).waitFor();
    expect((await call(e.app, token, 'GET', `/dossiers/${dossier.id}`)).json().household.leefsituatie).toBe('alleenstaande_ouder');
    await context.close();
  });

  it('on a tablet and a phone, no control that gets focus ends up under the sticky overview bar', async () => {
    const token = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, token, 'Ans de Wit');
    await e.app.db.updateTable('dossiers').set({ phase: 'B' }).where('id', '=', dossier.id).execute();
    for (const width of [768, 390]) {
      const { context, page } = await newPage(e, width);
      await signInWith(page, e.baseUrl, e.maatje, 'Mijn dossiers');
      await page.goto(`${e.baseUrl}/dossiers/${dossier.id}/b`);
      const bar = page.getByRole('region', { name: 'Overzicht in het kort' });
      await bar.waitFor();
      // Tab from the top through every control of the lists, as a keyboard user would, until the
      // overview below them: each one must stand fully above the bar when it has focus.
      const hidden: string[] = [];
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        const spot = await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          const barBox = document.querySelector('.ss-overview-bar')?.getBoundingClientRect();
          if (!active || active === document.body || !barBox || active.closest('.ss-aside, .ss-overview-bar')) return { done: true, hidden: '' };
          const box = active.getBoundingClientRect();
          const covered = box.bottom > barBox.top + 1 && box.top < barBox.bottom;
          return { done: false, hidden: covered ? `${active.tagName} ${active.getAttribute('aria-label') ?? active.id}` : '' };
        });
        if (spot.done) break;
        if (spot.hidden) hidden.push(spot.hidden);
      }
      expect(hidden, `at ${width} px`).toEqual([]);
      await context.close();
    }
  });

  it('shows the resident\'s tick boxes and the admin\'s date fields the same way at three widths', async () => {
    const token = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, token, 'Mila Visser');
    const resident = { username: 'mila.visser', password: 'Duinpad-Zeemeeuw-73' };
    const activated = await e.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { code: dossier.code, ...resident } });
    expect(activated.statusCode, activated.body).toBe(200);
    const phone = await newPage(e, 390);
    await signInWith(phone.page, e.baseUrl, resident, 'Mijn overzicht');
    const nav = phone.page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Mijn gegevens' }).click();
    await phone.page.getByLabel('Zet mijn eigen verhaal ook in de PDF').check();
    expect(await browserTickBoxes(phone.page)).toBe(0);
    await checkScreen(phone.page, 'forms-resident-data', THREE_WIDTHS);
    await nav.getByRole('link', { name: 'Toestemming' }).click();
    await phone.page.getByRole('heading', { level: 1, name: 'Mijn toestemming' }).waitFor();
    await checkScreen(phone.page, 'forms-resident-consent', THREE_WIDTHS);
    await phone.context.close();

    // The admin types a maatje's training date day first; a day that does not exist is refused at the field.
    const admin = await seedNamed(e, 'admin', 'Beheer Schoon Schip');
    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, admin, 'Accounts');
    await page.goto(`${e.baseUrl}/accounts/${e.maatje.id}`);
    await page.getByLabel('Datum van de training').fill('31-02-2026');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Deze datum klopt niet. Schrijf dag-maand-jaar, bijvoorbeeld 15-03-2026.').waitFor();
    await page.getByLabel('Datum van de training').fill('27-02-2026');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen.').waitFor();
    const users = (await call(e.app, await tokenOf(e.app, admin), 'GET', '/users?limit=200')).json().items as { id: string; trainedAt: string | null }[];
    expect(users.find((user) => user.id === e.maatje.id)?.trainedAt?.slice(0, 10)).toBe('2026-02-27');
    await checkScreen(page, 'forms-admin-account', THREE_WIDTHS);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Normbedragen' }).click();
    await page.getByLabel('Geldig vanaf').fill('31-06-2027');
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    await page.getByText('Deze datum klopt niet. Schrijf dag-maand-jaar, bijvoorbeeld 01-07-2026.').waitFor();
    await checkScreen(page, 'forms-admin-norms', THREE_WIDTHS);
    await context.close();
  });
});
