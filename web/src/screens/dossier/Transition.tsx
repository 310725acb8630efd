// A step between phases. A refused guard (422) lists what is missing, in words.
import { useEffect, useState } from 'react';
import { Alert, Button, ButtonGroup, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { api, ApiProblem, unwrap } from '../../api/client';
import { phaseLabel, t } from '../../text';
import { ErrorMessage, StatusMessage } from '../../ui/screen';
import { navigate } from '../../router';
import { useRefreshDossier, type Dossier } from './data';

type Phase = 'A' | 'B' | 'C';

export function TransitionButtons({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const [missing, setMissing] = useState<Array<{ code: string; debtId?: string }>>();
  const [error, setError] = useState<unknown>();
  const [moved, setMoved] = useState<string>();
  const [busy, setBusy] = useState(false);
  // What was missing is stale once the dossier changes; the next attempt asks the server again.
  useEffect(() => setMissing(undefined), [dossier.version]);
  if (dossier.phase === 'closed') return null;
  const from = dossier.phase as Phase;
  const next: Phase | undefined = from === 'A' ? 'B' : from === 'B' ? 'C' : undefined;
  const previous: Phase | undefined = from === 'B' ? 'A' : from === 'C' ? 'B' : undefined;

  const go = async (to: Phase) => {
    setBusy(true);
    setMissing(undefined);
    setError(undefined);
    try {
      await unwrap(api.POST('/api/v1/dossiers/{id}/transitions', { params: { path: { id: dossier.id } }, body: { to } }));
      await refresh();
      setMoved(t.dossier.moved(phaseLabel[to]!));
      navigate(`/dossiers/${dossier.id}/${to.toLowerCase()}`);
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 422 && Array.isArray(caught.body.missing)) {
        setMissing(caught.body.missing as Array<{ code: string; debtId?: string }>);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const debtName = (debtId?: string) => dossier.debts.find((d) => d.id === debtId)?.creditorName;
  return (
    <div className="ss-no-print">
      {moved && <StatusMessage>{moved}</StatusMessage>}
      {missing && (
        <Alert type="warning" role="alert">
          <Paragraph>{t.dossier.missingIntro}</Paragraph>
          <UnorderedList>
            {missing.map((item, index) => (
              <UnorderedListItem key={`${item.code}-${index}`}>
                {t.missing[item.code] ?? t.errors.transition_guard}
                {item.debtId && debtName(item.debtId) ? ` (${debtName(item.debtId)})` : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      <ErrorMessage error={error} />
      <ButtonGroup>
        {next && <Button appearance="primary-action-button" disabled={busy} onClick={() => void go(next)}>{t.dossier.toNext[from as 'A' | 'B']}</Button>}
        {previous && <Button appearance="secondary-action-button" disabled={busy} onClick={() => void go(previous)}>{t.dossier.back[from as 'B' | 'C']}</Button>}
      </ButtonGroup>
    </div>
  );
}
