// Where a measured run's time went (Linux /proc): how busy the server's main thread was, as a share
// of one core, and how much of the machine stayed idle. A run bounded by the server's one
// JavaScript thread shows that thread near 100 % with idle CPU left over; a run bounded by the
// machine's cores (server, PostgreSQL and load generator together) shows almost no idle CPU, and one
// with neither also waits. The bench's ceiling is of the first kind and its routes are not, so these
// two figures explain why their ratios move with the state of a shared machine.
import { readFileSync } from 'node:fs';
import { cpuTicks, TICKS_PER_SECOND } from './cpu.js';

export type CpuShare = { serverThread: number; machineIdle: number };

/** Idle (with I/O wait) and total ticks of all cores together, from the first line of /proc/stat. */
function machineTicks(): { idle: number; total: number } | undefined {
  try {
    const [, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/);
    const ticks = fields.map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user and nice).
    const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0);
    return { idle: (ticks[3] ?? 0) + (ticks[4] ?? 0), total };
  } catch {
    return undefined;
  }
}

/** Starts watching; the function it answers gives the shares since, or undefined off Linux. */
export function watchCpuShare(serverPid: number | undefined): () => CpuShare | undefined {
  // The main thread's task has the process's own id.
  const threadStat = `/proc/${serverPid}/task/${serverPid}/stat`;
  const thread = cpuTicks(threadStat);
  const machine = machineTicks();
  const started = process.hrtime.bigint();
  return () => {
    const threadNow = cpuTicks(threadStat);
    const machineNow = machineTicks();
    if (thread === undefined || threadNow === undefined || !machine || !machineNow || machineNow.total === machine.total) return undefined;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      serverThread: (threadNow - thread) / TICKS_PER_SECOND / seconds,
      machineIdle: (machineNow.idle - machine.idle) / (machineNow.total - machine.total),
    };
  };
}
