// Helpers for the role journeys: staff with readable names, API calls as a given user (to build
// a dossier the way a maatje would and to compare the screens with the API), and role sign-in.
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Role } from '../../../src/lib/vocabulary.js';
import { amsterdamDate } from '../../../src/lib/dates.js';
import { sealDisplayName } from '../../../src/lib/display-name.js';
import { seedUser, type SeededUser } from '../../support/identity.js';
import type { E2e } from './harness.js';

export interface NamedUser extends SeededUser {
  displayName: string;
}

let counter = 0;

export async function seedNamed(e: E2e, role: Role, displayName: string, options: { locationId?: string; trained?: boolean } = {}): Promise<NamedUser> {
  const user = await seedUser(e.app.db, {
    role, locationId: options.locationId ?? null, trained: options.trained ?? role === 'maatje',
    username: `${role}-${Date.now().toString(36)}-${counter++}`, password: 'Zeilboot-Oranje-2026',
  });
  await renameUser(e.app, user.id, displayName);
  return { ...user, displayName };
}

export async function renameUser(app: FastifyInstance, userId: string, displayName: string) {
  await app.db.updateTable('users').set({ displayNameEncrypted: sealDisplayName(app.cipher, userId, displayName) })
    .where('id', '=', userId).execute();
}

export async function tokenOf(app: FastifyInstance, user: { username: string; password: string }): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().accessToken as string;
}

export async function call(app: FastifyInstance, token: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}`, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

async function ok(response: Awaited<ReturnType<typeof call>>, status = [200, 201, 204]) {
  expect(status, response.body).toContain(response.statusCode);
  return response.statusCode === 204 ? undefined : response.json();
}

/**
 * A dossier as a maatje builds it beside the resident: consent on paper, household, 3 debts (one
 * with an eviction notice), 2 incomes, 3 expenses, 3 actions. Returns the id and the slip's code.
 */
export async function buildDossier(app: FastifyInstance, maatjeToken: string, residentName: string) {
  const created = await ok(await call(app, maatjeToken, 'POST', '/dossiers', { resident: { displayName: residentName, ageBand: '21_tot_aow' } }));
  const id = created.dossier.id as string;
  await ok(await call(app, maatjeToken, 'PUT', `/dossiers/${id}/consent`, { textVersion: 'v1', statisticsOptIn: true, recordedOnPaper: true }));
  const dossier = await ok(await call(app, maatjeToken, 'GET', `/dossiers/${id}`));
  await ok(await call(app, maatjeToken, 'PATCH', `/dossiers/${id}`, { household: { leefsituatie: 'alleenstaand', ageBand: '21_tot_aow' } }, { 'if-match': `"${dossier.version}"` }));
  const debts = [
    { creditorName: 'Eigen Haard', creditorType: 'verhuurder', balanceCents: 245_000, balanceDate: '2026-11-20', status: 'ontruiming_of_afsluiting_aangezegd' },
    { creditorName: 'Vattenfall', creditorType: 'energie', collectorName: 'Flanderijn', balanceCents: 87_345, balanceDate: '2026-11-02', status: 'deurwaarder', principalCents: 70_000, collectionCostsCents: 10_500 },
    { creditorName: 'Belastingdienst', creditorType: 'belastingdienst', balanceCents: 41_200, balanceDate: '2026-10-15', status: 'aanmaning', rank: 'preferent' },
  ];
  for (const debt of debts) await ok(await call(app, maatjeToken, 'POST', `/dossiers/${id}/debts`, debt));
  for (const income of [{ kind: 'uitkering_participatiewet', amountCents: 131_200, frequency: 'month' }, { kind: 'zorgtoeslag', amountCents: 12_300, frequency: 'month' }]) {
    await ok(await call(app, maatjeToken, 'POST', `/dossiers/${id}/incomes`, income));
  }
  for (const expense of [
    { group: 'vaste_lasten', category: 'huur', amountCents: 72_500, frequency: 'month' },
    { group: 'vaste_lasten', category: 'energie', amountCents: 9_800, frequency: 'month' },
    { group: 'huishoudelijke_uitgaven', category: 'voeding', amountCents: 6_250, frequency: 'week' },
  ]) await ok(await call(app, maatjeToken, 'POST', `/dossiers/${id}/expenses`, expense));
  // Dates as the server counts them (overdue is decided in Amsterdam): between midnight and 01:00
  // or 02:00 there the UTC date is still yesterday, which would make "today's" action overdue.
  const inDays = (days: number) => amsterdamDate(new Date(Date.now() + days * 86_400_000));
  const today = inDays(0);
  for (const action of [
    { title: 'Bel Eigen Haard over een betalingsregeling', owner: 'maatje', dueDate: inDays(2) },
    { title: 'Zoek de brief van de deurwaarder op', owner: 'resident', dueDate: today },
    { title: 'Vraag bijzondere bijstand aan', owner: 'resident', dueDate: inDays(30) },
  ]) await ok(await call(app, maatjeToken, 'POST', `/dossiers/${id}/actions`, action));
  return { id, code: created.residentActivationCode as string, residentId: created.dossier.resident.id as string };
}

/** Signs in through the form and waits for the role's first screen. */
export async function signInWith(page: Page, baseUrl: string, user: { username: string; password: string }, heading: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Gebruikersnaam').fill(user.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
