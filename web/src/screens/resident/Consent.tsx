// "Mijn toestemming": what the resident agreed to and when; withdrawing it says the consequence
// before the button and asks once more; giving it again is one step. After a referral, also the
// consent to share the dossier with that organisation (HandoverShare).
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { CheckboxInput } from '../../ui/fields';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { useDossier, useMyDossierId } from './useMyDossier';
import { DossierChoice } from './DossierChoice';
import { HandoverShare } from './HandoverShare';
import { rt } from '../../text';

/** The version of the consent text the resident reads on this screen (rt.consent.what). */
export const CONSENT_TEXT_VERSION = 'v1';

export function Consent() {
  const mine = useMyDossierId();
  const dossier = useDossier(mine.data);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [optIn, setOptIn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const change = async (call: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await call();
      await queryClient.invalidateQueries();
      setConfirming(false);
      setDone(message);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const id = mine.data;
  const consent = dossier.data?.consent;
  const active = consent?.givenAt != null && consent.withdrawnAt === null;
  return (
    <>
      <ScreenHeading title={rt.titles.consent}>{rt.consent.heading}</ScreenHeading>
      <DossierChoice />
      <ErrorMessage error={mine.error ?? dossier.error ?? error} />
      {(mine.isPending || (id && dossier.isPending)) && <Loading />}
      {mine.isSuccess && id === null && <Paragraph>{rt.overview.none}</Paragraph>}
      {done && <StatusMessage>{done}</StatusMessage>}
      {id && consent && (
        <>
          <Paragraph>{rt.consent.what}</Paragraph>
          {active && (
            <section aria-labelledby="consent-now" className="ss-panel">
              <Heading2 id="consent-now">{rt.consent.given(formatDate(consent.givenAt))}</Heading2>
              {consent.recordedOnPaper && <Paragraph>{rt.consent.paper}</Paragraph>}
              <Paragraph>{consent.statisticsOptIn ? rt.consent.stats : rt.consent.noStats}</Paragraph>
              <div className="ss-flag-warning"><Paragraph>{rt.consent.withdrawWarning}</Paragraph></div>
              {!confirming ? (
                <ButtonGroup>
                  <Button appearance="secondary-action-button" onClick={() => setConfirming(true)}>{rt.consent.withdrawButton}</Button>
                </ButtonGroup>
              ) : (
                <div role="alertdialog" aria-labelledby="confirm-text" className="ss-flag-crisis">
                  <Paragraph id="confirm-text"><strong>{rt.consent.confirm}</strong></Paragraph>
                  <ButtonGroup>
                    <Button appearance="primary-action-button" disabled={busy} onClick={() => void change(
                      () => unwrap(api.DELETE('/api/v1/dossiers/{id}/consent', { params: { path: { id }, query: {} } })), rt.consent.withdrawnDone,
                    )}>{rt.consent.confirmYes}</Button>
                    <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>{rt.consent.confirmNo}</Button>
                  </ButtonGroup>
                </div>
              )}
            </section>
          )}
          {!active && (
            <section aria-labelledby="consent-give" className="ss-panel">
              <Heading2 id="consent-give">{consent.withdrawnAt ? rt.consent.withdrawn(formatDate(consent.withdrawnAt)) : rt.consent.none}</Heading2>
              <Paragraph>{rt.consent.giveText}</Paragraph>
              <CheckboxInput id="consent-stats" label={rt.consent.giveStats} checked={optIn} onChange={setOptIn} />
              <ButtonGroup>
                <Button appearance="primary-action-button" disabled={busy} onClick={() => void change(
                  () => unwrap(api.PUT('/api/v1/dossiers/{id}/consent', { params: { path: { id } }, body: { textVersion: CONSENT_TEXT_VERSION, statisticsOptIn: optIn } })),
                  rt.consent.givenDone,
                )}>{rt.consent.giveButton}</Button>
              </ButtonGroup>
            </section>
          )}
          {/* Phase C: once the maatje recorded the referral, sharing with its organisation is the resident's own choice. */}
          {dossier.data?.referral && <HandoverShare dossierId={id} organisation={dossier.data.referral.organisation} canShare={active} />}
        </>
      )}
    </>
  );
}
