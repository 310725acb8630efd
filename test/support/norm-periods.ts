// The norm periods the migration seeds (domain.md §1.4), as literals: tests compare the database
// and the calculations against these published figures, never against code that derives them.
// Excluding amounts of the first two periods = round_half_up(including × 0,95).
import type { NormPeriod } from '../../src/domain/norms.js';

export const SEEDED_NORM_PERIODS: NormPeriod[] = [
  {
    validFrom: '2024-07-01',
    label: 'Bijstandsnormen 1 juli 2024',
    norms: {
      alleenstaand_21_aow: { excludingHolidayCents: 124303, includingHolidayCents: 130845 },
      samenwonend_21_aow: { excludingHolidayCents: 177575, includingHolidayCents: 186921 },
      alleenstaand_aow: { excludingHolidayCents: 138401, includingHolidayCents: 145685 },
      samenwonend_aow: { excludingHolidayCents: 187781, includingHolidayCents: 197664 },
    },
  },
  {
    validFrom: '2025-01-01',
    label: 'Bijstandsnormen 1 januari 2025',
    norms: {
      alleenstaand_21_aow: { excludingHolidayCents: 127818, includingHolidayCents: 134545 },
      samenwonend_21_aow: { excludingHolidayCents: 182597, includingHolidayCents: 192207 },
      alleenstaand_aow: { excludingHolidayCents: 142602, includingHolidayCents: 150107 },
      samenwonend_aow: { excludingHolidayCents: 195081, includingHolidayCents: 205348 },
    },
  },
  {
    validFrom: '2025-07-01',
    label: 'Bijstandsnormen 1 juli 2025',
    norms: {
      alleenstaand_21_aow: { excludingHolidayCents: 130061, includingHolidayCents: 136906 },
      samenwonend_21_aow: { excludingHolidayCents: 185801, includingHolidayCents: 195580 },
      alleenstaand_aow: { excludingHolidayCents: 145370, includingHolidayCents: 153021 },
      samenwonend_aow: { excludingHolidayCents: 199023, includingHolidayCents: 209498 },
    },
  },
];

export const [JUL_2024, JAN_2025, JUL_2025] = SEEDED_NORM_PERIODS as [NormPeriod, NormPeriod, NormPeriod];
