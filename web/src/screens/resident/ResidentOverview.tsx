// "Mijn overzicht": the resident's own figures, read-only, in plain words. Every amount comes
// straight from the API (GET /dossiers/{id} and /overview); nothing is recomputed here.
import { useQuery } from '@tanstack/react-query';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate, todayIso } from '../../lib/dates';
import { formatEuro } from '../../lib/money';
import { labels, rt, uitleg } from '../../text';
import { ErrorMessage, Loading, ScreenHeading } from '../../ui/screen';
import { useDossier, useMyDossierId } from './useMyDossier';
import { DossierChoice } from './DossierChoice';

const PAID = new Set(['afgelost', 'kwijtgescholden']);
const SOON_DAYS = 14;

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function Word({ entry }: { entry: { word: string; text: string } }) {
  return <Paragraph className="ss-word"><strong>{entry.word}:</strong> {entry.text}</Paragraph>;
}

function FirstThings({ dossier }: { dossier: Schemas['Dossier'] }) {
  const today = todayIso();
  const crisis = dossier.debts.filter((debt) => debt.crisis);
  const soon = dossier.actions
    .filter((action) => !action.done && action.dueDate !== null && action.dueDate <= addDays(today, SOON_DAYS))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  return (
    <section aria-labelledby="first-heading">
      <Heading2 id="first-heading">{rt.overview.firstHeading}</Heading2>
      {crisis.length === 0 && soon.length === 0 && <Paragraph>{rt.overview.nothingUrgent}</Paragraph>}
      {crisis.map((debt) => <div key={debt.id} className="ss-flag-crisis" role="note"><Paragraph>{rt.overview.crisis(debt.creditorName)}</Paragraph></div>)}
      {soon.length > 0 && (
        <ul>
          {soon.map((action) => (
            <li key={action.id} className={action.overdue ? 'ss-late' : undefined}>
              {action.overdue ? rt.overview.actionLate(action.title, formatDate(action.dueDate)) : rt.overview.actionSoon(action.title, formatDate(action.dueDate))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Debts({ dossier, overview }: { dossier: Schemas['Dossier']; overview: Schemas['Overview'] }) {
  const debts = [...dossier.debts].sort((a, b) => Number(PAID.has(a.status)) - Number(PAID.has(b.status)) || b.balanceCents - a.balanceCents);
  return (
    <section aria-labelledby="owe-heading">
      <Heading2 id="owe-heading">{rt.overview.oweHeading}</Heading2>
      {debts.length === 0 ? <Paragraph>{rt.overview.noDebts}</Paragraph> : (
        <>
          <Paragraph data-testid="total-debt">{rt.overview.oweTotal(formatEuro(overview.totalDebtCents), overview.creditorCount)}</Paragraph>
          <Word entry={uitleg.schuldeiser} />
          <ul className="ss-list-plain ss-debts">
            {debts.map((debt) => (
              <li key={debt.id} className={`ss-panel${debt.crisis ? ' ss-debt-crisis' : ''}`}>
                <div className="ss-debt-line">
                  <strong>{debt.creditorName}</strong>
                  <span className="ss-money" data-testid="debt-balance">{formatEuro(debt.balanceCents)}</span>
                </div>
                {debt.collectorName && <div className="ss-muted">{rt.overview.via(debt.collectorName)}</div>}
                <div>{labels.debtStatus[debt.status as keyof typeof labels.debtStatus] ?? debt.status}</div>
                {PAID.has(debt.status) && <div className="ss-muted">{rt.overview.paidOff}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Month({ overview }: { overview: Schemas['Overview'] }) {
  const short = overview.saldoCents < 0;
  return (
    <section aria-labelledby="month-heading">
      <Heading2 id="month-heading">{rt.overview.monthHeading}</Heading2>
      <dl className="ss-figures">
        <div><dt>{rt.overview.incomeMonthly}</dt><dd className="ss-money" data-testid="income-monthly">{formatEuro(overview.incomeMonthlyCents)}</dd></div>
        <div><dt>{rt.overview.expensesMonthly}</dt><dd className="ss-money" data-testid="expenses-monthly">{formatEuro(overview.expensesMonthlyCents)}</dd></div>
        <div className={short ? 'ss-figure-short' : undefined}>
          <dt>{short ? rt.overview.short : rt.overview.left}</dt>
          <dd className="ss-money" data-testid="saldo">{formatEuro(Math.abs(overview.saldoCents))}</dd>
        </div>
      </dl>
      {overview.oneOffCents > 0 && <Paragraph>{rt.overview.oneOff(formatEuro(overview.oneOffCents))}</Paragraph>}
    </section>
  );
}

function Repay({ overview }: { overview: Schemas['Overview'] }) {
  const amount = formatEuro(overview.aflosruimteCents);
  const sentence = overview.aflosruimteCents === 0 ? rt.overview.repayZero
    : overview.aflosruimteBasis === 'vtlb' ? rt.overview.repayVtlb(amount) : rt.overview.repaySaldo(amount);
  return (
    <section aria-labelledby="repay-heading">
      <Heading2 id="repay-heading">{rt.overview.repayHeading}</Heading2>
      <Paragraph className="utrecht-paragraph--lead" data-testid="aflosruimte">{sentence}</Paragraph>
      {overview.aflosruimteBasis === 'vtlb' && overview.vtlbCents !== null && <Paragraph>{rt.overview.keep(formatEuro(overview.vtlbCents))}</Paragraph>}
      {overview.normPeriodOutdated && <div className="ss-flag-warning"><Paragraph>{rt.overview.normsOld}</Paragraph></div>}
      <Word entry={uitleg.aflosruimte} />
      {overview.aflosruimteBasis === 'vtlb' && <><Word entry={uitleg.beslagvrijeVoet} /><Word entry={uitleg.vtlb} /></>}
    </section>
  );
}

function Actions({ dossier }: { dossier: Schemas['Dossier'] }) {
  const actions = [...dossier.actions].sort((a, b) => Number(a.done) - Number(b.done) || (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'));
  return (
    <section aria-labelledby="actions-heading">
      <Heading2 id="actions-heading">{rt.overview.actionsHeading}</Heading2>
      {actions.length === 0 ? <Paragraph>{rt.overview.noActions}</Paragraph> : (
        <ul className="ss-list-plain ss-actions">
          {actions.map((action) => (
            <li key={action.id} className="ss-panel">
              <strong>{action.title}</strong>
              <div className="ss-row">
                <span>{rt.overview.who[action.owner]}</span>
                {action.dueDate && <span>{rt.overview.by(formatDate(action.dueDate))}</span>}
                <span>{action.done ? rt.overview.done : rt.overview.open}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ResidentOverview() {
  const mine = useMyDossierId();
  const dossier = useDossier(mine.data);
  const overview = useQuery({
    queryKey: ['overview', mine.data],
    enabled: Boolean(mine.data),
    queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}/overview', { params: { path: { id: mine.data! } } })),
  });
  const error = mine.error ?? dossier.error ?? overview.error;
  return (
    <>
      <ScreenHeading title={rt.titles.overview}>{rt.overview.heading}</ScreenHeading>
      <DossierChoice />
      <ErrorMessage error={error} />
      {mine.isSuccess && mine.data === null && <Paragraph>{rt.overview.none}</Paragraph>}
      {(mine.isPending || (mine.data && (dossier.isPending || overview.isPending))) && !error && <Loading />}
      {dossier.data && overview.data && (
        <>
          <Paragraph>{rt.overview.intro}</Paragraph>
          <FirstThings dossier={dossier.data} />
          <Debts dossier={dossier.data} overview={overview.data} />
          <Month overview={overview.data} />
          <Repay overview={overview.data} />
          <Actions dossier={dossier.data} />
          <section aria-labelledby="words-heading">
            <Heading2 id="words-heading">{rt.overview.wordsHeading}</Heading2>
            <Word entry={uitleg.minnelijkTraject} />
            <Word entry={uitleg.wsnp} />
          </section>
        </>
      )}
    </>
  );
}
