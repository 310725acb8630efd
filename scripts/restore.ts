// npm run restore -- <dump file> <empty target database URL> [--ledger-from <live database URL>]
// Restores a backup into an EMPTY database, then replays the erasure ledgers (the live database's,
// if it still exists, and every ledger file next to the dump), so erased dossiers stay erased.
import { restoreDatabase } from './backup/pg-backup.js';

const args = process.argv.slice(2);
const ledgerFrom: string[] = [];
const positional: string[] = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--ledger-from' && args[i + 1]) ledgerFrom.push(args[(i += 1)] as string);
  else positional.push(args[i] as string);
}
const [dumpFile, targetUrl] = positional;
if (!dumpFile || !targetUrl) {
  process.stderr.write('usage: npm run restore -- <dump file> <empty target database URL> [--ledger-from <live database URL>]\n');
  process.exit(1);
}
await restoreDatabase({ dumpFile, targetUrl, ledgerDatabases: ledgerFrom, onProgress: (message) => process.stdout.write(`${message}\n`) });
process.stdout.write('restore done\n');
