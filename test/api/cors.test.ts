// CORS_ORIGINS (docs/operations.md): an app with it set starts (the route guard lets the CORS
// preflight route through), grants a preflight and a read to the configured origin only, and an
// app without it grants nothing cross-origin.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';

const t = useTestDb();
const ALLOWED = 'https://app.example';
const shared = { jwtSecret: randomBytes(32), rootSecret: randomBytes(32) };
const withCors = useTestApp(t, { ...shared, corsOrigins: [ALLOWED] });
const withoutCors = useTestApp(t, shared);

function preflight(app: typeof withCors, origin: string) {
  return app.app.inject({
    method: 'OPTIONS', url: '/api/v1/dossiers',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
}

describe('CORS', () => {
  it('grants a preflight to the configured origin, and to no other', async () => {
    const granted = await preflight(withCors, ALLOWED);
    expect(granted.statusCode).toBe(204);
    expect(granted.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(granted.headers['access-control-allow-methods'])).toContain('GET');
    expect(granted.body).toBe('');

    const refused = await preflight(withCors, 'https://elsewhere.example');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('marks answers for the configured origin only', async () => {
    const res = await withCors.app.inject({ method: 'GET', url: '/health/live', headers: { origin: ALLOWED } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    const other = await withCors.app.inject({ method: 'GET', url: '/health/live', headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants nothing cross-origin without CORS_ORIGINS', async () => {
    const res = await preflight(withoutCors, ALLOWED);
    expect(res.statusCode).toBe(404);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
