// How a render thread steps aside for the requests. Linux keeps a scheduling policy and a nice
// value per thread, so these calls change the calling render thread only, never the event loop.
import { spawnSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread: to SCHED_IDLE where asked and allowed (it then runs only on CPU no
 * other thread of the machine wants), and to `niceness`, which is what counts where that policy
 * cannot be had (another platform, no `chrt`, a refusing sandbox).
 *
 * Why SCHED_IDLE: a thread at nice 10 still gets about a tenth of a contended core, and on the
 * 2-core machines of the bench that tenth showed in every read's p99 (docs/architecture.md). Node
 * has no call for the policy; util-linux's `chrt` sets it for one thread id, and an unprivileged
 * thread may lower its own policy this way.
 */
export function lowerRenderThreadPriority(request: { niceness: number; idle: boolean }): void {
  try {
    setPriority(request.niceness);
  } catch {
    // Not permitted here (some containers); rendering at normal priority is still correct.
  }
  if (!request.idle || process.platform !== 'linux') return;
  const threadId = ownThreadId();
  // A failed or missing chrt leaves the nice value in force: slower to yield, still correct.
  if (threadId !== undefined) spawnSync('chrt', ['--idle', '--pid', '0', threadId], { stdio: 'ignore', timeout: 5_000 });
}

/** The kernel's id of the calling thread (/proc/thread-self is `<pid>/task/<tid>`). */
function ownThreadId(): string | undefined {
  try {
    const threadId = readlinkSync('/proc/thread-self').split('/').pop();
    return threadId && /^\d+$/.test(threadId) ? threadId : undefined;
  } catch {
    return undefined;
  }
}
