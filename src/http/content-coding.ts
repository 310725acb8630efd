// Compression of the large answers the web app asks for on every step (a dossier is about 35 KB
// of JSON, 3.9 KB as brotli): fewer bytes over a resident's phone connection, and less of the
// server's time in writing to the socket. Only the kept views use it (modules/dossiers/view-cache.ts),
// which compress once per view and encoding and then send the same bytes to every read;
// @fastify/compress would compress every answer again on every send.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';

export type ContentCoding = 'br' | 'gzip';

// Preference order when a client accepts both equally (browsers do).
const negotiator = new Negotiator<ContentCoding>({ supportedValues: ['br', 'gzip'] });

/** Smaller than this, compression saves less than the header it adds costs (as @fastify/compress's default). */
export const MIN_COMPRESSED_BYTES = 1024;

/** The coding to send to a client with this Accept-Encoding header, or undefined for none (identity). */
export function negotiatedCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  return acceptEncoding === undefined ? undefined : negotiator.negotiate(acceptEncoding) ?? undefined;
}

// Measured on the bench's dossier (35 KB of JSON) and overview (10 KB): brotli quality 1 with a
// 256 KiB window compresses the dossier in 0.04 ms to 3.9 KB, quality 4 in 0.14 ms to 3.5 KB, and
// brotli's default quality 11 takes 50 ms for 13 % fewer bytes. A kept view is compressed once
// but a read after every save builds a new one, so the cheap end wins: 0.4 KB more per read. The
// window matters as much as the quality: at the default 4 MiB window quality 1 takes 0.2 ms,
// most of it in allocating the encoder's state for a window the body never fills.
const BROTLI_PARAMS = {
  [constants.BROTLI_PARAM_QUALITY]: 1,
  [constants.BROTLI_PARAM_LGWIN]: 18,
  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
};

export function compressed(body: Buffer, coding: ContentCoding): Buffer {
  return coding === 'br'
    ? brotliCompressSync(body, { params: { ...BROTLI_PARAMS, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 });
}
