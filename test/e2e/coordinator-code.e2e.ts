// A maatje lost the password: the coordinator asks for a new code on the Maatjes page, after a
// question first. Nothing is filed without the answer, the request waits for an admin, and a
// second request for the same maatje is refused in plain Dutch.
import { describe, expect, it } from 'vitest';
import { checkScreen, expectCardsOnPhone, newPage, useE2e } from './support/harness.js';
import { call, seedNamed, signInWith, tokenOf } from './support/roles.js';

const e = useE2e();
const JOURNEY_TIMEOUT_MS = 900_000;

describe('a new code for a maatje', () => {
  it('is asked for by the coordinator after confirming, waits for an admin, and cannot be asked twice', async () => {
    const coordinator = await seedNamed(e, 'coordinator', 'Jeroen Vos', { locationId: e.locationId });
    const maatje = await seedNamed(e, 'maatje', 'Karin Jansen', { locationId: e.locationId });
    const admin = await seedNamed(e, 'admin', 'Beheer Schoon Schip');
    const adminToken = await tokenOf(e.app, admin);
    const openRequests = async () => (await call(e.app, adminToken, 'GET', '/credential-resets?limit=200')).json().items as { userId: string; requestedBy: string }[];

    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, coordinator, 'Dossiers van mijn locatie');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Maatjes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maatjes van mijn locatie' }).waitFor();
    await checkScreen(page, 'coordinator-maatjes-code');
    await expectCardsOnPhone(page, 'Maatjes van mijn locatie');

    // Nothing is filed without the question answered.
    await page.getByRole('button', { name: 'Nieuwe code aanvragen voor Karin Jansen' }).filter({ visible: true }).click();
    const question = page.getByRole('region', { name: 'Nieuwe code voor Karin Jansen' });
    await question.getByText('Een beheerder moet dit goedkeuren. Die geeft de nieuwe code aan het maatje.').waitFor();
    // Focus moves in an effect after the question is painted: wait for it, do not read it at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('staff-code-heading');
    await checkScreen(page, 'coordinator-maatjes-code-question');
    await question.getByRole('button', { name: 'Niet doen' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await openRequests()).toEqual([]);

    await page.getByRole('button', { name: 'Nieuwe code aanvragen voor Karin Jansen' }).filter({ visible: true }).click();
    await question.getByRole('button', { name: 'Ja, vraag een nieuwe code aan' }).click();
    await question.getByText('De nieuwe code voor Karin Jansen is aangevraagd. Een beheerder moet de aanvraag nog goedkeuren.').waitFor();
    await checkScreen(page, 'coordinator-maatjes-code-filed');
    expect(await openRequests()).toMatchObject([{ userId: maatje.id, requestedBy: coordinator.id }]);
    await question.getByRole('button', { name: 'Sluiten' }).click();
    await question.waitFor({ state: 'detached' });

    // One open request per account: the second is refused in words, and nothing more is filed.
    await page.getByRole('button', { name: 'Nieuwe code aanvragen voor Karin Jansen' }).filter({ visible: true }).click();
    await question.getByRole('button', { name: 'Ja, vraag een nieuwe code aan' }).click();
    await question.getByRole('alert').getByText('Er is al een nieuwe code aangevraagd. Een beheerder moet die aanvraag nog goedkeuren.').waitFor();
    await checkScreen(page, 'coordinator-maatjes-code-twice');
    expect(await openRequests()).toHaveLength(1);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});
