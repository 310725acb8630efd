// SIGTERM/SIGINT: stop accepting, let in-flight requests finish (Fastify answers newcomers 503),
// close the database through the app's onClose hooks, then exit 0. A hang is cut off after `delayMs`.
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';

export function closeGracefully(app: FastifyInstance, delayMs = 10_000): void {
  closeWithGrace({ delay: delayMs, logger: { error: (message: string) => app.log.error(message) } }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
}
