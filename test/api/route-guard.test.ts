import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';

const t = useTestDb();

async function registering(register: (app: Awaited<ReturnType<typeof createTestApp>>['app']) => void) {
  const { app } = await createTestApp(t);
  try {
    register(app);
    await app.ready();
  } finally {
    await app.close();
  }
}

describe('the route guard refuses an incomplete route at start-up', () => {
  it('refuses a route without an access rule', async () => {
    await expect(registering((app) => {
      app.get('/api/v1/test/no-access', { schema: { response: { 200: z.object({}) } } }, async () => ({}));
    })).rejects.toThrow(/declares no access rule/);
  });

  it('refuses a route whose access rule is not a policy operation', async () => {
    await expect(registering((app) => {
      app.get('/api/v1/test/bad-access', {
        config: { access: 'dossier.everything' as never },
        schema: { response: { 200: z.object({}) } },
      }, async () => ({}));
    })).rejects.toThrow(/declares no access rule/);
  });

  it('refuses a route without a response schema', async () => {
    await expect(registering((app) => {
      app.get('/api/v1/test/no-schema', { config: { access: 'public' } }, async () => ({}));
    })).rejects.toThrow(/declares no response schema/);
  });

  const documented = { summary: 'A test route', description: 'Exists only in this test.', tags: ['dossiers'] };

  it.each([
    ['summary', { ...documented, summary: undefined }],
    ['description', { ...documented, description: ' ' }],
    ['tags', { ...documented, tags: [] }],
  ])('refuses a documented route without a %s', async (missing, docs) => {
    await expect(registering((app) => {
      app.get('/api/v1/test/undocumented', {
        config: { access: 'public' }, schema: { ...docs, response: { 200: z.object({}) } },
      }, async () => ({}));
    })).rejects.toThrow(new RegExp(`declares no ${missing}`));
  });

  it('accepts an undocumented route only when it is hidden from the OpenAPI document', async () => {
    await expect(registering((app) => {
      app.get('/api/v1/test/hidden', { config: { access: 'public' }, schema: { hide: true, response: { 200: z.object({}) } } }, async () => ({}));
    })).resolves.toBeUndefined();
  });

  it('accepts a complete route and lists it in the route inventory', async () => {
    const { app } = await createTestApp(t);
    app.get('/api/v1/test/complete', {
      config: { access: 'dossier.read' }, schema: { ...documented, response: { 200: z.object({}) } },
    }, async () => ({}));
    await app.ready();
    expect(app.routeInventory).toContainEqual({ method: 'GET', url: '/api/v1/test/complete', access: 'dossier.read' });
    await app.close();
  });
});
