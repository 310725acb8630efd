// The app shell: session start-up, the header, the screen for the current path.
// The query cache lives in memory only (no persister), and sign-out reloads the page.
import { useEffect, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Document, Page, PageContent, Surface } from '@utrecht/component-library-react';
import { matchPath, usePath } from './router';
import { IdleSignOut } from './session/idle';
import { refreshSession, useSession } from './session/session';
import { AppHeader } from './ui/AppHeader';
import { Loading } from './ui/screen';
import { ChangePassword } from './screens/ChangePassword';
import { DossierScreen } from './screens/dossier/DossierScreen';
import { MyDossiers } from './screens/MyDossiers';
import { NewDossier } from './screens/NewDossier';
import { NotFound } from './screens/NotFound';
import { SignIn } from './screens/SignIn';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000, gcTime: 5 * 60_000 },
      mutations: { retry: false },
    },
  });
}

function Screen({ path }: { path: string }) {
  if (path === '/' || path === '/dossiers') return <MyDossiers />;
  if (path === '/dossiers/nieuw') return <NewDossier />;
  if (path === '/wachtwoord') return <ChangePassword />;
  const dossier = matchPath('/dossiers/:id', path) ?? matchPath('/dossiers/:id/:section', path);
  if (dossier) return <DossierScreen dossierId={dossier.id!} section={dossier.section} />;
  return <NotFound />;
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
                {session.status === 'signedOut' && <SignIn />}
                {session.status === 'signedIn' && <Screen path={path} />}
              </main>
            </PageContent>
          </Page>
          {session.status === 'signedIn' && <IdleSignOut />}
        </QueryClientProvider>
      </Document>
    </Surface>
  );
}
