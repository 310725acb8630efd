// The evaluation's questionnaire (instruments) and a dossier's T0/T1/T2 answers (docs/domain.md §7).
import { z } from 'zod';
import { MEASUREMENT_MOMENTS } from '../../lib/vocabulary.js';

// A version is a code (it is named in audit details and statistics cells): no spaces or free text.
const instrumentVersion = z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,40}$/, '1-40 letters, digits, dots, dashes, colons or underscores');
const itemCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case code of letters, digits and _');

export const instrumentBody = z.strictObject({
  version: instrumentVersion,
  name: z.string().trim().min(1).max(200),
  items: z.array(z.strictObject({
    code: itemCode,
    minScore: z.number().int().min(-1000).max(1000),
    maxScore: z.number().int().min(-1000).max(1000),
    label: z.string().trim().max(300).optional(),
  })).min(1).max(100),
}).superRefine((body, ctx) => {
  const codes = new Set<string>();
  body.items.forEach((item, index) => {
    if (codes.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', index, 'code'], message: 'item codes must be unique' });
    codes.add(item.code);
    if (item.minScore >= item.maxScore) ctx.addIssue({ code: 'custom', path: ['items', index, 'maxScore'], message: 'maxScore must exceed minScore' });
  });
});
export type InstrumentBody = z.infer<typeof instrumentBody>;

export const instrumentSchema = z.object({
  id: z.uuid(),
  version: z.string(),
  name: z.string(),
  items: z.array(z.object({ code: z.string(), minScore: z.number().int(), maxScore: z.number().int(), label: z.string().optional() })),
  createdAt: z.date(),
}).meta({ id: 'Instrument' });

export const measurementParams = z.strictObject({ id: z.uuid(), moment: z.enum(MEASUREMENT_MOMENTS) });

export const measurementBody = z.strictObject({
  instrumentVersion,
  items: z.record(itemCode, z.number().int()).refine((items) => Object.keys(items).length > 0, 'at least one item'),
});
export type MeasurementBody = z.infer<typeof measurementBody>;

export const measurementSchema = z.object({
  moment: z.enum(MEASUREMENT_MOMENTS),
  instrumentVersion: z.string(),
  items: z.record(z.string(), z.number().int()),
  recordedAt: z.date(),
  version: z.number().int(),
}).meta({ id: 'Measurement' });
export type MeasurementView = z.infer<typeof measurementSchema>;
