// "Wie heeft mijn dossier bekeken": the audit trail as the server words it, newest first per page.
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { ErrorMessage, Loading, ScreenHeading } from '../../ui/screen';
import { useMyDossierId } from './useMyDossier';
import { DossierChoice } from './DossierChoice';
import { rt } from '../../text';

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

export function AccessLog() {
  const mine = useMyDossierId();
  const log = useInfiniteQuery({
    queryKey: ['access-log', mine.data],
    enabled: Boolean(mine.data),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/dossiers/{id}/access-log', {
      params: { path: { id: mine.data! }, query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <ScreenHeading title={rt.titles.log}>{rt.log.heading}</ScreenHeading>
      <DossierChoice />
      <Paragraph>{rt.log.intro}</Paragraph>
      <ErrorMessage error={mine.error ?? log.error} />
      {(mine.isPending || log.isPending) && mine.data !== null && <Loading />}
      {log.isSuccess && entries.length === 0 && <Paragraph>{rt.log.empty}</Paragraph>}
      {entries.length > 0 && (
        <ol className="ss-list-plain ss-log" aria-label={rt.log.heading}>
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`} className="ss-log-entry">
              <time dateTime={entry.at} className="ss-muted">{dateTime.format(new Date(entry.at))}</time>
              <div>{entry.description}</div>
            </li>
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <ButtonGroup>
          <Button appearance="secondary-action-button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>{rt.log.more}</Button>
        </ButtonGroup>
      )}
    </>
  );
}
