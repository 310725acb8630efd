// Phase B, the heart: the three lists on the left, the live overview always beside them (below on
// a phone), confirming the overview with the resident, the settlement table, and the step onward.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button, ButtonGroup, Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { api, ApiProblem, ifMatch, unwrap } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { formatEuro } from '../../lib/money';
import { t } from '../../text';
import { ErrorMessage, Loading, StatusMessage } from '../../ui/screen';
import { TableScroll } from '../../ui/TableScroll';
import { DebtSection } from './DebtSection';
import { ExpenseSection, IncomeSection } from './BudgetSection';
import { keys, useRefreshDossier, type Dossier } from './data';
import { OverviewBar, OverviewPanel } from './Overview';
import { TransitionButtons } from './Transition';
import { Letters } from './Letters';

function ConfirmOverview({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.PATCH('/api/v1/dossiers/{id}', {
        params: { path: { id: dossier.id }, header: { 'if-match': ifMatch(dossier.version) } },
        body: { overviewConfirmed: true, recordedOnPaper: true },
      }));
      await refresh();
    } catch (caught) {
      setError(caught);
      await refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="confirm-heading">
      <Heading2 id="confirm-heading">{t.phaseB.confirmHeading}</Heading2>
      {dossier.overviewConfirmedAt ? (
        <StatusMessage>{t.phaseB.confirmed(formatDate(dossier.overviewConfirmedAt))}</StatusMessage>
      ) : (
        <>
          <Paragraph>{t.phaseB.notConfirmed} {t.phaseB.confirmText}</Paragraph>
          <ErrorMessage error={error} />
          {dossier.phase === 'B' && (
            <ButtonGroup>
              <Button appearance="primary-action-button" disabled={busy} onClick={() => void confirm()}>{t.phaseB.confirmPaper}</Button>
            </ButtonGroup>
          )}
        </>
      )}
    </section>
  );
}

export function SettlementTable({ dossierId }: { dossierId: string }) {
  const months = 18;
  const query = useQuery({
    queryKey: keys.settlement(dossierId, months),
    queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}/settlement', { params: { path: { id: dossierId }, query: { months, multiplier: 2 } } })),
    retry: false,
  });
  const body = (() => {
    if (query.isPending) return <Loading />;
    if (query.isError) {
      if (query.error instanceof ApiProblem && query.error.code === 'vtlb_required') return <Paragraph>{t.phaseB.settlementNeedsVtlb}</Paragraph>;
      return <ErrorMessage error={query.error} />;
    }
    const s = query.data;
    return (
      <>
        <Paragraph>{t.phaseB.settlementKind[s.kind] ?? ''} {t.phaseB.pot}: <strong data-figure="potCents">{formatEuro(s.potCents)}</strong> ({s.months} maanden).</Paragraph>
        <TableScroll label={t.phaseB.settlementHeading}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.phaseB.creditor}</TableHeaderCell>
                <TableHeaderCell scope="col" className="ss-money">{t.phaseB.claim}</TableHeaderCell>
                <TableHeaderCell scope="col" className="ss-money">{t.phaseB.payout}</TableHeaderCell>
                <TableHeaderCell scope="col" className="ss-money">{t.phaseB.percentage}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {s.creditors.map((c) => (
                <TableRow key={c.debtId}>
                  <TableCell>{c.creditorName}</TableCell>
                  <TableCell className="ss-money">{formatEuro(c.claimCents)}</TableCell>
                  <TableCell className="ss-money" data-payout={c.debtId}>{formatEuro(c.payoutCents)}</TableCell>
                  <TableCell className="ss-money">{c.percentage.toFixed(2).replace('.', ',')}%</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
        {s.excluded.length > 0 && <Paragraph>{t.phaseB.excluded}: {s.excluded.length}</Paragraph>}
      </>
    );
  })();
  return (
    <section aria-labelledby="settlement-heading">
      <Heading2 id="settlement-heading">{t.phaseB.settlementHeading}</Heading2>
      <Paragraph>{t.phaseB.settlementIntro}</Paragraph>
      {body}
    </section>
  );
}

export function PhaseB({ dossier }: { dossier: Dossier }) {
  return (
    <div className="ss-workspace">
      <div>
        <Heading2>{t.phaseB.heading}</Heading2>
        <DebtSection dossier={dossier} />
        <IncomeSection dossier={dossier} />
        <ExpenseSection dossier={dossier} />
        <Letters dossier={dossier} />
        <ConfirmOverview dossier={dossier} />
        <SettlementTable dossierId={dossier.id} />
        <TransitionButtons dossier={dossier} />
        <OverviewBar dossierId={dossier.id} />
      </div>
      {/* Focusable: at laptop width the overview scrolls on its own, and keyboard users must reach it. */}
      <aside className="ss-aside" aria-label={t.overview.heading} tabIndex={0}>
        <OverviewPanel dossierId={dossier.id} />
      </aside>
    </div>
  );
}
