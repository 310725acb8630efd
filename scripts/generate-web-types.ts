// Part of `npm run spec`: regenerates the web app's client types (web/src/api/schema.d.ts) from
// api-spec/openapi.json. openapi-typescript drives TypeScript 5's JavaScript API, which the
// project's TypeScript 7 does not have, so it runs with its own pinned TypeScript through npx.
// The file's first line records the spec's hash; test/contract/web-types.test.ts fails on drift.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { specHash, WEB_TYPES_HEADER } from './web-types-hash.js';

const SPEC = fileURLToPath(new URL('../api-spec/openapi.json', import.meta.url));
const OUT = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

execFileSync('npx', [
  '-y', '-p', 'typescript@5.9.3', '-p', 'openapi-typescript@7.13.0', '--',
  'openapi-typescript', SPEC, '-o', OUT,
], { stdio: ['ignore', 'ignore', 'inherit'] });
const generated = await readFile(OUT, 'utf8');
await writeFile(OUT, `${WEB_TYPES_HEADER}${specHash(await readFile(SPEC))}\n${generated}`);
process.stdout.write(`wrote ${OUT}\n`);
