// The service runs housekeeping by itself: a few minutes after start, then once a day. Every
// replica schedules it; the advisory lock lets only one of them do the work at a time.
import type { FastifyInstance } from 'fastify';
import { runHousekeeping } from './housekeeping.service.js';

const FIRST_RUN_MS = 5 * 60_000;
const EVERY_MS = 24 * 3600_000;

export function scheduleHousekeeping(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const result = await runHousekeeping(app.db, {
        now: app.now(), retentionMonths: app.appConfig.retentionMonths, auditRetentionMonths: app.appConfig.auditRetentionMonths,
        cipher: app.cipher,
      });
      // Counts only: nothing here names a person.
      if (result.ran) app.log.info({ housekeeping: result.report }, 'housekeeping done');
      else app.log.info('housekeeping skipped: another replica is running it');
    } catch (error) {
      app.log.error({ err: error }, 'housekeeping failed');
    } finally {
      timer = setTimeout(() => void run(), EVERY_MS).unref();
    }
  };
  app.addHook('onReady', async () => {
    timer = setTimeout(() => void run(), FIRST_RUN_MS).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearTimeout(timer);
  });
}
