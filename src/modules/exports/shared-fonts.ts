// pdfkit parses the font files again for every document (fontkit.create), and with each new parse
// fontkit's own caches of glyphs and shaping tables start cold. Measured on the 30-debt overview,
// that is about a quarter of a render's CPU (p25 of 40 renders: 133 → 100 ms a render). The render
// threads share the machine with the requests, so a cheaper render is what keeps PDFs from
// slowing the screens (docs/architecture.md).
//
// A parsed font is safe to share between the documents of one thread: pdfkit only reads from it
// (shaping, glyph outlines), each document still builds its own subset and its own caches of text
// widths, and a thread renders one document at a time. A test renders a document before and after
// another one and compares the bytes.
//
// pdfkit takes fontkit from require() and offers no hook for this, so the swap is made where
// require() looks first: fontkit's entry in the CommonJS module cache gets a copy of fontkit whose
// `create` hands back the font parsed earlier from the same bytes. This works only before pdfkit
// is loaded, so importing this module makes the swap, and the worker imports it before pdfmake.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface Fontkit {
  create(bytes: Uint8Array, postscriptName?: string): unknown;
}

// Our documents use the four Roboto faces; the bound only guards against a future document that
// brings fonts of its own, so such bytes cannot make the thread keep fonts without end.
const MAX_SHARED_FONTS = 16;

const parsed = new Map<string, unknown>();
const stats = { parsed: 0, reused: 0, installed: false };

const require = createRequire(import.meta.url);

/** pdfkit, and its own fontkit: resolved the way pdfmake → pdfkit → fontkit resolve them, not ours. */
function pdfkitAndItsFontkit(): { pdfkit: string; fontkit: string } {
  const pdfkit = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
  return { pdfkit, fontkit: createRequire(pdfkit).resolve('fontkit') };
}

function sharedCreate(fontkit: Fontkit) {
  return (bytes: Uint8Array, postscriptName?: string): unknown => {
    const key = `${createHash('sha256').update(bytes).digest('base64')}\u0000${postscriptName ?? ''}`;
    const known = parsed.get(key);
    if (known !== undefined) {
      stats.reused += 1;
      return known;
    }
    const font = fontkit.create(bytes, postscriptName);
    stats.parsed += 1;
    if (parsed.size < MAX_SHARED_FONTS) parsed.set(key, font);
    return font;
  };
}

/**
 * Makes pdfkit, once loaded, parse each font once per thread. Changes nothing when pdfkit was
 * loaded before: it already holds the unshared fontkit, and PDFs come out the same, only slower.
 */
function shareParsedFonts(): void {
  const paths = pdfkitAndItsFontkit();
  if (require.cache[paths.pdfkit]) return;
  const fontkit = require(paths.fontkit) as Fontkit;
  const entry = require.cache[paths.fontkit];
  if (!entry) return;
  // A copy, because fontkit's exports are getters that cannot be redefined in place.
  entry.exports = { ...fontkit, create: sharedCreate(fontkit) };
  stats.installed = true;
}

shareParsedFonts();

/** Whether the swap was made, how often this thread parsed a font and how often it handed out one parsed before. */
export function sharedFontStats(): Readonly<typeof stats> {
  return { ...stats };
}
