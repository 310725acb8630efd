// The paperwork of phases B and C (issue 16): letters to creditors, their tracking and follow-up,
// the confirmed balance, and the handover package with the resident's consent to share.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEuro } from '../../src/lib/money-format.js';
import { runHousekeeping } from '../../src/modules/housekeeping/housekeeping.service.js';
import { followUpUnansweredLetters } from '../../src/modules/paperwork/letter.service.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { asExtracted, pdfText, squash } from '../support/pdf-text.js';

const t = useTestDb();
const h = useTestApp(t);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (user: TestUser, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(user), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
const euro = (cents: number) => asExtracted(formatEuro(cents));

const STORY = 'CANARY-PAPERWORK-story: ik raakte mijn baan kwijt';

let resident: TestUser;
let maatje: TestUser;
let admin: TestUser;
let dossierId: string;
const debt = { essent: '', belasting: '', vriend: '' };

async function createDebt(body: Record<string, unknown>): Promise<string> {
  const res = await call(maatje, 'POST', `/dossiers/${dossierId}/debts`, body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function etagOf(url: string, user = maatje) {
  return (await call(user, 'GET', url)).headers.etag as string;
}

beforeAll(async () => {
  const location = (await createLocation(t.db)).id;
  resident = await createUser(h.app, { role: 'resident', locationId: location });
  maatje = await createUser(h.app, { role: 'maatje', locationId: location });
  admin = await createUser(h.app, { role: 'admin' });
  dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
  debt.essent = await createDebt({
    creditorName: 'Essent', creditorType: 'energie', collectorName: 'Flanderijn', reference: 'ESS-2024-77881',
    balanceCents: 123_456, balanceDate: '2025-01-15', status: 'incasso',
  });
  debt.belasting = await createDebt({
    creditorName: 'Belastingdienst', creditorType: 'belastingdienst', rank: 'preferent', reference: 'BD-991',
    balanceCents: 60_000, balanceDate: '2026-11-01', status: 'aanmaning',
  });
  debt.vriend = await createDebt({ creditorName: 'Zorgverzekeraar Zuid', creditorType: 'zorgverzekeraar', balanceCents: 20_000, balanceDate: '2026-11-01', status: 'open' });
  await call(resident, 'POST', `/dossiers/${dossierId}/incomes`, { kind: 'loon', amountCents: 150_000, frequency: 'month' });
  await call(resident, 'PUT', `/dossiers/${dossierId}/story`, { text: STORY, lifeEvents: ['baanverlies'] });
  await call(maatje, 'PATCH', `/dossiers/${dossierId}`, { vtlbOfficial: { amountCents: 120_000, source: 'Kredietbank', date: '2026-11-02' } },
    { 'if-match': await etagOf(`/dossiers/${dossierId}`) });
});

async function makeLetters(kind: string, debtIds: string[], extra: Record<string, unknown> = {}) {
  return call(maatje, 'POST', `/dossiers/${dossierId}/letters`, { kind, debtIds, ...extra });
}

async function lettersPdf(batchId: string, user = maatje) {
  const res = await call(user, 'GET', `/dossiers/${dossierId}/letter-batches/${batchId}/pdf`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return pdfText(res.rawPayload);
}

describe('letters in phase B', () => {
  it('makes a saldo-opgave per debt, signed by the resident, naming creditor, collector, reference and balance', async () => {
    const res = await makeLetters('saldo_opgave', [debt.essent, debt.belasting]);
    expect(res.statusCode).toBe(201);
    const batch = res.json();
    expect(batch.items).toHaveLength(2);
    expect(batch.items.every((l: { templateVersion: number; batchId: string }) => l.templateVersion === 1 && l.batchId === batch.batchId)).toBe(true);

    const pdf = await lettersPdf(batch.batchId, resident);
    expect(pdf.total).toBe(2);
    const first = pdf.pages.find((page) => page.includes('Essent'));
    const second = pdf.pages.find((page) => page.includes('Belastingdienst'));
    expect(first).toContain('Flanderijn');
    expect(first).toContain('namens Essent');
    expect(first).toContain('ESS-2024-77881');
    // The balance printed is the one the debt list (and so the overview) holds for that debt.
    const debts = (await call(maatje, 'GET', `/dossiers/${dossierId}/debts`)).json().items as { id: string; balanceCents: number }[];
    expect(first).toContain(euro(debts.find((d) => d.id === debt.essent)!.balanceCents));
    expect(first).toContain('Verzoek om een overzicht van mijn schuld');
    expect(squash(first!)).toContain(squash('de hoofdsom (het bedrag van de schuld zelf), de rente, de incassokosten'));
    expect(squash(first!)).toContain(squash(resident.displayName));
    expect(second).toContain('BD-991');
    expect(second).toContain(euro(60_000));
    expect(pdf.text).not.toContain('CANARY-PAPERWORK-story');
    // The maatje is never the sender.
    expect(squash(pdf.text)).not.toContain(squash(maatje.displayName));
  });

  it('asks to pause collection, and leaves a line to fill in where no reference is stored', async () => {
    const batch = (await makeLetters('incasso_pauze', [debt.vriend])).json();
    const pdf = await lettersPdf(batch.batchId);
    expect(pdf.text).toContain('Verzoek om de incasso even te stoppen');
    expect(pdf.text).toContain('Zorgverzekeraar Zuid');
    // No reference stored: a line to fill in by hand, never "null".
    expect(pdf.text).toMatch(/Uw kenmerk: \.{10,}/);
    expect(pdf.text).not.toContain('null');
  });

  it('refuses a proposal before phase C, and a debt of another dossier as not found', async () => {
    const refused = await makeLetters('betalingsregeling', [debt.essent]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('phase_c_required');
    const other = await createDossier(h.app, { resident, locationId: maatje.locationId!, maatje, phase: 'B' });
    const foreign = await call(maatje, 'POST', `/dossiers/${other}/letters`, { kind: 'saldo_opgave', debtIds: [debt.essent] });
    expect(foreign.statusCode).toBe(404);
    expect((await call(maatje, 'POST', `/dossiers/${dossierId}/letters`, { kind: 'brief', debtIds: [debt.essent] })).statusCode).toBe(400);
  });

  it('tracks sending and answers with If-Match, and an answer needs a sent letter', async () => {
    const letter = (await makeLetters('saldo_opgave', [debt.vriend])).json().items[0];
    const url = `/dossiers/${dossierId}/letters/${letter.id}`;
    expect((await call(maatje, 'PATCH', url, { sentOn: '2026-11-20' })).statusCode).toBe(428);
    const early = await call(maatje, 'PATCH', url, { answeredOn: '2026-11-21' }, { 'if-match': `"${letter.version}"` });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('letter_not_sent');
    const sent = await call(maatje, 'PATCH', url, { sentOn: '2026-11-20' }, { 'if-match': `"${letter.version}"` });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ sentOn: '2026-11-20', answeredOn: null, version: letter.version + 1 });
    const stale = await call(maatje, 'PATCH', url, { answeredOn: '2026-11-25' }, { 'if-match': `"${letter.version}"` });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.sentOn).toBe('2026-11-20');
    expect((await call(resident, 'PATCH', url, { answeredOn: '2026-11-25' }, { 'if-match': `"${letter.version + 1}"` })).statusCode).toBe(403);
  });

  it('a confirmed balance clears the stale flag, in the debt and in the overview', async () => {
    const before = (await call(maatje, 'GET', `/dossiers/${dossierId}/debts/${debt.essent}`));
    expect(before.json().balanceStale).toBe(true);
    const staleBefore = (await call(maatje, 'GET', `/dossiers/${dossierId}/overview`)).json().flags.staleBalances;
    const patched = await call(maatje, 'PATCH', `/dossiers/${dossierId}/debts/${debt.essent}`, { balanceConfirmedOn: '2026-11-28' }, { 'if-match': before.headers.etag as string });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ balanceConfirmedOn: '2026-11-28', balanceStale: false });
    expect((await call(maatje, 'GET', `/dossiers/${dossierId}/overview`)).json().flags.staleBalances).toBe(staleBefore - 1);
  });
});

describe('an unanswered letter becomes an action for the maatje after 4 weeks', () => {
  it('not a day early, once per letter, and not for answered letters', async () => {
    const [unanswered, answered] = (await makeLetters('saldo_opgave', [debt.belasting, debt.vriend])).json().items;
    const sentOn = '2026-11-02';
    for (const letter of [unanswered, answered]) {
      await call(maatje, 'PATCH', `/dossiers/${dossierId}/letters/${letter.id}`, { sentOn }, { 'if-match': `"${letter.version}"` });
    }
    await call(maatje, 'PATCH', `/dossiers/${dossierId}/letters/${answered.id}`, { answeredOn: '2026-11-10' }, { 'if-match': `"${answered.version + 1}"` });
    const actionsNow = async () => (await call(maatje, 'GET', `/dossiers/${dossierId}/actions`)).json().items as { id: string; title: string; owner: string }[];
    const before = await actionsNow();

    // 27 days after sending: nothing yet (the other letters of this file were never marked sent).
    expect(await followUpUnansweredLetters(h.app.db, h.app.cipher, new Date('2026-11-29T10:00:00Z'))).toBe(0);
    // 28 days after sending: one action, for the maatje, naming the creditor and the date.
    expect(await followUpUnansweredLetters(h.app.db, h.app.cipher, new Date('2026-11-30T10:00:00Z'))).toBe(1);
    const after = await actionsNow();
    const added = after.filter((a) => !before.some((b) => b.id === a.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ owner: 'maatje', title: expect.stringContaining('Belastingdienst') });
    expect(added[0]!.title).toContain('2 november 2026');
    const letters = (await call(maatje, 'GET', `/dossiers/${dossierId}/letters`)).json().items as { id: string; followUpActionId: string | null }[];
    expect(letters.find((l) => l.id === unanswered.id)!.followUpActionId).toBe(added[0]!.id);
    expect(letters.find((l) => l.id === answered.id)!.followUpActionId).toBeNull();
    // Again ten days later: nothing new for this letter.
    expect(await followUpUnansweredLetters(h.app.db, h.app.cipher, new Date('2026-12-10T10:00:00Z'))).toBe(0);
  });
});

describe('proposals in phase C', () => {
  beforeAll(async () => {
    await t.db.updateTable('dossiers').set({ phase: 'C' }).where('id', '=', dossierId).execute();
  });

  it('a betalingsregeling offers the debt\'s share of one month\'s aflosruimte, as the settlement computes it', async () => {
    const settlement = (await call(maatje, 'GET', `/dossiers/${dossierId}/settlement?months=1&multiplier=2`)).json();
    const share = settlement.creditors.find((c: { debtId: string }) => c.debtId === debt.essent);
    const res = await makeLetters('betalingsregeling', [debt.essent]);
    expect(res.statusCode).toBe(201);
    const proposal = res.json().items[0].proposal;
    expect(proposal).toEqual({ monthlyCents: share.payoutCents, months: Math.ceil(123_456 / share.payoutCents), totalCents: 123_456, percentage: 100 });
    const pdf = await lettersPdf(res.json().batchId);
    expect(squash(pdf.text)).toContain(squash(`elke maand ${euro(share.payoutCents)}`));
    expect(squash(pdf.text)).toContain(squash(`ongeveer ${proposal.months} maanden`));
  });

  it('a schikkingsvoorstel offers the simulation\'s payout over its months, with its percentage', async () => {
    const settlement = (await call(maatje, 'GET', `/dossiers/${dossierId}/settlement?months=24&multiplier=2`)).json();
    const share = settlement.creditors.find((c: { debtId: string }) => c.debtId === debt.vriend);
    const res = await makeLetters('schikkingsvoorstel', [debt.vriend], { months: 24 });
    expect(res.statusCode).toBe(201);
    expect(res.json().items[0].proposal).toEqual({ monthlyCents: null, months: 24, totalCents: share.payoutCents, percentage: share.percentage });
    const pdf = await lettersPdf(res.json().batchId);
    expect(squash(pdf.text)).toContain(squash(`in 24 maanden samen ${euro(share.payoutCents)}`));
    expect(pdf.text).toContain(`${share.percentage.toFixed(2).replace('.', ',')}%`);
  });
});

describe('letter templates are versioned data', () => {
  it('an admin adds a version; new letters use it, and placeholders are checked', async () => {
    const bad = await call(admin, 'POST', '/letter-templates', { kind: 'saldo_opgave', subject: 'X', paragraphs: ['Uw {iban} klopt niet.'] });
    expect(bad.statusCode).toBe(400);
    expect((await call(maatje, 'POST', '/letter-templates', { kind: 'saldo_opgave', subject: 'X', paragraphs: ['Tekst.'] })).statusCode).toBe(403);
    const added = await call(admin, 'POST', '/letter-templates', {
      kind: 'saldo_opgave', subject: 'Graag een nieuw overzicht van mijn schuld', paragraphs: ['Het bedrag is volgens mij {bedrag}. Klopt dat?'],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'saldo_opgave', version: 2 });
    const batch = (await makeLetters('saldo_opgave', [debt.vriend])).json();
    expect(batch.items[0].templateVersion).toBe(2);
    const pdf = await lettersPdf(batch.batchId);
    expect(pdf.text).toContain('Graag een nieuw overzicht van mijn schuld');
    expect(squash(pdf.text)).toContain(squash(`Het bedrag is volgens mij ${euro(20_000)}. Klopt dat?`));
    const templates = (await call(maatje, 'GET', '/letter-templates')).json().items as { kind: string; version: number }[];
    expect(templates.filter((tpl) => tpl.kind === 'saldo_opgave').map((tpl) => tpl.version)).toEqual([1, 2]);
  });
});

describe('the handover package', () => {
  it('is refused without a referral, and without consent to share with the organisation of the referral', async () => {
    const noReferral = await call(maatje, 'GET', `/dossiers/${dossierId}/handover`);
    expect(noReferral.statusCode).toBe(422);
    expect(noReferral.json().code).toBe('referral_required');
    await call(maatje, 'PUT', `/dossiers/${dossierId}/referral`, { route: 'kredietbank', organisation: 'Kredietbank Amsterdam', status: 'aangemeld', referredAt: '2026-11-30' });
    const noConsent = await call(maatje, 'GET', `/dossiers/${dossierId}/handover`);
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().code).toBe('handover_consent_required');
    await call(resident, 'PUT', `/dossiers/${dossierId}/handover-consent`, { organisation: 'Gemeente Utrecht', includeStory: false });
    expect((await call(maatje, 'GET', `/dossiers/${dossierId}/handover`)).json().code).toBe('handover_consent_required');
    expect((await call(maatje, 'PUT', `/dossiers/${dossierId}/handover-consent`, { organisation: 'Kredietbank Amsterdam', includeStory: true })).statusCode).toBe(400);
  });

  it('with consent: JSON valid against the spec, figures equal to the overview, no story unless chosen, audited', async () => {
    await call(resident, 'PUT', `/dossiers/${dossierId}/handover-consent`, { organisation: 'kredietbank amsterdam', includeStory: false });
    const res = await call(maatje, 'GET', `/dossiers/${dossierId}/handover`);
    expect(res.statusCode).toBe(200);
    const handover = res.json();
    const spec = h.app.swagger() as unknown as { components: { schemas: Record<string, object> } };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile({ ...spec.components.schemas.Handover, components: spec.components });
    expect(validate(handover), JSON.stringify(validate.errors)).toBe(true);

    const overview = (await call(maatje, 'GET', `/dossiers/${dossierId}/overview`)).json();
    expect(handover).toMatchObject({
      sharedWith: 'kredietbank amsterdam', totalDebtCents: overview.totalDebtCents, creditorCount: overview.creditorCount,
      budget: { incomeMonthlyCents: overview.incomeMonthlyCents, saldoCents: overview.saldoCents },
      aflosruimte: { aflosruimteCents: overview.aflosruimteCents, basis: 'vtlb', vtlbCents: 120_000, vtlbSource: 'official' },
      story: null,
    });
    expect(handover.debts.find((d: { reference: string }) => d.reference === 'ESS-2024-77881')).toMatchObject({ balanceConfirmedOn: '2026-11-28', collectorName: 'Flanderijn' });
    expect(JSON.stringify(handover)).not.toContain('CANARY-PAPERWORK-story');
    const log = (await call(resident, 'GET', `/dossiers/${dossierId}/access-log`)).json().items as { action: string; description: string }[];
    expect(log.some((entry) => entry.action === 'handover.json' && entry.description.includes('overdrachtsdossier'))).toBe(true);
  });

  it('the PDF names the resident, every creditor, reference and amount, and the story only when the resident chose it', async () => {
    const withoutStory = await call(resident, 'GET', `/dossiers/${dossierId}/handover.pdf`);
    expect(withoutStory.statusCode).toBe(200);
    const text = await pdfText(withoutStory.rawPayload);
    expect(squash(text.text)).toContain(squash(resident.displayName));
    for (const [name, reference, cents] of [['Essent', 'ESS-2024-77881', 123_456], ['Belastingdienst', 'BD-991', 60_000]] as const) {
      expect(text.text).toContain(name);
      expect(text.text).toContain(reference);
      expect(text.text).toContain(euro(cents));
    }
    expect(squash(text.text)).toContain(squash('Bevestigd 28 november 2026'));
    expect(text.text).not.toContain('CANARY-PAPERWORK-story');

    await call(resident, 'PUT', `/dossiers/${dossierId}/handover-consent`, { organisation: 'Kredietbank Amsterdam', includeStory: true });
    const withStory = await pdfText((await call(maatje, 'GET', `/dossiers/${dossierId}/handover.pdf`)).rawPayload);
    expect(withStory.text).toContain('CANARY-PAPERWORK-story');
    expect((await call(maatje, 'GET', `/dossiers/${dossierId}/handover`)).json().story.text).toBe(STORY);
  });

  it('withdrawing the consent stops the handover at once', async () => {
    const withdrawn = await call(resident, 'DELETE', `/dossiers/${dossierId}/handover-consent`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    expect((await call(maatje, 'GET', `/dossiers/${dossierId}/handover`)).json().code).toBe('handover_consent_required');
    expect((await call(resident, 'DELETE', `/dossiers/${dossierId}/handover-consent`)).statusCode).toBe(409);
  });
});

// Last: housekeeping at a later date also ends sessions that expired by then.
describe('letters in the daily housekeeping', () => {
  it('is part of the daily housekeeping: counted on a dry run, made on a real one', async () => {
    const letter = (await makeLetters('incasso_pauze', [debt.essent])).json().items[0];
    await call(maatje, 'PATCH', `/dossiers/${dossierId}/letters/${letter.id}`, { sentOn: '2026-12-20' }, { 'if-match': `"${letter.version}"` });
    const at = new Date('2027-01-17T10:00:00Z');
    const options = { now: at, retentionMonths: 24, auditRetentionMonths: 60, cipher: h.app.cipher };
    // Due now: this letter and the one of the tracking test (sent 20 November); the run moves the clock a month on, so it goes last (it also ends the expired test sessions), never followed up.
    const dry = await runHousekeeping(t.db, { ...options, dryRun: true });
    expect(dry).toMatchObject({ ran: true, report: { lettersFollowedUp: 2 } });
    const followUpOf = async () => (await t.db.selectFrom('letters').select('followUpActionId').where('id', '=', letter.id).executeTakeFirstOrThrow()).followUpActionId;
    expect(await followUpOf()).toBeNull();
    expect(await runHousekeeping(t.db, options)).toMatchObject({ ran: true, report: { lettersFollowedUp: 2 } });
    expect(await followUpOf()).not.toBeNull();
  });
});
