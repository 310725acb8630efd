// Weighted choices inside bulk SQL: a CASE over one random() column, so a whole population is
// drawn in one statement instead of a round trip per row.
import { sql, type RawBuilder } from 'kysely';

export type Weights = readonly (readonly [code: string, weight: number])[];

/** `CASE WHEN r < 0.4 THEN 'a' WHEN r < 0.65 THEN 'b' ELSE 'c' END` over the column `random`. */
export function pick(random: string, weights: Weights): RawBuilder<string> {
  if (!/^[a-z_][a-z0-9_.]*$/.test(random)) throw new RangeError(`not a column: ${random}`);
  for (const [code] of weights) if (!/^[A-Za-z0-9_]+$/.test(code)) throw new RangeError(`not a code: ${code}`);
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let reached = 0;
  const branches = weights.slice(0, -1).map(([code, weight]) => {
    reached += weight;
    return `WHEN ${random} < ${(reached / total).toFixed(6)} THEN '${code}'`;
  });
  const last = weights.at(-1);
  if (last === undefined) throw new RangeError('no weights');
  return sql.raw(`(CASE ${branches.join(' ')} ELSE '${last[0]}' END)`);
}
