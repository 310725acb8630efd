// The built web app served beside the API: history fallback for app routes only, a strict CSP on
// its pages, immutable hashed assets, and API and asset misses that stay honest 404s.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';

const webDir = mkdtempSync(join(tmpdir(), 'schoon-schip-web-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="nl"><body><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>');
writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log("app")');
writeFileSync(join(webDir, 'assets', 'app-abc123.js.gz'), gzipSync('console.log("app")'));

const t = useTestDb();
const h = useTestApp(t, { webDir });

describe('serving the web app', () => {
  it('answers / and app routes with index.html under a strict CSP and no-cache', async () => {
    for (const url of ['/', '/dossiers/0b9c7a4e-5b7e-4a7e-9a51-1f0e6f0c2d11/b', '/wachtwoord?x=1']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const head = await h.app.inject({ method: 'HEAD', url: '/dossiers' });
    expect(head.statusCode).toBe(200);
  });

  it('serves hashed assets as immutable, pre-compressed when the client accepts it', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps a missing asset a 404, never index.html', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/assets/gone-000.js' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<div id="root">');
  });

  it('keeps an unknown API path a problem+json 404', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('not_found');
  });

  it('does not answer other methods with the app', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/dossiers' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
