// "Mijn gegevens": the overview PDF (optionally with the story) and the export of everything kept.
import { useState } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { saveBlob } from '../../lib/download';
import { CheckboxInput } from '../../ui/fields';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { useMyDossierId } from './useMyDossier';
import { DossierChoice } from './DossierChoice';
import { rt } from '../../text';

type State = 'idle' | 'busy' | 'done' | { error: unknown };

function useDownload() {
  const [state, setState] = useState<State>('idle');
  const run = async (fetchBlob: () => Promise<Blob>, filename: string) => {
    setState('busy');
    try {
      saveBlob(await fetchBlob(), filename);
      setState('done');
    } catch (error) {
      setState({ error });
    }
  };
  return { state, run };
}

function Outcome({ state }: { state: State }) {
  if (state === 'busy') return <Paragraph role="status">{rt.data.busy}</Paragraph>;
  if (state === 'done') return <StatusMessage>{rt.data.done}</StatusMessage>;
  if (typeof state === 'object') return <ErrorMessage error={state.error} />;
  return null;
}

export function ResidentData() {
  const mine = useMyDossierId();
  const [includeStory, setIncludeStory] = useState(false);
  const pdf = useDownload();
  const exported = useDownload();
  const id = mine.data;
  return (
    <>
      <ScreenHeading title={rt.titles.data}>{rt.data.heading}</ScreenHeading>
      <DossierChoice />
      <ErrorMessage error={mine.error} />
      {mine.isPending && <Loading />}
      {mine.isSuccess && id === null && <Paragraph>{rt.overview.none}</Paragraph>}
      {id && (
        <>
          <section aria-labelledby="pdf-heading" className="ss-panel">
            <Heading2 id="pdf-heading">{rt.data.pdfHeading}</Heading2>
            <Paragraph>{rt.data.pdfText}</Paragraph>
            <CheckboxInput id="include-story" label={rt.data.includeStory} checked={includeStory} onChange={setIncludeStory} />
            <ButtonGroup>
              <Button appearance="primary-action-button" disabled={pdf.state === 'busy'} onClick={() => void pdf.run(
                async () => await unwrap(api.GET('/api/v1/dossiers/{id}/overview.pdf', {
                  params: { path: { id }, query: includeStory ? { includeStory: 'true' } : {} }, parseAs: 'blob',
                })) as unknown as Blob,
                'mijn-schuldenoverzicht.pdf',
              )}>{rt.data.pdfButton}</Button>
            </ButtonGroup>
            <Outcome state={pdf.state} />
          </section>
          <section aria-labelledby="export-heading" className="ss-panel">
            <Heading2 id="export-heading">{rt.data.exportHeading}</Heading2>
            <Paragraph>{rt.data.exportText}</Paragraph>
            <ButtonGroup>
              <Button appearance="secondary-action-button" disabled={exported.state === 'busy'} onClick={() => void exported.run(
                async () => await unwrap(api.GET('/api/v1/dossiers/{id}/export.json', { params: { path: { id } }, parseAs: 'blob' })) as unknown as Blob,
                'alles-wat-wij-over-u-bewaren.json',
              )}>{rt.data.exportButton}</Button>
            </ButtonGroup>
            <Outcome state={exported.state} />
          </section>
        </>
      )}
    </>
  );
}
