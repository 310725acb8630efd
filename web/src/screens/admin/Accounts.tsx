// The admin's accounts: every staff account with role, location, training and status. A new
// account gets no password: its first code is made by a second admin (CredentialResets).
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, ButtonGroup, Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { AppLink } from '../../router';
import { SelectField, TextField } from '../../ui/fields';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { useStaffList } from '../coordinator/Maatjes';
import { useLocations } from './useReference';
import { rt } from '../../text';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { CredentialResets } from './CredentialResets';

const STAFF_ROLES = ['maatje', 'coordinator', 'evaluator', 'admin'] as const;
const staffRoleOptions = Object.fromEntries(STAFF_ROLES.map((role) => [role, rt.roles[role]!]));

const schema = z.object({
  role: z.enum(STAFF_ROLES, { error: rt.accounts.required }),
  username: z.string().trim().regex(/^[A-Za-z0-9._-]{3,64}$/, rt.accounts.usernameInvalid),
  displayName: z.string().trim().min(1, rt.accounts.required).max(120),
  locationId: z.string(),
}).refine((value) => !['maatje', 'coordinator'].includes(value.role) || value.locationId !== '', { path: ['locationId'], message: rt.accounts.pickLocation });

export function Accounts() {
  const users = useStaffList();
  const locations = useLocations();
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState, reset } = useForm({ resolver: zodResolver(schema), defaultValues: { locationId: '' } });
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<{ name: string }>();
  const locationName = new Map((locations.data ?? []).map((location) => [location.id, location.name]));

  const submit = handleSubmit(async (values) => {
    setError(undefined);
    setCreated(undefined);
    try {
      const user = await unwrap(api.POST('/api/v1/users', { body: {
        role: values.role, username: values.username, displayName: values.displayName,
        ...(values.locationId ? { locationId: values.locationId } : {}),
      } }));
      setCreated({ name: user.displayName });
      reset({ locationId: '', username: '', displayName: '' });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['credential-resets'] });
    } catch (caught) {
      setError(caught);
    }
  });

  const staff = (users.data ?? []).filter((user) => user.role !== 'resident').sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
  return (
    <>
      <ScreenHeading title={rt.titles.accounts}>{rt.accounts.heading}</ScreenHeading>
      <Paragraph>{rt.accounts.intro}</Paragraph>
      {(users.isPending || locations.isPending) && <Loading />}
      <ErrorMessage error={users.error ?? locations.error} />
      {staff.length > 0 && (
        <ResponsiveTable label={rt.accounts.heading} rows={staff} rowKey={(user) => user.id} columns={[
          { header: rt.accounts.name, cell: (user) => <><AppLink to={`/accounts/${user.id}`} aria-label={rt.accounts.edit(user.displayName)}>{user.displayName}</AppLink><br /><span className="ss-muted">{user.username ?? ''}</span></> },
          { header: rt.accounts.role, cell: (user) => rt.roles[user.role] },
          { header: rt.accounts.location, cell: (user) => (user.locationId ? locationName.get(user.locationId) ?? '' : rt.accounts.noLocation) },
          { header: rt.accounts.trained, cell: (user) => (user.role !== 'maatje' ? '' : user.trainedAt ? formatDate(user.trainedAt) : rt.accounts.notTrained) },
          { header: rt.accounts.status, cell: (user) => (user.disabled ? <strong>{rt.accounts.disabled}</strong> : rt.accounts.active) },
        ]} />
      )}
      <CredentialResets />
      <section aria-labelledby="create-heading" className="ss-panel ss-narrow">
        <Heading2 id="create-heading">{rt.accounts.createHeading}</Heading2>
        {created && <StatusMessage>{rt.accounts.createdWaiting(created.name)}</StatusMessage>}
        <ErrorMessage error={error} />
        <form className="utrecht-form" noValidate onSubmit={submit}>
          <SelectField label={rt.accounts.role} options={staffRoleOptions} placeholder={rt.accounts.pickRole} registration={register('role')} error={formState.errors.role?.message} />
          <TextField label={rt.accounts.username} autoComplete="off" registration={register('username')} error={formState.errors.username?.message} />
          <TextField label={rt.accounts.name} autoComplete="off" registration={register('displayName')} error={formState.errors.displayName?.message} />
          <SelectField label={rt.accounts.location} options={Object.fromEntries((locations.data ?? []).map((location) => [location.id, location.name]))}
            placeholder={rt.accounts.noLocation} registration={register('locationId')} error={formState.errors.locationId?.message} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{rt.accounts.create}</Button>
          </ButtonGroup>
        </form>
      </section>
    </>
  );
}
