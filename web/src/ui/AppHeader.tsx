import { Button } from '@utrecht/component-library-react';
import { NAV } from '../roles';
import { AppLink } from '../router';
import { signOut, type SessionUser } from '../session/session';
import { t } from '../text';

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="ss-header">
      <AppLink to="/" className="ss-brand">{t.appName}</AppLink>
      <nav aria-label={t.nav.label}>
        <ul>
          {NAV[user.role].map((item) => <li key={item.to}><AppLink to={item.to}>{item.text}</AppLink></li>)}
        </ul>
      </nav>
      <div className="ss-row">
        <span className="ss-header-name">{t.nav.signedInAs(user.displayName)}</span>
        <Button appearance="secondary-action-button" onClick={() => void signOut('user')}>{t.nav.signOut}</Button>
      </div>
    </header>
  );
}
