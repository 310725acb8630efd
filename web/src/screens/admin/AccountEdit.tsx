// One staff account: name, role, location, training date (maatjes), enabled or disabled.
// The edit carries the version it started from (If-Match): a stale one is refused, not merged.
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api, ifMatch, unwrap } from '../../api/client';
import { AppLink } from '../../router';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { useLocations } from './useReference';
import { StaffCodeRequest } from '../../ui/StaffCodeRequest';
import { rt, t } from '../../text';
import { formatDateInput, optionalDate } from '../../lib/dates';
import { DateHint, DateInputField } from '../../ui/fields';

const STAFF_ROLES = ['maatje', 'coordinator', 'evaluator', 'admin'] as const;
type StaffRole = (typeof STAFF_ROLES)[number];

export function AccountEdit({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const user = useQuery({ queryKey: ['user', userId], queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } })) });
  const locations = useLocations();
  const [form, setForm] = useState({ displayName: '', role: 'maatje' as StaffRole, locationId: '', trainedOn: '' });
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [badDate, setBadDate] = useState(false);

  useEffect(() => {
    if (!user.data) return;
    setForm({
      displayName: user.data.displayName, role: user.data.role === 'resident' ? 'maatje' : user.data.role,
      locationId: user.data.locationId ?? '', trainedOn: formatDateInput(user.data.trainedAt),
    });
  }, [user.data]);

  const patch = async (body: Record<string, unknown>) => {
    if (!user.data) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await unwrap(api.PATCH('/api/v1/users/{id}', {
        params: { path: { id: userId }, header: { 'if-match': ifMatch(user.data.version) } as never }, body: body as never,
      }));
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['user', userId] });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    if (!user.data) return;
    const body: Record<string, unknown> = {};
    if (form.displayName.trim() !== user.data.displayName) body.displayName = form.displayName.trim();
    if (form.role !== user.data.role) body.role = form.role;
    if ((form.locationId || null) !== user.data.locationId) body.locationId = form.locationId || null;
    const trainedOn = optionalDate(form.trainedOn);
    setBadDate(trainedOn === false);
    if (trainedOn === false) return;
    if (form.role === 'maatje' && trainedOn !== (user.data.trainedAt?.slice(0, 10) ?? null)) body.trainedAt = trainedOn ? `${trainedOn}T12:00:00.000Z` : null;
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    void patch(body);
  };

  if (user.isPending) return <Loading />;
  if (!user.data) return <><ScreenHeading title={rt.titles.accounts} /><ErrorMessage error={user.error} /></>;
  const field = (id: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{label}</label></div>
      {hint && <div className="utrecht-form-field-description" id={`${id}-hint`}>{hint}</div>}
      <div className="utrecht-form-field__input">{input}</div>
    </div>
  );
  return (
    <div className="ss-narrow">
      <ScreenHeading title={rt.titles.accounts}>{rt.accounts.editHeading(user.data.displayName)}</ScreenHeading>
      <Paragraph>{`${rt.accounts.username}: ${user.data.username ?? ''}. ${rt.accounts.status}: ${user.data.disabled ? rt.accounts.disabled : rt.accounts.active}.`}</Paragraph>
      {saved && <StatusMessage>{rt.accounts.saved}</StatusMessage>}
      <ErrorMessage error={error} />
      <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); save(); }}>
        {field('account-name', rt.accounts.name,
          <input id="account-name" className="utrecht-textbox utrecht-textbox--html-input" value={form.displayName} onChange={(event) => setForm({ ...form, displayName: event.target.value })} />)}
        {field('account-role', rt.accounts.role,
          <select id="account-role" className="utrecht-select utrecht-select--html-select" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as StaffRole })}>
            {STAFF_ROLES.map((role) => <option key={role} value={role}>{rt.roles[role]}</option>)}
          </select>)}
        {field('account-location', rt.accounts.location,
          <select id="account-location" className="utrecht-select utrecht-select--html-select" value={form.locationId} onChange={(event) => setForm({ ...form, locationId: event.target.value })}>
            <option value="">{rt.accounts.noLocation}</option>
            {(locations.data ?? []).map((location) => <option key={location.id} value={location.id}>{location.name}</option>)}
          </select>)}
        {form.role === 'maatje' && (
          <DateInputField label={rt.accounts.trainedAt} description={<><DateHint />. {rt.accounts.trainedHint}</>} value={form.trainedOn}
            onChange={(trainedOn) => setForm({ ...form, trainedOn })} error={badDate ? t.date.invalid : undefined} />
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>{rt.accounts.save}</Button>
          <Button appearance="secondary-action-button" disabled={busy} onClick={() => void patch({ disabled: !user.data!.disabled })}>
            {user.data.disabled ? rt.accounts.enable : rt.accounts.disable}
          </Button>
        </ButtonGroup>
      </form>
      {asking
        ? <StaffCodeRequest userId={userId} name={user.data.displayName} explain={rt.accounts.requestExplain} filed={rt.accounts.requested} onClose={() => setAsking(false)} />
        : (
          <>
            <Paragraph>{rt.accounts.requestExplain}</Paragraph>
            <ButtonGroup>
              <Button appearance="secondary-action-button" disabled={busy || user.data.disabled} onClick={() => setAsking(true)}>{rt.accounts.requestCode}</Button>
            </ButtonGroup>
          </>
        )}
      <Paragraph><AppLink to="/">{rt.titles.accounts}</AppLink></Paragraph>
    </div>
  );
}
