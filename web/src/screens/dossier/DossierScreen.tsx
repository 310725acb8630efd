// One dossier: the phase steps, the section of the phase, the PDF download. The page title stays a
// fixed text; the resident's name only appears in the page itself.
import { useState } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { formatDate } from '../../lib/dates';
import { AppLink } from '../../router';
import { phaseLabel, t } from '../../text';
import { useSession } from '../../session/session';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { useDossier } from './data';
import { PhaseA } from './PhaseA';
import { PhaseB } from './PhaseB';
import { PhaseC } from './PhaseC';
import { downloadOverviewPdf } from './pdf';
import { ResidentCode, useResidentCode } from './ResidentCode';

const SECTIONS = ['a', 'b', 'c'] as const;
type Section = (typeof SECTIONS)[number];

export function DossierScreen({ dossierId, section }: { dossierId: string; section?: string }) {
  const query = useDossier(dossierId);
  const [pdfState, setPdfState] = useState<'idle' | 'busy' | 'done' | unknown>('idle');
  const residentCode = useResidentCode();
  const session = useSession();
  if (query.isPending) return (<><ScreenHeading title={t.titles.dossier} /><Loading /></>);
  if (query.isError) return (<><ScreenHeading title={t.titles.dossier} /><ErrorMessage error={query.error} /></>);
  const dossier = query.data;
  const current: Section = dossier.phase === 'closed' ? 'c' : (dossier.phase.toLowerCase() as Section);
  const shown: Section = SECTIONS.includes(section as Section) ? (section as Section) : current;
  // Only the dossier's own maatje may make a new code (the server checks it too).
  const mayIssueCode = session.status === 'signedIn' && dossier.assignedMaatje?.id === session.user.id;

  const download = async () => {
    setPdfState('busy');
    try {
      await downloadOverviewPdf(dossier.id);
      setPdfState('done');
    } catch (caught) {
      setPdfState(caught);
    }
  };

  return (
    <>
      <ScreenHeading title={t.titles.dossier}>{`${t.titles.dossier}: ${dossier.resident.displayName}`}</ScreenHeading>
      <Paragraph>
        {t.dossier.phaseNow}: <strong>{phaseLabel[dossier.phase]}</strong>. {t.dossier.opened} {formatDate(dossier.openedAt)}.
      </Paragraph>
      {dossier.phase === 'closed' && <StatusMessage>{t.dossier.closedNote}</StatusMessage>}
      <nav aria-label={t.dossier.phaseNav} className="ss-no-print">
        <ul className="ss-row ss-list-plain">
          {SECTIONS.map((key) => (
            <li key={key}>
              <AppLink to={`/dossiers/${dossier.id}/${key}`} aria-current={key === shown ? 'page' : undefined}
                className={key === shown ? 'utrecht-link ss-current' : 'utrecht-link'}>
                {t.dossier.phaseShort[key.toUpperCase() as 'A' | 'B' | 'C']}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      <ButtonGroup className="ss-no-print">
        <Button appearance="secondary-action-button" onClick={() => void download()} disabled={pdfState === 'busy'}>
          {pdfState === 'busy' ? t.dossier.pdfBusy : t.dossier.pdf}
        </Button>
        {mayIssueCode && residentCode.step.kind === 'closed' && (
          <Button appearance="secondary-action-button" onClick={residentCode.open}>{t.residentCode.open}</Button>
        )}
      </ButtonGroup>
      <ResidentCode dossier={dossier} step={residentCode.step} setStep={residentCode.setStep} />
      {pdfState === 'done' && <StatusMessage>{t.dossier.pdfDone}</StatusMessage>}
      {pdfState !== 'idle' && pdfState !== 'busy' && pdfState !== 'done' && <ErrorMessage error={pdfState} />}
      {shown === 'a' && <PhaseA dossier={dossier} />}
      {shown === 'b' && <PhaseB dossier={dossier} />}
      {shown === 'c' && <PhaseC dossier={dossier} />}
    </>
  );
}
