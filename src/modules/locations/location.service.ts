// Locations: the admin adds BuurtWerkKamers; every staff member may list them.
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/database.js';
import { ConflictError, DomainRuleError, isUniqueViolation } from '../../lib/errors.js';
import { toPage, type Page, type PageRequest } from '../../lib/pagination.js';
import type { ServiceContext } from '../../core/service-context.js';
import { insertLocation, listLocations as selectLocations, locationExists } from './location.repository.js';
import type { CreateLocationBody, LocationView } from './location.schemas.js';

export async function listLocations(ctx: ServiceContext, page: PageRequest): Promise<Page<LocationView>> {
  const rows = await selectLocations(ctx.db, { limit: page.limit, after: page.cursor });
  return toPage(rows, page.limit, (row) => ({ createdAt: row.cursorTime, id: row.id }),
    (row) => ({ id: row.id, name: row.name, city: row.city }));
}

export async function createLocation(ctx: ServiceContext, input: CreateLocationBody): Promise<LocationView> {
  const { actor } = ctx;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const location = await insertLocation(trx, { ...input, createdAt: ctx.now });
      await recordAudit(trx, {
        action: 'location.create',
        outcome: 'success',
        actorUserId: actor.userId,
        actorRole: actor.role,
        requestId: ctx.requestId,
        details: { locationId: location.id },
      });
      return location;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'locations_name_key')) {
      throw new ConflictError('location_name_taken', 'A location with this name exists.');
    }
    throw error;
  }
}

/** 422 unless the location exists: for other modules that take a locationId in a body. */
export async function assertLocationExists(db: Db, id: string): Promise<void> {
  if (!(await locationExists(db, id))) {
    throw new DomainRuleError('location_unknown', 'There is no location with this id.');
  }
}
