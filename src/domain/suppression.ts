// Disclosure control for the evaluator's statistics (docs/domain.md §8, docs/api.md §4).
// Pure: the stats module computes raw aggregates in SQL and asks this module what may be shown.
//   parameters.ts     k, rounding base, the method description a response carries
//   count-tables.ts   one- and two-way count tables: small cells, homogeneity, rounding
//   complementary.ts  secondary suppression, so no hidden count follows from published ones
//   figures.ts        medians and sums: k and dominance rules
//   bands.ts          total-debt and creditor-count bands, counted into count tables

export * from './suppression/parameters.js';
export * from './suppression/count-tables.js';
export * from './suppression/complementary.js';
export * from './suppression/figures.js';
export * from './suppression/bands.js';
