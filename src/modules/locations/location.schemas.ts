// Shapes of /locations (docs/api.md): the BuurtWerkKamers.
import { z } from 'zod';
import { pageOf, pageQueryShape } from '../../lib/pagination.js';

export const LocationBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  city: z.string().trim().min(1).max(80),
});

export const Location = z.object({ id: z.uuid(), name: z.string(), city: z.string() });

export const LocationListQuery = z.strictObject({ ...pageQueryShape });
export const LocationList = pageOf(Location);
