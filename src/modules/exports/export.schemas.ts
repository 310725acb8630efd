// The resident's copy of everything stored about them (AVG art. 15 and 20): machine-readable,
// decrypted, one document per dossier.
import { z } from 'zod';
import { MEASUREMENT_MOMENTS, ROLES } from '../../lib/vocabulary.js';
import { accessLogItemSchema, dossierSchema, storySchema } from '../dossiers/dossier.schemas.js';
import { measurementSchema } from '../measurements/measurement.schemas.js';
import { handoverConsentSchema } from '../paperwork/handover.schemas.js';
import { letterSchema } from '../paperwork/letter.schemas.js';

export const EXPORT_FORMAT_VERSION = 1;

export const dossierExportSchema = z.object({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.date(),
  account: z.object({
    id: z.uuid(), role: z.enum(ROLES), username: z.string().nullable(), displayName: z.string(),
    locationId: z.uuid().nullable(), createdAt: z.date(),
  }),
  dossier: dossierSchema,
  story: storySchema.nullable(),
  consentRecords: z.array(z.object({
    kind: z.enum(['given', 'withdrawn']), at: z.date(), textVersion: z.string().nullable(),
    statisticsOptIn: z.boolean().nullable(), recordedOnPaper: z.boolean(),
  })),
  measurements: z.array(measurementSchema),
  debtSnapshots: z.array(z.object({
    moment: z.enum(MEASUREMENT_MOMENTS.filter((m) => m !== 'T2') as ['T0', 'T1']), totalDebtCents: z.number().int(),
    creditorCount: z.number().int(), takenAt: z.date(),
  })),
  assignmentHistory: z.array(z.object({
    maatjeDisplayName: z.string(), assignedAt: z.date(), endedAt: z.date().nullable(), reason: z.string().nullable(),
  })),
  accessLog: z.array(accessLogItemSchema),
  letters: z.array(letterSchema).describe('Letters to creditors made for the resident, with when they were sent and answered.'),
  handoverConsents: z.array(handoverConsentSchema).describe('Every consent to hand the dossier over, withdrawn ones included.'),
}).meta({ id: 'DossierExport' });
export type DossierExport = z.infer<typeof dossierExportSchema>;
