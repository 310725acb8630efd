// Form rules that mirror the API's (the server checks again; these only help the maatje early).
// Messages are the Dutch sentences of text.ts.
import { z } from 'zod';
import { t } from '../text';
import { parseDutchDate } from './dates';
import { parseEuroInput } from './money';

/** Typed text read by `parse` (null: unreadable, said with `message` at the field). */
function readAs<T>(parse: (text: string) => T | null, message: string) {
  return (text: string, ctx: z.RefinementCtx): T => {
    const value = parse(text);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value;
  };
}

/** Required money: Dutch text in, cents out. */
export const moneyRequired = z.string().trim().min(1, t.phaseB.moneyRequired).transform(readAs(parseEuroInput, t.phaseB.moneyInvalid));

/** Optional money: empty stays undefined. */
export const moneyOptional = z.string().trim()
  .transform((text, ctx) => (text === '' ? undefined : readAs(parseEuroInput, t.phaseB.moneyInvalid)(text, ctx)));

/** A required date typed day first ("15-03-2026"): ISO out. */
export const dateRequired = z.string().trim().min(1, t.date.required).transform(readAs(parseDutchDate, t.date.invalid));

/** An optional date typed day first: ISO out, empty stays undefined. */
export const dateOptional = z.string().trim()
  .transform((text, ctx) => (text === '' ? undefined : readAs(parseDutchDate, t.date.invalid)(text, ctx)));
