// The server under benchmark, in its own process so autocannon's work does not share its event loop.
// Prints `READY <port> <fixtures JSON>` once seeded; the fixtures name what the scenarios request.
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { closeGracefully } from '../../src/http/shutdown.js';
import { seedBenchFixtures } from './fixtures.js';

const app = await buildApp(loadConfig());
closeGracefully(app);
await app.listen({ port: 0, host: '127.0.0.1' });
const fixtures = await seedBenchFixtures(app);
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0} ${JSON.stringify(fixtures)}\n`);
