// What the maatje types survives the two everyday failures: an access token that ran out while
// they talked with the resident (the app refreshes it silently and saves), and a lost connection
// (a plain Dutch message, the form keeps every field, and the same click saves once it is back).
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_SECONDS } from '../../src/http/authenticate.js';
import { TestClock } from '../support/app.js';
import { checkScreen, newPage, useE2e } from './support/harness.js';
import { buildDossier, call, signInWith, tokenOf } from './support/roles.js';

const clock = new TestClock();
const e = useE2e({ now: clock.now });
const JOURNEY_TIMEOUT_MS = 900_000;

const incomes = (page: Page) => page.getByRole('region', { name: /^Inkomsten/ });
const expenses = (page: Page) => page.getByRole('region', { name: /^Uitgaven/ });

async function openPhaseB(page: Page, dossierId: string) {
  await signInWith(page, e.baseUrl, e.maatje, 'Mijn dossiers');
  await page.goto(`${e.baseUrl}/dossiers/${dossierId}/b`);
  await page.getByRole('heading', { level: 2, name: 'Fase B. Inzicht' }).waitFor();
}

describe('typed input survives', () => {
  it('an expired access token: the save refreshes silently and goes through, the maatje stays signed in', async () => {
    const token = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, token, 'Ruud Kok');
    const { context, page } = await newPage(e, 1280);
    await openPhaseB(page, dossier.id);
    const cookieBefore = (await context.cookies())[0]?.value;
    const api: Array<{ method: string; path: string; status: number }> = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/')) api.push({ method: response.request().method(), path: url.pathname, status: response.status() });
    });

    await incomes(page).locator('form').last().getByLabel('Soort inkomen').selectOption('loon');
    await incomes(page).locator('form').last().getByLabel('Bedrag').fill('2.345,67');
    // The resident tells a long story: the server's clock passes the access token's lifetime.
    clock.advanceSeconds(ACCESS_TOKEN_SECONDS + 60);
    await incomes(page).getByRole('button', { name: 'Inkomen toevoegen' }).click();
    await page.getByRole('heading', { name: 'Inkomsten (3)' }).waitFor();
    await incomes(page).getByText('Toegevoegd. U kunt meteen de volgende invullen.').waitFor();

    // Refused once, refreshed through the cookie, sent again: one new income, nothing on screen.
    const incomePath = `/api/v1/dossiers/${dossier.id}/incomes`;
    const saves = api.filter((r) => r.method === 'POST' && r.path === incomePath).map((r) => r.status);
    expect(saves).toEqual([401, 201]);
    expect(api.filter((r) => r.path === '/api/v1/auth/browser/refresh').map((r) => r.status)).toEqual([200]);
    // The only alert is the dossier's own crisis flag (an eviction notice), no error.
    expect((await page.getByRole('alert').allTextContents()).filter((text) => !text.startsWith('Crisis'))).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Aanmelden bij Schoon Schip' }).count()).toBe(0);
    const cookieAfter = (await context.cookies())[0]?.value;
    expect(cookieAfter).toBeDefined();
    expect(cookieAfter).not.toBe(cookieBefore);
    const stored = (await call(e.app, await tokenOf(e.app, e.maatje), 'GET', `/dossiers/${dossier.id}`)).json() as { incomes: Array<{ kind: string; amountCents: number }> };
    expect(stored.incomes.filter((i) => i.kind === 'loon').map((i) => i.amountCents)).toEqual([234_567]);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);

  it('a lost connection: a clear message, every field kept, and it saves once the connection is back', async () => {
    const dossier = await buildDossier(e.app, await tokenOf(e.app, e.maatje), 'Ayla Demir');
    const { context, page } = await newPage(e, 768);
    await openPhaseB(page, dossier.id);
    const form = expenses(page).locator('form').last();
    await form.getByLabel('Soort uitgave').selectOption('vaste_lasten');
    await form.getByLabel('Waarvoor').selectOption('zorgverzekering');
    await form.getByLabel('Bedrag').fill('1.158,25');
    await form.getByLabel('Hoe vaak').selectOption('quarter');
    await form.getByLabel('Omschrijving (mag leeg blijven)').fill('Basis en aanvullend');

    const sent: Request[] = [];
    page.on('request', (request) => { if (request.method() === 'POST' && request.url().endsWith('/expenses')) sent.push(request); });
    await context.setOffline(true);
    await form.getByRole('button', { name: 'Uitgave toevoegen' }).click();
    await expenses(page).getByRole('alert').filter({ hasText: 'Er is geen verbinding. Wat u typte, staat nog op het scherm.' }).waitFor();
    expect(await form.getByLabel('Bedrag').inputValue()).toBe('1.158,25');
    expect(await form.getByLabel('Waarvoor').inputValue()).toBe('zorgverzekering');
    expect(await form.getByLabel('Hoe vaak').inputValue()).toBe('quarter');
    expect(await form.getByLabel('Omschrijving (mag leeg blijven)').inputValue()).toBe('Basis en aanvullend');
    await page.getByRole('heading', { name: 'Uitgaven (3)' }).waitFor();
    await checkScreen(page, 'offline-save', [390, 768, 1280]);

    await context.setOffline(false);
    await form.getByRole('button', { name: 'Uitgave toevoegen' }).click();
    await page.getByRole('heading', { name: 'Uitgaven (4)' }).waitFor();
    // The list's refresh and the form's reset are separate renders: wait for the form itself.
    await expenses(page).getByText('Toegevoegd. U kunt meteen de volgende invullen.').waitFor();
    await expect.poll(() => form.getByLabel('Bedrag').inputValue()).toBe('');
    expect(await expenses(page).getByRole('alert').count()).toBe(0);
    const stored = (await call(e.app, await tokenOf(e.app, e.maatje), 'GET', `/dossiers/${dossier.id}`)).json() as { expenses: Array<{ category: string; amountCents: number; frequency: string; description: string | null }> };
    expect(stored.expenses.filter((x) => x.category === 'zorgverzekering')).toMatchObject([{ amountCents: 115_825, frequency: 'quarter', description: 'Basis en aanvullend' }]);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});
