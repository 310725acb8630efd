// The admin adds a questionnaire version in a real browser against a real server: mistakes at
// their own field, a confirmation of what will be stored, the new version in the list with its
// questions, and the same version a second time refused in plain Dutch (the API's 409).
import { describe, expect, it } from 'vitest';
import { checkScreen, newPage, useE2e } from './support/harness.js';
import { call, seedNamed, signInWith, tokenOf } from './support/roles.js';

const e = useE2e();
const JOURNEY_TIMEOUT_MS = 600_000;

describe('the admin\'s questionnaires', () => {
  it('adds a version with two questions after a confirmation, and a duplicate version is refused in words', async () => {
    const admin = await seedNamed(e, 'admin', 'Beheer Schoon Schip');
    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, admin, 'Accounts');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vragenlijsten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vragenlijsten' }).waitFor();
    await page.getByText('kunt u daarna nooit meer veranderen').waitFor();

    const form = page.getByRole('region', { name: 'Nieuwe versie van een vragenlijst toevoegen' });
    await form.getByLabel('Versie').fill('versie 1');
    const first = form.getByRole('group', { name: 'Vraag 1' });
    await first.getByLabel('Code').fill('Stress');
    await first.getByLabel('Laagste score').fill('4');
    await first.getByLabel('Hoogste score').fill('0');
    await form.getByRole('button', { name: 'Controleren' }).click();
    await form.getByText('Vul de naam in.').waitFor();
    await form.getByText('Vul een versie in van hoogstens 40 tekens, zonder spaties.').waitFor();
    await first.getByText('De hoogste score moet hoger zijn dan de laagste score.').waitFor();
    await expect.poll(() => first.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'admin-instrument-errors');

    await form.getByLabel('Naam van de vragenlijst').fill('Vragenlijst financiële stress');
    await form.getByLabel('Versie').fill('2027-1');
    await first.getByLabel('Code').fill('stress_geld');
    await first.getByLabel('Tekst van de vraag').fill('Hoeveel stress geeft geld u op dit moment?');
    await first.getByLabel('Laagste score').fill('0');
    await first.getByLabel('Hoogste score').fill('4');
    // A third row added by mistake and taken away again: two questions remain.
    for (const n of [2, 3]) {
      await form.getByRole('button', { name: 'Vraag toevoegen' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^question-\d+-code$/);
      await form.getByRole('group', { name: `Vraag ${n}` }).getByLabel('Code').fill(n === 2 ? 'rust' : 'weg');
    }
    await form.getByRole('button', { name: 'Vraag 3 weghalen' }).click();
    await form.getByRole('group', { name: 'Vraag 3' }).waitFor({ state: 'detached' });
    const second = form.getByRole('group', { name: 'Vraag 2' });
    await second.getByLabel('Tekst van de vraag').fill('Hoe rustig slaapt u?');
    await second.getByLabel('Laagste score').fill('1');
    await second.getByLabel('Hoogste score').fill('5');
    await form.getByRole('button', { name: 'Controleren' }).click();

    const confirm = page.getByRole('region', { name: 'Klopt dit?' });
    await confirm.getByText('Daarna kunt u niets meer veranderen.').waitFor();
    await confirm.getByText('Hoe rustig slaapt u?').first().waitFor();
    await checkScreen(page, 'admin-instrument-confirm');
    await confirm.getByRole('button', { name: 'Ja, deze versie opslaan' }).click();
    await page.getByText('Vragenlijst financiële stress, versie 2027-1, is opgeslagen.').waitFor();
    const listed = page.getByRole('region', { name: 'Vragenlijst financiële stress (Versie 2027-1)' });
    await listed.getByText('Hoeveel stress geeft geld u op dit moment? (0 tot en met 4)').waitFor();
    await listed.getByText('Hoe rustig slaapt u? (1 tot en met 5)').waitFor();
    await checkScreen(page, 'admin-instrument-saved');
    const token = await tokenOf(e.app, admin);
    const stored = (await call(e.app, token, 'GET', '/instruments')).json().items as { version: string; items: unknown[] }[];
    expect(stored.find((instrument) => instrument.version === '2027-1')?.items).toEqual([
      { code: 'stress_geld', label: 'Hoeveel stress geeft geld u op dit moment?', minScore: 0, maxScore: 4 },
      { code: 'rust', label: 'Hoe rustig slaapt u?', minScore: 1, maxScore: 5 },
    ]);

    // The same version again: the API answers 409, the screen says what to do, the form keeps what was typed.
    await form.getByLabel('Naam van de vragenlijst').fill('Vragenlijst financiële stress');
    await form.getByLabel('Versie').fill('2027-1');
    await form.getByRole('group', { name: 'Vraag 1' }).getByLabel('Code').fill('stress_geld');
    await form.getByRole('group', { name: 'Vraag 1' }).getByLabel('Laagste score').fill('0');
    await form.getByRole('group', { name: 'Vraag 1' }).getByLabel('Hoogste score').fill('10');
    await form.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('button', { name: 'Ja, deze versie opslaan' }).click();
    await page.getByRole('alert').getByText('Deze versie bestaat al.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('instrument-version');
    expect(await form.getByLabel('Versie').inputValue()).toBe('2027-1');
    await checkScreen(page, 'admin-instrument-conflict');
    const after = (await call(e.app, token, 'GET', '/instruments')).json().items as { version: string; items: { maxScore: number }[] }[];
    expect(after.filter((instrument) => instrument.version === '2027-1').map((instrument) => instrument.items[0]?.maxScore)).toEqual([4]);
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});
