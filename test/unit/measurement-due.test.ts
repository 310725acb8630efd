import { describe, expect, it } from 'vitest';
import { measurementsDue, type MeasurementDueInput } from '../../src/domain/measurement-due.js';

const base: MeasurementDueInput = {
  phase: 'A', consentGiven: true, consentWithdrawn: false, closedOn: null, recorded: [], today: '2026-12-01',
};
const moments = (input: Partial<MeasurementDueInput>) => measurementsDue({ ...base, ...input }).map((due) => due.moment);

describe('which questionnaires are due', () => {
  it('asks T0 once consent is given and until it is filled in', () => {
    expect(moments({ consentGiven: false })).toEqual([]);
    expect(moments({ phase: 'A' })).toEqual(['T0']);
    expect(moments({ phase: 'B', recorded: ['T0'] })).toEqual([]);
  });

  it('asks T1 in phase C, before closing makes it impossible', () => {
    expect(moments({ phase: 'C', recorded: ['T0'] })).toEqual(['T1']);
    expect(moments({ phase: 'C' })).toEqual(['T0', 'T1']);
    expect(moments({ phase: 'C', recorded: ['T0', 'T1'] })).toEqual([]);
  });

  it('asks T2 from six calendar months after closing, not a day earlier', () => {
    const closed = { phase: 'closed' as const, closedOn: '2026-03-31', recorded: ['T0', 'T1'] as const };
    expect(moments({ ...closed, today: '2026-09-29' })).toEqual([]);
    expect(measurementsDue({ ...base, ...closed, recorded: [...closed.recorded], today: '2026-09-30' }))
      .toEqual([{ moment: 'T2', dueFrom: '2026-09-30' }]);
    expect(moments({ ...closed, recorded: ['T0', 'T1', 'T2'], today: '2027-01-01' })).toEqual([]);
    // A closed dossier no longer takes T0 or T1, so they are never asked for after closing.
    expect(moments({ phase: 'closed', closedOn: '2026-01-01', recorded: [], today: '2026-02-01' })).toEqual([]);
  });

  it('asks nothing once consent is withdrawn: the dossier is frozen', () => {
    expect(moments({ phase: 'C', consentWithdrawn: true })).toEqual([]);
  });
});
