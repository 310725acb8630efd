// Bands turn one resident's amount into a category, so the table shows how many fall where and
// never an individual figure; the band counts then go through count-tables.ts like any count.
//
// Total debt (cents): € 0 | under € 5.000 | 5.000–10.000 | 10.000–20.000 | 20.000–40.000 | € 40.000+.
// Each band doubles, which matches how debts spread (many small, a long tail). The top band
// starts at the national mean at aanmelding (NVVK 2022: € 40.170, docs/domain.md §5.3), so
// "40000_plus" reads as "at least the national average". Limits are whole € 100 multiples.
// Creditors: 0 | 1–2 | 3–5 | 6–10 | 11+; the national mean is 13, so "11_plus" is the typical
// formal-debt-help case and the lower bands show the lighter cases this programme also sees.
// Both start with a zero band because T1 is measured at closing, where debt-free is the outcome.

export interface Band {
  readonly code: string;
  readonly fromInclusive: number;
  /** `null`: open-ended. */
  readonly toExclusive: number | null;
}

export const TOTAL_DEBT_BANDS: readonly Band[] = [
  { code: 'none', fromInclusive: 0, toExclusive: 1 },
  { code: 'under_5000', fromInclusive: 1, toExclusive: 500_000 },
  { code: '5000_10000', fromInclusive: 500_000, toExclusive: 1_000_000 },
  { code: '10000_20000', fromInclusive: 1_000_000, toExclusive: 2_000_000 },
  { code: '20000_40000', fromInclusive: 2_000_000, toExclusive: 4_000_000 },
  { code: '40000_plus', fromInclusive: 4_000_000, toExclusive: null },
];

export const CREDITOR_COUNT_BANDS: readonly Band[] = [
  { code: 'none', fromInclusive: 0, toExclusive: 1 },
  { code: '1_2', fromInclusive: 1, toExclusive: 3 },
  { code: '3_5', fromInclusive: 3, toExclusive: 6 },
  { code: '6_10', fromInclusive: 6, toExclusive: 11 },
  { code: '11_plus', fromInclusive: 11, toExclusive: null },
];

/** The code of the band holding the value; bands must start at 0 and follow on without gaps. */
export function bandOf(value: number, bands: readonly Band[]): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('a banded value must be a non-negative whole number');
  const band = bands.find((candidate) => value >= candidate.fromInclusive
    && (candidate.toExclusive === null || value < candidate.toExclusive));
  if (band === undefined) throw new RangeError(`no band holds ${value}`);
  return band.code;
}

/** How many values fall in each band, in band order, empty bands as 0: ready for a count table. */
export function countPerBand(values: readonly number[], bands: readonly Band[]): number[] {
  const counts = new Map(bands.map((band) => [band.code, 0]));
  for (const value of values) {
    const code = bandOf(value, bands);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return bands.map((band) => counts.get(band.code) ?? 0);
}

/** The band codes as a dimension's values, in order. */
export function bandCodes(bands: readonly Band[]): string[] {
  return bands.map((band) => band.code);
}
