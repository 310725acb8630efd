// The app shell: session start-up, the header, the screen for the current path.
// The query cache lives in memory only (no persister), and sign-out reloads the page.
import { useEffect, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Document, Page, PageContent, Surface } from '@utrecht/component-library-react';
import { usePath } from './router';
import { IdleSignOut } from './session/idle';
import { refreshSession, useSession } from './session/session';
import { AppHeader } from './ui/AppHeader';
import { Loading } from './ui/screen';
import { SignIn } from './screens/SignIn';
import { Activate, ForgotPassword, SignInLinks } from './screens/resident/Activate';
import { RoleScreen } from './roles';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000, gcTime: 5 * 60_000 },
      mutations: { retry: false },
    },
  });
}

/** Signed out: sign in, or make an account with the slip's code, or learn what to do without a password. */
function SignedOutScreen({ path }: { path: string }) {
  if (path === '/activeren') return <Activate />;
  if (path === '/wachtwoord-vergeten') return <ForgotPassword />;
  return <><SignIn /><SignInLinks /></>;
}

export function App() {
  const session = useSession();
  const path = usePath();
  const [queryClient] = useState(makeQueryClient);

  useEffect(() => {
    // A reload keeps the session through the HttpOnly cookie; nothing else survives it.
    void refreshSession();
  }, []);

  return (
    <Surface>
      <Document>
        <QueryClientProvider client={queryClient}>
          <a className="ss-skip utrecht-link" href="#main">{'Naar de inhoud'}</a>
          {session.status === 'signedIn' && <AppHeader user={session.user} />}
          <Page>
            <PageContent>
              <main id="main">
                {session.status === 'starting' && <Loading />}
                {session.status === 'signedOut' && <SignedOutScreen path={path} />}
                {session.status === 'signedIn' && <RoleScreen role={session.user.role} path={path} />}
              </main>
            </PageContent>
          </Page>
          {session.status === 'signedIn' && <IdleSignOut />}
        </QueryClientProvider>
      </Document>
    </Surface>
  );
}
