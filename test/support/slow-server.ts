// A real server process for the shutdown test: the service as server.ts builds it, plus one slow
// route. The route says on stdout when it has started and finishes only when the test writes
// RELEASE to stdin; CLOSING on stdout means the server has begun to close. So the test steps on
// what the server did, not on how long that usually takes.
import { z } from 'zod';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { closeGracefully } from '../../src/http/shutdown.js';

let release: () => void = () => undefined;
const released = new Promise<void>((resolve) => { release = resolve; });
let input = '';
process.stdin.on('data', (chunk) => {
  input += String(chunk);
  if (input.includes('RELEASE')) release();
});

const app = await buildApp(loadConfig());
app.get('/test/slow', {
  config: { access: 'public' },
  schema: { hide: true, response: { 200: z.object({ finished: z.boolean() }) } },
}, async () => {
  process.stdout.write('SLOW STARTED\n');
  await released;
  return { finished: true };
});
// Runs once Fastify has marked itself closing (newcomers get 503) and before the port closes.
app.addHook('preClose', (done) => {
  process.stdout.write('CLOSING\n');
  done();
});
closeGracefully(app);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : ''}\n`);
