// A new version of a questionnaire: name, version and the questions (rows added and removed),
// then a confirmation step showing exactly what will be stored, because a version is never
// changed after saving (the researchers compare answers across versions by their codes).
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { ApiProblem, api, unwrap } from '../../api/client';
import { rt } from '../../text';
import { ErrorMessage, StatusMessage } from '../../ui/screen';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { itemPointer, readDraft, serverProblems, type InstrumentRequest, type Problem, type QuestionRow } from './instrument-body';

const text = rt.instruments;
let nextKey = 0;
const emptyRow = (): QuestionRow => ({ key: nextKey++, code: '', label: '', minScore: '', maxScore: '' });

function Field({ id, label, hint, problem, value, onChange, numeric }: {
  id: string; label: string; hint?: string; problem?: string; value: string; onChange: (next: string) => void; numeric?: boolean;
}) {
  return (
    <div className={`utrecht-form-field${problem ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{label}</label></div>
      {hint && <div className="utrecht-form-field-description" id={`${id}-hint`}>{hint}</div>}
      {problem && <div className="utrecht-form-field-error-message" id={`${id}-error`}>{problem}</div>}
      <div className="utrecht-form-field__input">
        <input id={id} className={`utrecht-textbox utrecht-textbox--html-input${problem ? ' utrecht-textbox--invalid' : ''}`} value={value}
          inputMode={numeric ? 'numeric' : undefined} autoComplete="off" spellCheck={numeric ? false : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(event) => onChange(event.target.value)} />
      </div>
    </div>
  );
}

export function InstrumentForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [rows, setRows] = useState<QuestionRow[]>(() => [emptyRow()]);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const problemAt = (pointer: string) => { const found = problems[pointer]; return found ? text.errors[found] : undefined; };
  const [pending, setPending] = useState<InstrumentRequest>();
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [focusId, setFocusId] = useState<string>();
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);
  useEffect(() => { if (pending) confirmHeading.current?.focus(); }, [pending]);

  const rowIds = (row: QuestionRow) => ({ code: `question-${row.key}-code`, label: `question-${row.key}-label`, minScore: `question-${row.key}-min`, maxScore: `question-${row.key}-max` });
  /** The input id of the first field with a problem, in the order of the form. */
  const firstInvalid = (found: Record<string, Problem>) => {
    const order: [string, string][] = [['/body/name', 'instrument-name'], ['/body/version', 'instrument-version'], ['/body/items', 'add-question'],
      ...rows.flatMap((row, index) => (['code', 'label', 'minScore', 'maxScore'] as const).map((field): [string, string] => [itemPointer(index, field), rowIds(row)[field]]))];
    return order.find(([pointer]) => found[pointer])?.[1] ?? 'instrument-name';
  };

  const check = () => {
    setSaved(undefined);
    setConflict(false);
    setError(undefined);
    const result = readDraft({ name, version, rows });
    if ('problems' in result) {
      setProblems(result.problems);
      setFocusId(firstInvalid(result.problems));
      return;
    }
    setProblems({});
    setPending(result.request);
  };

  const save = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const created = await unwrap(api.POST('/api/v1/instruments', { body: pending }));
      setSaved(text.saved(created.name, created.version));
      setPending(undefined);
      setName('');
      setVersion('');
      setRows([emptyRow()]);
      await queryClient.invalidateQueries({ queryKey: ['instruments'] });
    } catch (caught) {
      setPending(undefined);
      if (caught instanceof ApiProblem && caught.status === 409) {
        setConflict(true);
        setProblems({});
        setFocusId('instrument-version');
      } else if (caught instanceof ApiProblem && Array.isArray(caught.body.errors)) {
        const found = serverProblems(caught.body.errors as { pointer: string; code: string }[]);
        if (Object.keys(found).length === 0) setError(caught);
        setProblems(found);
        setFocusId(firstInvalid(found));
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const updateRow = (key: number, change: Partial<QuestionRow>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const addRow = () => {
    const row = emptyRow();
    setRows([...rows, row]);
    setFocusId(rowIds(row).code);
  };
  const removeRow = (key: number) => {
    setRows(rows.filter((row) => row.key !== key));
    // Errors are keyed by position; after a removal they would point at the wrong question.
    setProblems({});
    setFocusId('add-question');
  };

  if (pending) {
    return (
      <section aria-labelledby="instrument-confirm-heading" className="ss-panel">
        <Heading2 id="instrument-confirm-heading" ref={confirmHeading} tabIndex={-1}>{text.confirmHeading}</Heading2>
        <Paragraph>{text.confirmIntro}</Paragraph>
        <dl className="ss-card-fields ss-confirm-facts">
          <div><dt>{text.nameLabel}</dt><dd>{pending.name}</dd></div>
          <div><dt>{text.versionLabel}</dt><dd>{pending.version}</dd></div>
        </dl>
        <ResponsiveTable label={text.questionsLegend} rows={pending.items} rowKey={(item) => item.code} columns={[
          { header: text.code, cell: (item) => item.code },
          { header: text.questionCol, cell: (item) => item.label ?? text.noLabel },
          { header: text.minScore, cell: (item) => String(item.minScore) },
          { header: text.maxScore, cell: (item) => String(item.maxScore) },
        ]} />
        <ButtonGroup>
          <Button appearance="primary-action-button" disabled={busy} onClick={() => void save()}>{text.confirm}</Button>
          <Button appearance="secondary-action-button" disabled={busy} onClick={() => { setPending(undefined); setFocusId('instrument-name'); }}>{text.back}</Button>
        </ButtonGroup>
      </section>
    );
  }

  return (
    <section aria-labelledby="add-instrument-heading" className="ss-panel">
      <Heading2 id="add-instrument-heading">{text.addHeading}</Heading2>
      <Paragraph>{text.addIntro}</Paragraph>
      {saved && <StatusMessage>{saved}</StatusMessage>}
      {conflict && <Alert type="error" role="alert"><Paragraph>{text.versionExists}</Paragraph></Alert>}
      {!conflict && Object.keys(problems).length > 0 && <Alert type="error" role="alert"><Paragraph>{text.fixFields}</Paragraph></Alert>}
      <ErrorMessage error={error} />
      <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); check(); }}>
        <div className="ss-grid-fields">
          <Field id="instrument-name" label={text.nameLabel} hint={text.nameHint} problem={problemAt('/body/name')} value={name} onChange={setName} />
          <Field id="instrument-version" label={text.versionLabel} hint={text.versionHint} problem={conflict ? text.versionTaken : problemAt('/body/version')} value={version} onChange={(next) => { setVersion(next); setConflict(false); }} />
        </div>
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{text.questionsLegend}</legend>
          {rows.map((row, index) => {
            const ids = rowIds(row);
            return (
              <fieldset key={row.key} className="utrecht-form-fieldset ss-norm-key">
                <legend className="utrecht-form-fieldset__legend"><Heading3>{text.question(index + 1)}</Heading3></legend>
                <div className="ss-grid-fields">
                  <Field id={ids.code} label={text.code} hint={text.codeHint} problem={problemAt(itemPointer(index, 'code'))} value={row.code} onChange={(code) => updateRow(row.key, { code })} />
                  <Field id={ids.label} label={text.label} problem={problemAt(itemPointer(index, 'label'))} value={row.label} onChange={(label) => updateRow(row.key, { label })} />
                  <Field id={ids.minScore} label={text.minScore} numeric problem={problemAt(itemPointer(index, 'minScore'))} value={row.minScore} onChange={(minScore) => updateRow(row.key, { minScore })} />
                  <Field id={ids.maxScore} label={text.maxScore} numeric problem={problemAt(itemPointer(index, 'maxScore'))} value={row.maxScore} onChange={(maxScore) => updateRow(row.key, { maxScore })} />
                </div>
                <Button appearance="subtle-button" onClick={() => removeRow(row.key)}>{text.removeQuestion(index + 1)}</Button>
              </fieldset>
            );
          })}
          {problemAt('/body/items') && <div className="utrecht-form-field-error-message" id="questions-error">{problemAt('/body/items')}</div>}
          <Button id="add-question" appearance="secondary-action-button" onClick={addRow} aria-describedby={problems['/body/items'] ? 'questions-error' : undefined}>{text.addQuestion}</Button>
        </fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">{text.check}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
