// Norm period shapes (docs/domain.md §4). Amounts per household key, excluding and including
// vakantietoeslag, as the published tables give them.
import { z } from 'zod';
import { centsSchema, isoDateSchema } from '../../lib/schemas.js';
import { AGE_BANDS, LEEFSITUATIES, NORM_HOUSEHOLD_KEYS } from '../../lib/vocabulary.js';

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

const sampleFigures = z.object({
  bvvIndicativeCents: z.number().int().nullable().describe('95 % of the norm excluding vakantietoeslag; null when the income is above the norm.'),
  aflosruimteCents: z.number().int().nullable().describe('Sample income minus that beslagvrije voet; null without one.'),
});

export const normPeriodPreviewSchema = z.object({
  errors: z.array(z.object({
    pointer: z.string(), code: z.string(), detail: z.string(),
    expectedExcludingHolidayCents: z.number().int().optional(),
    newestValidFrom: z.string().optional(),
    latestValidFrom: z.string().optional(),
  })).describe('What saving would refuse (the errors of the 422 of POST /norm-periods); empty when it can be saved.'),
  currentPeriod: z.object({ validFrom: z.string(), label: z.string() }).nullable().describe('The period in force today.'),
  households: z.array(z.object({
    normKey: z.enum(NORM_HOUSEHOLD_KEYS),
    household: z.object({
      leefsituatie: z.enum(LEEFSITUATIES), ageBand: z.enum(AGE_BANDS), partnerAgeBand: z.enum(AGE_BANDS).nullish(),
    }),
    sampleIncomeMonthlyCents: z.number().int().describe('A bijstand income: the norm including vakantietoeslag in force today.'),
    current: sampleFigures.nullable().describe('Under the period in force today; null when there is none.'),
    proposed: sampleFigures,
    bvvDifferenceCents: z.number().int().nullable(),
  })),
}).meta({ id: 'NormPeriodPreview' });
export type NormPeriodPreview = z.infer<typeof normPeriodPreviewSchema>;
