// The paperwork on the maatje's dossier page (issue 16): a saldo-opgave for two debts as one PDF,
// what was sent and when the creditor confirmed the balance, and in phase C the handover with the
// resident's consent (recorded from paper) and the overdrachtsdossier as a PDF.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkScreen, newPage, useE2e } from './support/harness.js';
import { buildDossier, call, signInWith, tokenOf } from './support/roles.js';

const e = useE2e();
const JOURNEY_TIMEOUT_MS = 900_000;

describe('letters to creditors and the handover', () => {
  it('makes a saldo-opgave for two debts, records a confirmed balance, and hands the dossier over with consent', async () => {
    const token = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, token, 'Sanne Bakker');
    await e.app.db.updateTable('dossiers').set({ phase: 'B' }).where('id', '=', dossier.id).execute();

    const { context, page } = await newPage(e, 1280);
    await signInWith(page, e.baseUrl, e.maatje, 'Mijn dossiers');
    await page.goto(`${e.baseUrl}/dossiers/${dossier.id}/b`);
    const letters = page.getByRole('region', { name: 'Brieven aan schuldeisers' });
    await letters.getByText('Er zijn nog geen brieven gemaakt.').waitFor();
    // In phase B only the two requests are offered; proposals wait for phase C.
    expect(await letters.getByRole('radio').count()).toBe(2);

    // Nothing ticked: the form says what is missing instead of asking the server.
    await letters.getByRole('button', { name: 'Brieven maken' }).click();
    await letters.getByText('Kies welke brief u wilt maken.').waitFor();
    await letters.getByText('Kies minstens één schuld.').waitFor();
    await checkScreen(page, 'letters-form-errors');

    await letters.getByLabel('Vraag om een overzicht van de schuld (saldo-opgave)').check();
    await letters.getByLabel(/^Vattenfall/).check();
    await letters.getByLabel(/^Belastingdienst/).check();
    await letters.getByRole('button', { name: 'Brieven maken' }).click();
    await letters.getByText('De 2 brieven zijn gemaakt.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), letters.getByRole('button', { name: 'Brieven downloaden (PDF)' }).click()]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await letters.getByText('De PDF is gedownload.').waitFor();

    const stored = (await call(e.app, token, 'GET', `/dossiers/${dossier.id}/letters`)).json().items as { kind: string; creditorName: string; batchId: string }[];
    expect(stored.map((letter) => letter.creditorName).sort()).toEqual(['Belastingdienst', 'Vattenfall']);
    expect(new Set(stored.map((letter) => letter.kind))).toEqual(new Set(['saldo_opgave']));
    expect(new Set(stored.map((letter) => letter.batchId)).size).toBe(1);

    // Vattenfall: sent, answered, and the balance confirmed in writing.
    const vattenfall = letters.getByRole('region', { name: /^Vattenfall/ });
    await vattenfall.getByText('Nog niet verstuurd.').waitFor();
    // Sent and answered on the day the letters were made, so the page's dates run in order.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    const todayText = new Date().toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
    await vattenfall.getByLabel('Verstuurd op').fill(today);
    await vattenfall.getByLabel('Antwoord ontvangen op').fill(today);
    await vattenfall.getByRole('button', { name: 'Saldo-opgave aan Vattenfall opslaan' }).click();
    await vattenfall.getByText(`Verstuurd op ${todayText}. Antwoord ontvangen op ${todayText}.`).waitFor();
    await vattenfall.getByLabel('Saldo bevestigd op').fill(today);
    await vattenfall.getByRole('button', { name: 'Saldo van Vattenfall opslaan' }).click();
    await vattenfall.getByText(`Saldo bevestigd op ${todayText}.`).waitFor();
    const debts = (await call(e.app, token, 'GET', `/dossiers/${dossier.id}`)).json().debts as { creditorName: string; balanceConfirmedOn: string | null }[];
    expect(debts.find((debt) => debt.creditorName === 'Vattenfall')?.balanceConfirmedOn).toBe(today);
    expect(debts.find((debt) => debt.creditorName === 'Belastingdienst')?.balanceConfirmedOn).toBeNull();
    await letters.getByRole('region', { name: /^Belastingdienst/ }).getByText('Het saldo is nog niet bevestigd.').waitFor();
    await checkScreen(page, 'letters-tracking');

    // Phase C: the handover needs the referral, then the resident's consent for that organisation.
    await e.app.db.updateTable('dossiers').set({ phase: 'C' }).where('id', '=', dossier.id).execute();
    // A disputed debt stays outside a settlement: the refused proposal names it, in words.
    const disputed = (await call(e.app, token, 'GET', `/dossiers/${dossier.id}`)).json().debts.find((debt: { creditorName: string }) => debt.creditorName === 'Belastingdienst') as { id: string; version: number };
    const patched = await call(e.app, token, 'PATCH', `/dossiers/${dossier.id}/debts/${disputed.id}`, { status: 'betwist' }, { 'if-match': `"${disputed.version}"` });
    expect(patched.statusCode, patched.body).toBe(200);
    await page.goto(`${e.baseUrl}/dossiers/${dossier.id}/c`);
    const handover = page.getByRole('region', { name: 'Overdracht aan de schuldhulp' });
    await handover.getByText('Vul eerst de doorverwijzing hierboven in.').waitFor();
    const lettersC = page.getByRole('region', { name: 'Brieven aan schuldeisers' });
    expect(await lettersC.getByRole('radio').count()).toBe(4);
    await lettersC.getByLabel('Voorstel voor een schikking: een deel betalen, de rest kwijtschelden').check();
    await lettersC.getByRole('checkbox', { name: /^Vattenfall/ }).check();
    await lettersC.getByRole('checkbox', { name: /^Belastingdienst/ }).check();
    await lettersC.getByRole('button', { name: 'Brieven maken' }).click();
    const refusal = lettersC.getByRole('alert');
    await refusal.getByText('Voor een of meer schulden kan geen voorstel worden gemaakt:').waitFor();
    expect(await refusal.getByRole('listitem').allTextContents()).toEqual(['Belastingdienst: deze schuld valt buiten de regeling (betaald, kwijtgescholden, betwist of niet mee te nemen)']);
    expect((await call(e.app, token, 'GET', `/dossiers/${dossier.id}/letters`)).json().items).toHaveLength(2);
    await checkScreen(page, 'letters-proposal-refused');
    const referral = await call(e.app, token, 'PUT', `/dossiers/${dossier.id}/referral`, { route: 'kredietbank', organisation: 'Kredietbank Utrecht', status: 'aangemeld', referredAt: '2026-11-30' });
    expect(referral.statusCode, referral.body).toBe(201);
    await page.reload();
    await handover.getByText('Mag Schoon Schip het dossier delen met Kredietbank Utrecht?').waitFor();
    await handover.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await handover.getByText('Laat de bewoner eerst op papier tekenen.').waitFor();
    await handover.getByLabel('De bewoner heeft de toestemming op papier getekend').check();
    await handover.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await handover.getByText('De toestemming is vastgelegd.').waitFor();
    await handover.getByText(/De bewoner gaf op .* toestemming om het dossier te delen met Kredietbank Utrecht\. Het eigen verhaal van de bewoner gaat niet mee\./).waitFor();
    const [handoverPdf] = await Promise.all([page.waitForEvent('download'), handover.getByRole('button', { name: 'Overdrachtsdossier downloaden (PDF)' }).click()]);
    expect((await readFile(await handoverPdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await handover.getByText('Het overdrachtsdossier is gedownload.').waitFor();
    await checkScreen(page, 'handover');

    await handover.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await handover.getByText('Heeft de bewoner op papier getekend dat het dossier niet meer gedeeld mag worden?').waitFor();
    await handover.getByRole('button', { name: 'Ja, de bewoner heeft getekend' }).click();
    await handover.getByText('De toestemming is ingetrokken.').waitFor();
    expect((await call(e.app, token, 'GET', `/dossiers/${dossier.id}/handover.pdf`)).json().code).toBe('handover_consent_required');
    await context.close();
  }, JOURNEY_TIMEOUT_MS);
});
