// Routes for the paperwork of phases B and C: letter templates, letters to creditors with their
// tracking and PDF, the resident's consent to hand over, and the overdrachtsdossier (JSON and PDF).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { perUserRateLimit } from '../../http/rate-limit.js';
import { ifMatchHeaders, requiredVersion, withEtag } from '../../http/preconditions.js';
import { serviceContext } from '../../http/service-context.js';
import { sendPdf } from '../../http/send-pdf.js';
import { dossierIdParams } from '../dossiers/dossier.schemas.js';
import {
  getHandover, getHandoverConsent, putHandoverConsent, withdrawHandoverConsent,
} from './handover.service.js';
import { handoverConsentSchema, handoverSchema, putHandoverConsentBody, withdrawHandoverConsentQuery } from './handover.schemas.js';
import { renderHandoverPdf, renderLettersPdf } from './paperwork-pdf.service.js';
import {
  createLetters, createLetterTemplate, getLetters, listLetterTemplates, patchLetter,
} from './letter.service.js';
import {
  createLettersBody, createLetterTemplateBody, letterBatchParams, letterBatchSchema, letterParams, letterSchema,
  letterTemplateListSchema, letterTemplateSchema, patchLetterBody,
} from './letter.schemas.js';

const pdfBody = { description: 'A PDF in plain Dutch (B1), fonts embedded.', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } };

export async function paperworkRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['paperwork'];
  const downloadLimit = perUserRateLimit(instance.appConfig.pdfDownloadsPerMinute, 60_000);

  app.get('/letter-templates', {
    config: { access: 'reference.read' },
    schema: {
      operationId: 'listLetterTemplates', tags,
      summary: 'List the letter templates',
      description: 'Staff. Every version of every letter template (wording as data). New letters use the newest version of their kind; a letter keeps the version it was made with.',
      response: { 200: letterTemplateListSchema, ...problemResponses(401, 403) },
    },
  }, async (request) => ({ items: await listLetterTemplates(serviceContext(request)) }));

  app.post('/letter-templates', {
    config: { access: 'reference.write' },
    schema: {
      operationId: 'createLetterTemplate', tags,
      summary: 'Add a new version of a letter template',
      description: 'Admin only. Adds the next version of one kind of letter; versions are never edited. Paragraphs may use the placeholders {bedrag}, {aflosbedrag}, {termijnen}, {totaal} and {percentage}; any other placeholder is a 400.',
      body: createLetterTemplateBody,
      response: { 201: letterTemplateSchema, ...problemResponses(400, 401, 403) },
    },
  }, async (request, reply) => reply.code(201).send(await createLetterTemplate(serviceContext(request), request.body)));

  app.post('/dossiers/:id/letters', {
    config: { access: 'dossier.paperwork.write' },
    schema: {
      operationId: 'createLetters', tags,
      summary: 'Make letters to creditors for one or more debts',
      description: 'The assigned maatje. Makes one letter per debt, all in one batch, signed by the resident: a request for a balance statement (saldo_opgave), a request to pause collection (incasso_pauze), or in phase C a proposal (betalingsregeling from the aflosruimte, schikkingsvoorstel from the settlement simulation). 404 when a debt is not in this dossier; 422 phase_c_required, vtlb_required or proposal_not_possible (with `missing` per debt) for proposals that cannot be made; 409 on a closed or frozen dossier.',
      params: dossierIdParams, body: createLettersBody,
      response: { 201: letterBatchSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.code(201).send(await createLetters(serviceContext(request), request.params.id, request.body)));

  app.get('/dossiers/:id/letters', {
    config: { access: 'dossier.read' },
    schema: {
      operationId: 'listLetters', tags,
      summary: 'List the letters of a dossier',
      description: 'The resident and the assigned maatje. Every letter made, with when it was sent and answered and the follow-up action made when no answer came within 4 weeks.',
      params: dossierIdParams,
      response: { 200: z.object({ items: z.array(letterSchema) }), ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => getLetters(serviceContext(request), request.params.id));

  app.patch('/dossiers/:id/letters/:letterId', {
    config: { access: 'dossier.paperwork.write' },
    schema: {
      operationId: 'patchLetter', tags,
      summary: 'Record that a letter was sent or answered',
      description: 'The assigned maatje. Sets `sentOn` and `answeredOn` (merge semantics; null clears). If-Match is required (428 without, 412 with the current letter when stale). 422 letter_not_sent when an answer comes before the letter was sent.',
      params: letterParams, headers: ifMatchHeaders, body: patchLetterBody,
      response: { 200: letterSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428) },
    },
  }, async (request, reply) => withEtag(reply, await patchLetter(
    serviceContext(request), request.params.id, request.params.letterId, requiredVersion(request.headers['if-match']), request.body)));

  app.get('/dossiers/:id/letter-batches/:batchId/pdf', {
    config: { access: 'dossier.pdf', rateLimit: downloadLimit },
    schema: {
      operationId: 'getLettersPdf', tags,
      summary: 'Download the letters of one batch as a PDF',
      description: 'The resident and the assigned maatje. One letter per page, in plain Dutch, with lines to fill in the addresses and a place for the resident to sign. Rendered in the PDF worker pool: 503 with Retry-After when it is full, 429 past the per-person download limit.',
      params: letterBatchParams,
      response: { 200: pdfBody, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, async (request, reply) => {
    const pdf = await renderLettersPdf(serviceContext(request), request.server.pdfRenderer, request.params.id, request.params.batchId);
    return sendPdf(reply, pdf, 'brieven.pdf');
  });

  app.get('/dossiers/:id/handover-consent', {
    config: { access: 'dossier.consent' },
    schema: {
      operationId: 'getHandoverConsent', tags,
      summary: 'Read the resident\'s consent to hand the dossier over',
      description: 'The resident and the assigned maatje. The standing consent to share the dossier with one named organisation; 404 when there is none.',
      params: dossierIdParams,
      response: { 200: handoverConsentSchema, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => getHandoverConsent(serviceContext(request), request.params.id));

  app.put('/dossiers/:id/handover-consent', {
    config: { access: 'dossier.consent' },
    schema: {
      operationId: 'putHandoverConsent', tags,
      summary: 'Give consent to hand the dossier over to one organisation',
      description: 'The resident; the assigned maatje only for a consent signed on paper (recordedOnPaper: true, else 400). Replaces any earlier consent, which is kept as withdrawn. The story goes along only with includeStory.',
      params: dossierIdParams, body: putHandoverConsentBody,
      response: { 200: handoverConsentSchema, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => putHandoverConsent(serviceContext(request), request.params.id, request.body));

  app.delete('/dossiers/:id/handover-consent', {
    config: { access: 'dossier.consent' },
    schema: {
      operationId: 'withdrawHandoverConsent', tags,
      summary: 'Withdraw the consent to hand the dossier over',
      description: 'The resident; the assigned maatje only for a withdrawal signed on paper (?recordedOnPaper=true, else 400). 409 when there is no consent.',
      params: dossierIdParams, querystring: withdrawHandoverConsentQuery,
      response: { 200: handoverConsentSchema, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => withdrawHandoverConsent(serviceContext(request), request.params.id, request.query.recordedOnPaper === 'true'));

  app.get('/dossiers/:id/handover', {
    config: { access: 'dossier.pdf', rateLimit: downloadLimit },
    schema: {
      operationId: 'getHandover', tags,
      summary: 'Download the overdrachtsdossier as JSON',
      description: 'The resident and the assigned maatje. Everything the receiving organisation needs for its intake, in the documented Handover shape. 422 referral_required without a referral; 422 handover_consent_required unless the resident consented to share with the organisation of the referral. Audited; shows in the resident\'s access log.',
      params: dossierIdParams,
      response: { 200: handoverSchema, ...problemResponses(400, 401, 403, 404, 422, 429) },
    },
  }, async (request, reply) => {
    const document = await getHandover(serviceContext(request), request.params.id, 'json');
    return reply.header('content-disposition', 'attachment; filename="overdrachtsdossier.json"').send(document);
  });

  app.get('/dossiers/:id/handover.pdf', {
    config: { access: 'dossier.pdf', rateLimit: downloadLimit },
    schema: {
      operationId: 'getHandoverPdf', tags,
      summary: 'Download the overdrachtsdossier as a PDF',
      description: 'The resident and the assigned maatje. The same content as the JSON, as a PDF. Same refusals (422) as the JSON; 503 with Retry-After when the PDF pool is full; 429 past the per-person limit.',
      params: dossierIdParams,
      response: { 200: pdfBody, ...problemResponses(400, 401, 403, 404, 422, 429, 503) },
    },
  }, async (request, reply) => {
    const pdf = await renderHandoverPdf(serviceContext(request), request.server.pdfRenderer, request.params.id);
    return sendPdf(reply, pdf, 'overdrachtsdossier.pdf');
  });
}
