// One door for every text a request carries (body, query, path): control characters and broken
// UTF-16 are a 400 before validation, whatever field a route declares (issue 15, rule 6).
import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../lib/errors.js';
import { findUnsafeText } from '../lib/text.js';

export function refuseUnsafeText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [location, value] of [['body', request.body], ['querystring', request.query], ['params', request.params]] as const) {
      const pointer = findUnsafeText(value);
      if (pointer !== undefined) {
        throw new BadRequestError('control_characters', 'Text may not contain control characters (other than tab and line breaks).',
          { errors: [{ pointer: `/${location}${pointer}`, code: 'control_characters', detail: 'Remove the control character.' }] });
      }
    }
  });
}
