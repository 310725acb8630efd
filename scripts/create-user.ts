// npm run user:create -- --role admin --username NAME --password-stdin [--display-name NAME] [--location-id ID]
// Bootstraps the first admin against whichever database is configured. The password comes from
// standard input only (never an argument, so it stays out of shell history and process lists).
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../src/lib/vocabulary.js';
import { hashPassword, passwordProblem } from '../src/modules/auth/password.js';
import { findUserIdByUsername, insertUser } from '../src/modules/users/user.repository.js';
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

const role = values.role as Role | undefined;
if (!role || !ROLES.includes(role)) fail(`--role must be one of: ${ROLES.join(', ')}`);
if (!values.username || !/^[A-Za-z0-9._-]{3,64}$/.test(values.username)) {
  fail('--username must be 3-64 letters, digits, dots, dashes or underscores');
}
if (!values['password-stdin']) fail('--password-stdin is required: pipe the password in, e.g. echo "$PASSWORD" | npm run -s user:create -- …');
const password = await readStdin();
const problem = passwordProblem(password);
if (problem) fail(`password refused: ${problem.replace('_', ' ')} (8-128 characters, not a common password)`);

const { db } = await openMigratedDatabase();
try {
  if (await findUserIdByUsername(db, values.username)) fail(`username "${values.username}" is taken`);
  const user = await insertUser(db, {
    role,
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    locationId: values['location-id'] ?? null,
    passwordHash: await hashPassword(password),
    updatedAt: new Date(),
  });
  process.stdout.write(`created ${user.role} ${user.username} (${user.id})\n`);
} finally {
  await db.destroy();
}
