import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../../scripts/openapi-document.js';

describe('api-spec/openapi.json', () => {
  it('is exactly what the route schemas generate (run `npm run spec` after changing a route)', async () => {
    const checkedIn = await readFile(new URL('../../api-spec/openapi.json', import.meta.url), 'utf8');
    const generated = await generateOpenApiDocument();
    expect(JSON.parse(generated)).toEqual(JSON.parse(checkedIn));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(await generateOpenApiDocument()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });
});
