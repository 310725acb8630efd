// The foundation in a real browser: sign-in, the session that survives a reload only through the
// HttpOnly cookie, nothing in web storage, sign-out that leaves nothing, and the idle sign-out.
import { describe, expect, it } from 'vitest';
import { checkScreen, newPage, signInAs, useE2e } from './support/harness.js';

const e = useE2e();

describe('session in the browser', () => {
  it('signs in, survives a reload through the cookie only, and signs out leaving nothing', async () => {
    const { context, page } = await newPage(e);
    // The start-up probe without a cookie gets its 401 and is read to the end, not left open.
    const probe = page.waitForEvent('requestfinished', (request) => request.url().endsWith('/api/v1/auth/browser/refresh'));
    await page.goto(`${e.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij Schoon Schip' }).waitFor();
    expect((await (await probe).response())?.status()).toBe(401);
    expect(await page.title()).toBe('Aanmelden - Schoon Schip');
    // Empty submit: Dutch field messages, nothing sent.
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Vul uw gebruikersnaam in.').waitFor();
    await checkScreen(page, 'sign-in-errors');
    await page.getByLabel('Gebruikersnaam').fill(e.maatje.username);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dit lukt niet.' }).waitFor();
    await checkScreen(page, 'sign-in-failed');

    await signInAs(page, e.baseUrl, e.maatje);
    await page.getByText('U hebt nog geen dossiers.').waitFor();
    await checkScreen(page, 'my-dossiers-empty');

    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor();
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([['schoon_schip_refresh', true, 'Strict', '/api/v1/auth/browser']]);

    await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' }).waitFor();
    await checkScreen(page, 'password');

    await page.goto(`${e.baseUrl}/bestaat-niet`);
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    await checkScreen(page, 'not-found');

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByText('U bent afgemeld.').waitFor();
    expect(await context.cookies()).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij Schoon Schip' }).waitFor();
    await context.close();
  });

  it('warns after 14 idle minutes and signs out after 15', async () => {
    const { context, page } = await newPage(e, 390);
    await page.clock.install();
    await signInAs(page, e.baseUrl, e.maatje);
    await page.clock.runFor(14 * 60_000 + 2_000);
    await page.getByRole('alert').filter({ hasText: 'Over 1 minuut' }).waitFor();
    await checkScreen(page, 'idle-warning');
    await page.clock.runFor(60_000);
    await page.getByText('U bent afgemeld, omdat u 15 minuten niets hebt gedaan.').waitFor();
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
