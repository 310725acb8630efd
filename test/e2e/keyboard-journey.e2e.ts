// The same journey with the keyboard only (shorter: one debt, one income, one expense): every
// control is reached with Tab, filled by typing, pressed with Enter or Space. No mouse click.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/identity.js';
import { checkScreen, newPage, useE2e } from './support/harness.js';

const e = useE2e();

/** The focused element's accessible name, roughly as a screen reader would say it. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : undefined;
    return (el.getAttribute('aria-label') ?? byFor ?? el.textContent ?? '').trim();
  });
}

/** Presses Tab until the control named `name` has focus; fails if it is never reached. */
async function tabTo(page: Page, name: string | RegExp, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name || now.startsWith(name) : name.test(now)) return;
  }
  throw new Error(`"${String(name)}" was not reached with Tab`);
}

/**
 * After an add, the form empties and puts focus back on its first field; the list shows the new
 * row in another render, in no promised order. Tabbing on before focus is back would be
 * interrupted by the jump, and typing could land in the wrong form: wait until it is back.
 */
async function focusReturnsTo(page: Page, name: string) {
  await expect.poll(() => focusedName(page)).toBe(name);
}

async function typeInto(page: Page, name: string | RegExp, text: string) {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

describe('the maatje\'s journey with the keyboard only', () => {
  it('signs in, opens a dossier, fills phases A, B and C and closes it without a mouse', async () => {
    const { context, page } = await newPage(e);
    await page.goto(`${e.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij Schoon Schip' }).waitFor();
    await typeInto(page, 'Gebruikersnaam', e.maatje.username);
    await typeInto(page, 'Wachtwoord', e.maatje.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor();

    await tabTo(page, 'Nieuw dossier openen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nieuw dossier openen' }).waitFor();
    await typeInto(page, 'Naam van de bewoner', 'Noor');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Activatiebrief' }).waitFor();
    await tabTo(page, 'Naar het dossier');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: 'Fase A. Bespreekbaar maken' }).waitFor();
    const dossierId = new URL(page.url()).pathname.split('/')[2]!;
    await tabTo(page, /^De bewoner vindt het goed/);
    await page.keyboard.press('Space');
    await tabTo(page, 'Toestemming op papier vastleggen');
    await page.keyboard.press('Enter');
    await page.getByText(/De bewoner gaf toestemming op/).waitFor();
    await typeInto(page, 'Leefsituatie', 'Alleenstaand');
    await typeInto(page, 'Leeftijd van de bewoner', '21');
    await tabTo(page, 'Huishouden opslaan');
    await page.keyboard.press('Enter');
    await page.getByText('Opgeslagen.', { exact: true }).waitFor();
    await tabTo(page, 'Verder naar fase B');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: 'Fase B. Inzicht' }).waitFor();
    await typeInto(page, 'Schuldeiser', 'Energie Oost');
    await typeInto(page, 'Soort schuldeiser', 'Energie');
    await typeInto(page, 'Saldo (wat de schuldeiser nu vraagt)', '1.234,56');
    // Day and month alike: Chromium orders the date segments by its own locale, not the page's.
    await typeInto(page, 'Datum van dit saldo', '11112026');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Schulden (1)' }).waitFor();
    await focusReturnsTo(page, 'Schuldeiser');
    await typeInto(page, 'Soort inkomen', 'Loon');
    await typeInto(page, 'Bedrag', '1.500,00');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Inkomsten (1)' }).waitFor();
    await focusReturnsTo(page, 'Soort inkomen');
    // The income form's "Bedrag" comes first; the expense form's is the next one down.
    await tabTo(page, 'Soort uitgave');
    await typeInto(page, 'Bedrag', '750,00');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Uitgaven (1)' }).waitFor();
    await focusReturnsTo(page, 'Soort uitgave');
    await tabTo(page, 'De bewoner heeft het overzicht op papier bevestigd');
    await page.keyboard.press('Enter');
    await page.getByText(/Het overzicht is bevestigd op/).waitFor();
    await tabTo(page, 'Verder naar fase C');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: 'Fase C. Samen aanpakken' }).waitFor();
    await typeInto(page, 'Wat moet er gebeuren?', 'Brief aan de energieleverancier');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Afspraken en acties (1)' }).waitFor();
    await focusReturnsTo(page, 'Wat moet er gebeuren?');
    await typeInto(page, 'Reden van afsluiten', 'Verhuisd');
    await tabTo(page, /^Na afsluiten kunt u/);
    await page.keyboard.press('Space');
    await tabTo(page, 'Dossier afsluiten');
    await page.keyboard.press('Enter');
    await page.getByText(/Dit dossier is afgesloten/).waitFor();
    await checkScreen(page, 'keyboard-closed');

    const token = (await signIn(e.app, e.maatje)).accessToken;
    const stored = (await e.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}`, headers: bearer(token) })).json() as {
      phase: string; exitReason: string; household: { leefsituatie: string }; debts: Array<{ balanceCents: number; balanceDate: string; creditorType: string }>;
      incomes: Array<{ amountCents: number }>; expenses: Array<{ amountCents: number }>;
    };
    expect([stored.phase, stored.exitReason, stored.household.leefsituatie]).toEqual(['closed', 'verhuisd', 'alleenstaand']);
    expect(stored.debts.map((d) => [d.balanceCents, d.balanceDate, d.creditorType])).toEqual([[123456, '2026-11-11', 'energie']]);
    expect([stored.incomes[0]?.amountCents, stored.expenses[0]?.amountCents]).toEqual([150000, 75000]);
    await context.close();
  });
});
