// An embedded PGlite data directory belongs to one process: two processes writing the same files
// corrupt it, and a second process silently works on a stale copy of the first one's data. A lock
// file (`DATA_DIR/.lock`: pid, host, start time) says who holds it. It appears atomically, complete
// or not at all (written beside it, then hard-linked into place, which fails if it exists), so of
// two processes starting at once exactly one wins.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = '.lock';
const TAKEOVER_FILE_NAME = '.lock.takeover';
/** A takeover that has not finished in this time was cut off by a crash; its guard is stale too. */
const TAKEOVER_STALE_MS = 10_000;

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(readonly dataDir: string, readonly holder: LockHolder | undefined) {
    const who = holder
      ? `process ${holder.pid} on host ${holder.hostname} (${holder.command}, started ${holder.startedAt})`
      : 'another process (its lock file is being written or cannot be read)';
    super(
      `DATA_DIR ${dataDir} is in use by ${who}.\n` +
        'Only one process may open an embedded database at a time; nothing was changed.\n' +
        'Stop that process first, or set DATABASE_URL to use PostgreSQL, which many processes can share.' +
        (holder && holder.hostname !== os.hostname()
          ? `\nThe holder runs on another host, so it cannot be checked from here: when you are sure it has stopped, delete ${path.join(dataDir, LOCK_FILE_NAME)}.`
          : ''),
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.startedAt !== 'string') return undefined;
    return { pid: value.pid, hostname: value.hostname, startedAt: value.startedAt, command: String(value.command ?? 'unknown') };
  } catch {
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Only a holder on this host whose process is gone is provably stale. */
function isStale(holder: LockHolder): boolean {
  return holder.hostname === os.hostname() && holder.pid !== process.pid && !processIsAlive(holder.pid);
}

/** Writes `content` to `target` only if `target` does not exist; false when it does. */
function createExclusive(target: string, content: string): boolean {
  const draft = `${target}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    linkSync(draft, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Replaces a stale lock. Two processes may find the same stale lock; the takeover guard lets only
 * one of them remove it, so neither can delete the fresh lock the other just took.
 */
function takeOverStale(dataDir: string, file: string, stale: LockHolder, content: string): boolean {
  const guard = path.join(dataDir, TAKEOVER_FILE_NAME);
  if (!createExclusive(guard, String(process.pid))) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > TAKEOVER_STALE_MS) removeIfPresent(guard);
    } catch {
      // The guard went away meanwhile: the other takeover finished.
    }
    return false;
  }
  try {
    const current = readHolder(file);
    // Still the same stale holder (not a lock someone took since we looked)?
    if (current && current.pid === stale.pid && current.startedAt === stale.startedAt) removeIfPresent(file);
    return createExclusive(file, content);
  } finally {
    removeIfPresent(guard);
  }
}

/**
 * Takes the lock on `dataDir` for this process, or throws DataDirInUseError naming the holder.
 * A lock left by a crashed process on this host is taken over. The lock is released by
 * `release()` and, as a safety net, when the process exits.
 */
export function acquireDataDirLock(dataDir: string, command = process.argv.slice(1).map((a) => path.basename(a)).join(' ')): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), command };
  const content = `${JSON.stringify(holder, null, 2)}\n`;

  let acquired = createExclusive(file, content);
  if (!acquired) {
    const existing = readHolder(file);
    if (existing && isStale(existing)) acquired = takeOverStale(dataDir, file, existing, content);
    if (!acquired) throw new DataDirInUseError(dataDir, readHolder(file) ?? existing);
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const current = readHolder(file);
    if (current && current.pid === holder.pid && current.startedAt === holder.startedAt) removeIfPresent(file);
  };
  process.on('exit', release);
  return { file, holder, release };
}
