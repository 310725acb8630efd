import { describe, expect, it } from 'vitest';
import { createLogger, serializeError } from '../../src/http/logger.js';
import { NotFoundError } from '../../src/lib/errors.js';
import { LogCapture } from '../support/log-capture.js';

describe('the canary helper', () => {
  it('catches a marker logged on purpose, also escaped or URL-encoded', () => {
    const capture = new LogCapture();
    const logger = createLogger('info', capture);
    logger.info({ note: 'harmless' }, 'first');
    expect(() => capture.assertNoMarker('CANARY-7f3a')).not.toThrow();
    logger.info({ someField: 'resident CANARY-7f3a "quoted"' }, 'leak on purpose');
    expect(() => capture.assertNoMarker('CANARY-7f3a')).toThrow(/reached the log/);
    expect(capture.linesContaining('canary-7f3a')).toHaveLength(1);
  });
});

describe('pino redaction as the safety net', () => {
  it('censors personal and secret fields wherever they sit', () => {
    const capture = new LogCapture();
    const logger = createLogger('info', capture);
    logger.info({
      req: { headers: { authorization: 'Bearer CANARY-token', cookie: 'CANARY-cookie' } },
      user: { password: 'CANARY-pw', displayName: 'CANARY-name', username: 'CANARY-user' },
      debt: { creditorName: 'CANARY-creditor', reference: 'CANARY-ref', notes: 'CANARY-notes' },
      story: { text: 'CANARY-story' },
      auth: { refreshToken: 'CANARY-refresh', accessToken: 'CANARY-access' },
      body: { anything: 'CANARY-body' },
    });
    expect(() => capture.assertNoMarker('CANARY')).not.toThrow();
    expect(capture.text()).toContain('[Redacted]');
  });
});

describe('the error serializer', () => {
  it('keeps the SQLSTATE of a database error and drops its message and detail', () => {
    const dbError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      severity: 'ERROR', code: '23505', detail: 'Key (username)=(CANARY-user) already exists.',
      constraint: 'users_username_key', table: 'users', parameters: ['CANARY-param'],
    });
    const serialized = serializeError(dbError);
    expect(serialized).toEqual({ type: 'DatabaseError', code: '23505', constraint: 'users_username_key', table: 'users' });
  });

  it('keeps only the code of our own errors', () => {
    expect(serializeError(new NotFoundError())).toEqual({ type: 'AppError', code: 'not_found', status: 404 });
  });

  it('keeps the stack frames of an unexpected error but not its message', () => {
    const serialized = serializeError(new TypeError('cannot read CANARY-value'));
    expect(JSON.stringify(serialized)).not.toContain('CANARY');
    expect(serialized.type).toBe('TypeError');
    expect(String(serialized.stack)).toMatch(/logging\.test\.ts/);
  });
});
