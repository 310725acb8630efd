// What each role sees: its menu and its screens. A role's menu lists only what that role may use
// (docs/api.md (Roles)), and a path of another role's screen is "not found" here, never a 403 page.
import type { ReactNode } from 'react';
import { matchPath } from './router';
import type { SessionUser } from './session/session';
import { rt, t } from './text';
import { AccountEdit } from './screens/admin/AccountEdit';
import { Accounts } from './screens/admin/Accounts';
import { Instruments } from './screens/admin/Instruments';
import { Locations } from './screens/admin/Locations';
import { NormPeriods } from './screens/admin/NormPeriods';
import { ChangePassword } from './screens/ChangePassword';
import { Assign } from './screens/coordinator/Assign';
import { Caseload } from './screens/coordinator/Caseload';
import { Maatjes } from './screens/coordinator/Maatjes';
import { DossierScreen } from './screens/dossier/DossierScreen';
import { Stats } from './screens/evaluator/Stats';
import { MyDossiers } from './screens/MyDossiers';
import { NewDossier } from './screens/NewDossier';
import { NotFound } from './screens/NotFound';
import { AccessLog } from './screens/resident/AccessLog';
import { Consent } from './screens/resident/Consent';
import { Questionnaire } from './screens/resident/Questionnaire';
import { ResidentData } from './screens/resident/ResidentData';
import { ResidentOverview } from './screens/resident/ResidentOverview';

type Role = SessionUser['role'];

export interface NavItem {
  to: string;
  text: string;
}

const PASSWORD: NavItem = { to: '/wachtwoord', text: t.nav.password };

export const NAV: Record<Role, NavItem[]> = {
  resident: [
    { to: '/', text: rt.nav.overview },
    { to: '/gegevens', text: rt.nav.data },
    { to: '/bekeken', text: rt.nav.log },
    { to: '/toestemming', text: rt.nav.consent },
    { to: '/vragenlijst', text: rt.nav.questionnaire },
    PASSWORD,
  ],
  maatje: [{ to: '/', text: t.nav.myDossiers }, PASSWORD],
  coordinator: [{ to: '/', text: rt.nav.caseload }, { to: '/maatjes', text: rt.nav.maatjes }, PASSWORD],
  admin: [
    { to: '/', text: rt.nav.accounts },
    { to: '/locaties', text: rt.nav.locations },
    { to: '/normen', text: rt.nav.norms },
    { to: '/vragenlijsten', text: rt.nav.instruments },
    PASSWORD,
  ],
  evaluator: [{ to: '/', text: rt.nav.stats }, PASSWORD],
};

function maatjeScreen(path: string): ReactNode {
  if (path === '/' || path === '/dossiers') return <MyDossiers />;
  if (path === '/dossiers/nieuw') return <NewDossier />;
  const dossier = matchPath('/dossiers/:id', path) ?? matchPath('/dossiers/:id/:section', path);
  if (dossier) return <DossierScreen dossierId={dossier.id!} section={dossier.section} />;
  return null;
}

function residentScreen(path: string): ReactNode {
  switch (path) {
    case '/': return <ResidentOverview />;
    case '/gegevens': return <ResidentData />;
    case '/bekeken': return <AccessLog />;
    case '/toestemming': return <Consent />;
    case '/vragenlijst': return <Questionnaire />;
    default: return null;
  }
}

function coordinatorScreen(path: string): ReactNode {
  if (path === '/') return <Caseload />;
  if (path === '/maatjes') return <Maatjes />;
  const dossier = matchPath('/dossiers/:id/maatje', path);
  if (dossier) return <Assign dossierId={dossier.id!} />;
  return null;
}

function adminScreen(path: string): ReactNode {
  if (path === '/') return <Accounts />;
  if (path === '/locaties') return <Locations />;
  if (path === '/normen') return <NormPeriods />;
  if (path === '/vragenlijsten') return <Instruments />;
  const account = matchPath('/accounts/:id', path);
  if (account) return <AccountEdit key={account.id} userId={account.id!} />;
  return null;
}

const SCREENS: Record<Role, (path: string) => ReactNode> = {
  resident: residentScreen, maatje: maatjeScreen, coordinator: coordinatorScreen, admin: adminScreen,
  evaluator: (path) => (path === '/' ? <Stats /> : null),
};

export function RoleScreen({ role, path }: { role: Role; path: string }) {
  if (path === '/wachtwoord') return <ChangePassword />;
  return SCREENS[role](path) ?? <NotFound />;
}
