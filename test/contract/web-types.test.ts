import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { specHash, WEB_TYPES_HEADER } from '../../scripts/web-types-hash.js';

describe('web/src/api/schema.d.ts', () => {
  it('was generated from the checked-in api-spec/openapi.json (run `npm run spec` after changing a route)', async () => {
    const spec = await readFile(new URL('../../api-spec/openapi.json', import.meta.url));
    const types = await readFile(new URL('../../web/src/api/schema.d.ts', import.meta.url), 'utf8');
    const firstLine = types.slice(0, types.indexOf('\n'));
    expect(firstLine.startsWith(WEB_TYPES_HEADER)).toBe(true);
    expect(firstLine.slice(WEB_TYPES_HEADER.length)).toBe(specHash(spec));
    // The generator's own output follows the header: an edited or truncated file is drift too.
    expect(types).toContain('export interface paths');
  });
});
