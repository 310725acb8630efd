// The handover to formal debt help, with the resident's own consent (issue 16): on "Mijn
// toestemming" the resident reads what is shared with the organisation of the referral, chooses to
// let the story go along and agrees; the maatje then downloads the overdrachtsdossier as JSON for
// the intake and as a PDF; withdrawing (the consequence said first) stops both downloads, and while
// the main consent is withdrawn the page asks for that first.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkScreen, newPage, useE2e } from './support/harness.js';
import { buildDossier, call, signInWith, tokenOf } from './support/roles.js';

const e = useE2e();
const JOURNEY_TIMEOUT_MS = 900_000;
const STORY = 'Na de scheiding kon ik de huur niet meer betalen.';

describe('the handover with the resident\'s own consent', () => {
  it('the resident agrees on their page, the maatje downloads the JSON and the PDF, the resident withdraws', async () => {
    const maatjeToken = await tokenOf(e.app, e.maatje);
    const dossier = await buildDossier(e.app, maatjeToken, 'Noor de Vries');
    const resident = { username: 'noor.devries', password: 'Dijkweg-Lantaarn-41' };
    const activated = await e.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { code: dossier.code, ...resident } });
    expect(activated.statusCode, activated.body).toBe(200);
    const story = await call(e.app, maatjeToken, 'PUT', `/dossiers/${dossier.id}/story`, { text: STORY, lifeEvents: ['scheiding'] });
    expect(story.statusCode, story.body).toBe(201);
    await e.app.db.updateTable('dossiers').set({ phase: 'C' }).where('id', '=', dossier.id).execute();
    const referral = await call(e.app, maatjeToken, 'PUT', `/dossiers/${dossier.id}/referral`, { route: 'gemeentelijke_schuldhulpverlening', organisation: 'Schuldhulp Gemeente Utrecht', status: 'aangemeld', referredAt: '2026-11-30' });
    expect(referral.statusCode, referral.body).toBe(201);

    // The resident, on a phone: what goes, to whom, the story only by choice; then agrees.
    const phone = await newPage(e, 390);
    await signInWith(phone.page, e.baseUrl, resident, 'Mijn overzicht');
    await phone.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toestemming' }).click();
    const share = phone.page.getByRole('region', { name: 'Uw dossier delen met de schuldhulp' });
    await share.getByText('Uw maatje heeft u aangemeld bij Schuldhulp Gemeente Utrecht.').waitFor();
    await share.getByText('Wij delen dit alleen met Schuldhulp Gemeente Utrecht. Met niemand anders.').waitFor();
    await share.getByText('U hebt nog geen toestemming gegeven om uw dossier te delen.').waitFor();
    expect(await share.getByRole('listitem').count()).toBe(6);
    await checkScreen(phone.page, 'resident-handover');
    await share.getByLabel('Mijn eigen verhaal mag ook mee').check();
    await share.getByRole('button', { name: 'Ja, ik geef toestemming om te delen' }).click();
    await share.getByText('Dank u. Uw toestemming om te delen is bewaard.').waitFor();
    await share.getByText(/U gaf op .* toestemming om uw dossier te delen met Schuldhulp Gemeente Utrecht\./).waitFor();
    await share.getByText('Uw eigen verhaal gaat mee.').waitFor();
    // The consequence of withdrawing is on screen before its button.
    await share.getByText('Als u deze toestemming intrekt, kan uw maatje uw dossier niet meer aan Schuldhulp Gemeente Utrecht geven.').waitFor();
    await checkScreen(phone.page, 'resident-handover-given');
    const residentToken = await tokenOf(e.app, resident);
    const consent = (await call(e.app, residentToken, 'GET', `/dossiers/${dossier.id}/handover-consent`)).json();
    expect(consent).toMatchObject({ organisation: 'Schuldhulp Gemeente Utrecht', includeStory: true, recordedOnPaper: false, withdrawnAt: null });

    // The maatje sees the resident's consent and downloads both forms of the overdrachtsdossier.
    const laptop = await newPage(e, 1280);
    await signInWith(laptop.page, e.baseUrl, e.maatje, 'Mijn dossiers');
    await laptop.page.goto(`${e.baseUrl}/dossiers/${dossier.id}/c`);
    const handover = laptop.page.getByRole('region', { name: 'Overdracht aan de schuldhulp' });
    await handover.getByText(/De bewoner gaf op .* toestemming om het dossier te delen met Schuldhulp Gemeente Utrecht\. Het eigen verhaal van de bewoner gaat mee\. De bewoner gaf deze toestemming zelf, in het eigen account\./).waitFor();
    await handover.getByText('Het bestand is voor het computersysteem van de organisatie').waitFor();
    const [json] = await Promise.all([laptop.page.waitForEvent('download'), handover.getByRole('button', { name: 'Overdrachtsdossier als bestand voor de intake (JSON)' }).click()]);
    expect(json.suggestedFilename()).toBe('overdrachtsdossier.json');
    const document = JSON.parse(await readFile(await json.path(), 'utf8')) as {
      sharedWith: string; resident: { displayName: string }; debts: { creditorName: string; balanceCents: number }[]; story: { text: string } | null;
    };
    expect(document.sharedWith).toBe('Schuldhulp Gemeente Utrecht');
    expect(document.resident.displayName).toBe('Noor de Vries');
    expect(document.debts.map((debt) => [debt.creditorName, debt.balanceCents])).toEqual([['Eigen Haard', 245_000], ['Vattenfall', 87_345], ['Belastingdienst', 41_200]]);
    expect(document.story?.text).toBe(STORY);
    await handover.getByText('Het bestand voor de intake is gedownload.').waitFor();
    const [pdf] = await Promise.all([laptop.page.waitForEvent('download'), handover.getByRole('button', { name: 'Overdrachtsdossier downloaden (PDF)' }).click()]);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await handover.getByText('Het overdrachtsdossier is gedownload.').waitFor();
    await checkScreen(laptop.page, 'handover-json');
    // Both downloads are in the resident's access log.
    const log = (await call(e.app, residentToken, 'GET', `/dossiers/${dossier.id}/access-log?limit=50`)).json().items as { description: string }[];
    expect(log.some((item) => item.description.includes('overdrachtsdossier gedownload voor de organisatie'))).toBe(true);
    expect(log.some((item) => item.description.includes('overdrachtsdossier als PDF gedownload'))).toBe(true);

    // The resident withdraws, after one more question; the maatje can no longer download.
    await share.getByRole('button', { name: 'Toestemming om te delen intrekken' }).click();
    await share.getByText('Weet u het zeker? Dan delen wij niets meer met Schuldhulp Gemeente Utrecht.').waitFor();
    await share.getByRole('button', { name: 'Ja, niet meer delen' }).click();
    await share.getByText('Uw toestemming om te delen is ingetrokken.').waitFor();
    await share.getByRole('button', { name: 'Ja, ik geef toestemming om te delen' }).waitFor();
    const refused = await call(e.app, maatjeToken, 'GET', `/dossiers/${dossier.id}/handover`);
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'handover_consent_required']);

    // With the main consent withdrawn the dossier is frozen: the page asks for that consent first.
    await phone.page.getByRole('button', { name: 'Toestemming intrekken', exact: true }).click();
    await phone.page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await phone.page.getByText('Uw toestemming is ingetrokken.').waitFor();
    await share.getByText('Geef eerst die toestemming weer.', { exact: false }).waitFor();
    expect(await share.getByRole('button', { name: 'Ja, ik geef toestemming om te delen' }).count()).toBe(0);
    await phone.page.getByRole('button', { name: 'Toestemming geven' }).click();
    await phone.page.getByText('Dank u. Uw toestemming is bewaard.').waitFor();
    await share.getByRole('button', { name: 'Ja, ik geef toestemming om te delen' }).waitFor();
    await phone.context.close();
    await laptop.context.close();
  }, JOURNEY_TIMEOUT_MS);
});
