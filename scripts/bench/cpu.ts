// `npm run bench -- --cpu`: CPU milliseconds per request of the server process and of its
// PostgreSQL backends (Linux /proc), for a fixed number of requests per scenario. On a shared
// machine this is far steadier than requests per second, so a change to a hot path is measured here.
// The load generator (autocannon, in this process) shares the same cores, so its CPU per request is
// printed too, outside the total: it is the bench's cost, not the service's.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';

type Request = { path: string; headers?: Record<string, string>; requests?: NonNullable<autocannon.Options['requests']> };

export const TICKS_PER_SECOND = 100;

/** Requests each scenario runs before it is measured, in both modes of the bench. */
export const WARMUP_REQUESTS = 2000;

/** User and system CPU ticks of a process (or of one thread: its task's stat file); undefined once it has exited. */
export function cpuTicks(pidOrStatFile: number | string): number | undefined {
  try {
    // Fields after the command name: state is field 3, utime 14 and stime 15 (1-based).
    const stat = readFileSync(typeof pidOrStatFile === 'number' ? `/proc/${pidOrStatFile}/stat` : pidOrStatFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * CPU ticks the backends of `database` used between two looks: those alive at both, and those
 * that started in between in full. A backend that ended in between (an idle connection the pool
 * closed) is left out; it was idle.
 */
async function backendTicks(adminUrl: string, database: string): Promise<Map<number, number>> {
  const ticks = new Map<number, number>();
  for (const pid of await backendPids(adminUrl, database)) {
    const used = cpuTicks(pid);
    if (used !== undefined) ticks.set(pid, used);
  }
  return ticks;
}

async function backendPids(adminUrl: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

export function cpuHeader(amount: number, connections: number): string {
  return `\nCPU per request (${amount} requests, ${connections} connections): server ms | PostgreSQL ms | total ms | total ÷ the ceiling's total | load generator ms (not in the total)`;
}

/**
 * Prints each scenario's CPU per request; with `ceilingTotal` (the ceiling's total ms) also its
 * multiple of the ceiling's, a steadier yardstick than a ratio of requests per second on a shared
 * machine. Answers the last scenario's total ms.
 */
export async function cpuPerRequest(
  base: string, serverPid: number, adminUrl: string, database: string, scenarios: { name: string; request: Request }[],
  amount: number, connections: number, ceilingTotal?: number,
): Promise<number> {
  let total = 0;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  for (const { name, request } of scenarios) {
    // Warm up (JIT, prepared statements on every pooled connection), then measure. 500 requests
    // left the first route measured about 0.1 ms per request dearer than the same route measured later.
    await autocannon({ url: `${base}${request.path}`, headers: request.headers, requests: request.requests, connections, amount: Math.min(amount, WARMUP_REQUESTS) });
    const pgBefore = await backendTicks(adminUrl, database);
    const serverBefore = cpuTicks(serverPid) ?? 0;
    const generatorBefore = process.cpuUsage();
    const result = await autocannon({ url: `${base}${request.path}`, headers: request.headers, requests: request.requests, connections, amount });
    const generatorUsed = process.cpuUsage(generatorBefore);
    const generator = (generatorUsed.user + generatorUsed.system) / 1000 / amount;
    const server = ((cpuTicks(serverPid) ?? 0) - serverBefore) * (1000 / TICKS_PER_SECOND) / amount;
    let pgTicks = 0;
    for (const [pid, after] of await backendTicks(adminUrl, database)) pgTicks += after - (pgBefore.get(pid) ?? 0);
    const database_ = pgTicks * (1000 / TICKS_PER_SECOND) / amount;
    const bad = result.errors + result.non2xx;
    total = server + database_;
    const multiple = ceilingTotal ? `${(total / ceilingTotal).toFixed(2)}×` : '';
    out(`${name} | ${server.toFixed(2)} | ${database_.toFixed(2)} | ${total.toFixed(2)} | ${multiple} | ${generator.toFixed(2)}${bad ? ` (${bad} non-2xx/errors)` : ''}`);
  }
  return total;
}
