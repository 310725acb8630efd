import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postgresRateLimitStore } from '../../src/http/rate-limit-store.js';
import { TestClock } from '../support/app.js';
import { useTestDb } from '../support/db.js';

const t = useTestDb();

function storeFor(clock: TestClock, secret = randomBytes(32)) {
  const Store = postgresRateLimitStore(t.db, clock.now, secret);
  return new Store({});
}

const incr = (store: ReturnType<typeof storeFor>, key: string, windowMs = 60_000) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) => {
    store.incr(key, (error, result) => (error ? reject(error) : resolve(result as { current: number; ttl: number })), windowMs, 10);
  });

const read = (store: ReturnType<typeof storeFor>, key: string) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) => {
    store.read(key, (error, result) => (error ? reject(error) : resolve(result as { current: number; ttl: number })), 60_000, 10);
  });

describe('the PostgreSQL rate-limit store', () => {
  it('counts concurrent hits exactly once each', async () => {
    const store = storeFor(new TestClock());
    const results = await Promise.all(Array.from({ length: 25 }, () => incr(store, 'concurrent')));
    expect(results.map((r) => r.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('measures the window on the app clock and restarts it once passed', async () => {
    const clock = new TestClock();
    const store = storeFor(clock);
    expect(await incr(store, 'window')).toEqual({ current: 1, ttl: 60_000 });
    clock.advanceSeconds(20);
    expect(await incr(store, 'window')).toEqual({ current: 2, ttl: 40_000 });
    expect(await read(store, 'window')).toEqual({ current: 2, ttl: 40_000 });
    clock.advanceSeconds(40);
    expect(await read(store, 'window')).toEqual({ current: 0, ttl: 0 });
    expect(await incr(store, 'window')).toEqual({ current: 1, ttl: 60_000 });
  });

  it('keeps routes apart and never stores the key itself', async () => {
    const clock = new TestClock();
    const secret = randomBytes(32);
    const Store = postgresRateLimitStore(t.db, clock.now, secret);
    const parent = new Store({});
    const login = parent.child({ routeInfo: { method: 'POST', url: '/api/v1/auth/login' } } as never);
    const refresh = parent.child({ routeInfo: { method: 'POST', url: '/api/v1/auth/refresh' } } as never);
    const hit = (store: typeof login) => new Promise<number>((resolve, reject) => {
      store.incr('192.0.2.44', (error, result) => (error ? reject(error) : resolve(result?.current ?? -1)), 60_000, 10);
    });
    expect(await hit(login)).toBe(1);
    expect(await hit(login)).toBe(2);
    expect(await hit(refresh)).toBe(1);
    const keys = await t.db.selectFrom('rateLimitCounters').select('key').execute();
    expect(keys.some((row) => row.key.toString('latin1').includes('192.0.2.44'))).toBe(false);
  });

  it('clears expired counters now and then', async () => {
    const clock = new TestClock();
    const store = storeFor(clock);
    await incr(store, 'old', 1_000);
    clock.advanceSeconds(120);
    await incr(store, 'new');
    const count = await t.db.selectFrom('rateLimitCounters').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('windowEndsAt', '<=', clock.now()).executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });
});
