// The wrapped data key this process last saw for a dossier, at its gate (docs/architecture.md, "The
// hot paths"). A one-statement write encrypts its values with it before the statement has checked
// anything, and the statement then requires that key to still be the dossier's: a stale memory
// only sends the write along the general path. Wrapped keys are useless without a master key; they
// are kept as long as the unwrapped ones (lib/dossier-keys.ts), bounded, and dropped at an erasure.
import type { WrappedDataKey } from '../../lib/dossier-keys.js';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 2_000;

class KnownDataKeys {
  private readonly entries = new Map<string, WrappedDataKey & { seenAt: number }>();

  get(dossierId: string, nowMs: number): WrappedDataKey | undefined {
    const entry = this.entries.get(dossierId);
    if (!entry) return undefined;
    if (nowMs - entry.seenAt >= TTL_MS || nowMs < entry.seenAt) {
      this.entries.delete(dossierId);
      return undefined;
    }
    return { keyId: entry.keyId, wrappedKey: entry.wrappedKey };
  }

  set(dossierId: string, key: WrappedDataKey, nowMs: number): void {
    this.entries.delete(dossierId);
    this.entries.set(dossierId, { keyId: key.keyId, wrappedKey: key.wrappedKey, seenAt: nowMs });
    // The Map keeps insertion order: the first entry is the one seen longest ago.
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(dossierId: string): void {
    this.entries.delete(dossierId);
  }
}

// One memory per app (its database handle): tests run several apps in one process.
const memories = new WeakMap<object, KnownDataKeys>();

function memoryOf(db: object): KnownDataKeys {
  let memory = memories.get(db);
  if (!memory) memories.set(db, (memory = new KnownDataKeys()));
  return memory;
}

export function rememberDataKey(db: object, dossierId: string, key: WrappedDataKey | null, now: Date): void {
  if (key === null) memoryOf(db).forget(dossierId);
  else memoryOf(db).set(dossierId, key, now.getTime());
}

export function knownDataKey(db: object, dossierId: string, now: Date): WrappedDataKey | undefined {
  return memories.get(db)?.get(dossierId, now.getTime());
}

export function forgetDataKey(db: object, dossierId: string): void {
  memories.get(db)?.forget(dossierId);
}
