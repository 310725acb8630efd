// Shared zod building blocks for request and response shapes (DESIGN.md §3).
import { z } from 'zod';
import { FREQUENCIES, MAX_CENTS } from './money.js';

/** Integer euro cents, 0 … 10⁹. */
export const centsSchema = z.number().int().min(0).max(MAX_CENTS);

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export const isoDateSchema = z.iso.date();

export const frequencySchema = z.enum(FREQUENCIES);

/** Optional free text: trimmed, bounded; an empty string means "nothing". */
export const optionalText = (max: number) => z.string().trim().max(max);

export const uuidParam = z.uuid();
