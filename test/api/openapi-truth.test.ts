// The contract tells the truth about what the server sends, and a production instance publishes it
// only when DOCS_ENABLED says so (issue 17).
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';

const t = useTestDb();

type Operation = { responses: Record<string, { headers?: Record<string, unknown> }>; security?: unknown[]; parameters?: { in: string; name: string; required?: boolean }[] };

describe('the OpenAPI document of an instance', () => {
  it('is not served with DATABASE_URL unless DOCS_ENABLED is true, and is then the generated document', async () => {
    const closed = await createTestApp(t, { docsEnabled: false });
    const open = await createTestApp(t, { docsEnabled: true });
    try {
      const hidden = await closed.app.inject({ method: 'GET', url: '/openapi.json' });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('not_found');
      expect((await closed.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(404);

      const served = await open.app.inject({ method: 'GET', url: '/openapi.json' });
      expect(served.statusCode).toBe(200);
      expect(served.json()).toEqual(JSON.parse(JSON.stringify(open.app.swagger())));
    } finally {
      await closed.app.close();
      await open.app.close();
    }
  });
});

describe('what the document promises, the server sends', () => {
  it('rate-limit headers on a limited route, and Retry-After with its 429', async () => {
    const { app } = await createTestApp(t);
    try {
      await app.ready();
      const setup = (app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> }).paths['/api/v1/setup']!.post!;
      expect(Object.keys(setup.responses['400']!.headers ?? {})).toEqual(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']);
      expect(setup.responses['429']!.headers).toHaveProperty('Retry-After');
      expect(setup.security).toEqual([]);

      const answers = [];
      for (let i = 0; i < 6; i += 1) answers.push(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: {} }));
      const first = answers[0]!;
      expect(first.statusCode).toBe(400);
      expect(first.headers['x-ratelimit-limit']).toBe('5');
      expect(first.headers['x-ratelimit-remaining']).toBe('4');
      expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
      const limited = answers[5]!;
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    } finally {
      await app.close();
    }
  });

  it('401 and bearer security on every protected operation; If-Match required where its absence is a 428', async () => {
    const { app } = await createTestApp(t);
    try {
      await app.ready();
      const paths = (app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> }).paths;
      const updateDebt = paths['/api/v1/dossiers/{id}/debts/{debtId}']!.patch!;
      expect(updateDebt.security).toEqual([{ bearer: [] }]);
      expect(updateDebt.responses).toHaveProperty('401');
      expect(updateDebt.parameters?.find((p) => p.in === 'header' && p.name === 'if-match')?.required).toBe(true);
      // A singleton's first PUT creates it without If-Match, so there it stays optional.
      const putStory = paths['/api/v1/dossiers/{id}/story']!.put!;
      expect(putStory.parameters?.find((p) => p.in === 'header' && p.name === 'if-match')?.required).not.toBe(true);

      const missing = await app.inject({ method: 'GET', url: '/api/v1/dossiers' });
      expect(missing.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
