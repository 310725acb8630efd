// Text of a rendered PDF, through pdf-parse 2 (pdf.js), for assertions on what a resident reads.
import { PDFParse } from 'pdf-parse';

export interface PdfText {
  /** All pages, in order. */
  text: string;
  pages: string[];
  total: number;
}

export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  // A copy: pdf.js may take over (detach) the buffer it is given.
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.pages.map((page) => page.text), total: result.total };
  } finally {
    await parser.destroy();
  }
}

/**
 * A string as text extraction gives it back: pdf.js reports the non-breaking space after "€" as an
 * ordinary space (same glyph, same look). Nothing else is changed, so "−" and every digit still count.
 */
export function asExtracted(text: string): string {
  return text.replace(/\u00A0/g, ' ');
}

/** Without any whitespace: a long word the PDF had to wrap is still found. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
