// npm run spec: regenerates api-spec/openapi.json from the route schemas.
import { writeFile } from 'node:fs/promises';
import { generateOpenApiDocument } from './openapi-document.js';

export const OPENAPI_PATH = new URL('../api-spec/openapi.json', import.meta.url);

await writeFile(OPENAPI_PATH, await generateOpenApiDocument());
process.stdout.write(`wrote ${OPENAPI_PATH.pathname}\n`);
