// How soon each debt needs the resident to act, and what to do, in plain Dutch (B1). One text per
// situation, so the overview on screen and the PDF say the same thing. "Today" is a parameter:
// the domain never reads the clock.
//
// Levels (most pressing first):
// - crisis: eviction, cut-off or a cancelled health insurance is announced (Wgs: help within 3 working days);
// - urgent: a court summons (react before the court date) or a seizure (check the beslagvrije voet);
// - soon: a judgment, a bailiff, a collection agency or a reminder: costs grow with every step;
// - normal: an open bill, a running arrangement, a disputed claim;
// - none: the debt is in a debt settlement, paid or forgiven.
import { formatDateLong, formatEuro } from '../lib/money-format.js';
import {
  SETTLED_STATUSES, URGENCY_LEVELS, type CreditorType, type DebtStatus, type UrgencyLevel,
} from '../lib/vocabulary.js';

export interface UrgencyInput {
  status: DebtStatus;
  creditorType: CreditorType;
  /** ISO date of the hearing in a dagvaarding; null when not known or not entered. */
  courtDate: string | null;
}

export interface DebtUrgency {
  level: UrgencyLevel;
  /** The date the resident must act before (the court date of a summons); null when none is known. */
  dueDate: string | null;
}

const LEVEL_BY_STATUS: Record<DebtStatus, UrgencyLevel> = {
  ontruiming_of_afsluiting_aangezegd: 'crisis',
  opzegging_zorgverzekering_aangezegd: 'crisis',
  dagvaarding: 'urgent',
  beslag: 'urgent',
  vonnis: 'soon',
  deurwaarder: 'soon',
  incasso: 'soon',
  aanmaning: 'soon',
  open: 'normal',
  betalingsregeling: 'normal',
  betwist: 'normal',
  in_schuldregeling: 'none',
  afgelost: 'none',
  kwijtgescholden: 'none',
};

export function debtUrgency(debt: UrgencyInput): DebtUrgency {
  const level = LEVEL_BY_STATUS[debt.status];
  // Only a summons has a date to act before; a court date kept on another status is history.
  return { level, dueDate: debt.status === 'dagvaarding' ? debt.courtDate : null };
}

/** What the resident can keep when something is seized: the official bvv, else the indicative estimate. */
export interface BeslagvrijeVoet {
  amountCents: number;
  official: boolean;
}

export interface NextStepInput extends UrgencyInput {
  debtId: string;
  creditorName: string;
}

export interface NextStep {
  debtId: string;
  creditorName: string;
  status: DebtStatus;
  level: UrgencyLevel;
  dueDate: string | null;
  /** What to do now, in plain Dutch. */
  text: string;
}

const CALL_GEMEENTE = 'Bel vandaag nog de schuldhulpverlening van uw gemeente. Zeg dat het dringend is. ' +
  'De gemeente moet u dan binnen 3 werkdagen helpen.';

function crisisText(debt: UrgencyInput): string {
  if (debt.status === 'opzegging_zorgverzekering_aangezegd') {
    return `Uw zorgverzekering wordt stopgezet. ${CALL_GEMEENTE} Bel ook uw zorgverzekeraar.`;
  }
  switch (debt.creditorType) {
    case 'verhuurder': return `U kunt uit uw huis gezet worden. ${CALL_GEMEENTE}`;
    case 'energie': return `Uw gas of stroom kan worden afgesloten. ${CALL_GEMEENTE}`;
    case 'water': return `Uw water kan worden afgesloten. ${CALL_GEMEENTE}`;
    default: return `U kunt uw huis kwijtraken, of uw gas, water of stroom. ${CALL_GEMEENTE}`;
  }
}

function summonsText(courtDate: string | null, today: string): string {
  const help = 'Vraag hulp bij het Juridisch Loket (telefoon 0900 8020) of bij uw maatje.';
  if (courtDate === null) {
    return 'U moet naar de rechter (dagvaarding). Zoek in de brief op welke dag. ' +
      `Reageer vóór die dag: ga naar de rechtszaak of stuur de rechter een brief. Doet u niets, dan beslist de rechter zonder u. ${help}`;
  }
  if (courtDate < today) {
    return `De dag van de rechtszaak (${formatDateLong(courtDate)}) is voorbij. ` +
      'Vraag de rechtbank of de deurwaarder wat de rechter heeft beslist.';
  }
  return `U moet op ${formatDateLong(courtDate)} bij de rechter zijn. Reageer vóór die dag: ` +
    `ga naar de rechtszaak of stuur de rechter een brief. Doet u niets, dan beslist de rechter zonder u. ${help}`;
}

function seizureText(bvv: BeslagvrijeVoet | null): string {
  const amount = bvv === null
    ? ''
    : bvv.official
      ? ` Volgens de brief is dat ${formatEuro(bvv.amountCents)} per maand.`
      : ` Wij schatten dat op ongeveer ${formatEuro(bvv.amountCents)} per maand.`;
  return 'Er is beslag gelegd op uw loon, uitkering of bankrekening. ' +
    `U moet genoeg overhouden om van te leven: dat heet de beslagvrije voet.${amount} ` +
    'Houdt u minder over? Vraag dan aan wie het beslag heeft gelegd hoe het is berekend. ' +
    'U kunt het zelf nakijken op uwbeslagvrijevoet.nl.';
}

const STEP_TEXT: Record<Exclude<DebtStatus, 'ontruiming_of_afsluiting_aangezegd' | 'opzegging_zorgverzekering_aangezegd' | 'dagvaarding' | 'beslag'>, string> = {
  vonnis: 'De rechter heeft beslist dat u moet betalen. Nu mag de deurwaarder beslag leggen. ' +
    'Bel de deurwaarder en vraag om een betalingsregeling.',
  deurwaarder: 'Een deurwaarder int deze schuld. Daardoor komen er steeds meer kosten bij. ' +
    'Bel de deurwaarder snel en vraag om een betalingsregeling.',
  incasso: 'Een incassobureau int deze schuld. Bel het incassobureau en vraag om een betalingsregeling. ' +
    'Kijk ook of de incassokosten kloppen.',
  aanmaning: 'U heeft een aanmaning gekregen. Betaal binnen de tijd die in de brief staat, of vraag om een betalingsregeling. ' +
    'Anders komen er kosten bij.',
  open: 'Deze rekening is nog niet betaald. Bespreek met uw maatje wanneer u hem kunt betalen.',
  betalingsregeling: 'U heeft een betalingsregeling. Betaal elke keer op tijd. ' +
    'Lukt dat een keer niet? Bel dan de schuldeiser voordat u een betaling mist.',
  betwist: 'U bent het niet eens met deze schuld. Schrijf de schuldeiser een brief en zeg waarom. Bewaar een kopie van die brief.',
  in_schuldregeling: 'Deze schuld zit in uw schuldregeling. De schuldhulpverlening regelt hem. Betaal deze schuldeiser niet zelf.',
  afgelost: 'Deze schuld is betaald. U hoeft niets meer te doen.',
  kwijtgescholden: 'Deze schuld hoeft u niet meer te betalen. U hoeft niets meer te doen.',
};

export function nextStepText(debt: UrgencyInput, today: string, bvv: BeslagvrijeVoet | null): string {
  switch (debt.status) {
    case 'ontruiming_of_afsluiting_aangezegd':
    case 'opzegging_zorgverzekering_aangezegd':
      return crisisText(debt);
    case 'dagvaarding': return summonsText(debt.courtDate, today);
    case 'beslag': return seizureText(bvv);
    default: return STEP_TEXT[debt.status];
  }
}

/**
 * One step per debt that still counts (not paid, not forgiven), most pressing first; within a
 * level the nearest due date first (unknown dates after known ones), then in the given order.
 */
export function nextSteps(debts: readonly NextStepInput[], today: string, bvv: BeslagvrijeVoet | null): NextStep[] {
  const steps = debts
    .filter((debt) => !SETTLED_STATUSES.includes(debt.status))
    .map((debt, index) => {
      const urgency = debtUrgency(debt);
      return {
        index,
        step: {
          debtId: debt.debtId, creditorName: debt.creditorName, status: debt.status,
          level: urgency.level, dueDate: urgency.dueDate, text: nextStepText(debt, today, bvv),
        },
      };
    });
  steps.sort((a, b) => {
    const byLevel = URGENCY_LEVELS.indexOf(a.step.level) - URGENCY_LEVELS.indexOf(b.step.level);
    if (byLevel !== 0) return byLevel;
    const [da, db] = [a.step.dueDate, b.step.dueDate];
    if (da !== db) {
      if (da === null) return 1;
      if (db === null) return -1;
      return da < db ? -1 : 1;
    }
    return a.index - b.index;
  });
  return steps.map(({ step }) => step);
}
