// Phase C: actions with owner and due date, payment arrangements on debts, the referral checklist
// and the referral, the evaluation questionnaires (T0/T1/T2), and closing the dossier.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Button, ButtonGroup, Heading2, Heading3, Paragraph,
} from '@utrecht/component-library-react';
import { api, ifMatch, unwrap, type Schemas } from '../../api/client';
import { dateOptional, dateRequired, moneyRequired } from '../../lib/schemas';
import { formatDateInput, formatDate, todayIso } from '../../lib/dates';
import { formatEuro, formatEuroInput } from '../../lib/money';
import { label, labels, t } from '../../text';
import { CheckboxField, CheckboxInput, DateField, MoneyField, SelectField, TextField } from '../../ui/fields';
import { ErrorMessage, Loading, StatusMessage } from '../../ui/screen';
import { SaveOutcome, StoredFacts, useVersionedSave } from '../../ui/useVersionedSave';
import { idempotencyKey, keys, useRefreshDossier, type Debt, type Dossier } from './data';
import { AddedMessage, useFocusFirst } from './entries';
import { SettlementTable } from './PhaseB';
import { TransitionButtons } from './Transition';
import { Handover } from './Handover';
import { Letters } from './Letters';

type Action = Schemas['Action'];
const OWNERS = ['resident', 'maatje'] as const;

const actionSchema = z.object({
  title: z.string().trim().min(1, t.fieldErrors.required).max(200),
  owner: z.enum(OWNERS),
  dueDate: dateOptional,
});

function ActionItem({ action, dossierId, editable }: { action: Action; dossierId: string; editable: boolean }) {
  const refresh = useRefreshDossier(dossierId);
  const [error, setError] = useState<unknown>();
  const overdue = !action.done && action.dueDate !== null && action.dueDate < todayIso();
  const toggle = async (done: boolean) => {
    setError(undefined);
    try {
      await unwrap(api.PATCH('/api/v1/dossiers/{id}/actions/{actionId}', { params: { path: { id: dossierId, actionId: action.id }, header: { 'if-match': ifMatch(action.version) } }, body: { done } }));
    } catch (caught) {
      setError(caught);
    }
    await refresh();
  };
  return (
    <li className="ss-panel">
      <CheckboxInput id={`action-${action.id}`} checked={action.done} disabled={!editable} onChange={(done) => void toggle(done)}
        label={<>
          {action.title}. {label(labels.owner, action.owner)}{action.dueDate ? `, klaar op ${formatDate(action.dueDate)}` : ''}.
          {action.done ? ` ${t.phaseC.actionDone}.` : ''}
        </>} />
      {overdue && <Paragraph className="ss-flag-warning"><strong>{t.phaseC.overdue}</strong></Paragraph>}
      <ErrorMessage error={error} />
    </li>
  );
}

function Actions({ dossier, editable }: { dossier: Dossier; editable: boolean }) {
  const refresh = useRefreshDossier(dossier.id);
  const { register, handleSubmit, formState, reset } = useForm({ resolver: zodResolver(actionSchema), defaultValues: { title: '', owner: 'resident' as const, dueDate: '' } });
  const { ref, focus } = useFocusFirst();
  const [error, setError] = useState<unknown>();
  const [added, setAdded] = useState(false);
  const submit = handleSubmit(async (values) => {
    setError(undefined);
    setAdded(false);
    try {
      await unwrap(api.POST('/api/v1/dossiers/{id}/actions', { params: { path: { id: dossier.id }, ...idempotencyKey() }, body: { title: values.title, owner: values.owner, dueDate: values.dueDate ?? null } }));
      // The form empties before the list shows the new action, so what is typed next stays.
      reset({ title: '', owner: values.owner, dueDate: '' });
      setAdded(true);
      focus();
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  });
  return (
    <section aria-labelledby="actions-heading">
      <Heading2 id="actions-heading">{t.phaseC.actionsHeading} ({dossier.actions.length})</Heading2>
      {dossier.actions.length === 0 ? <Paragraph>{t.phaseC.noActions}</Paragraph> : (
        <ul className="ss-list-plain">{dossier.actions.map((a) => <ActionItem key={`${a.id}-${a.version}`} action={a} dossierId={dossier.id} editable={editable} />)}</ul>
      )}
      {editable && (
        <>
          <Heading3>{t.phaseC.addAction}</Heading3>
          <AddedMessage show={added} />
          <ErrorMessage error={error} />
          <form ref={ref} className="utrecht-form" onSubmit={submit} noValidate>
            <div className="ss-grid-fields">
              <TextField label={t.phaseC.actionTitle} autoComplete="off" registration={register('title')} error={formState.errors.title?.message} />
              <SelectField label={t.phaseC.actionOwner} options={labels.owner} registration={register('owner')} />
              <DateField label={t.phaseC.actionDue} registration={register('dueDate')} error={formState.errors.dueDate?.message} />
            </div>
            <ButtonGroup><Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{t.phaseC.addAction}</Button></ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}

const FREQUENCIES = Object.keys(labels.frequency) as [keyof typeof labels.frequency, ...Array<keyof typeof labels.frequency>];
const arrangementSchema = z.object({ amount: moneyRequired, frequency: z.enum(FREQUENCIES), startDate: dateRequired });

type ArrangementValues = z.output<typeof arrangementSchema>;

function arrangementForm(a: Debt['arrangement']): z.input<typeof arrangementSchema> {
  return { amount: formatEuroInput(a?.amountCents), frequency: a?.frequency ?? 'month', startDate: formatDateInput(a?.startDate) };
}

function Arrangement({ debt, dossierId }: { debt: Debt; dossierId: string }) {
  const refresh = useRefreshDossier(dossierId);
  const a = debt.arrangement;
  const { register, handleSubmit, formState, reset } = useForm({ resolver: zodResolver(arrangementSchema), defaultValues: arrangementForm(a) });
  const saving = useVersionedSave<ArrangementValues, Debt>({
    version: debt.version,
    refresh,
    write: (values, header) => unwrap(api.PATCH('/api/v1/dossiers/{id}/debts/{debtId}', {
      params: { path: { id: dossierId, debtId: debt.id }, header: header as { 'if-match': string } },
      body: { arrangement: { amountCents: values.amount, frequency: values.frequency, startDate: values.startDate } },
    })),
  });
  const submit = handleSubmit(saving.save);
  return (
    <li className="ss-panel">
      <Heading3>{t.phaseC.arrangementFor(debt.creditorName)}</Heading3>
      <Paragraph>{t.phaseB.balance}: {formatEuro(debt.balanceCents)}.{a ? ` Nu: ${formatEuro(a.amountCents)} ${label(labels.frequency, a.frequency)} vanaf ${formatDate(a.startDate)}.` : ''}</Paragraph>
      <SaveOutcome saving={saving} onKeepMine={() => void submit()} onTakeTheirs={(stored) => reset(arrangementForm(stored.arrangement))}
        theirs={({ arrangement: stored }) => (
          <StoredFacts facts={stored ? [
            [t.phaseC.arrangementAmount, formatEuro(stored.amountCents)],
            [t.phaseB.frequency, label(labels.frequency, stored.frequency)],
            [t.phaseC.arrangementStart, formatDate(stored.startDate)],
          ] : [[t.phaseC.arrangementAmount, t.none]]} />
        )} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <div className="ss-grid-fields">
          <MoneyField label={t.phaseC.arrangementAmount} registration={register('amount')} error={formState.errors.amount?.message} />
          <SelectField label={t.phaseB.frequency} options={labels.frequency} registration={register('frequency')} />
          <DateField label={t.phaseC.arrangementStart} registration={register('startDate')} error={formState.errors.startDate?.message} />
        </div>
        <ButtonGroup><Button type="submit" appearance="secondary-action-button" disabled={formState.isSubmitting}>{t.phaseC.arrangementSave}</Button></ButtonGroup>
      </form>
    </li>
  );
}

const CHECKLIST_KEYS = Object.keys(labels.checklistKey) as Array<keyof typeof labels.checklistKey>;

type ChecklistValues = Record<string, string>;
type StoredChecklist = Schemas['Checklist'];

function checklistForm(stored: StoredChecklist | null | undefined): ChecklistValues {
  return Object.fromEntries(CHECKLIST_KEYS.map((key) => [key, stored?.items[key] ?? 'ontbreekt']));
}

function Checklist({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const { register, handleSubmit, formState, reset } = useForm<ChecklistValues>({ defaultValues: checklistForm(dossier.checklist) });
  const saving = useVersionedSave<ChecklistValues, StoredChecklist>({
    version: dossier.checklist?.version,
    refresh,
    write: (values, header) => unwrap(api.PUT('/api/v1/dossiers/{id}/checklist', {
      params: { path: { id: dossier.id }, header } as never,
      body: { items: values as never },
    })),
  });
  const submit = handleSubmit(saving.save);
  return (
    <section aria-labelledby="checklist-heading">
      <Heading2 id="checklist-heading">{t.phaseC.checklistHeading}</Heading2>
      <Paragraph>{t.phaseC.checklistIntro}</Paragraph>
      <SaveOutcome saving={saving} onKeepMine={() => void submit()} onTakeTheirs={(stored) => reset(checklistForm(stored))}
        theirs={(stored) => <StoredFacts facts={CHECKLIST_KEYS.map((key) => [labels.checklistKey[key], label(labels.checklistState, stored.items[key] ?? 'ontbreekt')])} />} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <div className="ss-grid-fields">
          {CHECKLIST_KEYS.map((key) => <SelectField key={key} label={labels.checklistKey[key]} options={labels.checklistState} registration={register(key)} />)}
        </div>
        <ButtonGroup><Button type="submit" appearance="secondary-action-button" disabled={formState.isSubmitting}>{t.phaseC.checklistSave}</Button></ButtonGroup>
      </form>
    </section>
  );
}

const ROUTES = Object.keys(labels.referralRoute) as [keyof typeof labels.referralRoute, ...Array<keyof typeof labels.referralRoute>];
const REFERRAL_STATUSES = Object.keys(labels.referralStatus) as [keyof typeof labels.referralStatus, ...Array<keyof typeof labels.referralStatus>];
const referralSchema = z.object({
  route: z.enum(ROUTES),
  organisation: z.string().trim().min(1, t.fieldErrors.required).max(200),
  referredAt: dateOptional,
  firstContactAt: dateOptional,
  acceptedAt: dateOptional,
  status: z.enum(REFERRAL_STATUSES),
  traject: z.string(),
});

type StoredReferral = Schemas['Referral'];
type ReferralValues = z.output<typeof referralSchema>;

function referralForm(r: StoredReferral | null | undefined): z.input<typeof referralSchema> {
  return {
    route: r?.route ?? 'gemeentelijke_schuldhulpverlening', organisation: r?.organisation ?? '', referredAt: formatDateInput(r?.referredAt),
    firstContactAt: formatDateInput(r?.firstContactAt), acceptedAt: formatDateInput(r?.acceptedAt), status: r?.status ?? 'aangemeld', traject: r?.traject ?? '',
  };
}

function Referral({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const { register, handleSubmit, formState, reset } = useForm({ resolver: zodResolver(referralSchema), defaultValues: referralForm(dossier.referral) });
  const saving = useVersionedSave<ReferralValues, StoredReferral>({
    version: dossier.referral?.version,
    refresh,
    write: (values, header) => unwrap(api.PUT('/api/v1/dossiers/{id}/referral', {
      params: { path: { id: dossier.id }, header } as never,
      body: {
        route: values.route, organisation: values.organisation, referredAt: values.referredAt ?? null, firstContactAt: values.firstContactAt ?? null,
        acceptedAt: values.acceptedAt ?? null, status: values.status, traject: values.traject === '' ? null : values.traject as 'minnelijk',
      },
    })),
  });
  const submit = handleSubmit(saving.save);
  return (
    <section aria-labelledby="referral-heading">
      <Heading2 id="referral-heading">{t.phaseC.referralHeading}</Heading2>
      <Paragraph>{t.phaseC.wsnpNote}</Paragraph>
      <SaveOutcome saving={saving} onKeepMine={() => void submit()} onTakeTheirs={(stored) => reset(referralForm(stored))}
        theirs={(r) => (
          <StoredFacts facts={[
            [t.phaseC.referralRoute, label(labels.referralRoute, r.route)],
            [t.phaseC.organisation, r.organisation],
            [t.phaseC.referredAt, formatDate(r.referredAt) || t.notFilled],
            [t.phaseC.firstContactAt, formatDate(r.firstContactAt) || t.notFilled],
            [t.phaseC.acceptedAt, formatDate(r.acceptedAt) || t.notFilled],
            [t.phaseC.referralStatus, label(labels.referralStatus, r.status)],
            [t.phaseC.traject, label(labels.traject, r.traject)],
          ]} />
        )} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <div className="ss-grid-fields">
          <SelectField label={t.phaseC.referralRoute} options={labels.referralRoute} registration={register('route')} />
          <TextField label={t.phaseC.organisation} autoComplete="off" registration={register('organisation')} error={formState.errors.organisation?.message} />
          <DateField label={t.phaseC.referredAt} registration={register('referredAt')} error={formState.errors.referredAt?.message} />
          <DateField label={t.phaseC.firstContactAt} registration={register('firstContactAt')} error={formState.errors.firstContactAt?.message} />
          <DateField label={t.phaseC.acceptedAt} registration={register('acceptedAt')} error={formState.errors.acceptedAt?.message} />
          <SelectField label={t.phaseC.referralStatus} options={labels.referralStatus} registration={register('status')} />
          <SelectField label={t.phaseC.traject} options={labels.traject} placeholder={t.unknown} registration={register('traject')} />
        </div>
        <ButtonGroup><Button type="submit" appearance="secondary-action-button" disabled={formState.isSubmitting}>{t.phaseC.referralSave}</Button></ButtonGroup>
      </form>
    </section>
  );
}

type Instrument = Schemas['Instrument'];
type Measurement = Schemas['Measurement'];

type Answers = Record<string, string>;

function answersForm(instrument: Instrument, stored: Measurement | undefined): Answers {
  return Object.fromEntries(instrument.items.map((item) => [item.code, stored?.items[item.code] !== undefined ? String(stored.items[item.code]) : '']));
}

function MeasurementForm({ dossierId, moment, instrument, existing }: { dossierId: string; moment: 'T0' | 'T1' | 'T2'; instrument: Instrument; existing?: Measurement }) {
  const refresh = useRefreshDossier(dossierId);
  const { register, handleSubmit, formState, reset } = useForm<Answers>({ defaultValues: answersForm(instrument, existing) });
  const saving = useVersionedSave<Answers, Measurement>({
    version: existing?.version,
    refresh,
    write: (values, header) => unwrap(api.PUT('/api/v1/dossiers/{id}/measurements/{moment}', {
      params: { path: { id: dossierId, moment }, header } as never,
      body: { instrumentVersion: instrument.version, items: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])) },
    })),
  });
  const submit = handleSubmit(saving.save);
  const scores = (item: Instrument['items'][number]) => Object.fromEntries(
    Array.from({ length: item.maxScore - item.minScore + 1 }, (_, i) => [String(item.minScore + i), String(item.minScore + i)]),
  );
  return (
    <div className="ss-panel">
      <Heading3>Vragenlijst {moment}</Heading3>
      <SaveOutcome saving={saving} savedText={t.phaseC.measurementDone(moment)} onKeepMine={() => void submit()}
        onTakeTheirs={(stored) => reset(answersForm(instrument, stored))}
        theirs={(stored) => <StoredFacts facts={instrument.items.map((item) => [item.label ?? item.code, stored.items[item.code] !== undefined ? String(stored.items[item.code]) : t.notFilled])} />} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <div className="ss-grid-fields">
          {instrument.items.map((item) => (
            <SelectField key={item.code} label={item.label ?? item.code} options={scores(item)} placeholder="Kies een score" registration={register(item.code)} />
          ))}
        </div>
        <ButtonGroup><Button type="submit" appearance="secondary-action-button" disabled={formState.isSubmitting}>{t.phaseC.measurementSave(moment)}</Button></ButtonGroup>
      </form>
    </div>
  );
}

function Measurements({ dossier }: { dossier: Dossier }) {
  const instruments = useQuery({ queryKey: ['instruments'], queryFn: async () => (await unwrap(api.GET('/api/v1/instruments'))).items });
  const measurements = useQuery({
    queryKey: keys.measurements(dossier.id),
    queryFn: async () => (await unwrap(api.GET('/api/v1/dossiers/{id}/measurements', { params: { path: { id: dossier.id } } }))).items,
  });
  if (instruments.isPending || measurements.isPending) return <Loading />;
  if (instruments.isError) return <ErrorMessage error={instruments.error} />;
  if (measurements.isError) return <ErrorMessage error={measurements.error} />;
  const instrument = [...instruments.data].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  const moments = dossier.phase === 'closed' ? (['T0', 'T1', 'T2'] as const) : (['T0', 'T1'] as const);
  return (
    <section aria-labelledby="measurements-heading">
      <Heading2 id="measurements-heading">{t.phaseC.measurementsHeading}</Heading2>
      <Paragraph>{t.phaseC.measurementsIntro}</Paragraph>
      {!instrument ? <Paragraph>{t.phaseC.noInstrument}</Paragraph> : moments.map((moment) => (
        <MeasurementForm key={moment} dossierId={dossier.id} moment={moment} instrument={instrument}
          existing={measurements.data.find((m: Measurement) => m.moment === moment)} />
      ))}
    </section>
  );
}

const EXIT_REASONS = Object.keys(labels.exitReason) as [keyof typeof labels.exitReason, ...Array<keyof typeof labels.exitReason>];
const SOLUTIONS = Object.keys(labels.solution) as [keyof typeof labels.solution, ...Array<keyof typeof labels.solution>];
const closeSchema = z.object({ exitReason: z.enum(EXIT_REASONS), solution: z.enum(SOLUTIONS), sure: z.literal(true, t.phaseC.closeConfirm) });

function Close({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(closeSchema), defaultValues: { exitReason: 'afgerond' as const, solution: 'betalingsregeling' as const, sure: false as unknown as true } });
  const [error, setError] = useState<unknown>();
  const submit = handleSubmit(async ({ exitReason, solution }) => {
    setError(undefined);
    try {
      await unwrap(api.POST('/api/v1/dossiers/{id}/close', { params: { path: { id: dossier.id } }, body: { exitReason, solution } }));
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  });
  return (
    <section aria-labelledby="close-heading">
      <Heading2 id="close-heading">{t.phaseC.closeHeading}</Heading2>
      <ErrorMessage error={error} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <div className="ss-grid-fields">
          <SelectField label={t.phaseC.exitReason} options={labels.exitReason} registration={register('exitReason')} />
          <SelectField label={t.phaseC.solution} options={labels.solution} registration={register('solution')} />
        </div>
        <CheckboxField label={t.phaseC.closeConfirm} registration={register('sure')} />
        {formState.errors.sure && <p className="utrecht-form-field-error-message" role="alert">{t.phaseC.closeConfirm}</p>}
        <ButtonGroup><Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{t.phaseC.closeSubmit}</Button></ButtonGroup>
      </form>
    </section>
  );
}

export function PhaseC({ dossier }: { dossier: Dossier }) {
  const open = dossier.phase === 'C';
  return (
    <>
      <Heading2>{t.phaseC.heading}</Heading2>
      {dossier.phase === 'closed' && (
        <StatusMessage>
          {label(labels.exitReason, dossier.exitReason)}. {t.phaseC.solution}: {label(labels.solution, dossier.solution)}.
        </StatusMessage>
      )}
      <Actions dossier={dossier} editable={open} />
      {open && (
        <section aria-labelledby="arrangements-heading">
          <Heading2 id="arrangements-heading">{t.phaseC.arrangementsHeading}</Heading2>
          <ul className="ss-list-plain">{dossier.debts.map((debt) => <Arrangement key={debt.id} debt={debt} dossierId={dossier.id} />)}</ul>
        </section>
      )}
      {open && <SettlementTable dossierId={dossier.id} />}
      <Letters dossier={dossier} />
      {open && <Checklist dossier={dossier} />}
      {open && <Referral dossier={dossier} />}
      {open && <Handover dossier={dossier} />}
      <Measurements dossier={dossier} />
      {open && <Close dossier={dossier} />}
      <TransitionButtons dossier={dossier} />
    </>
  );
}
