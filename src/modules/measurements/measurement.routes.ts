import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { ifMatchHeaders, optionalVersion, sendSingleton } from '../../http/preconditions.js';
import { serviceContext } from '../../http/service-context.js';
import { MEASUREMENT_MOMENTS } from '../../lib/vocabulary.js';
import { dossierIdParams } from '../dossiers/dossier.schemas.js';
import { instrumentBody, instrumentSchema, measurementBody, measurementParams, measurementSchema } from './measurement.schemas.js';
import { addInstrument, dossierMeasurements, instruments, putMeasurement } from './measurement.service.js';

export async function measurementRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['measurements'];

  app.get('/instruments', {
    config: { access: 'instrument.read' },
    schema: { operationId: 'listInstruments', summary: 'List the questionnaires',
      description: 'The evaluation questionnaires (instruments) by version, with their items.', tags, response: { 200: z.object({ items: z.array(instrumentSchema) }), ...problemResponses(401, 403) } },
  }, async (request) => instruments(serviceContext(request)));

  app.post('/instruments', {
    config: { access: 'reference.write' },
    schema: { operationId: 'createInstrument', summary: 'Add a questionnaire version',
      description: 'The admin adds a new version of the evaluation questionnaire; an existing version answers 409.', tags, body: instrumentBody, response: { 201: instrumentSchema, ...problemResponses(400, 401, 403, 409) } },
  }, async (request, reply) => reply.code(201).send(await addInstrument(serviceContext(request), request.body)));

  app.get('/dossiers/:id/measurements', {
    config: { access: 'dossier.measurement' },
    schema: { operationId: 'listMeasurements', tags, params: dossierIdParams,
      summary: 'The questionnaire answers of a dossier and which ones are due',
      description: 'Resident and assigned maatje (other roles 403; a dossier out of scope 404). `due` lists the moments '
        + 'to fill in now: T0 after consent while open, T1 in phase C, T2 from six months after closing; none after '
        + 'consent is withdrawn. `instrumentVersion` is the newest questionnaire (null when an admin added none).',
      response: { 200: z.object({
        items: z.array(measurementSchema),
        due: z.array(z.object({
          moment: z.enum(MEASUREMENT_MOMENTS), dueFrom: z.string().nullable(), instrumentVersion: z.string().nullable(),
        })),
      }), ...problemResponses(400, 401, 403, 404) } },
  }, async (request) => dossierMeasurements(serviceContext(request), request.params.id));

  app.put('/dossiers/:id/measurements/:moment', {
    config: { access: 'dossier.measurement' },
    schema: { operationId: 'putMeasurement', summary: 'Fill in a questionnaire',
      description: 'Records the answers for one moment (T0, T1, T2): 201 the first time, 200 when replaced. If-Match is required once it exists (428 without; 412 when stale); answers that do not fit the questionnaire answer 422; T2 before the dossier is closed answers 409.', tags, params: measurementParams, headers: ifMatchHeaders, body: measurementBody,
      response: { 200: measurementSchema, 201: measurementSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428) } },
  }, async (request, reply) => sendSingleton(reply, await putMeasurement(serviceContext(request), request.params.id,
    request.params.moment, optionalVersion(request.headers['if-match']), request.body)));
}
