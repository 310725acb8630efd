// Debts in phase B: quick entry (creditor from the catalogue or typed freely, balance, date,
// status), the other fields behind "Meer gegevens", edit in place, delete with undo.
import { useEffect, useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, ifMatch, unwrap, type Schemas } from '../../api/client';
import type { operations } from '../../api/schema';
import { dateOptional, moneyOptional, moneyRequired } from '../../lib/schemas';
import { formatDateInput, formatDate } from '../../lib/dates';
import { formatEuro, formatEuroInput } from '../../lib/money';
import { label, labels, t } from '../../text';
import { CheckboxField, DateField, MoneyField, SelectField, TextField } from '../../ui/fields';
import { idempotencyKey, useRefreshDossier, type Debt, type Dossier } from './data';
import { AddedMessage, RowButtons, SaveProblems, UndoBar, useFocusFirst, useGuardedSave } from './entries';

type Catalogue = Schemas['CatalogCreditor'][];
type DebtBody = operations['createDebt']['requestBody']['content']['application/json'];

const CREDITOR_TYPES = Object.keys(labels.creditorType) as [keyof typeof labels.creditorType, ...Array<keyof typeof labels.creditorType>];
const RANKS = Object.keys(labels.rank) as [keyof typeof labels.rank, ...Array<keyof typeof labels.rank>];
const STATUSES = Object.keys(labels.debtStatus) as [keyof typeof labels.debtStatus, ...Array<keyof typeof labels.debtStatus>];

const schema = z.object({
  creditor: z.string().trim().min(1, t.phaseB.creditorRequired).max(200),
  creditorType: z.enum(CREDITOR_TYPES),
  rank: z.enum(RANKS),
  balance: moneyRequired,
  balanceDate: dateOptional,
  status: z.enum(STATUSES),
  collectorName: z.string().trim().max(200),
  reference: z.string().trim().max(100),
  principal: moneyOptional,
  interest: moneyOptional,
  collectionCosts: moneyOptional,
  collectionCostsIncludeVat: z.boolean(),
  legalCosts: moneyOptional,
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

const EMPTY: FormIn = {
  creditor: '', creditorType: 'overig', rank: 'concurrent', balance: '', balanceDate: '', status: 'open',
  collectorName: '', reference: '', principal: '', interest: '', collectionCosts: '', collectionCostsIncludeVat: false, legalCosts: '',
};

function toForm(debt: Debt): FormIn {
  return {
    creditor: debt.creditorName, creditorType: debt.creditorType, rank: debt.rank, balance: formatEuroInput(debt.balanceCents),
    balanceDate: formatDateInput(debt.balanceDate), status: debt.status, collectorName: debt.collectorName ?? '', reference: debt.reference ?? '',
    principal: formatEuroInput(debt.principalCents), interest: formatEuroInput(debt.interestCents),
    collectionCosts: formatEuroInput(debt.collectionCostsCents), collectionCostsIncludeVat: debt.collectionCostsIncludeVat ?? false,
    legalCosts: formatEuroInput(debt.legalCostsCents),
  };
}

function toBody(values: FormOut, catalogue: Catalogue, forPatch: boolean): DebtBody {
  const fromCatalogue = catalogue.find((c) => c.name.toLowerCase() === values.creditor.toLowerCase());
  return {
    ...(fromCatalogue ? { catalogCreditorId: fromCatalogue.id, creditorName: fromCatalogue.name } : { creditorName: values.creditor, ...(forPatch ? { catalogCreditorId: null } : {}) }),
    creditorType: values.creditorType,
    rank: values.rank,
    balanceCents: values.balance,
    balanceDate: values.balanceDate ?? null,
    status: values.status,
    collectorName: values.collectorName === '' ? null : values.collectorName,
    reference: values.reference === '' ? null : values.reference,
    principalCents: values.principal ?? null,
    interestCents: values.interest ?? null,
    collectionCostsCents: values.collectionCosts ?? null,
    collectionCostsIncludeVat: values.collectionCosts === undefined ? null : values.collectionCostsIncludeVat,
    legalCostsCents: values.legalCosts ?? null,
  } as DebtBody;
}

/** The body that recreates a deleted debt exactly (undo). */
function recreateBody(debt: Debt): DebtBody {
  return {
    creditorName: debt.creditorName, ...(debt.catalogCreditorId ? { catalogCreditorId: debt.catalogCreditorId } : {}),
    creditorType: debt.creditorType, collectorName: debt.collectorName, reference: debt.reference, rank: debt.rank,
    principalCents: debt.principalCents, interestCents: debt.interestCents, collectionCostsCents: debt.collectionCostsCents,
    collectionCostsIncludeVat: debt.collectionCostsIncludeVat, legalCostsCents: debt.legalCostsCents, balanceCents: debt.balanceCents,
    balanceDate: debt.balanceDate, status: debt.status,
    arrangement: debt.arrangement ? { amountCents: debt.arrangement.amountCents, frequency: debt.arrangement.frequency, startDate: debt.arrangement.startDate } : null,
    excludedFromDischarge: debt.excludedFromDischarge, notes: debt.notes,
  } as DebtBody;
}

function useCatalogue() {
  return useQuery({
    queryKey: ['creditor-catalog'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/creditor-catalog'))).items,
    staleTime: 60 * 60_000,
  });
}

function DebtForm({ initial, catalogue, submitLabel, onSave, onCancel, resetAfterSave }: {
  initial: FormIn;
  catalogue: Catalogue;
  submitLabel: string;
  onSave: (values: FormOut) => Promise<boolean>;
  onCancel?: () => void;
  resetAfterSave?: boolean;
}) {
  const { register, handleSubmit, formState, control, setValue, reset } = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(schema), defaultValues: initial });
  const listId = useId();
  const { ref, focus } = useFocusFirst();
  const creditor = useWatch({ control, name: 'creditor' });
  useEffect(() => {
    // A creditor picked from the catalogue fills in its type and the suggested rank.
    const match = catalogue.find((c) => c.name.toLowerCase() === (creditor ?? '').trim().toLowerCase());
    if (match) {
      setValue('creditorType', match.creditorType);
      setValue('rank', match.suggestedRank);
    }
  }, [creditor, catalogue, setValue]);
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    if (await onSave(values) && resetAfterSave) {
      reset(EMPTY);
      focus();
    }
  });
  return (
    <form ref={ref} className="utrecht-form" onSubmit={submit} noValidate>
      <datalist id={listId}>
        {catalogue.map((c) => <option key={c.id} value={c.name} />)}
      </datalist>
      <div className="ss-grid-fields">
        <TextField label={t.phaseB.creditor} description={t.phaseB.creditorHelp} list={listId} autoComplete="off" registration={register('creditor')} error={errors.creditor?.message} />
        <SelectField label={t.phaseB.creditorType} options={labels.creditorType} registration={register('creditorType')} />
        <MoneyField label={t.phaseB.balance} description={t.phaseB.amountHelp} registration={register('balance')} error={errors.balance?.message} />
        <DateField label={t.phaseB.balanceDate} registration={register('balanceDate')} error={errors.balanceDate?.message} />
        <SelectField label={t.phaseB.status} options={labels.debtStatus} registration={register('status')} />
        <SelectField label={t.phaseB.rank} options={labels.rank} registration={register('rank')} />
      </div>
      <details className="ss-details">
        <summary>Meer gegevens over deze schuld</summary>
        <div className="ss-grid-fields">
          <TextField label={t.phaseB.collector} autoComplete="off" registration={register('collectorName')} error={errors.collectorName?.message} />
          <TextField label={t.phaseB.reference} autoComplete="off" registration={register('reference')} error={errors.reference?.message} />
          <MoneyField label={t.phaseB.principal} registration={register('principal')} error={errors.principal?.message} />
          <MoneyField label={t.phaseB.interest} registration={register('interest')} error={errors.interest?.message} />
          <MoneyField label={t.phaseB.collectionCosts} registration={register('collectionCosts')} error={errors.collectionCosts?.message} />
          <MoneyField label={t.phaseB.legalCosts} registration={register('legalCosts')} error={errors.legalCosts?.message} />
        </div>
        <CheckboxField label={t.phaseB.collectionCostsVat} registration={register('collectionCostsIncludeVat')} />
      </details>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{formState.isSubmitting ? t.saving : submitLabel}</Button>
        {onCancel && <Button appearance="secondary-action-button" onClick={onCancel}>{t.cancel}</Button>}
      </ButtonGroup>
    </form>
  );
}

function DebtFacts({ debt }: { debt: Debt }) {
  return (
    <>
      <Paragraph>
        <strong>{debt.creditorName}</strong> ({label(labels.creditorType, debt.creditorType)}){debt.collectorName ? `, via ${debt.collectorName}` : ''}
        {': '}<span className="ss-money" data-debt-balance={debt.id}>{formatEuro(debt.balanceCents)}</span>
        {debt.balanceDate ? ` op ${formatDate(debt.balanceDate)}` : ''}. {label(labels.debtStatus, debt.status)}.
      </Paragraph>
      {debt.crisis && <div className="ss-flag-crisis"><Paragraph><strong>{t.debt.crisis}</strong></Paragraph></div>}
      {debt.collectionCostsTooHigh && debt.collectionCostsMaxCents !== null && <div className="ss-flag-warning"><Paragraph>{t.debt.tooHigh(formatEuro(debt.collectionCostsMaxCents))}</Paragraph></div>}
      {debt.balanceStale && <div className="ss-flag-warning"><Paragraph>{t.debt.stale}</Paragraph></div>}
      {!debt.balanceDate && <Paragraph><em>{t.debt.noDate}</em></Paragraph>}
    </>
  );
}

function DebtRow({ debt, dossierId, catalogue, onDeleted }: { debt: Debt; dossierId: string; catalogue: Catalogue; onDeleted: (debt: Debt) => void }) {
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [initial, setInitial] = useState<FormIn>(() => toForm(debt));
  const refresh = useRefreshDossier(dossierId);
  const guarded = useGuardedSave<Debt>();
  const [pending, setPending] = useState<FormOut>();
  const what = t.debt.what(debt.creditorName);

  const patch = (values: FormOut, version: number) => guarded.run(async () => {
    await unwrap(api.PATCH('/api/v1/dossiers/{id}/debts/{debtId}', {
      params: { path: { id: dossierId, debtId: debt.id }, header: { 'if-match': ifMatch(version) } },
      body: toBody(values, catalogue, true) as never,
    }));
    await refresh();
    setEditing(false);
  });

  const remove = () => guarded.run(async () => {
    await unwrap(api.DELETE('/api/v1/dossiers/{id}/debts/{debtId}', { params: { path: { id: dossierId, debtId: debt.id }, header: { 'if-match': ifMatch(debt.version) } } }));
    onDeleted(debt);
    await refresh();
  });

  return (
    <li className="ss-panel">
      {editing ? (
        <>
          <Heading3>{t.edit}: {debt.creditorName}</Heading3>
          <SaveProblems error={guarded.error} conflict={guarded.conflict}
            describe={(row) => <DebtFacts debt={row} />}
            onKeepMine={(row) => { if (pending) void patch(pending, row.version); }}
            onTakeTheirs={(row) => { guarded.clearConflict(); setInitial(toForm(row)); setFormKey((k) => k + 1); }} />
          <DebtForm key={formKey} initial={initial} catalogue={catalogue} submitLabel={t.save}
            onSave={async (values) => { setPending(values); return patch(values, debt.version); }}
            onCancel={() => setEditing(false)} />
        </>
      ) : (
        <>
          <DebtFacts debt={debt} />
          <SaveProblems error={guarded.error} conflict={undefined} describe={() => null} onKeepMine={() => undefined} onTakeTheirs={() => undefined} />
          <RowButtons what={what} onEdit={() => { setInitial(toForm(debt)); setEditing(true); }} onDelete={() => void remove()} />
        </>
      )}
    </li>
  );
}

export function DebtSection({ dossier }: { dossier: Dossier }) {
  const catalogue = useCatalogue();
  const refresh = useRefreshDossier(dossier.id);
  const [added, setAdded] = useState(false);
  const [deleted, setDeleted] = useState<Debt>();
  const guarded = useGuardedSave<Debt>();
  const items = catalogue.data ?? [];

  const create = (values: FormOut) => guarded.run(async () => {
    setAdded(false);
    await unwrap(api.POST('/api/v1/dossiers/{id}/debts', { params: { path: { id: dossier.id }, ...idempotencyKey() }, body: toBody(values, items, false) }));
    setAdded(true);
    // Not awaited: the form empties as soon as the row is stored, before the list shows it, so
    // the next entry typed after seeing the list is never wiped by a late reset.
    void refresh();
  });

  return (
    <section aria-labelledby="debts-heading">
      <Heading2 id="debts-heading">{t.phaseB.debtsHeading} ({dossier.debts.length})</Heading2>
      {deleted && <UndoBar text={t.phaseB.deleted(t.debt.what(deleted.creditorName))} onUndo={async () => {
        await unwrap(api.POST('/api/v1/dossiers/{id}/debts', { params: { path: { id: dossier.id }, ...idempotencyKey() }, body: recreateBody(deleted) }));
        setDeleted(undefined);
        await refresh();
      }} />}
      {dossier.debts.length === 0 ? <Paragraph>{t.phaseB.noDebts}</Paragraph> : (
        <ul className="ss-list-plain">
          {dossier.debts.map((debt) => <DebtRow key={`${debt.id}-${debt.version}`} debt={debt} dossierId={dossier.id} catalogue={items} onDeleted={setDeleted} />)}
        </ul>
      )}
      <Heading3>{t.phaseB.addDebt}</Heading3>
      <AddedMessage show={added} />
      <SaveProblems error={guarded.error} conflict={undefined} describe={() => null} onKeepMine={() => undefined} onTakeTheirs={() => undefined} />
      <DebtForm initial={EMPTY} catalogue={items} submitLabel={t.phaseB.addDebt} onSave={create} resetAfterSave />
    </section>
  );
}
