import { describe, expect, it } from 'vitest';
import { IV_BYTES, randomIv } from '../../src/lib/random-iv.js';

describe('randomIv', () => {
  it('hands out 12-byte nonces that never repeat across many pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const iv = randomIv();
      expect(iv.length).toBe(IV_BYTES);
      seen.add(iv.toString('hex'));
    }
    expect(seen.size).toBe(5_000);
  });

  it('never changes a nonce it handed out when the pool is refilled', () => {
    const first = randomIv();
    const copy = Buffer.from(first);
    // 341 nonces fit in one 4 KiB pool: this crosses at least two refills.
    for (let i = 0; i < 1_000; i++) randomIv();
    expect(first.equals(copy)).toBe(true);
  });

  it('draws fresh randomness: no two pools are alike', () => {
    const pools = [0, 1].map(() => Buffer.concat(Array.from({ length: 341 }, () => randomIv())));
    expect(pools[0]!.equals(pools[1]!)).toBe(false);
    // A zero-filled pool (a refill that never ran) would show as long runs of zero bytes.
    expect(pools[0]!.filter((byte) => byte === 0).length).toBeLessThan(64);
  });
});
