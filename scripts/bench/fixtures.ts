// Data the benchmark scenarios need, created through the service itself.
import type { FastifyInstance } from 'fastify';
import { seedStatsFixtures } from './stats-fixtures.js';

export type BenchFixtures = Record<string, string>;

export async function seedBenchFixtures(app: FastifyInstance): Promise<BenchFixtures> {
  return { ...(await seedStatsFixtures(app)) };
}
