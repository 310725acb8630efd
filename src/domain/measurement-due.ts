// When the evaluation asks for each questionnaire (docs/domain.md §7): T0 at the start, once consent
// is given; T1 at the end, while the dossier is in phase C (it cannot be recorded after closing);
// T2 about six months after closing. Nothing is due once consent is withdrawn: the dossier is frozen.
import { calendarMonthsBefore } from './norms.js';
import type { MeasurementMoment, Phase } from '../lib/vocabulary.js';

export const T2_MONTHS_AFTER_CLOSING = 6;

export interface MeasurementDueInput {
  phase: Phase;
  consentGiven: boolean;
  consentWithdrawn: boolean;
  /** Amsterdam calendar day of closing; null while open. */
  closedOn: string | null;
  recorded: readonly MeasurementMoment[];
  /** 'YYYY-MM-DD', Europe/Amsterdam. */
  today: string;
}

export interface MeasurementDue {
  moment: MeasurementMoment;
  /** First day it is due; T0 and T1 are due as soon as their phase allows. */
  dueFrom: string | null;
}

export function measurementsDue(input: MeasurementDueInput): MeasurementDue[] {
  if (!input.consentGiven || input.consentWithdrawn) return [];
  const open = (moment: MeasurementMoment) => !input.recorded.includes(moment);
  const due: MeasurementDue[] = [];
  if (input.phase !== 'closed' && open('T0')) due.push({ moment: 'T0', dueFrom: null });
  if (input.phase === 'C' && open('T1')) due.push({ moment: 'T1', dueFrom: null });
  if (input.phase === 'closed' && input.closedOn !== null && open('T2')) {
    // The same day six months later (negative months step forward, clamped to the month's end).
    const dueFrom = calendarMonthsBefore(input.closedOn, -T2_MONTHS_AFTER_CLOSING);
    if (input.today >= dueFrom) due.push({ moment: 'T2', dueFrom });
  }
  return due;
}
