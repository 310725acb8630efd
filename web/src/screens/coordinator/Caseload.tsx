// The coordinator's caseload: who, which phase, which maatje, and whether help is stuck. Metadata
// only (docs/api.md): no figure or text of a dossier ever reaches this screen.
import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { api, unwrap, type Schemas } from '../../api/client';
import { allPages } from '../../lib/pages';
import { formatDate } from '../../lib/dates';
import { AppLink } from '../../router';
import { phaseLabel, rt } from '../../text';
import { ErrorMessage, Loading, ScreenHeading } from '../../ui/screen';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

export type CaseloadItem = Schemas['CaseloadItem'];

export function useCaseload() {
  return useQuery({
    queryKey: ['caseload'],
    queryFn: () => allPages((cursor) => unwrap(api.GET('/api/v1/caseload', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }))),
  });
}

/** What needs the coordinator first: crisis, no active maatje, overdue actions; then the longest untouched. */
function byNeed(a: CaseloadItem, b: CaseloadItem): number {
  return Number(b.crisis) - Number(a.crisis)
    || Number(b.noActiveMaatje && b.phase !== 'closed') - Number(a.noActiveMaatje && a.phase !== 'closed')
    || b.overdueActions - a.overdueActions
    || Number(a.phase === 'closed') - Number(b.phase === 'closed')
    || a.lastActivityAt.localeCompare(b.lastActivityAt);
}

function Attention({ item }: { item: CaseloadItem }) {
  const notes: { text: string; crisis?: boolean }[] = [];
  if (item.crisis) notes.push({ text: rt.caseload.crisis, crisis: true });
  if (item.overdueActions > 0) notes.push({ text: rt.caseload.overdue(item.overdueActions) });
  if (notes.length === 0) return <>{rt.caseload.nothing}</>;
  return <ul className="ss-list-plain">{notes.map((note) => <li key={note.text} className={note.crisis ? 'ss-flag-crisis' : undefined}>{note.text}</li>)}</ul>;
}

export function Caseload() {
  const query = useCaseload();
  const items = [...(query.data ?? [])].sort(byNeed);
  return (
    <>
      <ScreenHeading title={rt.titles.caseload}>{rt.caseload.heading}</ScreenHeading>
      <Paragraph>{rt.caseload.intro}</Paragraph>
      {query.isPending && <Loading />}
      <ErrorMessage error={query.error} />
      {query.isSuccess && items.length === 0 && <Paragraph>{rt.caseload.empty}</Paragraph>}
      {items.length > 0 && (
        <ResponsiveTable label={rt.caseload.heading} rows={items} rowKey={(item) => item.dossierId} columns={[
          { header: rt.caseload.resident, cell: (item) => <AppLink to={`/dossiers/${item.dossierId}/maatje`} aria-label={rt.caseload.manage(item.residentDisplayName)}>{item.residentDisplayName}</AppLink> },
          { header: rt.caseload.phase, cell: (item) => phaseLabel[item.phase] },
          { header: rt.caseload.maatje, cell: (item) => (item.noActiveMaatje
            ? <strong>{item.maatjeDisplayName ?? rt.caseload.noMaatje}{item.maatjeDisplayName ? ` (${rt.caseload.noMaatje.toLowerCase()})` : ''}</strong>
            : item.maatjeDisplayName) },
          { header: rt.caseload.attention, cell: (item) => <Attention item={item} /> },
          { header: rt.caseload.lastActivity, cell: (item) => formatDate(item.lastActivityAt) },
        ]} />
      )}
    </>
  );
}
