// A @fastify/rate-limit store on PostgreSQL (docs/architecture.md: no in-memory limits with replicas).
// Counting is one upsert, so concurrent requests on any replica each get a distinct count; windows
// are measured on the app clock, so tests move time instead of waiting.
import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Db } from '../db/database.js';
import { deriveKey } from '../lib/keys.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The plugin's store contract, with the `read` its typings omit (used by `{ increment: false }`). */
export interface ReadableRateLimitStore extends FastifyRateLimitStore {
  read(key: string, callback: Callback, timeWindow?: number, max?: number): void;
}

/** Expired rows are harmless (the upsert restarts them) but would pile up; clear them now and then. */
const SWEEP_INTERVAL_MS = 60_000;

export function postgresRateLimitStore(
  db: Db,
  now: () => Date,
  secret: Buffer,
): new (options?: unknown) => ReadableRateLimitStore {
  const hmacKey = deriveKey(secret, 'rate-limit-key');
  let lastSweep = 0;

  // Client addresses are personal data: only a keyed hash of route and address is stored.
  const storedKey = (namespace: string, key: string) =>
    createHmac('sha256', hmacKey).update(namespace).update('\0').update(key).digest();

  async function sweep(at: Date) {
    if (at.getTime() - lastSweep < SWEEP_INTERVAL_MS) return;
    lastSweep = at.getTime();
    try {
      await db.deleteFrom('rateLimitCounters').where('windowEndsAt', '<=', at).execute();
    } catch {
      // Counting stays correct without the sweep; the next one tries again.
    }
  }

  async function increment(namespace: string, key: string, timeWindow: number) {
    const at = now();
    const windowEnd = new Date(at.getTime() + timeWindow);
    const row = await db
      .insertInto('rateLimitCounters')
      .values({ key: storedKey(namespace, key), hits: 1, windowEndsAt: windowEnd })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => {
        const expired = eb(eb.ref('rateLimitCounters.windowEndsAt'), '<=', at);
        return {
          hits: eb.case().when(expired).then(1).else(eb(eb.ref('rateLimitCounters.hits'), '+', 1)).end(),
          windowEndsAt: eb.case().when(expired).then(windowEnd).else(eb.ref('rateLimitCounters.windowEndsAt')).end(),
        };
      }))
      .returning(['hits', 'windowEndsAt'])
      .executeTakeFirstOrThrow();
    await sweep(at);
    return { current: row.hits, ttl: Math.max(0, row.windowEndsAt.getTime() - at.getTime()) };
  }

  async function read(namespace: string, key: string) {
    const at = now();
    const row = await db
      .selectFrom('rateLimitCounters')
      .select(['hits', 'windowEndsAt'])
      .where('key', '=', storedKey(namespace, key))
      .where('windowEndsAt', '>', at)
      .executeTakeFirst();
    return row ? { current: row.hits, ttl: row.windowEndsAt.getTime() - at.getTime() } : { current: 0, ttl: 0 };
  }

  // The plugin instantiates the store itself (`new Store(options)`) and asks it for a child per
  // route; a class is what that interface wants. Each route counts in its own namespace.
  return class PostgresRateLimitStore implements ReadableRateLimitStore {
    readonly namespace: string;

    constructor(_options?: unknown, namespace = 'global') {
      this.namespace = namespace;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      increment(this.namespace, key, timeWindow).then((result) => callback(null, result), (error: Error) => callback(error));
    }

    read(key: string, callback: Callback): void {
      read(this.namespace, key).then((result) => callback(null, result), (error: Error) => callback(error));
    }

    child(options: Parameters<FastifyRateLimitStore['child']>[0]): ReadableRateLimitStore {
      // The typings promise route options; at run time the plugin passes its merged limit settings
      // with the route under `routeInfo` (index.js mergeParams), as its Redis store reads them.
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      const method = [route?.method ?? ''].flat().join(',');
      return new PostgresRateLimitStore(undefined, `${method} ${route?.url ?? ''}`);
    }
  };
}
