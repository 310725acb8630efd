import { describe, expect, it } from 'vitest';
import { normKeyForHousehold } from '../../src/domain/bvv.js';
import { previewNormChange, SAMPLE_HOUSEHOLDS } from '../../src/domain/norm-preview.js';
import { NORM_HOUSEHOLD_KEYS } from '../../src/lib/vocabulary.js';
import { JAN_2025, JUL_2025 } from '../support/norm-periods.js';

describe('norm period preview', () => {
  it('has a sample household for every norm key that maps back to that key', () => {
    for (const key of NORM_HOUSEHOLD_KEYS) expect(normKeyForHousehold(SAMPLE_HOUSEHOLDS[key])).toBe(key);
  });

  it('compares bvv and aflosruimte on a bijstand income under the current and the proposed norms', () => {
    const [single] = previewNormChange(JAN_2025.norms, JUL_2025.norms);
    // Income = 1 January 2025 single norm incl. vakantietoeslag, € 1.345,45.
    // Current bvv = 95 % of 127818 = 121427,1 → 121427; aflosruimte 134545 − 121427 = 13118.
    // Proposed bvv = 95 % of 130061 = 123557,95 → 123558; aflosruimte 134545 − 123558 = 10987.
    expect(single).toEqual({
      normKey: 'alleenstaand_21_aow', household: SAMPLE_HOUSEHOLDS.alleenstaand_21_aow, sampleIncomeMonthlyCents: 134545,
      current: { bvvIndicativeCents: 121427, aflosruimteCents: 13118 },
      proposed: { bvvIndicativeCents: 123558, aflosruimteCents: 10987 },
      bvvDifferenceCents: 2131,
    });
  });

  it('shows no bvv when the sample income rises above a lowered proposed norm, and works without a current period', () => {
    const lowered = Object.fromEntries(NORM_HOUSEHOLD_KEYS.map((key) => [key, { excludingHolidayCents: 95_000, includingHolidayCents: 100_000 }])) as typeof JUL_2025.norms;
    const [single] = previewNormChange(JUL_2025.norms, lowered);
    expect(single?.proposed).toEqual({ bvvIndicativeCents: null, aflosruimteCents: null });
    expect(single?.bvvDifferenceCents).toBeNull();
    const [first] = previewNormChange(null, JUL_2025.norms);
    expect(first).toMatchObject({ current: null, sampleIncomeMonthlyCents: 136906, bvvDifferenceCents: null });
  });
});
