import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../api/client';
import { t } from '../text';
import { TextField } from '../ui/fields';
import { ErrorMessage, ScreenHeading, StatusMessage } from '../ui/screen';

// Mirrors the API's rule (8 to 128 characters); commonness is the server's call.
const schema = z.object({
  currentPassword: z.string().min(1, t.password.currentRequired).max(1024),
  newPassword: z.string().min(8, t.password.tooShort).max(128, t.errors.password_too_long),
  repeat: z.string(),
}).refine((v) => v.newPassword === v.repeat, { path: ['repeat'], message: t.password.mismatch });

export function ChangePassword() {
  const { register, handleSubmit, formState, reset } = useForm({ resolver: zodResolver(schema) });
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  const submit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setError(undefined);
    setDone(false);
    try {
      await unwrap(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
      reset();
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  });

  return (
    <div className="ss-narrow">
      <ScreenHeading title={t.titles.password}>{t.password.heading}</ScreenHeading>
      <Paragraph>{t.password.intro}</Paragraph>
      {done && <StatusMessage>{t.password.done}</StatusMessage>}
      <ErrorMessage error={error} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <TextField label={t.password.current} type="password" autoComplete="current-password" registration={register('currentPassword')} error={formState.errors.currentPassword?.message} />
        <TextField label={t.password.next} type="password" autoComplete="new-password" registration={register('newPassword')} error={formState.errors.newPassword?.message} />
        <TextField label={t.password.repeat} type="password" autoComplete="new-password" registration={register('repeat')} error={formState.errors.repeat?.message} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{t.password.submit}</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
