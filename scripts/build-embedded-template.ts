// Part of `npm run build`: a migrated PGlite data directory that a fresh embedded start copies
// (src/db/embedded-template.ts). Skipped when the current one still matches the migrations.
import { buildEmbeddedTemplate, TEMPLATE_DIR } from '../src/db/embedded-template.js';

const started = Date.now();
const outcome = await buildEmbeddedTemplate();
process.stdout.write(outcome === 'built'
  ? `built the migrated embedded template in ${TEMPLATE_DIR} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`
  : `the embedded template in ${TEMPLATE_DIR} is current\n`);
