// Shapes of /locations (docs/api.md): the BuurtWerkKamers.
import { z } from 'zod';
import { pageOf, pageQueryShape } from '../../lib/pagination.js';

export const createLocationBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  city: z.string().trim().min(1).max(80),
});
export type CreateLocationBody = z.infer<typeof createLocationBody>;

export const locationSchema = z.object({ id: z.uuid(), name: z.string(), city: z.string() });
export type LocationView = z.infer<typeof locationSchema>;

export const locationListQuery = z.strictObject({ ...pageQueryShape });
export const locationListSchema = pageOf(locationSchema);
