// The admin's list of new codes that wait for a second person: a staff account's code is always
// made by two people (one asks, another admin approves and gets the code once).
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { useSession } from '../../session/session';
import { ErrorMessage, StatusMessage } from '../../ui/screen';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { rt } from '../../text';

export function CredentialResets() {
  const session = useSession();
  const queryClient = useQueryClient();
  const pending = useQuery({
    queryKey: ['credential-resets'],
    queryFn: () => unwrap(api.GET('/api/v1/credential-resets', { params: { query: { limit: 200 } } })),
  });
  const [shown, setShown] = useState<{ name: string; code: string; expiresAt: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const me = session.status === 'signedIn' ? session.user.id : undefined;

  const approve = async (id: string, name: string) => {
    setBusy(true);
    setError(undefined);
    setShown(undefined);
    try {
      const approved = await unwrap(api.POST('/api/v1/credential-resets/{id}/approve', { params: { path: { id } } }));
      setShown({ name, code: approved.activationCode, expiresAt: approved.expiresAt });
      await queryClient.invalidateQueries({ queryKey: ['credential-resets'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const items = pending.data?.items ?? [];
  return (
    <section aria-labelledby="resets-heading" className="ss-panel">
      <Heading2 id="resets-heading">{rt.accounts.resetsHeading}</Heading2>
      <Paragraph>{rt.accounts.resetsIntro}</Paragraph>
      {shown && <StatusMessage>{rt.accounts.resetCodeShown(shown.name, shown.code, formatDate(shown.expiresAt))}</StatusMessage>}
      <ErrorMessage error={error ?? pending.error} />
      {pending.isSuccess && items.length === 0 && <Paragraph>{rt.accounts.resetsNone}</Paragraph>}
      {items.length > 0 && (
        <ResponsiveTable label={rt.accounts.resetsHeading} rows={items} rowKey={(reset) => reset.id} columns={[
          { header: rt.accounts.name, cell: (reset) => <>{reset.userDisplayName}<br /><span className="ss-muted">{rt.roles[reset.userRole]}</span></> },
          { header: rt.accounts.askedBy, cell: (reset) => reset.requestedByDisplayName },
          { header: rt.accounts.askedOn, cell: (reset) => formatDate(reset.requestedAt) },
          { header: rt.accounts.approve, cell: (reset) => (reset.requestedBy === me || reset.userId === me
            ? <span className="ss-muted">{rt.accounts.notYours}</span>
            : <Button appearance="secondary-action-button" disabled={busy} aria-label={rt.accounts.approveFor(reset.userDisplayName)}
              onClick={() => void approve(reset.id, reset.userDisplayName)}>{rt.accounts.approve}</Button>) },
        ]} />
      )}
    </section>
  );
}
