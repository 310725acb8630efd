// Form rules that mirror the API's (the server checks again; these only help the maatje early).
// Messages are the Dutch sentences of text.ts.
import { z } from 'zod';
import { t } from '../text';
import { parseEuroInput } from './money';

/** Required money: Dutch text in, cents out. */
export const moneyRequired = z.string().trim().min(1, t.phaseB.moneyRequired).transform((text, ctx) => {
  const cents = parseEuroInput(text);
  if (cents === null) {
    ctx.addIssue({ code: 'custom', message: t.phaseB.moneyInvalid });
    return z.NEVER;
  }
  return cents;
});

/** Optional money: empty stays undefined. */
export const moneyOptional = z.string().trim().transform((text, ctx) => {
  if (text === '') return undefined;
  const cents = parseEuroInput(text);
  if (cents === null) {
    ctx.addIssue({ code: 'custom', message: t.phaseB.moneyInvalid });
    return z.NEVER;
  }
  return cents;
});

/** A date input's value (YYYY-MM-DD) or empty. */
export const dateOptional = z.string().trim().refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), t.phaseB.dateInvalid)
  .transform((v) => (v === '' ? undefined : v));
