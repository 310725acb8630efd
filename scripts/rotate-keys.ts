// npm run keys:rotate: rewraps every dossier's data key under the first key of ENCRYPTION_KEYS and
// re-encrypts what older values remain (src/modules/keys/key-rotation.service.ts), printing its
// progress. Safe while the service runs; stopped halfway, a re-run continues. Put the new key
// first on every running instance before, and remove the old one only after a run that finished.
import { createKeyring } from '../src/lib/dossier-keys.js';
import { rotateKeys, type RotationProgress } from '../src/modules/keys/key-rotation.service.js';
import { openMigratedDatabase } from './cli-database.js';

const { db, config } = await openMigratedDatabase();
const keyring = createKeyring(config.encryptionKeys);
const interactive = process.stdout.isTTY === true;
let lastLine = 0;

function show(progress: RotationProgress) {
  const percent = progress.dossiersTotal === 0 ? 100 : Math.min(100, Math.floor((progress.dossiersDone / progress.dossiersTotal) * 100));
  const line = `Dossiers: ${progress.dossiersDone} of ${progress.dossiersTotal} (${percent}%), ${progress.valuesReencrypted} older values re-encrypted`;
  // On a terminal one line updates in place; into a file or pipe, a line per 10 % is enough.
  if (interactive) process.stdout.write(`\r${line}`);
  else if (percent >= lastLine || progress.dossiersDone === 0) {
    process.stdout.write(`${line}\n`);
    lastLine = percent + 10;
  }
}

try {
  process.stdout.write(`Rotating to master key "${keyring.currentKeyId}".\n`);
  const report = await rotateKeys(db, keyring, { now: () => new Date(), onProgress: show });
  if (interactive) process.stdout.write('\n');
  process.stdout.write(
    `Done: ${report.keysRewrapped} data keys rewrapped, ${report.keysCreated} created, ${report.valuesReencrypted} dossier values ` +
    `and ${report.masterValuesReencrypted} other values re-encrypted. Keys other than "${keyring.currentKeyId}" can now leave ENCRYPTION_KEYS ` +
    'once every instance runs with it first.\n');
} finally {
  await db.destroy();
}
