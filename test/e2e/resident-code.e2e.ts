// A resident lost the letter or the password: the dossier's own maatje makes a new code on the
// dossier page (after a question first), hands over the printed letter, and the old password
// stops working while the new code lets the resident choose a new one under the same username.
import { describe, expect, it } from 'vitest';
import { checkScreen, newPage, SCREENSHOT_DIR, useE2e } from './support/harness.js';
import { buildDossier, signInWith, tokenOf } from './support/roles.js';

const e = useE2e();
const JOURNEY_TIMEOUT_MS = 900_000;

describe('a new code for the resident', () => {
  it('is made by the dossier\'s maatje after confirming, prints as the letter only, and replaces the old password', async () => {
    const dossier = await buildDossier(e.app, await tokenOf(e.app, e.maatje), 'Sanne Bakker');
    const resident = { username: 'sanne.bakker', password: 'Tulpenveld-Zeven-77' };
    const activated = await e.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { code: dossier.code, ...resident } });
    expect(activated.statusCode, activated.body).toBe(200);

    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, e.maatje, 'Mijn dossiers');
    await page.getByRole('link', { name: 'Sanne Bakker' }).click();
    await page.getByRole('heading', { level: 1, name: /Sanne Bakker/ }).waitFor();

    // Nothing happens without the question answered: "Niet doen" leaves the password alone.
    await page.getByRole('button', { name: 'Nieuwe code voor de bewoner' }).click();
    const question = page.getByRole('region', { name: 'Nieuwe code voor de bewoner' });
    await question.getByText('de oude code en het oude wachtwoord werken dan meteen niet meer').waitFor();
    // Focus moves in an effect after the question is painted: wait for it, do not read it at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('resident-code-heading');
    await checkScreen(page, 'resident-code-question');
    await question.getByRole('button', { name: 'Niet doen' }).click();
    await question.waitFor({ state: 'detached' });
    const stillWorks = await e.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: resident });
    expect(stillWorks.statusCode).toBe(200);

    await page.getByRole('button', { name: 'Nieuwe code voor de bewoner' }).click();
    await question.getByRole('button', { name: 'Ja, maak een nieuwe code' }).click();
    const slip = page.getByRole('region', { name: 'Uw eigen account in Schoon Schip' });
    const code = (await slip.getByTestId('activation-code').textContent())!;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(code).not.toBe(dossier.code);
    await slip.getByText('Beste Sanne Bakker,').waitFor();
    await slip.getByText('Vul dan dezelfde gebruikersnaam in als eerst.').waitFor();
    await page.getByRole('status').filter({ hasText: 'De nieuwe code is gemaakt.' }).waitFor();
    await checkScreen(page, 'resident-code-slip');

    // On paper: the letter only, not the dossier around it.
    await page.emulateMedia({ media: 'print' });
    expect(await slip.isVisible()).toBe(true);
    expect(await page.getByTestId('activation-code').isVisible()).toBe(true);
    for (const hidden of [page.locator('h1'), page.getByRole('navigation', { name: 'Fasen van het dossier' }), page.getByRole('button', { name: 'Brief afdrukken' }), page.getByText('De nieuwe code is gemaakt.')]) {
      expect(await hidden.isVisible()).toBe(false);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/resident-code-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The old password is gone; the new code sets a new one under the same username.
    const oldPassword = await e.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: resident });
    expect(oldPassword.statusCode).toBe(401);
    const again = await e.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { code, username: resident.username, password: 'Zonnebloem-Acht-88' } });
    expect(again.statusCode, again.body).toBe(200);

    await page.getByRole('button', { name: 'Brief sluiten' }).click();
    await slip.waitFor({ state: 'detached' });
    expect(await page.getByTestId('activation-code').count()).toBe(0);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});
