// "Mijn dossiers": the maatje's caseload, what needs action first.
import { useQuery } from '@tanstack/react-query';
import { ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap, type Schemas } from '../api/client';
import { formatDate } from '../lib/dates';
import { AppLink } from '../router';
import { phaseLabel, t } from '../text';
import { ResponsiveTable } from '../ui/ResponsiveTable';
import { ErrorMessage, Loading, ScreenHeading } from '../ui/screen';

type Item = Schemas['DossierListItem'];

/** Crisis first, then overdue actions, then stale balances; then open before closed; then the longest untouched. */
export function byNeedForAction(a: Item, b: Item): number {
  return Number(b.crisis) - Number(a.crisis)
    || b.overdueActions - a.overdueActions
    || b.staleBalances - a.staleBalances
    || Number(a.phase === 'closed') - Number(b.phase === 'closed')
    || a.updatedAt.localeCompare(b.updatedAt);
}

async function loadAll(): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/v1/dossiers', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

function Attention({ item }: { item: Item }) {
  const notes: string[] = [];
  if (item.crisis) notes.push(t.dossiers.crisis);
  if (item.overdueActions > 0) notes.push(t.dossiers.overdue(item.overdueActions));
  if (item.staleBalances > 0) notes.push(t.dossiers.stale(item.staleBalances));
  if (notes.length === 0) return <>{t.dossiers.nothing}</>;
  return (
    <ul className="ss-list-plain">
      {notes.map((note) => <li key={note} className={item.crisis && note === t.dossiers.crisis ? 'ss-flag-crisis' : undefined}>{note}</li>)}
    </ul>
  );
}

export function MyDossiers() {
  const query = useQuery({ queryKey: ['dossiers'], queryFn: loadAll });
  const items = [...(query.data ?? [])].sort(byNeedForAction);
  return (
    <>
      <ScreenHeading title={t.titles.myDossiers}>{t.dossiers.heading}</ScreenHeading>
      <ButtonGroup>
        <AppLink to="/dossiers/nieuw" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">{t.dossiers.newDossier}</AppLink>
      </ButtonGroup>
      {query.isPending && <Loading />}
      <ErrorMessage error={query.error} />
      {query.isSuccess && items.length === 0 && <Paragraph>{t.dossiers.empty}</Paragraph>}
      {items.length > 0 && (
        <>
          <Paragraph>{t.dossiers.intro}</Paragraph>
          <ResponsiveTable label={t.dossiers.heading} rows={items} rowKey={(item) => item.id} columns={[
            { header: t.dossiers.resident, cell: (item) => <AppLink to={`/dossiers/${item.id}`}>{item.residentDisplayName}</AppLink> },
            { header: t.dossiers.phase, cell: (item) => phaseLabel[item.phase] },
            { header: t.dossiers.attention, cell: (item) => <Attention item={item} /> },
            { header: t.dossiers.lastActivity, cell: (item) => formatDate(item.updatedAt) },
          ]} />
        </>
      )}
    </>
  );
}
