// The PDF's own figures: p50 of one render of the 30-debt dossier, and whether rendering slows the
// others down — the dossier read's p99 while four PDFs render at once, next to the same p99 without,
// measured just before and just after (averaged), as the ceilings beside the other scenarios: the
// speed of a shared machine drifts within a minute.
import autocannon from 'autocannon';
import { WARMUP_REQUESTS } from './cpu.js';
import { readHeaders, type BenchFixtures } from './fixtures.js';

/** Four people asking for their PDF at the same moment (the server renders them with its default pool). */
export const PDF_BENCH_RENDERERS = 4;
/** The target: the read's p99 with PDFs being made at most this multiple of its p99 without. */
export const PDF_P99_TARGET = 1.5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function downloadPdf(base: string, fixtures: BenchFixtures): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/dossiers/${fixtures.dossierId}/overview.pdf`, { headers: { authorization: `Bearer ${fixtures.maatjeToken}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`bench: the PDF answered ${res.status}`);
  return performance.now() - started;
}

function dossierReadP99(base: string, fixtures: BenchFixtures, seconds: number, connections: number) {
  return autocannon({
    url: `${base}/api/v1/dossiers/${fixtures.dossierId}`,
    headers: readHeaders(fixtures.maatjeToken as string),
    connections,
    duration: seconds,
  }).then((result) => ({ p99: result.latency.p99, rps: Math.round(result.requests.average), errors: result.errors + result.non2xx }));
}

export async function benchPdf(base: string, fixtures: BenchFixtures, seconds: number, connections: number) {
  for (let i = 0; i < 3; i++) await downloadPdf(base, fixtures); // warm the worker threads
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await downloadPdf(base, fixtures));
  times.sort((a, b) => a - b);

  // The read's own warm-up first, as every scenario's: without it the first quiet measurement, right
  // after the PDFs above, came out a third slower than the one after the busy one.
  await autocannon({ url: `${base}/api/v1/dossiers/${fixtures.dossierId}`, headers: readHeaders(fixtures.maatjeToken as string), connections, amount: WARMUP_REQUESTS });
  const quietBefore = await dossierReadP99(base, fixtures, seconds, connections);
  let rendering = true;
  let rendered = 0;
  const renderers = Array.from({ length: PDF_BENCH_RENDERERS }, async () => {
    while (rendering) {
      await downloadPdf(base, fixtures);
      rendered += 1;
    }
  });
  const busy = await dossierReadP99(base, fixtures, seconds, connections);
  rendering = false;
  await Promise.all(renderers);
  const quietAfter = await dossierReadP99(base, fixtures, seconds, connections);

  return {
    pdfP50: Math.round(percentile(times, 50)),
    pdfP90: Math.round(percentile(times, 90)),
    quiet: {
      p99: (quietBefore.p99 + quietAfter.p99) / 2,
      rps: Math.round((quietBefore.rps + quietAfter.rps) / 2),
      errors: quietBefore.errors + quietAfter.errors,
    },
    quietBefore,
    quietAfter,
    busy,
    pdfsDuringBusy: rendered,
  };
}
