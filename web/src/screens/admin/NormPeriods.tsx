// Norm periods: the list, and a new period with every amount, a preview of what it changes for a
// sample household before saving (saving is final), and the refusals shown at their own field.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button, ButtonGroup, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { ApiProblem, api, unwrap, type Schemas } from '../../api/client';
import { parseDutchDate, formatDate } from '../../lib/dates';
import { formatEuro, parseEuroInput } from '../../lib/money';
import { labels, rt } from '../../text';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { TableScroll } from '../../ui/TableScroll';

const KEYS = ['alleenstaand_21_aow', 'samenwonend_21_aow', 'alleenstaand_aow', 'samenwonend_aow'] as const;
const FIELDS = ['excludingHolidayCents', 'includingHolidayCents'] as const;
type Key = (typeof KEYS)[number];
type Field = (typeof FIELDS)[number];
type Preview = Schemas['NormPeriodPreview'];

const emptyAmounts = () => Object.fromEntries(KEYS.map((key) => [key, { excludingHolidayCents: '', includingHolidayCents: '' }])) as Record<Key, Record<Field, string>>;
const fieldId = (key: string, field: string) => `norm-${key}-${field}`;
const pointerOf = (key: string, field: string) => `/body/norms/${key}/${field}`;

export function NormPeriods() {
  const queryClient = useQueryClient();
  const periods = useQuery({ queryKey: ['norm-periods'], queryFn: () => unwrap(api.GET('/api/v1/norm-periods', { params: { query: { limit: 200 } } })) });
  const [validFrom, setValidFrom] = useState('');
  const [label, setLabel] = useState('');
  const [amounts, setAmounts] = useState(emptyAmounts);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  /** The body, or the fields that could not be read (reported at the field, nothing sent). */
  const body = () => {
    const problems: Record<string, string> = {};
    const from = parseDutchDate(validFrom);
    if (from === null) problems['/body/validFrom'] = rt.norms.errors.valid_from_not_a_date!;
    const norms = {} as Record<Key, Record<Field, number>>;
    for (const key of KEYS) {
      norms[key] = {} as Record<Field, number>;
      for (const field of FIELDS) {
        const cents = parseEuroInput(amounts[key][field]);
        if (cents === null || cents <= 0) problems[pointerOf(key, field)] = rt.norms.amountRequired;
        else norms[key][field] = cents;
      }
    }
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return undefined;
    return { validFrom: from!, ...(label.trim() ? { label: label.trim() } : {}), norms };
  };

  const showErrors = (errors: { pointer: string; code: string }[]) => {
    setFieldErrors(Object.fromEntries(errors.map((entry) => [entry.pointer, rt.norms.errors[entry.code] ?? rt.norms.amountRequired])));
  };

  const run = async (action: 'preview' | 'save') => {
    setError(undefined);
    setSaved(false);
    const request = body();
    if (!request) return;
    setBusy(true);
    try {
      if (action === 'preview') {
        const result = await unwrap(api.POST('/api/v1/norm-periods/preview', { body: request }));
        setPreview(result);
        showErrors(result.errors);
      } else {
        await unwrap(api.POST('/api/v1/norm-periods', { body: request, params: { header: { 'idempotency-key': crypto.randomUUID() } as never } }));
        setSaved(true);
        setPreview(undefined);
        setValidFrom('');
        setLabel('');
        setAmounts(emptyAmounts());
        await queryClient.invalidateQueries({ queryKey: ['norm-periods'] });
      }
    } catch (caught) {
      if (caught instanceof ApiProblem && Array.isArray(caught.body.errors)) showErrors(caught.body.errors as { pointer: string; code: string }[]);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (pointer: string) => fieldErrors[pointer];
  const input = (id: string, text: string, value: string, onChange: (next: string) => void, pointer: string, hint?: string) => {
    const problem = errorFor(pointer);
    return (
      <div className={`utrecht-form-field${problem ? ' utrecht-form-field--invalid' : ''}`} key={id}>
        <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{text}</label></div>
        {hint && <div className="utrecht-form-field-description" id={`${id}-hint`}>{hint}</div>}
        {problem && <div className="utrecht-form-field-error-message" id={`${id}-error`}>{problem}</div>}
        <div className="utrecht-form-field__input">
          <input id={id} className={`utrecht-textbox utrecht-textbox--html-input${problem ? ' utrecht-textbox--invalid' : ''}`} value={value}
            inputMode={pointer.includes('Cents') ? 'decimal' : undefined} autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={[hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
            onChange={(event) => onChange(event.target.value)} />
        </div>
      </div>
    );
  };

  return (
    <>
      <ScreenHeading title={rt.titles.norms}>{rt.norms.heading}</ScreenHeading>
      <Paragraph>{rt.norms.intro}</Paragraph>
      {periods.isPending && <Loading />}
      <ErrorMessage error={periods.error} />
      {periods.data?.normPeriodOutdated && <div className="ss-flag-warning"><Paragraph>{rt.norms.outdated}</Paragraph></div>}
      {periods.data && (
        <TableScroll label={rt.norms.listHeading}>
          <Table>
            <TableCaption>{rt.norms.listHeading}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{rt.norms.validFromCol}</TableHeaderCell>
                <TableHeaderCell scope="col">{rt.norms.labelCol}</TableHeaderCell>
                {KEYS.map((key) => <TableHeaderCell key={key} scope="col" className="ss-money">{rt.norms.keys[key]}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...periods.data.items].reverse().map((period) => (
                <TableRow key={period.id}>
                  <TableCell>{formatDate(period.validFrom)}{period.inForce ? ` (${rt.norms.inForce})` : ''}</TableCell>
                  <TableCell>{period.label}</TableCell>
                  {KEYS.map((key) => <TableCell key={key} className="ss-money">{formatEuro(period.norms[key].includingHolidayCents)}</TableCell>)}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      <section aria-labelledby="add-norm-heading" className="ss-panel">
        <Heading2 id="add-norm-heading">{rt.norms.addHeading}</Heading2>
        {saved && <StatusMessage>{rt.norms.saved}</StatusMessage>}
        <ErrorMessage error={error} />
        <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); void run('preview'); }}>
          <div className="ss-grid-fields">
            {input('norm-valid-from', rt.norms.validFrom, validFrom, setValidFrom, '/body/validFrom', rt.norms.validFromHint)}
            {input('norm-label', rt.norms.label, label, setLabel, '/body/label')}
          </div>
          {KEYS.map((key) => (
            <fieldset key={key} className="utrecht-form-fieldset ss-norm-key">
              <legend className="utrecht-form-fieldset__legend">{rt.norms.keys[key]}</legend>
              <div className="ss-grid-fields">
                {FIELDS.map((field) => input(fieldId(key, field), field === 'excludingHolidayCents' ? rt.norms.excl : rt.norms.incl, amounts[key][field],
                  (next) => setAmounts({ ...amounts, [key]: { ...amounts[key], [field]: next } }), pointerOf(key, field)))}
              </div>
            </fieldset>
          ))}
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" disabled={busy}>{rt.norms.preview}</Button>
            <Button appearance="primary-action-button" disabled={busy} onClick={() => void run('save')}>{rt.norms.save}</Button>
          </ButtonGroup>
        </form>
        {preview && (
          <section aria-labelledby="preview-heading">
            <Heading2 id="preview-heading">{rt.norms.previewHeading}</Heading2>
            {preview.errors.length === 0 && <StatusMessage>{rt.norms.canSave}</StatusMessage>}
            <Paragraph>{rt.norms.previewIntro}</Paragraph>
            <TableScroll label={rt.norms.previewHeading}>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{rt.norms.household}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="ss-money">{rt.norms.income}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="ss-money">{rt.norms.bvvNow}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="ss-money">{rt.norms.bvvNew}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="ss-money">{rt.norms.difference}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {preview.households.map((row) => (
                    <TableRow key={row.normKey}>
                      <TableHeaderCell scope="row">{rt.norms.keys[row.normKey]}<br /><span className="ss-muted">{labels.leefsituatie[row.household.leefsituatie]}</span></TableHeaderCell>
                      <TableCell className="ss-money">{formatEuro(row.sampleIncomeMonthlyCents)}</TableCell>
                      <TableCell className="ss-money">{row.current?.bvvIndicativeCents != null ? formatEuro(row.current.bvvIndicativeCents) : rt.norms.noBvv}</TableCell>
                      <TableCell className="ss-money">{row.proposed.bvvIndicativeCents !== null ? formatEuro(row.proposed.bvvIndicativeCents) : rt.norms.noBvv}</TableCell>
                      <TableCell className="ss-money">{row.bvvDifferenceCents !== null ? `${row.bvvDifferenceCents > 0 ? '+' : ''}${formatEuro(row.bvvDifferenceCents)}` : ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          </section>
        )}
      </section>
    </>
  );
}
