// Data the benchmark scenarios need, created through the service itself.
import type { FastifyInstance } from 'fastify';

export type BenchFixtures = Record<string, string>;

export async function seedBenchFixtures(_app: FastifyInstance): Promise<BenchFixtures> {
  return {};
}
