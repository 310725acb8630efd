// The handover to formal debt help (phase C): the resident's consent to share with the organisation
// of the referral, recorded from paper by the maatje (or given by the resident in their own
// account), and the overdrachtsdossier as a PDF and as JSON for the intake. Without
// a referral or that consent the server refuses the download; the screen says so first.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, ApiProblem, unwrap } from '../../api/client';
import { saveBlob } from '../../lib/download';
import { formatDate } from '../../lib/dates';
import { paperwork } from '../../text';
import { CheckboxInput } from '../../ui/fields';
import { Loading, StatusMessage } from '../../ui/screen';
import type { Dossier } from './data';
import { PaperworkError } from './paperworkErrors';

const h = paperwork.handover;

export function Handover({ dossier }: { dossier: Dossier }) {
  const queryClient = useQueryClient();
  const key = ['dossier', dossier.id, 'handover-consent'];
  const consent = useQuery({
    queryKey: key,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/dossiers/{id}/handover-consent', { params: { path: { id: dossier.id } } }));
      } catch (caught) {
        // No consent yet is an answer, not a failure.
        if (caught instanceof ApiProblem && caught.status === 404) return null;
        throw caught;
      }
    },
  });
  const [includeStory, setIncludeStory] = useState(false);
  const [paper, setPaper] = useState(false);
  const [paperMissing, setPaperMissing] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error?: unknown; done?: string }>({ busy: false });
  const organisation = dossier.referral?.organisation;

  const run = async (work: () => Promise<unknown>, done: string) => {
    setState({ busy: true });
    try {
      await work();
      setState({ busy: false, done });
    } catch (caught) {
      setState({ busy: false, error: caught });
    }
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const record = () => {
    setPaperMissing(!paper);
    if (!paper || !organisation) return;
    void run(() => unwrap(api.PUT('/api/v1/dossiers/{id}/handover-consent', {
      params: { path: { id: dossier.id } }, body: { organisation, includeStory, recordedOnPaper: true },
    })), h.recorded);
  };
  // The maatje withdraws only what the resident signed on paper; the question says so first.
  const [asking, setAsking] = useState(false);
  const withdraw = () => void run(async () => {
    await unwrap(api.DELETE('/api/v1/dossiers/{id}/handover-consent', { params: { path: { id: dossier.id }, query: { recordedOnPaper: 'true' } } }));
    setAsking(false);
  }, h.withdrawn);
  const download = () => void run(async () => {
    const blob = await unwrap(api.GET('/api/v1/dossiers/{id}/handover.pdf', { params: { path: { id: dossier.id } }, parseAs: 'blob' })) as unknown as Blob;
    saveBlob(blob, 'overdrachtsdossier.pdf');
  }, h.downloaded);
  const downloadJson = () => void run(async () => {
    const blob = await unwrap(api.GET('/api/v1/dossiers/{id}/handover', { params: { path: { id: dossier.id } }, parseAs: 'blob' })) as unknown as Blob;
    saveBlob(blob, 'overdrachtsdossier.json');
  }, h.downloadedJson);

  const active = consent.data && consent.data.withdrawnAt === null ? consent.data : null;
  // The server matches the organisation without regard to case or spaces around it.
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');
  const forThisOrganisation = active !== null && organisation !== undefined && same(active.organisation, organisation);
  return (
    <section aria-labelledby="handover-heading">
      <Heading2 id="handover-heading">{h.heading}</Heading2>
      <Paragraph>{h.intro}</Paragraph>
      {!organisation ? <Paragraph>{h.needsReferral}</Paragraph> : (
        <>
          <Heading3>{h.consentHeading}</Heading3>
          {consent.isPending && <Loading />}
          {state.done && <StatusMessage>{state.done}</StatusMessage>}
          <PaperworkError error={state.error ?? consent.error} />
          {active && (
            <>
              <Paragraph>{h.given(active.organisation, formatDate(active.givenAt))} {active.includeStory ? h.withStory : h.withoutStory} {active.recordedOnPaper ? h.fromPaper : h.byResident}</Paragraph>
              {!forThisOrganisation && <Paragraph className="ss-flag-warning">{h.otherOrganisation(active.organisation)}</Paragraph>}
            </>
          )}
          {consent.isSuccess && !forThisOrganisation && (
            <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); record(); }}>
              <Paragraph>{h.consentWhat(organisation)} {h.residentMayGive}</Paragraph>
              {[['handover-story', h.includeStory, includeStory, setIncludeStory], ['handover-paper', h.paper, paper, setPaper]].map(([id, text, checked, set]) => (
                <CheckboxInput key={id as string} id={id as string} label={text as string} checked={checked as boolean} onChange={set as (v: boolean) => void}
                  describedBy={id === 'handover-paper' && paperMissing ? 'handover-paper-error' : undefined} />
              ))}
              {paperMissing && !paper && <p id="handover-paper-error" className="utrecht-form-field-error-message" role="alert">{h.paperRequired}</p>}
              <ButtonGroup><Button type="submit" appearance="secondary-action-button" disabled={state.busy}>{h.record}</Button></ButtonGroup>
            </form>
          )}
          {forThisOrganisation && !asking && (
            <>
              <ButtonGroup>
                <Button appearance="primary-action-button" disabled={state.busy} onClick={download}>{h.download}</Button>
              </ButtonGroup>
              <Paragraph>{h.jsonText}</Paragraph>
              <ButtonGroup>
                <Button appearance="secondary-action-button" disabled={state.busy} onClick={downloadJson}>{h.downloadJson}</Button>
              </ButtonGroup>
              <ButtonGroup>
                <Button appearance="secondary-action-button" disabled={state.busy} onClick={() => setAsking(true)}>{h.withdraw}</Button>
              </ButtonGroup>
            </>
          )}
          {forThisOrganisation && asking && (
            <div className="ss-panel">
              <Paragraph>{h.withdrawQuestion}</Paragraph>
              <ButtonGroup>
                <Button appearance="primary-action-button" disabled={state.busy} onClick={withdraw}>{h.withdrawYes}</Button>
                <Button appearance="secondary-action-button" disabled={state.busy} onClick={() => setAsking(false)}>{h.withdrawNo}</Button>
              </ButtonGroup>
            </div>
          )}
        </>
      )}
    </section>
  );
}
