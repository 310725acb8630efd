// Norm period shapes (DESIGN.md §7.4). Amounts per household key, excluding and including
// vakantietoeslag, as the published tables give them.
import { z } from 'zod';
import { centsSchema, isoDateSchema } from '../../lib/schemas.js';

// Shape and range only (400). Whether the figures belong together and follow the existing periods
// is the norms rule (422), checked in the service so every problem is reported at once.
const amountsInput = z.strictObject({
  excludingHolidayCents: centsSchema.min(1),
  includingHolidayCents: centsSchema.min(1),
});

export const createNormPeriodBody = z.strictObject({
  validFrom: isoDateSchema.describe('1 January or 1 July, after every existing period.'),
  label: z.string().trim().min(1).max(100).optional().describe('Defaults to "Bijstandsnormen <d> <maand> <jaar>".'),
  norms: z.strictObject({
    alleenstaand_21_aow: amountsInput,
    samenwonend_21_aow: amountsInput,
    alleenstaand_aow: amountsInput,
    samenwonend_aow: amountsInput,
  }),
});
export type CreateNormPeriodBody = z.infer<typeof createNormPeriodBody>;

const amountsSchema = z.object({ excludingHolidayCents: z.number().int(), includingHolidayCents: z.number().int() });

export const normPeriodSchema = z.object({
  id: z.uuid(),
  validFrom: z.string(),
  label: z.string(),
  norms: z.object({
    alleenstaand_21_aow: amountsSchema,
    samenwonend_21_aow: amountsSchema,
    alleenstaand_aow: amountsSchema,
    samenwonend_aow: amountsSchema,
  }),
  inForce: z.boolean().describe('The period in force today (Europe/Amsterdam).'),
  createdAt: z.date(),
  createdBy: z.uuid().nullable().describe('null for the periods seeded by the migration.'),
}).meta({ id: 'NormPeriod' });
export type NormPeriodView = z.infer<typeof normPeriodSchema>;

export const normPeriodPageSchema = z.object({
  items: z.array(normPeriodSchema),
  nextCursor: z.string().nullable(),
  today: z.string().describe('The day the flags below were judged on (Europe/Amsterdam).'),
  normPeriodOutdated: z.boolean().describe('The newest period started more than 7 months ago: new norms are due.'),
});
