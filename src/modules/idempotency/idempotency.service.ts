// Idempotency-Key on creating requests (docs/api.md): a repeat returns the first result, the same
// key with another body is 422. Kept 24 h per user, written in the same transaction as the effect.
// Callers strip secrets (activation codes, tokens) from what they store; the rest (action titles,
// notes) is content, so the stored reply is encrypted like any content field and bound to its row.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DomainRuleError } from '../../lib/errors.js';
import type { FieldCipher, FieldContext } from '../../lib/field-crypto.js';
import { deleteExpiredIdempotencyRecords, findIdempotencyRecord, lockIdempotencyKey, saveIdempotencyRecord } from './idempotency.repository.js';
import type { IdempotentResult } from '../../core/idempotent-result.js';

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface CreatedResponse<T> {
  statusCode: number;
  body: T;
}


export function requestHash(operation: string, payload: unknown): Buffer {
  return createHash('sha256').update(operation).update('\0').update(JSON.stringify(payload ?? null)).digest();
}

export async function idempotent<T>(
  trx: Kysely<Database>,
  request: { userId: string; key: string | undefined; operation: string; payload: unknown; now: Date; cipher: FieldCipher },
  create: () => Promise<CreatedResponse<T>>,
  storable: (body: T) => unknown = (body) => body,
): Promise<IdempotentResult<T>> {
  if (request.key === undefined) {
    const created = await create();
    return { replayed: false, ...created };
  }
  const expiredBefore = new Date(request.now.getTime() - IDEMPOTENCY_RETENTION_MS);
  const hash = requestHash(request.operation, request.payload);
  // Parallel requests with one key queue here until the first commits; they then replay its result
  // instead of racing to insert the same key (which made 9 of 10 a 500).
  await lockIdempotencyKey(trx, request.userId, request.key);
  const previous = await findIdempotencyRecord(trx, request.userId, request.key, expiredBefore);
  if (previous) {
    if (previous.operation !== request.operation || !previous.requestHash.equals(hash)) {
      throw new DomainRuleError('idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
    }
    return { replayed: true, statusCode: previous.statusCode, bodyText: storedReplyText(request.cipher, { userId: request.userId, key: request.key }, previous.responseBodyText) };
  }
  const created = await create();
  await saveIdempotencyRecord(trx, idempotencyRecord({ ...request, key: request.key, hash }, created, storable), expiredBefore);
  // Old records of anyone go now and then, so the table stays at about one day of creates (and
  // daily with housekeeping, for the creates that store their record in one statement).
  if (Math.random() < 0.01) await deleteExpiredIdempotencyRecords(trx, expiredBefore);
  return { replayed: false, ...created };
}

/** What a create with a key stores: the request's hash, to tell a repeat from a reuse, and its reply, sealed. */
export function idempotencyRecord<T>(
  request: { userId: string; key: string; operation: string; payload: unknown; now: Date; cipher: FieldCipher; hash?: Buffer },
  created: CreatedResponse<T>,
  storable: (body: T) => unknown = (body) => body,
) {
  return {
    userId: request.userId,
    key: request.key,
    operation: request.operation,
    requestHash: request.hash ?? requestHash(request.operation, request.payload),
    statusCode: created.statusCode,
    responseBody: JSON.stringify(request.cipher.encrypt(JSON.stringify(storable(created.body)), replyField(request))),
    createdAt: request.now,
  };
}

function replyField(request: { userId: string; key: string }): FieldContext {
  return { table: 'idempotency_keys', column: 'response_body', rowId: `${request.userId}:${request.key}` };
}

// The reply is stored as a JSON string holding the ciphertext; replies stored before encryption
// (an object, at most a day old) are sent as they are.
function storedReplyText(cipher: FieldCipher, request: { userId: string; key: string }, stored: string): string {
  const parsed = JSON.parse(stored) as unknown;
  return typeof parsed === 'string' ? cipher.decrypt(parsed, replyField(request)) : stored;
}
