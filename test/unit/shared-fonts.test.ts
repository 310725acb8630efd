// The render thread parses each font once and shares it between documents (shared-fonts.ts). These
// tests load the worker module in this process, as a render thread loads it, so they also catch an
// import order that lets pdfkit load before the fonts are made shareable.
import { valueSymbol } from 'piscina';
import { afterEach, describe, expect, it, vi } from 'vitest';
import renderPdf from '../../src/modules/exports/overview-pdf.worker.js';
import { sharedFontStats } from '../../src/modules/exports/shared-fonts.js';
import { overviewInput, realisticDebts } from '../support/overview-fixtures.js';

type Moved = Record<symbol, Uint8Array>;

async function render(input: ReturnType<typeof overviewInput>): Promise<Buffer> {
  const moved = (await renderPdf({ document: 'overview', input })) as unknown as Moved;
  return Buffer.from(moved[valueSymbol] as Uint8Array);
}

const thirtyDebts = overviewInput({ debts: realisticDebts(30) });
// Other creditors and characters the first document does not have: glyphs a shared font picked up
// for this one must not end up in the next document's embedded subset.
const otherDebts = overviewInput({
  debts: realisticDebts(3).map((debt, i) => ({ ...debt, creditorName: ['Ærø Zorg', 'Ĳssel Wonen', 'Ça Va Kappers'][i]! })),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('fonts shared between the documents of one render thread', { timeout: 120_000 }, () => {
  it('parses each font face once, however many documents the thread renders', async () => {
    expect(sharedFontStats().installed).toBe(true);
    await render(thirtyDebts);
    const afterFirst = sharedFontStats();
    expect(afterFirst.parsed).toBeGreaterThan(0);

    await render(otherDebts);
    await render(thirtyDebts);
    const afterThree = sharedFontStats();
    expect(afterThree.parsed).toBe(afterFirst.parsed);
    expect(afterThree.reused).toBeGreaterThanOrEqual(afterFirst.reused + 2 * afterFirst.parsed);
  });

  it('renders a document byte for byte the same before and after another one', async () => {
    // pdfkit writes the moment of rendering into the file; everything else must be equal.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00Z') });
    const first = await render(thirtyDebts);
    const other = await render(otherDebts);
    const again = await render(thirtyDebts);
    expect(other.equals(first)).toBe(false);
    expect(again.equals(first)).toBe(true);
  });
});
