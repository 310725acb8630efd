// The resident's own consent to hand the dossier over to the organisation of the referral (phase C):
// what goes along, with whom, the story only by the resident's choice. Withdrawing says the
// consequence before the button and asks once more, as the main consent does.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { api, ApiProblem, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { residentHandover as h } from '../../text';
import { CheckboxInput } from '../../ui/fields';
import { ErrorMessage, Loading, StatusMessage } from '../../ui/screen';

// The server matches the organisation without regard to case or spaces around it.
const same = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** `canShare`: the main consent stands; without it the dossier is frozen and the server refuses a new handover consent. */
export function HandoverShare({ dossierId, organisation, canShare }: { dossierId: string; organisation: string; canShare: boolean }) {
  const queryClient = useQueryClient();
  const key = ['dossier', dossierId, 'handover-consent'];
  const consent = useQuery({
    queryKey: key,
    queryFn: async (): Promise<Schemas['HandoverConsent'] | null> => {
      try {
        return await unwrap(api.GET('/api/v1/dossiers/{id}/handover-consent', { params: { path: { id: dossierId } } }));
      } catch (caught) {
        // No consent yet is an answer, not a failure.
        if (caught instanceof ApiProblem && caught.status === 404) return null;
        throw caught;
      }
    },
  });
  const [includeStory, setIncludeStory] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error?: unknown; done?: string }>({ busy: false });

  const change = async (call: () => Promise<unknown>, done: string) => {
    setState({ busy: true });
    try {
      await call();
      setConfirming(false);
      setState({ busy: false, done });
    } catch (caught) {
      setState({ busy: false, error: caught });
    }
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const give = () => void change(() => unwrap(api.PUT('/api/v1/dossiers/{id}/handover-consent', {
    params: { path: { id: dossierId } }, body: { organisation, includeStory },
  })), h.givenDone);
  const withdraw = () => void change(() => unwrap(api.DELETE('/api/v1/dossiers/{id}/handover-consent', {
    params: { path: { id: dossierId }, query: {} },
  })), h.withdrawnDone);

  const active = consent.data && consent.data.withdrawnAt === null ? consent.data : null;
  const forThisOrganisation = active !== null && same(active.organisation, organisation);
  return (
    <section aria-labelledby="handover-share" className="ss-panel">
      <Heading2 id="handover-share">{h.heading}</Heading2>
      <Paragraph>{h.intro(organisation)}</Paragraph>
      <Heading3>{h.whatHeading}</Heading3>
      <UnorderedList>{h.what.map((item) => <UnorderedListItem key={item}>{item}</UnorderedListItem>)}</UnorderedList>
      <Paragraph>{h.onlyThem(organisation)} {h.story}</Paragraph>
      <Paragraph>{h.log}</Paragraph>
      {consent.isPending && <Loading />}
      {state.done && <StatusMessage>{state.done}</StatusMessage>}
      <ErrorMessage error={state.error ?? consent.error} />
      {active && (
        <>
          <Paragraph><strong>{h.given(active.organisation, formatDate(active.givenAt))}</strong> {active.includeStory ? h.withStory : h.withoutStory}</Paragraph>
          {active.recordedOnPaper && <Paragraph>{h.paper}</Paragraph>}
        </>
      )}
      {forThisOrganisation && (
        <>
          <div className="ss-flag-warning"><Paragraph>{h.withdrawWarning(organisation)}</Paragraph></div>
          {!confirming ? (
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => setConfirming(true)}>{h.withdraw}</Button>
            </ButtonGroup>
          ) : (
            <div role="alertdialog" aria-labelledby="handover-confirm" className="ss-flag-crisis">
              <Paragraph id="handover-confirm"><strong>{h.confirm(organisation)}</strong></Paragraph>
              <ButtonGroup>
                <Button appearance="primary-action-button" disabled={state.busy} onClick={withdraw}>{h.confirmYes}</Button>
                <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>{h.confirmNo}</Button>
              </ButtonGroup>
            </div>
          )}
        </>
      )}
      {consent.isSuccess && !forThisOrganisation && !canShare && <Paragraph>{h.mainConsentFirst}</Paragraph>}
      {consent.isSuccess && !forThisOrganisation && canShare && (
        <>
          <Paragraph>{active ? h.otherOrganisation(active.organisation, organisation) : h.none}</Paragraph>
          <CheckboxInput id="handover-story" label={h.includeStory} checked={includeStory} onChange={setIncludeStory} />
          <ButtonGroup>
            <Button appearance="primary-action-button" disabled={state.busy} onClick={give}>{h.give}</Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
