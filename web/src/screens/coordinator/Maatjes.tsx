// The maatjes of the coordinator's location: who is trained and enabled (only they can be assigned).
// A coordinator may ask for a new code for one of them; a different person, an admin, approves it.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { allPages } from '../../lib/pages';
import { formatDate } from '../../lib/dates';
import { ErrorMessage, Loading, ScreenHeading } from '../../ui/screen';
import { rt } from '../../text';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { StaffCodeRequest } from '../../ui/StaffCodeRequest';

export function useStaffList() {
  return useQuery({
    queryKey: ['users'],
    queryFn: () => allPages((cursor) => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }))),
  });
}

export function Maatjes() {
  const users = useStaffList();
  const [asking, setAsking] = useState<{ id: string; name: string }>();
  const maatjes = (users.data ?? []).filter((user) => user.role === 'maatje').sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
  return (
    <>
      <ScreenHeading title={rt.titles.maatjes}>{rt.maatjes.heading}</ScreenHeading>
      {users.isPending && <Loading />}
      <ErrorMessage error={users.error} />
      {users.isSuccess && maatjes.length === 0 && <Paragraph>{rt.maatjes.empty}</Paragraph>}
      {maatjes.length > 0 && <Paragraph>{rt.maatjes.requestIntro}</Paragraph>}
      {maatjes.length > 0 && (
        <ResponsiveTable label={rt.maatjes.heading} rows={maatjes} rowKey={(maatje) => maatje.id} columns={[
          { header: rt.maatjes.name, cell: (maatje) => maatje.displayName },
          { header: rt.maatjes.username, cell: (maatje) => maatje.username ?? '' },
          { header: rt.maatjes.trained, cell: (maatje) => (maatje.trainedAt ? rt.maatjes.trainedOn(formatDate(maatje.trainedAt)) : <strong>{rt.maatjes.notTrained}</strong>) },
          { header: rt.maatjes.account, cell: (maatje) => (maatje.disabled ? <strong>{rt.maatjes.disabled}</strong> : rt.maatjes.active) },
          { header: rt.maatjes.code, cell: (maatje) => (
            <Button appearance="secondary-action-button" aria-label={rt.maatjes.requestFor(maatje.displayName)}
              onClick={() => setAsking({ id: maatje.id, name: maatje.displayName })}>{rt.accounts.requestCode}</Button>
          ) },
        ]} />
      )}
      {asking && (
        <StaffCodeRequest key={asking.id} userId={asking.id} name={asking.name} explain={rt.maatjes.requestExplain}
          filed={rt.maatjes.requested(asking.name)} onClose={() => setAsking(undefined)} />
      )}
    </>
  );
}
