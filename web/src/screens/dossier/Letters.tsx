// Letters to creditors: choose the kind in plain words, tick the debts, make one letter per debt in
// one batch and download it as a PDF the resident signs. Below, per debt, what was sent and what
// came back, and the day the creditor confirmed the balance (which clears the stale flag).
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap, type Schemas } from '../../api/client';
import { optionalDate, formatDateInput, formatDate } from '../../lib/dates';
import { saveBlob } from '../../lib/download';
import { formatEuro } from '../../lib/money';
import { paperwork as p, t } from '../../text';
import { CheckboxInput, DateHint, DateInputField } from '../../ui/fields';
import { Loading, StatusMessage } from '../../ui/screen';
import { SaveOutcome, StoredFacts, useVersionedSave } from '../../ui/useVersionedSave';
import { useRefreshDossier, type Debt, type Dossier } from './data';
import { PaperworkError } from './paperworkErrors';

type Letter = Schemas['Letter'];
type Kind = Letter['kind'];
const BASIC_KINDS: Kind[] = ['saldo_opgave', 'incasso_pauze'];
const PROPOSAL_KINDS: Kind[] = ['betalingsregeling', 'schikkingsvoorstel'];

export const lettersKey = (dossierId: string) => ['dossier', dossierId, 'letters'] as const;

async function downloadBatch(dossierId: string, batchId: string) {
  const blob = await unwrap(api.GET('/api/v1/dossiers/{id}/letter-batches/{batchId}/pdf', {
    params: { path: { id: dossierId, batchId } }, parseAs: 'blob',
  })) as unknown as Blob;
  saveBlob(blob, 'brieven-aan-schuldeisers.pdf');
}

function MakeLetters({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const kinds = dossier.phase === 'C' ? [...BASIC_KINDS, ...PROPOSAL_KINDS] : BASIC_KINDS;
  const [kind, setKind] = useState<Kind | ''>('');
  const [debtIds, setDebtIds] = useState<string[]>([]);
  const [invalid, setInvalid] = useState<{ kind?: boolean; debts?: boolean }>({});
  const [state, setState] = useState<{ busy: boolean; error?: unknown; made?: { batchId: string; count: number }; downloaded?: boolean }>({ busy: false });
  const creditorOf = (debtId: string) => dossier.debts.find((debt) => debt.id === debtId)?.creditorName ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = { kind: kind === '', debts: debtIds.length === 0 };
    setInvalid(problems);
    if (kind === '' || problems.debts) return;
    setState({ busy: true });
    try {
      const made = await unwrap(api.POST('/api/v1/dossiers/{id}/letters', { params: { path: { id: dossier.id } }, body: { kind, debtIds } }));
      setState({ busy: false, made: { batchId: made.batchId, count: made.items.length } });
      setDebtIds([]);
      await refresh();
    } catch (caught) {
      setState({ busy: false, error: caught });
    }
  };
  const download = async (batchId: string, count: number) => {
    setState({ busy: true, made: { batchId, count } });
    try {
      await downloadBatch(dossier.id, batchId);
      setState({ busy: false, made: { batchId, count }, downloaded: true });
    } catch (caught) {
      setState({ busy: false, made: { batchId, count }, error: caught });
    }
  };

  if (dossier.debts.length === 0) return <Paragraph>{p.noDebts}</Paragraph>;
  return (
    <>
      <form className="utrecht-form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className={`utrecht-form-fieldset ss-fieldset${invalid.kind ? ' utrecht-form-fieldset--invalid' : ''}`} aria-describedby={invalid.kind ? 'letter-kind-error' : undefined}>
          <legend className="utrecht-form-fieldset__legend">{p.kindLegend}</legend>
          {invalid.kind && <p id="letter-kind-error" className="utrecht-form-field-error-message">{p.pickKind}</p>}
          {kinds.map((value) => (
            <div key={value} className="utrecht-form-field utrecht-form-field--radio">
              <div className="utrecht-form-field__input">
                <input type="radio" name="letter-kind" id={`letter-kind-${value}`} value={value} checked={kind === value}
                  className="utrecht-radio-button utrecht-radio-button--html-input" onChange={() => setKind(value)} />
              </div>
              <div className="utrecht-form-field__label utrecht-form-field__label--radio">
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`letter-kind-${value}`}>{p.kinds[value]}</label>
              </div>
            </div>
          ))}
          {dossier.phase === 'B' && <p className="ss-muted">{p.proposalsInC}</p>}
        </fieldset>
        <fieldset className={`utrecht-form-fieldset ss-fieldset${invalid.debts ? ' utrecht-form-fieldset--invalid' : ''}`} aria-describedby={`letter-debts-hint${invalid.debts ? ' letter-debts-error' : ''}`}>
          <legend className="utrecht-form-fieldset__legend">{p.debtsLegend}</legend>
          <p id="letter-debts-hint" className="ss-muted">{p.debtsHint}</p>
          {invalid.debts && <p id="letter-debts-error" className="utrecht-form-field-error-message">{p.pickDebts}</p>}
          {dossier.debts.map((debt) => (
            <CheckboxInput key={debt.id} id={`letter-debt-${debt.id}`} checked={debtIds.includes(debt.id)}
              label={`${debt.creditorName}${debt.collectorName ? ` (via ${debt.collectorName})` : ''}, ${formatEuro(debt.balanceCents)}`}
              onChange={(checked) => setDebtIds(checked ? [...debtIds, debt.id] : debtIds.filter((id) => id !== debt.id))} />
          ))}
        </fieldset>
        <PaperworkError error={state.error} creditorOf={creditorOf} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={state.busy}>{state.busy && !state.made ? p.busy : p.make}</Button>
        </ButtonGroup>
      </form>
      {state.made && (
        <div className="ss-panel">
          <StatusMessage>{state.downloaded ? p.downloaded : p.made(state.made.count)}</StatusMessage>
          <ButtonGroup>
            <Button appearance="primary-action-button" disabled={state.busy} onClick={() => void download(state.made!.batchId, state.made!.count)}>{p.download}</Button>
          </ButtonGroup>
        </div>
      )}
    </>
  );
}

type LetterDates = { sentOn: string | null; answeredOn: string | null };

function LetterItem({ letter, dossierId, editable }: { letter: Letter; dossierId: string; editable: boolean }) {
  const refresh = useRefreshDossier(dossierId);
  const [sentOn, setSentOn] = useState(formatDateInput(letter.sentOn));
  const [answeredOn, setAnsweredOn] = useState(formatDateInput(letter.answeredOn));
  const [badDates, setBadDates] = useState({ sent: false, answered: false });
  const [downloading, setDownloading] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const saving = useVersionedSave<LetterDates, Letter>({
    version: letter.version,
    refresh,
    write: (body, header) => unwrap(api.PATCH('/api/v1/dossiers/{id}/letters/{letterId}', {
      params: { path: { id: dossierId, letterId: letter.id }, header } as never,
      body,
    })),
  });
  const kind = p.kindsShort[letter.kind] ?? '';
  const submit = () => {
    const sent = optionalDate(sentOn);
    const answered = optionalDate(answeredOn);
    setBadDates({ sent: sent === false, answered: answered === false });
    if (sent !== false && answered !== false) void saving.save({ sentOn: sent, answeredOn: answered });
  };
  const download = async () => {
    setDownloading({ busy: true });
    try {
      await downloadBatch(dossierId, letter.batchId);
      setDownloading({ busy: false });
    } catch (caught) {
      setDownloading({ busy: false, error: caught });
    }
  };
  const busy = saving.busy || downloading.busy;
  return (
    <li className="ss-panel">
      <Paragraph>
        <strong>{p.letterLine(kind, formatDate(letter.createdAt))}</strong>{' '}
        {letter.sentOn ? p.sent(formatDate(letter.sentOn)) : p.notSent}{' '}
        {letter.answeredOn ? p.answered(formatDate(letter.answeredOn)) : p.noAnswer}
      </Paragraph>
      <SaveOutcome saving={saving} renderError={(error) => <PaperworkError error={error} />} onKeepMine={submit}
        onTakeTheirs={(stored) => { setSentOn(formatDateInput(stored.sentOn)); setAnsweredOn(formatDateInput(stored.answeredOn)); }}
        theirs={(stored) => <StoredFacts facts={[[p.sentOn, formatDate(stored.sentOn) || t.notFilled], [p.answeredOn, formatDate(stored.answeredOn) || t.notFilled]]} />} />
      <PaperworkError error={downloading.error} />
      {editable && (
        <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
          <div className="ss-grid-fields">
            <DateInputField label={p.sentOn} value={sentOn} onChange={setSentOn} error={badDates.sent ? t.date.invalid : undefined} />
            <DateInputField label={p.answeredOn} value={answeredOn} onChange={setAnsweredOn} error={badDates.answered ? t.date.invalid : undefined} />
          </div>
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" disabled={busy} aria-label={p.saveLetter(kind, letter.creditorName)}>{p.saveLetterShort}</Button>
            <Button appearance="subtle-button" disabled={busy} onClick={() => void download()}>{p.downloadOne(letter.creditorName)}</Button>
          </ButtonGroup>
        </form>
      )}
    </li>
  );
}

function BalanceConfirmed({ debt, dossierId, editable }: { debt: Debt; dossierId: string; editable: boolean }) {
  const refresh = useRefreshDossier(dossierId);
  const [day, setDay] = useState(formatDateInput(debt.balanceConfirmedOn));
  const [badDate, setBadDate] = useState(false);
  const saving = useVersionedSave<string | null, Debt>({
    version: debt.version,
    refresh,
    write: (balanceConfirmedOn, header) => unwrap(api.PATCH('/api/v1/dossiers/{id}/debts/{debtId}', {
      params: { path: { id: dossierId, debtId: debt.id }, header } as never,
      body: { balanceConfirmedOn },
    })),
  });
  const submit = () => {
    const confirmedOn = optionalDate(day);
    setBadDate(confirmedOn === false);
    if (confirmedOn !== false) void saving.save(confirmedOn);
  };
  return (
    <>
      <Paragraph>{debt.balanceConfirmedOn ? <strong>{p.confirmed(formatDate(debt.balanceConfirmedOn))}</strong> : p.notConfirmed}</Paragraph>
      <SaveOutcome saving={saving} renderError={(error) => <PaperworkError error={error} />} onKeepMine={submit}
        onTakeTheirs={(stored) => setDay(formatDateInput(stored.balanceConfirmedOn))}
        theirs={(stored) => <StoredFacts facts={[[p.confirmedOn, formatDate(stored.balanceConfirmedOn) || t.notFilled]]} />} />
      {editable && (
        <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
          <DateInputField label={p.confirmedOn} description={<>{p.confirmedHint} <DateHint />.</>} value={day} onChange={setDay} error={badDate ? t.date.invalid : undefined} />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" disabled={saving.busy} aria-label={p.saveConfirmed(debt.creditorName)}>{p.saveLetterShort}</Button>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}

export function Letters({ dossier }: { dossier: Dossier }) {
  const editable = dossier.phase === 'B' || dossier.phase === 'C';
  const letters = useQuery({
    queryKey: lettersKey(dossier.id),
    queryFn: async () => (await unwrap(api.GET('/api/v1/dossiers/{id}/letters', { params: { path: { id: dossier.id } } }))).items,
  });
  const withLetters = dossier.debts.filter((debt) => (letters.data ?? []).some((letter) => letter.debtId === debt.id));
  return (
    <section aria-labelledby="letters-heading">
      <Heading2 id="letters-heading">{p.heading}</Heading2>
      <Paragraph>{p.intro}</Paragraph>
      {editable && <MakeLetters dossier={dossier} />}
      <Heading3 id="letters-track-heading">{p.trackHeading}</Heading3>
      <Paragraph>{p.trackIntro}</Paragraph>
      {letters.isPending && <Loading />}
      <PaperworkError error={letters.error} />
      {letters.isSuccess && withLetters.length === 0 && <Paragraph>{p.noLetters}</Paragraph>}
      {withLetters.map((debt) => (
        <section key={debt.id} aria-labelledby={`letters-debt-${debt.id}`} className="ss-panel">
          <h4 id={`letters-debt-${debt.id}`} className="utrecht-heading-4">{`${debt.creditorName}, ${formatEuro(debt.balanceCents)}`}</h4>
          <ul className="ss-list-plain">
            {letters.data!.filter((letter) => letter.debtId === debt.id).map((letter) => (
              <LetterItem key={letter.id} letter={letter} dossierId={dossier.id} editable={editable} />
            ))}
          </ul>
          <BalanceConfirmed key={debt.id} debt={debt} dossierId={dossier.id} editable={editable} />
        </section>
      ))}
    </section>
  );
}
