// Each role's menu lists only what that role may use: signed in as every role, every menu link
// opens a real screen and no request on the way answers 403 (or "page not found").
import { describe, expect, it } from 'vitest';
import { newPage, useE2e } from './support/harness.js';
import { buildDossier, seedNamed, signInWith, tokenOf, type NamedUser } from './support/roles.js';

const e = useE2e();
// Whole journeys on two shared cores: slow when other work runs beside them, never hung.
const JOURNEY_TIMEOUT_MS = 900_000;

const MENUS: Record<string, { heading: string; links: string[] }> = {
  resident: { heading: 'Mijn overzicht', links: ['Mijn overzicht', 'Mijn gegevens', 'Wie keek mee', 'Toestemming', 'Vragenlijst', 'Wachtwoord wijzigen'] },
  maatje: { heading: 'Mijn dossiers', links: ['Mijn dossiers', 'Wachtwoord wijzigen'] },
  coordinator: { heading: 'Dossiers van mijn locatie', links: ['Dossiers', 'Maatjes', 'Wachtwoord wijzigen'] },
  admin: { heading: 'Accounts', links: ['Accounts', 'Locaties', 'Normbedragen', 'Vragenlijsten', 'Wachtwoord wijzigen'] },
  evaluator: { heading: 'Statistieken', links: ['Statistieken', 'Wachtwoord wijzigen'] },
};

describe('navigation per role', () => {
  it('shows every role only its own menu, and no menu link leads to a 403', async () => {
    const dossier = await buildDossier(e.app, await tokenOf(e.app, e.maatje), 'Mo Haddou');
    const activated = await e.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { code: dossier.code, username: 'mo.haddou', password: 'Tulpenveld-Zeven-77' } });
    expect(activated.statusCode, activated.body).toBe(200);
    const users: Record<string, { username: string; password: string }> = {
      resident: { username: 'mo.haddou', password: 'Tulpenveld-Zeven-77' },
      maatje: e.maatje,
      coordinator: await seedNamed(e, 'coordinator', 'Coördinator Zuidoost', { locationId: e.locationId }),
      admin: await seedNamed(e, 'admin', 'Beheerder'),
      evaluator: await seedNamed(e, 'evaluator', 'Onderzoeker'),
    } satisfies Record<string, { username: string; password: string } | NamedUser>;

    for (const [role, menu] of Object.entries(MENUS)) {
      const { context, page } = await newPage(e, 1280);
      const refused: string[] = [];
      const pendingApi = new Set<unknown>();
      page.on('request', (request) => { if (new URL(request.url()).pathname.startsWith('/api/')) pendingApi.add(request); });
      page.on('requestfinished', (request) => pendingApi.delete(request));
      page.on('requestfailed', (request) => pendingApi.delete(request));
      page.on('response', (response) => {
        if (response.status() === 403) refused.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
      });
      await signInWith(page, e.baseUrl, users[role]!, menu.heading);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await nav.getByRole('link').allTextContents(), role).toEqual(menu.links);
      for (const link of menu.links) {
        const anchor = nav.getByRole('link', { name: link, exact: true });
        const target = new URL((await anchor.getAttribute('href'))!, e.baseUrl).pathname;
        const heading = page.locator('h1').first();
        const leaving = new URL(page.url()).pathname === target ? undefined : await heading.textContent();
        await anchor.click();
        // The new screen, not the one it replaces: its address, then a heading other than the old.
        await page.waitForURL((url) => url.pathname === target);
        if (leaving !== undefined) await expect.poll(() => heading.textContent()).not.toBe(leaving);
        // Every API request of the screen has answered and been read to its end (the 403
        // listener above sees each answer), the sign-in page's refresh probe included.
        await page.getByRole('status').filter({ hasText: 'Even geduld' }).waitFor({ state: 'detached' });
        await expect.poll(() => pendingApi.size, { timeout: 30_000 }).toBe(0);
        expect(await page.locator('h1').first().textContent(), `${role}: ${link}`).not.toBe('Deze pagina bestaat niet');
        expect(await page.getByRole('alert').count(), `${role}: ${link} shows an error`).toBe(0);
      }
      expect(refused, role).toEqual([]);
      await context.close();
    }
  }, JOURNEY_TIMEOUT_MS);
});
