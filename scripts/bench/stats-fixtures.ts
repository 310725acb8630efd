// A signed-in evaluator for the statistics benchmark: a session row and an access token made the
// way the service makes them (no login route exists yet). Lives ten minutes, like any access token.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sealDisplayName } from '../../src/lib/display-name.js';

export async function seedStatsFixtures(app: FastifyInstance): Promise<Record<string, string>> {
  const now = app.now();
  const id = randomUUID();
  const user = await app.db.insertInto('users')
    .values({ id, role: 'evaluator', displayNameEncrypted: sealDisplayName(app.cipher, id, 'Bench evaluator'), updatedAt: now })
    .returning('id').executeTakeFirstOrThrow();
  const session = await app.db.insertInto('sessions')
    .values({ userId: user.id, expiresAt: new Date(now.getTime() + 3_600_000) })
    .returning('id').executeTakeFirstOrThrow();
  return { evaluatorToken: app.jwt.sign({ sub: user.id, sid: session.id, role: 'evaluator' }, { jti: randomUUID() }) };
}
