// npm run user:create -- --role admin --username NAME --password-stdin [--display-name NAME] [--location-id ID]
// Bootstraps the first admin against whichever database is configured. The password comes from
// standard input only (never an argument, so it stays out of shell history and process lists).
// Same rules and audit as POST /users, through the same service.
import { parseArgs } from 'node:util';
import { AppError } from '../src/lib/errors.js';
import { createFieldCipher } from '../src/lib/field-crypto.js';
import { STAFF_ROLES, type StaffRole } from '../src/lib/vocabulary.js';
import { USERNAME_PATTERN } from '../src/modules/auth/auth.schemas.js';
import { createUserFromCommandLine } from '../src/modules/users/user.service.js';
import { openMigratedDatabase } from './cli-database.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    username: { type: 'string' },
    'display-name': { type: 'string' },
    'location-id': { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
  },
});

const role = values.role as StaffRole | undefined;
if (!role || !STAFF_ROLES.includes(role)) {
  fail(`--role must be one of: ${STAFF_ROLES.join(', ')} (residents are created with their dossier)`);
}
if (!values.username || !USERNAME_PATTERN.test(values.username)) {
  fail('--username must be 3-64 letters, digits, dots, dashes or underscores');
}
const displayName = values['display-name'] ?? values.username;
if (displayName.trim().length === 0 || displayName.length > 120) fail('--display-name must be 1-120 characters');
if (values['location-id'] !== undefined && !/^[0-9a-f-]{36}$/i.test(values['location-id'])) fail('--location-id must be a location id (UUID)');
if (!values['password-stdin']) fail('--password-stdin is required: pipe the password in, e.g. echo "$PASSWORD" | npm run -s user:create -- …');
const password = await readStdin();

const { config, db } = await openMigratedDatabase(
  'If that is the running server: create the first admin with the one-time setup code from its start-up log\n' +
    '(POST /api/v1/setup, see docs/operations.md), or stop the server and run this command again.',
);
try {
  const user = await createUserFromCommandLine(
    { db, now: new Date(), requestId: 'cli:user-create', secret: config.rootSecret, cipher: createFieldCipher(config.encryptionKeys) },
    { role, username: values.username, displayName: displayName.trim(), locationId: values['location-id'], password },
  );
  process.stdout.write(`created ${user.role} ${user.username} (${user.id})\n`);
} catch (error) {
  if (error instanceof AppError) fail(`refused: ${error.code} (${error.detail})`);
  throw error;
} finally {
  await db.destroy();
}
