// Built views of dossiers, kept per process as the bytes that went out (docs/architecture.md, "The
// hot paths"). A read still runs its one statement every time: the scope and the audit row in SQL,
// and the dossier's `view_revision`, which triggers move in the same transaction as every write to
// the dossier, its rows or its people's names. Kept bytes go out again only when that revision and
// the calendar day (the view's flags depend on today) are the ones they were built at, so a process
// never serves a view another process's write made stale. A view holds decrypted content: it is
// kept at most five minutes (as the unwrapped keys in lib/dossier-keys.ts), within a byte budget
// (least recently used first out), dropped when the scope no longer finds its dossier and at an
// erasure in this process; VIEW_CACHE_MB=0 keeps none. A view also keeps its bytes compressed in
// each content coding a client asked for (http/content-coding.ts), made at most once per view.
// With the bytes it keeps the rows they were built from (still encrypted, as read), so that this
// process's own write of one row can bring the view to the new revision (view-patch.ts) instead of
// dropping it; the rows count against the budget as much as the bytes.
import { compressed, MIN_COMPRESSED_BYTES, type ContentCoding } from '../../http/content-coding.js';
import type { JsonSection } from '../../db/json-rows.js';
import type { DossierRead } from './dossier-gate.service.js';
import { stampAfterWrite } from './dossier-read.repository.js';
import { readAfterRowWrite, type RowWrite } from './view-patch.js';
import type { RowViews } from '../../lib/row-views.js';

export type ViewKind = 'dossier' | 'overview';

export interface KeptView {
  /** The read's stamp the view was built at (the dossier's view_revision, and what else it reads). */
  readonly stamp: string;
  readonly version: number;
  readonly body: Buffer;
  /** The body compressed, per coding asked for so far. */
  readonly encoded: Partial<Record<ContentCoding, Buffer>>;
}

/** How a read hands out its view: through this process's cache (if any), in the client's coding. */
export interface ViewDelivery {
  readonly cache: ViewCache | undefined;
  readonly coding: ContentCoding | undefined;
}

/** What goes out: the bytes, and their Content-Encoding when compressed. */
export interface SentView {
  readonly version: number;
  readonly bytes: Buffer;
  readonly coding: ContentCoding | undefined;
}

type AnySections = Record<string, JsonSection<unknown>>;

/** What a view was built from, and how: to build it again after a write of one row. */
export interface ViewSource {
  readonly found: DossierRead<AnySections>;
  readonly sections: AnySections;
  readonly build: (found: DossierRead<AnySections>, day: string, made: RowViews) => { version: number; body: string };
  /** The views of its rows made so far (row-views.ts): building it again makes only the written row's. */
  readonly made: RowViews;
}

interface Entry extends KeptView {
  readonly day: string;
  readonly storedAt: number;
  readonly source?: ViewSource;
}

// The rows a view was built from are counted as large as its body (they hold the same fields, still sealed).
const keptBytes = (view: KeptView & { source?: ViewSource }) =>
  view.body.length * (view.source ? 2 : 1) + (view.encoded.br?.length ?? 0) + (view.encoded.gzip?.length ?? 0);

/**
 * The view as a client that accepts `coding` gets it: compressed when it accepts a coding and the
 * body is large enough to gain. `keep` is told of bytes compressed for the first time.
 */
export function viewToSend(view: KeptView, coding: ContentCoding | undefined, keep?: (coding: ContentCoding, bytes: Buffer) => void): SentView {
  if (coding === undefined || view.body.length < MIN_COMPRESSED_BYTES) return { version: view.version, bytes: view.body, coding: undefined };
  let bytes = view.encoded[coding];
  if (bytes === undefined) {
    bytes = compressed(view.body, coding);
    keep?.(coding, bytes);
  }
  return { version: view.version, bytes, coding };
}

export const VIEW_TTL_MS = 5 * 60_000;

const VIEW_KINDS: readonly ViewKind[] = ['dossier', 'overview'];

/** `entry` as the view of the revision `write` made, or undefined when it is not of the one before or cannot be shown exactly. */
function rebuiltAfter(entry: Entry, write: RowWrite, day: string): Entry | undefined {
  const { source } = entry;
  if (!source || write.mark.priorViewRevision === null) return undefined;
  const stamp = stampAfterWrite(entry.stamp, write.mark.priorViewRevision, write.mark.viewRevision);
  if (stamp === undefined) return undefined;
  const found = readAfterRowWrite(source.found, source.sections, write);
  if (!found) return undefined;
  const { version, body } = source.build(found, day, source.made);
  return { stamp, version, body: Buffer.from(body), encoded: {}, day, storedAt: entry.storedAt, source: { ...source, found } };
}

export class ViewCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The kept view of a dossier, when there is one built on `day` less than five minutes before `nowMs`. */
  get(kind: ViewKind, dossierId: string, day: string, nowMs: number): KeptView | undefined {
    const key = `${kind}:${dossierId}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.day !== day || nowMs - entry.storedAt >= VIEW_TTL_MS || nowMs < entry.storedAt) {
      this.remove(key);
      return undefined;
    }
    // Most recently used last: the Map keeps insertion order, so eviction takes the first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(kind: ViewKind, dossierId: string, view: KeptView & { day: string; storedAt: number; source?: ViewSource }): void {
    const key = `${kind}:${dossierId}`;
    this.remove(key);
    if (keptBytes(view) > this.maxBytes) return;
    this.entries.set(key, view);
    this.bytes += keptBytes(view);
    this.evictOverBudget();
  }

  /** Keeps `bytes`, the view's body in `coding`, with the view, while it is still the one kept. */
  keepEncoded(kind: ViewKind, dossierId: string, view: KeptView, coding: ContentCoding, bytes: Buffer): void {
    const entry = this.entries.get(`${kind}:${dossierId}`);
    if (entry !== view || entry.encoded[coding] !== undefined) return;
    entry.encoded[coding] = bytes;
    this.bytes += bytes.length;
    this.evictOverBudget();
  }

  /** Every kept view of the dossier. */
  forget(dossierId: string): void {
    this.remove(`dossier:${dossierId}`);
    this.remove(`overview:${dossierId}`);
  }

  /**
   * After this process wrote one row of the dossier in one statement: each kept view of the revision
   * just before that write becomes the view of the new revision, built again from its rows with the
   * written one in its place (view-patch.ts). Any other kept view of the dossier is dropped, as is
   * one that cannot be brought up to date exactly. The view keeps the time it was first built at,
   * so its rows, like its bytes, stay at most five minutes.
   */
  afterRowWrite(dossierId: string, write: RowWrite, day: string, nowMs: number): void {
    for (const kind of VIEW_KINDS) {
      const entry = this.get(kind, dossierId, day, nowMs) as Entry | undefined;
      if (!entry) continue;
      let rebuilt: Entry | undefined;
      try {
        rebuilt = rebuiltAfter(entry, write, day);
      } catch {
        // The write has committed: its answer must not fail for a view that can be built by the next read.
        rebuilt = undefined;
      }
      if (rebuilt) this.set(kind, dossierId, rebuilt);
      else this.remove(`${kind}:${dossierId}`);
    }
  }

  get size(): { views: number; bytes: number } {
    return { views: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= keptBytes(entry);
  }

  private evictOverBudget(): void {
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= keptBytes(entry);
    }
  }
}

// One cache per app (its database handle): tests run several apps in one process.
const caches = new WeakMap<object, ViewCache>();

/** The app's view cache, made on first use; undefined when the configuration keeps none. */
export function viewCacheOf(db: object, megabytes: number): ViewCache | undefined {
  if (megabytes <= 0) return undefined;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ViewCache(megabytes * 1024 * 1024)));
  return cache;
}

/** This process's kept views of a dossier after its own one-statement write of one row (ViewCache.afterRowWrite). */
export function keepViewsAfterRowWrite(db: object, dossierId: string, write: RowWrite, day: string, nowMs: number): void {
  caches.get(db)?.afterRowWrite(dossierId, write, day, nowMs);
}

/** Drops what this process keeps of a dossier (an erasure); other processes drop it within five minutes or at their next read. */
export function forgetDossierViews(db: object, dossierId: string): void {
  caches.get(db)?.forget(dossierId);
}
