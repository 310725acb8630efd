// Renders overview PDFs in a fixed pool of worker threads, so a 100–300 ms render never blocks the
// event loop that serves everyone else (docs/architecture.md), with a bounded wait list in front of it.
//
// Admission is decided here, not by piscina: at most `workers` renders run and `queueSize` wait;
// one more is refused at once with PdfRendererBusyError (503 + Retry-After), so a burst of PDF
// requests costs the other users nothing and the client learns immediately to come back.
// (piscina's own `maxQueue` is also set, as a second line; its limit also counts workers that are
// still starting, and it rejects with untyped errors, so it is not the one the route relies on.)
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { ServiceUnavailableError } from '../../lib/errors.js';
import type { OverviewPdfInput, PdfWorkerData } from './overview-pdf.types.js';
import type { PdfJob } from './pdf-job.js';

export interface PdfRendererOptions {
  /** Worker threads, each rendering one PDF at a time (config `pdfWorkers`). */
  workers: number;
  /** Renders that may wait for a free worker (config `pdfQueueSize`); 0 means none wait. */
  queueSize: number;
  /** What a refused client is told to wait (Retry-After); a full queue drains in about a second. */
  retryAfterSeconds?: number;
  /** A render still running after this is abandoned and its worker replaced. */
  timeoutMs?: number;
  /**
   * The render threads' OS scheduling niceness (0–19, higher yields more). Rendering is background
   * work: at the default a busy core goes to the requests first, so PDFs never slow the screens.
   */
  niceness?: number;
  /**
   * Linux: the render threads also take the idle scheduling policy (SCHED_IDLE), so they run only
   * on CPU no other thread wants; the niceness still holds where that policy cannot be had.
   * Default true.
   */
  idlePolicy?: boolean;
}

/** The default niceness of render threads: they run on idle CPU and yield under load. */
export const PDF_RENDER_NICENESS = 10;

export interface PdfRendererStats {
  workers: number;
  queueSize: number;
  /** Renders admitted and not yet settled (running or waiting). */
  inFlight: number;
  /** Renders waiting for a worker inside the pool. */
  queued: number;
  completed: number;
  /** Renders refused because the queue was full. */
  rejected: number;
}

export interface PdfRenderer {
  /** The resident's overview: shorthand for `renderJob({ document: 'overview', input })`. */
  render(input: OverviewPdfInput): Promise<Buffer>;
  renderJob(job: PdfJob): Promise<Buffer>;
  /** Lets admitted renders finish, refuses new ones, stops the threads. Safe to call twice. */
  close(): Promise<void>;
  stats(): PdfRendererStats;
}

// The app's one renderer, as a Fastify decoration: declared here, beside its type, so the HTTP
// glue (src/http) needs nothing from the modules.
declare module 'fastify' {
  interface FastifyInstance {
    pdfRenderer: PdfRenderer;
  }
}

/** Every worker is busy and the wait list is full: the route answers 503 with Retry-After. */
export class PdfRendererBusyError extends ServiceUnavailableError {
  override name = 'PdfRendererBusyError';
  constructor(retryAfterSeconds: number) {
    super('pdf_busy', 'Many PDFs are being made right now. Try again in a moment.', retryAfterSeconds);
  }
}

/** The renderer was closed (the service is shutting down): also 503. */
export class PdfRendererClosedError extends ServiceUnavailableError {
  override name = 'PdfRendererClosedError';
  constructor() {
    super('pdf_unavailable', 'PDFs cannot be made right now. Try again in a moment.', 5);
  }
}

/**
 * A render failed or timed out: a bug, so a 500. The message is fixed; the worker's own error is
 * kept as `cause` for debugging and never shown or logged as text (it might quote document content).
 */
export class PdfRenderError extends Error {
  override name = 'PdfRenderError';
  constructor(reason: 'failed' | 'timed_out', cause: unknown) {
    super(reason === 'timed_out' ? 'PDF rendering timed out' : 'PDF rendering failed', { cause });
  }
}

// From TypeScript source (vitest, tsx) this module is a .ts file and so is its worker; the worker
// thread starts without the caller's loader, so it gets tsx (a dev dependency, resolved only in
// that case). From the compiled build (dist/) both are .js and plain Node loads them.
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./overview-pdf.worker.${RUNNING_FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);

function workerExecArgv(): string[] {
  if (!RUNNING_FROM_SOURCE) return process.execArgv;
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  // Under the tsx CLI the thread inherits tsx already; registering it twice works but costs start-up time.
  if (process.execArgv.some((arg) => arg.includes(fileURLToPath(tsxLoader)))) return process.execArgv;
  return [...process.execArgv, '--import', tsxLoader];
}

// Headroom over what a 60-debt document needs; a runaway render dies alone instead of taking the process.
const WORKER_HEAP_MB = 256;

export function createPdfRenderer(options: PdfRendererOptions): PdfRenderer {
  const { workers, queueSize } = options;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError('workers must be a whole number ≥ 1');
  if (!Number.isInteger(queueSize) || queueSize < 0) throw new RangeError('queueSize must be a whole number ≥ 0');
  const retryAfterSeconds = options.retryAfterSeconds ?? 2;
  const timeoutMs = options.timeoutMs ?? 30_000;

  // Threads start with the first render, not here: an app built for a test that never asks for a
  // PDF should not pay for threads loading pdfmake. After that the pool stays at full size.
  let pool: Piscina<PdfJob, Uint8Array> | undefined;
  const startedPool = () =>
    (pool ??= new Piscina<PdfJob, Uint8Array>({
      filename: WORKER_URL.href,
      minThreads: workers,
      maxThreads: workers,
      maxQueue: queueSize,
      concurrentTasksPerWorker: 1,
      execArgv: workerExecArgv(),
      workerData: { niceness: options.niceness ?? PDF_RENDER_NICENESS, idle: options.idlePolicy ?? true } satisfies PdfWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    }));

  let inFlight = 0;
  let rejected = 0;
  let closed = false;
  let closing: Promise<void> | undefined;

  async function renderJob(job: PdfJob): Promise<Buffer> {
    if (closed) throw new PdfRendererClosedError();
    if (inFlight >= workers + queueSize) {
      rejected += 1;
      throw new PdfRendererBusyError(retryAfterSeconds);
    }
    inFlight += 1;
    try {
      const bytes = await startedPool().run(job, { signal: AbortSignal.timeout(timeoutMs) });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw new PdfRenderError('timed_out', error);
      throw new PdfRenderError('failed', error);
    } finally {
      inFlight -= 1;
    }
  }

  function close(): Promise<void> {
    closed = true;
    closing ??= pool?.close() ?? Promise.resolve();
    return closing;
  }

  function stats(): PdfRendererStats {
    return { workers, queueSize, inFlight, queued: pool?.queueSize ?? 0, completed: pool?.completed ?? 0, rejected };
  }

  const render = (input: OverviewPdfInput) => renderJob({ document: 'overview', input });

  return { render, renderJob, close, stats };
}
