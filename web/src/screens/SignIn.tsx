import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { navigate } from '../router';
import { signIn } from '../session/session';
import { errorText, t } from '../text';
import { TextField } from '../ui/fields';
import { ScreenHeading, StatusMessage } from '../ui/screen';

const schema = z.object({
  username: z.string().trim().min(1, t.signIn.usernameRequired).max(64),
  password: z.string().min(1, t.signIn.passwordRequired).max(1024),
});

export function SignIn() {
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(schema) });
  const [failure, setFailure] = useState<string>();
  const signedOut = new URLSearchParams(location.search).get('afgemeld');

  const submit = handleSubmit(async ({ username, password }) => {
    setFailure(undefined);
    const result = await signIn(username, password);
    if (result.ok) {
      navigate(location.pathname === '/' || location.pathname === '' ? '/' : location.pathname, { replace: true });
      return;
    }
    setFailure(result.status === 401 ? t.signIn.failed : errorText(result.code));
  });

  return (
    <div className="ss-narrow">
      <ScreenHeading title={t.titles.signIn}>{t.signIn.heading}</ScreenHeading>
      {signedOut === 'inactief' && <StatusMessage>{t.signIn.signedOutIdle}</StatusMessage>}
      {signedOut === 'ja' && <StatusMessage>{t.signIn.signedOut}</StatusMessage>}
      <Paragraph>{t.signIn.intro}</Paragraph>
      {failure && <Alert type="error" role="alert"><Paragraph>{failure}</Paragraph></Alert>}
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <TextField label={t.signIn.username} autoComplete="username" registration={register('username')} error={formState.errors.username?.message} />
        <TextField label={t.signIn.password} type="password" autoComplete="current-password" registration={register('password')} error={formState.errors.password?.message} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t.signIn.busy : t.signIn.submit}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
