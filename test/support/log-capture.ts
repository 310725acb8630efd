// Captures every log line an app writes, so tests can prove that personal data never reaches a log.
import { Writable } from 'node:stream';

/** Marker prefix test data uses for every personal field (names, stories, references, passwords). */
export const CANARY = 'CANARY';

export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }

  text(): string {
    return this.lines.join('\n');
  }

  /** The lines that contain the marker (case-insensitive, also JSON-escaped or URL-encoded forms). */
  linesContaining(marker: string): string[] {
    const forms = [marker, JSON.stringify(marker).slice(1, -1), encodeURIComponent(marker)].map((f) => f.toLowerCase());
    return this.lines.filter((line) => forms.some((form) => line.toLowerCase().includes(form)));
  }

  assertNoMarker(marker: string = CANARY): void {
    const leaked = this.linesContaining(marker);
    if (leaked.length > 0) {
      throw new Error(`personal-data marker "${marker}" reached the log:\n${leaked.slice(0, 5).join('\n')}`);
    }
  }
}
