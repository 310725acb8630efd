// One real server (the built web app plus the API, on this file's own test database, on a free
// loopback port) and one Chromium per e2e file. Screens are checked by axe at phone and laptop
// width and photographed into test-results/e2e/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { testConfig } from '../../support/app.js';
import { useTestDb } from '../../support/db.js';
import { seedLocation, seedUser, type SeededUser } from '../../support/identity.js';
import { LogCapture } from '../../support/log-capture.js';

export const SCREENSHOT_DIR = 'test-results/e2e';
export const WIDTHS = [390, 1280] as const;

export interface E2e {
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  maatje: SeededUser;
  locationId: string;
  logs: LogCapture;
}

/** `now`: the server's clock, for a file that moves it (an access token that runs out). */
export function useE2e(options: { now?: () => Date } = {}): E2e {
  const t = useTestDb();
  const ctx = {} as E2e;
  beforeAll(async () => {
    ctx.logs = new LogCapture();
    ctx.app = await buildApp(testConfig({ webDir: 'web/dist', logLevel: 'info' }), { db: t.db, logDestination: ctx.logs, ...(options.now ? { now: options.now } : {}) });
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    ctx.baseUrl = `http://127.0.0.1:${address.port}`;
    ctx.locationId = await seedLocation(t.db);
    ctx.maatje = await seedUser(t.db, { role: 'maatje', locationId: ctx.locationId, trained: true, username: `maatje-${Date.now()}`, password: 'Zeilboot-Oranje-2026' });
    ctx.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.close();
    ctx.logs?.assertNoMarker();
  });
  return ctx;
}

export async function newPage(e: E2e, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e.browser.newContext({ viewport: { width, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
  // Every wait in these files is for a state (a heading, a text, a download), so a longer limit
  // costs a passing run nothing; Playwright's 30 s is tight for a PDF rendered at low priority on a
  // loaded 2-core machine.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  (page as Page & { cspViolations?: string[] }).cspViolations = cspViolations;
  return { context, page };
}

/**
 * axe (WCAG 2.1 A and AA) at 390 and 1280 px (or the given widths), with a full-page screenshot at each; restores the
 * page's width afterwards. Fails with the rule ids and the first offending elements.
 */
export async function checkScreen(page: Page, name: string, widths: readonly number[] = WIDTHS): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    // The page itself at the new width, not a guess of how long a resize takes.
    await page.waitForFunction((w) => window.innerWidth === w, width);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(found, `axe on ${name} at ${width}px`).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(original);
  const violations = (page as Page & { cspViolations?: string[] }).cspViolations ?? [];
  expect(violations, 'CSP violations').toEqual([]);
}

export async function signInAs(page: Page, baseUrl: string, user: { username: string; password: string }) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Gebruikersnaam').fill(user.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor();
}

/**
 * What scrolls sideways at the page's current width: the page itself, or a visible table region.
 * Empty on a screen that fits.
 */
export async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const region of document.querySelectorAll<HTMLElement>('.ss-table-scroll')) {
      if (region.offsetParent !== null && region.scrollWidth > region.clientWidth + 1) {
        found.push(`${region.getAttribute('aria-label') ?? 'table'} ${region.scrollWidth} > ${region.clientWidth}`);
      }
    }
    return found;
  });
}

/** At 390 px: nothing scrolls sideways, and the rows are cards in the named list. */
export async function expectCardsOnPhone(page: Page, listName: string): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 390, height: 900 });
  await page.getByRole('list', { name: listName }).waitFor();
  expect(await sidewaysScrollers(page)).toEqual([]);
  expect(await page.getByRole('table').count()).toBe(0);
  await page.setViewportSize(original);
}
