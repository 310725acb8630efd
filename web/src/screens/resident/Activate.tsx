// "Account maken" with the code from the slip: the rules are shown before typing, not after a
// refusal. Also "Wachtwoord vergeten?", which can only point to a person: there is no e-mail.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { AppLink, navigate } from '../../router';
import { activateAccount } from '../../session/session';
import { errorText, rt } from '../../text';
import { TextField } from '../../ui/fields';
import { ScreenHeading } from '../../ui/screen';

// The same rules as the API (auth.schemas.ts, password.ts), so a refusal is rare and says why.
const schema = z.object({
  code: z.string().min(1, rt.activate.codeRequired).transform((text) => text.replace(/[\s-]/g, '').toUpperCase())
    .refine((text) => /^[A-Z0-9]{12}$/.test(text), rt.activate.codeInvalid)
    .transform((text) => `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`),
  username: z.string().trim().regex(/^[A-Za-z0-9._-]{3,64}$/, rt.activate.usernameInvalid),
  password: z.string().min(8, rt.activate.passwordShort).max(128),
});

export function Activate() {
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(schema) });
  const [failure, setFailure] = useState<string>();
  const submit = handleSubmit(async ({ code, username, password }) => {
    setFailure(undefined);
    const result = await activateAccount(code, username, password);
    if (result.ok) {
      navigate('/', { replace: true });
      return;
    }
    setFailure(result.status === 401 || result.status === 404 || result.status === 422 ? rt.activate.failed : errorText(result.code));
  });
  return (
    <div className="ss-narrow">
      <ScreenHeading title={rt.titles.activate}>{rt.activate.heading}</ScreenHeading>
      <Paragraph>{rt.activate.intro}</Paragraph>
      {failure && <Alert type="error" role="alert"><Paragraph>{failure}</Paragraph></Alert>}
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <TextField label={rt.activate.code} description={rt.activate.codeHint} autoComplete="one-time-code" registration={register('code')} error={formState.errors.code?.message} />
        <TextField label={rt.activate.username} description={rt.activate.usernameHint} autoComplete="username" registration={register('username')} error={formState.errors.username?.message} />
        <TextField label={rt.activate.password} description={rt.activate.passwordRules} type="password" autoComplete="new-password" registration={register('password')} error={formState.errors.password?.message} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? rt.activate.busy : rt.activate.submit}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph><AppLink to="/">{rt.activate.back}</AppLink></Paragraph>
    </div>
  );
}

export function ForgotPassword() {
  return (
    <div className="ss-narrow">
      <ScreenHeading title={rt.titles.forgot}>{rt.forgot.heading}</ScreenHeading>
      <Paragraph>{rt.forgot.text}</Paragraph>
      <Paragraph>{rt.forgot.staff}</Paragraph>
      <Paragraph><AppLink to="/activeren">{rt.signInLinks.activate}</AppLink></Paragraph>
      <Paragraph><AppLink to="/">{rt.activate.back}</AppLink></Paragraph>
    </div>
  );
}

/** Under the sign-in form: the two ways in for someone without a working password. */
export function SignInLinks() {
  return (
    <ul className="ss-list-plain ss-narrow ss-links">
      <li><AppLink to="/activeren">{rt.signInLinks.activate}</AppLink></li>
      <li><AppLink to="/wachtwoord-vergeten">{rt.signInLinks.forgot}</AppLink></li>
    </ul>
  );
}
