// One dossier of the coordinator's location: choose (or remove) its maatje with a reason. Metadata
// only. A resident's new activation code comes from the dossier's own maatje, never from the
// coordinator (no insider may reach a dossier by re-issuing a code), so this page only says so.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { AppLink } from '../../router';
import { phaseLabel, rt } from '../../text';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { useCaseload } from './Caseload';
import { useStaffList } from './Maatjes';

export function Assign({ dossierId }: { dossierId: string }) {
  const caseload = useCaseload();
  const users = useStaffList();
  const queryClient = useQueryClient();
  const [maatjeId, setMaatjeId] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ maatje?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const item = caseload.data?.find((entry) => entry.dossierId === dossierId);
  const eligible = (users.data ?? [])
    .filter((user) => user.role === 'maatje' && !user.disabled && user.trainedAt !== null && user.id !== item?.maatjeId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));

  const act = async (call: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await call();
      await queryClient.invalidateQueries({ queryKey: ['caseload'] });
      setDone(message);
      setMaatjeId('');
      setReason('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const assign = () => {
    const found = { maatje: maatjeId ? undefined : rt.assign.maatjeRequired, reason: reason.trim() ? undefined : rt.assign.reasonRequired };
    setProblems(found);
    if (found.maatje || found.reason) return;
    void act(() => unwrap(api.PUT('/api/v1/dossiers/{id}/assignment', { params: { path: { id: dossierId } }, body: { maatjeId, reason: reason.trim() } })), rt.assign.saved);
  };

  if (caseload.isPending || users.isPending) return <Loading />;
  if (!item) {
    return (
      <>
        <ScreenHeading title={rt.titles.assign} />
        <ErrorMessage error={caseload.error ?? users.error ?? { code: 'not_found' }} />
        <Paragraph><AppLink to="/">{rt.assign.back}</AppLink></Paragraph>
      </>
    );
  }

  const errorId = (field: string) => `assign-${field}-error`;
  return (
    <>
      <ScreenHeading title={rt.titles.assign}>{rt.assign.heading(item.residentDisplayName)}</ScreenHeading>
      <Paragraph>{phaseLabel[item.phase]}. {item.maatjeDisplayName && !item.noActiveMaatje ? rt.assign.current(item.maatjeDisplayName) : rt.assign.none}</Paragraph>
      {done && <StatusMessage>{done}</StatusMessage>}
      <ErrorMessage error={error} />
      <section aria-labelledby="assign-heading" className="ss-panel">
        <Heading2 id="assign-heading">{rt.assign.chooseHeading}</Heading2>
        <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); assign(); }}>
          <div className={`utrecht-form-field${problems.maatje ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="assign-maatje">{rt.assign.choose}</label></div>
            <div className="utrecht-form-field-description" id="assign-maatje-hint">{rt.assign.chooseHint}</div>
            {problems.maatje && <div className="utrecht-form-field-error-message" id={errorId('maatje')}>{problems.maatje}</div>}
            <div className="utrecht-form-field__input">
              <select id="assign-maatje" className="utrecht-select utrecht-select--html-select" value={maatjeId} onChange={(event) => setMaatjeId(event.target.value)}
                aria-invalid={problems.maatje ? true : undefined} aria-describedby={`assign-maatje-hint${problems.maatje ? ` ${errorId('maatje')}` : ''}`}>
                <option value="">{rt.assign.pick}</option>
                {eligible.map((maatje) => <option key={maatje.id} value={maatje.id}>{maatje.displayName}</option>)}
              </select>
            </div>
          </div>
          <div className={`utrecht-form-field${problems.reason ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="assign-reason">{rt.assign.reason}</label></div>
            <div className="utrecht-form-field-description" id="assign-reason-hint">{rt.assign.reasonHint}</div>
            {problems.reason && <div className="utrecht-form-field-error-message" id={errorId('reason')}>{problems.reason}</div>}
            <div className="utrecht-form-field__input">
              <textarea id="assign-reason" className="utrecht-textarea utrecht-textarea--html-textarea" rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)}
                aria-invalid={problems.reason ? true : undefined} aria-describedby={`assign-reason-hint${problems.reason ? ` ${errorId('reason')}` : ''}`} />
            </div>
          </div>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={busy}>{rt.assign.save}</Button>
          </ButtonGroup>
        </form>
      </section>
      {item.maatjeId && (
        <section aria-labelledby="unassign-heading" className="ss-panel">
          <Heading2 id="unassign-heading">{rt.assign.unassignHeading}</Heading2>
          <Paragraph>{rt.assign.unassignWarning}</Paragraph>
          <ButtonGroup>
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => void act(
              () => unwrap(api.DELETE('/api/v1/dossiers/{id}/assignment', { params: { path: { id: dossierId } } })), rt.assign.removed,
            )}>{rt.assign.unassign}</Button>
          </ButtonGroup>
        </section>
      )}
      <section aria-labelledby="code-heading" className="ss-panel">
        <Heading2 id="code-heading">{rt.assign.codeHeading}</Heading2>
        <Paragraph>{rt.assign.codeByMaatje}</Paragraph>
      </section>
      <Paragraph><AppLink to="/">{rt.assign.back}</AppLink></Paragraph>
    </>
  );
}
