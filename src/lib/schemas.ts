// Shared zod building blocks for request and response shapes (docs/api.md).
import { z } from 'zod';
import { FREQUENCIES, MAX_CENTS } from './money.js';

/** Integer euro cents, 0 … 10⁹. */
export const centsSchema = z.number().int().min(0).max(MAX_CENTS);

export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * A calendar date `YYYY-MM-DD` that exists (no 31 February), between 1900 and 2100: a typo like
 * `0026-01-15` is refused instead of stored (it broke the dossier's PDF). Same-width strings
 * compare as dates.
 */
export const isoDateSchema = z.iso.date()
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, `between ${EARLIEST_DATE} and ${LATEST_DATE}`)
  .meta({ description: `A calendar date between ${EARLIEST_DATE} and ${LATEST_DATE}.` });

export const frequencySchema = z.enum(FREQUENCIES);

/** Optional free text: trimmed, bounded; an empty string means "nothing". */
export const optionalText = (max: number) => z.string().trim().max(max);
