// The worker pool: renders off the main thread, refuses fast when full, closes cleanly.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../src/lib/errors.js';
import {
  createPdfRenderer, PdfRenderError, PdfRendererBusyError, PdfRendererClosedError, type PdfRenderer,
} from '../../src/modules/exports/pdf-renderer.js';
import { overviewInput } from '../support/overview-fixtures.js';
import { pdfText } from '../support/pdf-text.js';

const input = overviewInput();
const open: PdfRenderer[] = [];

function renderer(options: Parameters<typeof createPdfRenderer>[0]): PdfRenderer {
  const created = createPdfRenderer(options);
  open.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

// Renders on a loaded 2-core CI machine can take many seconds each; the assertions are about order.
describe('createPdfRenderer', { timeout: 120_000 }, () => {
  it('renders a PDF in a worker and hands back its bytes as a Buffer', async () => {
    const pdf = await renderer({ workers: 1, queueSize: 0 }).render(input);
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, total } = await pdfText(pdf);
    expect(total).toBeGreaterThan(1);
    expect(text).toContain('Uw schuldenoverzicht');
  });

  it('keeps the event loop free while rendering', async () => {
    const pool = renderer({ workers: 2, queueSize: 4 });
    await pool.render(input); // warm up: worker start and pdfmake's font loading
    // Order, not time: count the event loop's turns until the first of four renders is done.
    // Rendered on the main thread, a render would finish before the loop turned even once; off
    // it, the loop keeps turning (timers, I/O, other requests) while every render is in flight.
    let turns = 0;
    let turnsAtFirstRender: number | undefined;
    let spinning = true;
    // A 1 ms timer, not setImmediate: a busy-spinning main thread would starve the render
    // threads, which run at a lower OS priority, on a loaded machine.
    const spin = () => {
      turns += 1;
      if (spinning) setTimeout(spin, 1);
    };
    setTimeout(spin, 1);
    const renders = Array.from({ length: 4 }, () => pool.render(input).then(() => { turnsAtFirstRender ??= turns; }));
    await Promise.all(renders);
    spinning = false;
    expect(turnsAtFirstRender).toBeGreaterThan(10);
  });

  // Linux keeps a nice value per thread (/proc/self/task/<tid>/stat, field 19), which is what lets
  // the render threads yield while the event loop keeps its own priority.
  it.skipIf(process.platform !== 'linux')('renders at a lower OS priority than the event loop (Linux: nice is per thread)', async () => {
    const niceOfThreads = () => readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    const ownNice = () => {
      const stat = readFileSync('/proc/self/stat', 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const mainBefore = ownNice();
    const before = niceOfThreads();
    await renderer({ workers: 1, queueSize: 0, niceness: 7 }).render(input);
    const after = niceOfThreads();
    expect(after.filter((nice) => nice === 7).length).toBe(before.filter((nice) => nice === 7).length + 1);
    // The main thread (tid = pid) keeps its priority.
    expect(ownNice()).toBe(mainBefore);
  });

  // The scheduling policy is per thread too (field 41 of the same file; 5 is SCHED_IDLE). util-linux's
  // chrt sets it, and CI's Debian and the Docker image both have it.
  const chrtMissing = process.platform !== 'linux' || spawnSync('chrt', ['--version'], { stdio: 'ignore' }).status !== 0;
  it.skipIf(chrtMissing)('renders under the idle scheduling policy by default (skipped off Linux or without chrt)', async () => {
    const SCHED_IDLE = 5;
    const policyOf = (statPath: string) => {
      const stat = readFileSync(statPath, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38]);
    };
    const idleThreads = () => readdirSync('/proc/self/task').filter((tid) => policyOf(`/proc/self/task/${tid}/stat`) === SCHED_IDLE).length;
    const before = idleThreads();
    await renderer({ workers: 1, queueSize: 0 }).render(input);
    expect(idleThreads()).toBe(before + 1);
    await renderer({ workers: 1, queueSize: 0, idlePolicy: false }).render(input);
    expect(idleThreads()).toBe(before + 1);
    expect(policyOf('/proc/self/stat')).toBe(0);
  });

  it('refuses at once with a typed 503 error when every worker is busy and the queue is full', async () => {
    const pool = renderer({ workers: 1, queueSize: 1, retryAfterSeconds: 3 });
    const settled: ('rendered' | 'refused')[] = [];
    const attempts = Array.from({ length: 5 }, () => pool.render(input).then(
      (pdf) => {
        settled.push('rendered');
        return { ok: true as const, pdf };
      },
      (error: unknown) => {
        settled.push('refused');
        return { ok: false as const, error };
      },
    ));
    expect(pool.stats()).toMatchObject({ inFlight: 2, rejected: 3 });
    const results = await Promise.all(attempts);

    expect(results.filter((r) => r.ok)).toHaveLength(2);
    const refused = results.filter((r) => !r.ok).map((r) => r.error);
    expect(refused).toHaveLength(3);
    for (const error of refused) {
      expect(error).toBeInstanceOf(PdfRendererBusyError);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error).toMatchObject({ status: 503, code: 'pdf_busy', headers: { 'retry-after': '3' } });
    }
    // Refused at once: every refusal is settled before the first admitted render is done.
    expect(settled).toEqual(['refused', 'refused', 'refused', 'rendered', 'rendered']);
  });

  it('with no queue, admits only as many renders as there are workers', async () => {
    const pool = renderer({ workers: 1, queueSize: 0 });
    const results = await Promise.allSettled([pool.render(input), pool.render(input), pool.render(input)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(PdfRendererBusyError);
    // Capacity comes back once the render is done.
    await expect(pool.render(input)).resolves.toBeInstanceOf(Buffer);
    expect(pool.stats()).toMatchObject({ workers: 1, queueSize: 0, inFlight: 0, completed: 2, rejected: 2 });
  });

  it('turns a failing render into PdfRenderError without echoing document content', async () => {
    const pool = renderer({ workers: 1, queueSize: 0 });
    const broken = { ...input, generatedOn: 'CANARY-not-a-date' };
    const error = await pool.render(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRenderError);
    expect((error as Error).message).toBe('PDF rendering failed');
    expect((error as Error).message).not.toContain('CANARY');
    // The worker survives a failed task.
    await expect(pool.render(input)).resolves.toBeInstanceOf(Buffer);
  });

  it('abandons a render that runs too long and replaces its worker', async () => {
    const pool = renderer({ workers: 1, queueSize: 0, timeoutMs: 5 });
    const error = await pool.render(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRenderError);
    expect((error as Error).message).toBe('PDF rendering timed out');
    expect(pool.stats().inFlight).toBe(0);
  });

  it('closes cleanly: admitted renders finish, later ones are refused, closing twice is fine', async () => {
    const pool = createPdfRenderer({ workers: 1, queueSize: 1 });
    const admitted = [pool.render(input), pool.render(input)];
    const closing = pool.close();
    await expect(pool.render(input)).rejects.toBeInstanceOf(PdfRendererClosedError);
    const pdfs = await Promise.all(admitted);
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await closing;
    await expect(pool.close()).resolves.toBeUndefined();
    await expect(pool.render(input)).rejects.toMatchObject({ status: 503, code: 'pdf_unavailable' });
  });

  it('starts no threads until the first render, and closes at once if none was asked for', async () => {
    const pool = createPdfRenderer({ workers: 2, queueSize: 2 });
    expect(pool.stats()).toEqual({ workers: 2, queueSize: 2, inFlight: 0, queued: 0, completed: 0, rejected: 0 });
    await pool.close();
    await expect(pool.render(input)).rejects.toBeInstanceOf(PdfRendererClosedError);
  });

  it.each([
    [{ workers: 0, queueSize: 1 }],
    [{ workers: 1.5, queueSize: 1 }],
    [{ workers: 1, queueSize: -1 }],
  ])('refuses a pool of %o', (options) => {
    expect(() => createPdfRenderer(options)).toThrow(RangeError);
  });
});
