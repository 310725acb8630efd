// The live overview beside phase B: every figure as the server computed it (the same numbers as
// the PDF), the flags in words, and the outdated-norms warning. `data-figure` names the API field
// each figure shows, so the end-to-end test can hold the screen to the API to the cent.
import { useEffect, useRef } from 'react';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { formatEuro } from '../../lib/money';
import { labels, t } from '../../text';
import { ErrorMessage, Loading } from '../../ui/screen';
import { useOverview } from './data';

function Row({ label, cents, figure, strong }: { label: string; cents: number | null; figure: string; strong?: boolean }) {
  return (
    <tr>
      <th scope="row" className="utrecht-table__header-cell">{label}</th>
      <td className="utrecht-table__cell ss-money" data-figure={figure}>
        {cents === null ? t.none : strong ? <strong>{formatEuro(cents)}</strong> : formatEuro(cents)}
      </td>
    </tr>
  );
}

export function OverviewPanel({ dossierId }: { dossierId: string }) {
  const query = useOverview(dossierId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const o = query.data;
  return (
    <section aria-labelledby="overview-heading" aria-live="polite" aria-busy={query.isFetching}>
      <Heading2 id="overview-heading">{t.overview.heading}</Heading2>
      {o.flags.crisis > 0 && <div className="ss-flag-crisis" role="alert"><Paragraph><strong>{t.overview.crisis(o.flags.crisis)}</strong></Paragraph></div>}
      {o.normPeriodOutdated && <div className="ss-flag-warning"><Paragraph>{t.overview.normOutdated}</Paragraph></div>}
      {o.flags.collectionCostsTooHigh > 0 && <div className="ss-flag-warning"><Paragraph>{t.overview.collectionTooHigh(o.flags.collectionCostsTooHigh)}</Paragraph></div>}
      {o.flags.staleBalances > 0 && <div className="ss-flag-warning"><Paragraph>{t.overview.stale(o.flags.staleBalances)}</Paragraph></div>}
      <table className="utrecht-table">
        <caption className="ss-visually-hidden">{t.overview.heading}</caption>
        <tbody className="utrecht-table__body">
          <Row label={t.overview.income} cents={o.incomeMonthlyCents} figure="incomeMonthlyCents" />
          <Row label={t.overview.attachable} cents={o.attachableIncomeMonthlyCents} figure="attachableIncomeMonthlyCents" />
          <Row label={t.overview.expenses} cents={o.expensesMonthlyCents} figure="expensesMonthlyCents" />
          <Row label={t.overview.saldo} cents={o.saldoCents} figure="saldoCents" strong />
          <Row label={t.overview.oneOff} cents={o.oneOffCents} figure="oneOffCents" />
          <Row label={t.overview.totalDebt} cents={o.totalDebtCents} figure="totalDebtCents" strong />
          <tr>
            <th scope="row" className="utrecht-table__header-cell">{t.overview.creditors}</th>
            <td className="utrecht-table__cell ss-money" data-figure="creditorCount">{o.creditorCount}</td>
          </tr>
        </tbody>
      </table>
      {o.saldoCents < 0 && <Paragraph>{t.overview.shortfall}</Paragraph>}

      <Heading3>{t.overview.aflosruimte}</Heading3>
      <Paragraph><strong className="ss-big" data-figure="aflosruimteCents">{formatEuro(o.aflosruimteCents)}</strong> {t.phaseB.perMonth}</Paragraph>
      <Paragraph>{t.overview.aflosruimteExplain} {o.aflosruimteBasis === 'vtlb' ? t.overview.basisVtlb : t.overview.basisSaldo}</Paragraph>
      {o.aflosruimteCents === 0 && <Paragraph>{t.overview.nulAanbod}</Paragraph>}

      <Heading3>{t.overview.bvv}</Heading3>
      {o.bvvIndicativeCents !== null ? (
        <Paragraph>
          <span data-figure="bvvIndicativeCents">{formatEuro(o.bvvIndicativeCents)}</span> {t.phaseB.perMonth}.{' '}
          {t.overview.bvvExplain} {o.normPeriod ? t.overview.bvvFrom(o.normPeriod.label) : ''}
        </Paragraph>
      ) : (
        <Paragraph>{t.overview.bvvReason[o.bvvIndicativeReason ?? ''] ?? t.unknown}</Paragraph>
      )}
      <Paragraph>
        {t.overview.vtlb}: <span data-figure="vtlbCents">{o.vtlbCents === null ? t.none : formatEuro(o.vtlbCents)}</span>
        {o.vtlbSource ? `. ${t.overview.vtlbSource[o.vtlbSource] ?? ''}` : ''}
      </Paragraph>
      {o.normPeriod && <Paragraph>{t.overview.normPeriod(o.normPeriod.label)}</Paragraph>}

      <Heading3>{t.overview.byGroup}</Heading3>
      <table className="utrecht-table">
        <caption className="ss-visually-hidden">{t.overview.byGroup}</caption>
        <tbody className="utrecht-table__body">
          {(Object.keys(labels.expenseGroup) as Array<keyof typeof labels.expenseGroup>).map((group) => (
            <Row key={group} label={labels.expenseGroup[group]} cents={o.expensesByGroup[group]} figure={`expensesByGroup.${group}`} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The bar covers the bottom of the screen while it sticks, and wraps to two or three lines on a
 * phone. Its height goes to `--ss-overview-bar-height` on the page, which keeps that much room
 * below a field that gets focus or is scrolled to (scroll-padding in theme.css), so the bar never
 * hides what is being typed. Hidden (laptop width, print), it is 0 high and keeps no room.
 */
function useBarHeight(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return undefined;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--ss-overview-bar-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`));
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--ss-overview-bar-height');
    };
  }, [shown]);
  return ref;
}

/**
 * Below laptop width the overview sits under the lists, out of sight while typing: this bar keeps
 * its three main figures in view at the bottom of the screen (sticky), with a link to the whole.
 */
export function OverviewBar({ dossierId }: { dossierId: string }) {
  const query = useOverview(dossierId);
  const ref = useBarHeight(query.data !== undefined);
  if (!query.data) return null;
  const o = query.data;
  return (
    <div ref={ref} className="ss-overview-bar" role="region" aria-label={t.overview.barLabel}>
      <dl>
        <div><dt>{t.overview.barSaldo}</dt><dd>{formatEuro(o.saldoCents)}</dd></div>
        <div><dt>{t.overview.barAflosruimte}</dt><dd>{formatEuro(o.aflosruimteCents)}</dd></div>
        <div><dt>{t.overview.barDebt}</dt><dd>{formatEuro(o.totalDebtCents)}</dd></div>
      </dl>
      <a className="utrecht-link" href="#overview-heading">{t.overview.barLink}</a>
    </div>
  );
}
