// The import rules of docs/architecture.md, checked on every file, so a shortcut across layers fails CI
// instead of quietly eroding the structure (e.g. a route reaching into the database).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Project-internal imports of a file, as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => path.relative(SRC, path.resolve(path.dirname(file), m[1] as string)));
}

const all = files(SRC).map((file) => ({ file: path.relative(SRC, file), imports: importsOf(file) }));
const violations = (select: (file: string) => boolean, forbidden: (target: string, file: string) => boolean) =>
  all.filter(({ file }) => select(file)).flatMap(({ file, imports }) => imports.filter((target) => forbidden(target, file)).map((target) => `${file} → ${target}`));
const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(file)?.[1];

describe('import rules', () => {
  it('reads the whole source tree', () => {
    expect(all.length).toBeGreaterThan(80);
    expect(all.some(({ imports }) => imports.includes('lib/errors.js'))).toBe(true);
  });

  it('domain imports lib only', () => {
    expect(violations((f) => f.startsWith('domain/'), (t) => !t.startsWith('lib/') && !t.startsWith('domain/'))).toEqual([]);
  });

  it('lib imports nothing else from src', () => {
    expect(violations((f) => f.startsWith('lib/'), (t) => !t.startsWith('lib/'))).toEqual([]);
  });

  it('access never imports Fastify glue or modules', () => {
    expect(violations((f) => f.startsWith('access/'), (t) => t.startsWith('http/') || t.startsWith('modules/'))).toEqual([]);
  });

  it('the HTTP glue never imports a module (what both need lives in core/)', () => {
    expect(violations((f) => f.startsWith('http/'), (t) => t.startsWith('modules/'))).toEqual([]);
  });

  it('core imports only lib, db and access', () => {
    expect(violations((f) => f.startsWith('core/'), (t) =>
      !(t.startsWith('lib/') || t.startsWith('db/') || t.startsWith('access/') || t.startsWith('core/')))).toEqual([]);
  });

  it('route files hold no SQL', () => {
    const sqlInRoutes = all.filter(({ file }) => file.endsWith('.routes.ts'))
      .filter(({ file }) => /from 'kysely'|\bsql`|\.(selectFrom|insertInto|updateTable|deleteFrom)\(/.test(readFileSync(path.join(SRC, file), 'utf8')))
      .map(({ file }) => file);
    expect(sqlInRoutes).toEqual([]);
  });

  it('routes never touch the database or a repository', () => {
    expect(violations((f) => f.endsWith('.routes.ts'), (t) => t.startsWith('db/') || t.endsWith('.repository.js'))).toEqual([]);
  });

  it('services use other modules through their services, never their repositories', () => {
    expect(violations((f) => f.endsWith('.service.ts'), (t, f) => t.endsWith('.repository.js') && moduleOf(t) !== moduleOf(f))).toEqual([]);
  });

  it('repositories use only the database, the dossier scope, lib and their own module\'s types', () => {
    expect(violations((f) => f.endsWith('.repository.ts'), (t, f) =>
      !(t.startsWith('db/') || t.startsWith('lib/') || t.startsWith('access/') || moduleOf(t) === moduleOf(f)))).toEqual([]);
  });

  it('repositories never reach into services or the HTTP layer', () => {
    expect(violations((f) => f.endsWith('.repository.ts'), (t) => t.endsWith('.service.js') || t.endsWith('.routes.js') || t.startsWith('http/'))).toEqual([]);
  });

  it('only the dossier gate mints a DossierCore (the brand of a scope-checked dossier)', () => {
    const minting = all.filter(({ file }) => /\bpassGate\b/.test(readFileSync(path.join(SRC, file), 'utf8'))).map(({ file }) => file);
    expect(minting.sort()).toEqual(['access/dossier-scope.ts', 'modules/dossiers/dossier-gate.service.ts']);
  });

  it('nothing but server.ts imports app.ts', () => {
    expect(violations((f) => f !== 'server.ts', (t) => t === 'app.js')).toEqual([]);
  });
});
