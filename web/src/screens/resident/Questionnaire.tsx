// The evaluation questionnaire when one is due (T0, T1, T2): one radio group per item, the
// scale said in words before the choices.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { useMyDossierId } from './useMyDossier';
import { DossierChoice } from './DossierChoice';
import { rt } from '../../text';

export function Questionnaire() {
  const mine = useMyDossierId();
  const queryClient = useQueryClient();
  const id = mine.data;
  const measurements = useQuery({
    queryKey: ['measurements', id], enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}/measurements', { params: { path: { id: id! } } })),
  });
  const instruments = useQuery({ queryKey: ['instruments'], queryFn: () => unwrap(api.GET('/api/v1/instruments')) });
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState(false);
  const [thanks, setThanks] = useState(false);
  const [busy, setBusy] = useState(false);

  const due = measurements.data?.due[0];
  const instrument = instruments.data?.items.find((item) => item.version === due?.instrumentVersion);

  const submit = async () => {
    if (!id || !due || !instrument) return;
    if (instrument.items.some((item) => answers[item.code] === undefined)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.PUT('/api/v1/dossiers/{id}/measurements/{moment}', {
        params: { path: { id, moment: due.moment } }, body: { instrumentVersion: instrument.version, items: answers },
      }));
      setAnswers({});
      setThanks(true);
      await queryClient.invalidateQueries({ queryKey: ['measurements', id] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ScreenHeading title={rt.titles.questionnaire}>{rt.questionnaire.heading}</ScreenHeading>
      <DossierChoice />
      <ErrorMessage error={mine.error ?? measurements.error ?? instruments.error ?? error} />
      {thanks && <StatusMessage>{rt.questionnaire.thanks}</StatusMessage>}
      {(mine.isPending || measurements.isPending || instruments.isPending) && id !== null && <Loading />}
      {(id === null || (measurements.isSuccess && !due)) && <Paragraph>{rt.questionnaire.none}</Paragraph>}
      {due && instruments.isSuccess && !instrument && <Paragraph>{rt.questionnaire.noInstrument}</Paragraph>}
      {due && instrument && (
        <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
          <Heading2>{rt.questionnaire.moment[due.moment]}</Heading2>
          <Paragraph>{rt.questionnaire.intro}</Paragraph>
          {missing && <div role="alert" className="ss-flag-crisis"><Paragraph>{rt.questionnaire.required}</Paragraph></div>}
          {instrument.items.map((item) => {
            const scores = Array.from({ length: item.maxScore - item.minScore + 1 }, (_, index) => item.minScore + index);
            return (
              <Fieldset key={item.code} className="ss-scale">
                <FieldsetLegend>{item.label ?? item.code}</FieldsetLegend>
                <Paragraph className="ss-muted">{rt.questionnaire.scale(item.minScore, item.maxScore)}</Paragraph>
                <div className="ss-row">
                  {scores.map((score) => (
                    <label key={score} className="ss-scale-choice">
                      <input type="radio" className="utrecht-radio-button utrecht-radio-button--html-input" name={item.code} value={score}
                        checked={answers[item.code] === score} onChange={() => setAnswers({ ...answers, [item.code]: score })} />
                      {' '}{score}
                    </label>
                  ))}
                </div>
              </Fieldset>
            );
          })}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={busy}>{rt.questionnaire.submit}</Button>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}
