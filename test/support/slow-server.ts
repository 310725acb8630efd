// A real server process for the shutdown test: the service as server.ts builds it, plus one slow route.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { closeGracefully } from '../../src/http/shutdown.js';

const app = await buildApp(loadConfig());
app.get('/test/slow', {
  config: { access: 'public' },
  schema: { hide: true, response: { 200: z.object({ finished: z.boolean() }) } },
}, async () => {
  await sleep(1500);
  return { finished: true };
});
closeGracefully(app);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : ''}\n`);
