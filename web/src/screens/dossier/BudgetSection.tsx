// Incomes and expenses in phase B: amount and frequency, added one after another, edited in place,
// deleted with undo. The monthly equivalent shown per line is the server's (docs/domain.md §2).
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, ifMatch, unwrap } from '../../api/client';
import { moneyRequired } from '../../lib/schemas';
import { formatEuro, formatEuroInput } from '../../lib/money';
import { label, labels, t } from '../../text';
import { MoneyField, SelectField, TextField } from '../../ui/fields';
import { idempotencyKey, useRefreshDossier, type Dossier, type Expense, type Income } from './data';
import { AddedMessage, RowButtons, SaveProblems, UndoBar, useFocusFirst, useGuardedSave } from './entries';

const FREQUENCIES = Object.keys(labels.frequency) as [keyof typeof labels.frequency, ...Array<keyof typeof labels.frequency>];
const KINDS = Object.keys(labels.incomeKind) as [keyof typeof labels.incomeKind, ...Array<keyof typeof labels.incomeKind>];
const GROUPS = Object.keys(labels.expenseGroup) as [keyof typeof labels.expenseGroup, ...Array<keyof typeof labels.expenseGroup>];

const incomeSchema = z.object({
  kind: z.enum(KINDS),
  amount: moneyRequired,
  frequency: z.enum(FREQUENCIES),
  description: z.string().trim().max(200),
});
type IncomeIn = z.input<typeof incomeSchema>;
type IncomeOut = z.output<typeof incomeSchema>;
const EMPTY_INCOME: IncomeIn = { kind: 'loon', amount: '', frequency: 'month', description: '' };

const expenseSchema = z.object({
  group: z.enum(GROUPS),
  category: z.string().min(1),
  amount: moneyRequired,
  frequency: z.enum(FREQUENCIES),
  description: z.string().trim().max(200),
}).refine((v) => Object.hasOwn(labels.expenseCategory[v.group], v.category), { path: ['category'], message: t.fieldErrors.invalid });
type ExpenseIn = z.input<typeof expenseSchema>;
type ExpenseOut = z.output<typeof expenseSchema>;
const EMPTY_EXPENSE: ExpenseIn = { group: 'vaste_lasten', category: 'huur', amount: '', frequency: 'month', description: '' };

const text = (value: string) => (value === '' ? null : value);

function IncomeForm({ initial, submitLabel, onSave, onCancel, resetAfterSave }: {
  initial: IncomeIn; submitLabel: string; onSave: (v: IncomeOut) => Promise<boolean>; onCancel?: () => void; resetAfterSave?: boolean;
}) {
  const { register, handleSubmit, formState, reset } = useForm<IncomeIn, unknown, IncomeOut>({ resolver: zodResolver(incomeSchema), defaultValues: initial });
  const { ref, focus } = useFocusFirst();
  const submit = handleSubmit(async (values) => {
    if (await onSave(values) && resetAfterSave) {
      reset(EMPTY_INCOME);
      focus();
    }
  });
  return (
    <form ref={ref} className="utrecht-form" onSubmit={submit} noValidate>
      <div className="ss-grid-fields">
        <SelectField label={t.phaseB.kind} options={labels.incomeKind} registration={register('kind')} />
        <MoneyField label={t.phaseB.amount} description={t.phaseB.amountHelp} registration={register('amount')} error={formState.errors.amount?.message} />
        <SelectField label={t.phaseB.frequency} options={labels.frequency} registration={register('frequency')} />
        <TextField label={`${t.phaseB.description} ${t.optional}`} autoComplete="off" registration={register('description')} error={formState.errors.description?.message} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{formState.isSubmitting ? t.saving : submitLabel}</Button>
        {onCancel && <Button appearance="secondary-action-button" onClick={onCancel}>{t.cancel}</Button>}
      </ButtonGroup>
    </form>
  );
}

function ExpenseForm({ initial, submitLabel, onSave, onCancel, resetAfterSave }: {
  initial: ExpenseIn; submitLabel: string; onSave: (v: ExpenseOut) => Promise<boolean>; onCancel?: () => void; resetAfterSave?: boolean;
}) {
  const { register, handleSubmit, formState, reset, control, setValue, getValues } = useForm<ExpenseIn, unknown, ExpenseOut>({ resolver: zodResolver(expenseSchema), defaultValues: initial });
  const { ref, focus } = useFocusFirst();
  const group = useWatch({ control, name: 'group' }) as keyof typeof labels.expenseCategory;
  const categories = labels.expenseCategory[group] ?? labels.expenseCategory.vaste_lasten;
  const groupField = register('group', {
    onChange: () => {
      const now = getValues('group') as keyof typeof labels.expenseCategory;
      if (!Object.hasOwn(labels.expenseCategory[now], getValues('category'))) setValue('category', Object.keys(labels.expenseCategory[now])[0]!);
    },
  });
  const submit = handleSubmit(async (values) => {
    if (await onSave(values) && resetAfterSave) {
      reset({ ...EMPTY_EXPENSE, group: values.group, category: values.category });
      focus();
    }
  });
  return (
    <form ref={ref} className="utrecht-form" onSubmit={submit} noValidate>
      <div className="ss-grid-fields">
        <SelectField label={t.phaseB.group} options={labels.expenseGroup} registration={groupField} />
        <SelectField label={t.phaseB.category} options={categories} registration={register('category')} error={formState.errors.category?.message} />
        <MoneyField label={t.phaseB.amount} description={t.phaseB.amountHelp} registration={register('amount')} error={formState.errors.amount?.message} />
        <SelectField label={t.phaseB.frequency} options={labels.frequency} registration={register('frequency')} />
        <TextField label={`${t.phaseB.description} ${t.optional}`} autoComplete="off" registration={register('description')} error={formState.errors.description?.message} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{formState.isSubmitting ? t.saving : submitLabel}</Button>
        {onCancel && <Button appearance="secondary-action-button" onClick={onCancel}>{t.cancel}</Button>}
      </ButtonGroup>
    </form>
  );
}

// The monthly equivalent only where it differs from what was typed ("per maand" twice says nothing).
const perMonth = (row: { monthlyCents: number | null; frequency: string }) =>
  row.frequency === 'once' || row.frequency === 'month' || row.monthlyCents === null ? '' : ` (${formatEuro(row.monthlyCents)} ${t.phaseB.perMonth})`;

function incomeWords(row: Income) {
  return `${label(labels.incomeKind, row.kind)}${row.description ? `, ${row.description}` : ''}: ${formatEuro(row.amountCents)} ${label(labels.frequency, row.frequency)}${perMonth(row)}`;
}

function expenseWords(row: Expense) {
  const categories = labels.expenseCategory[row.group] as Record<string, string>;
  return `${categories[row.category] ?? t.unknown}${row.description ? `, ${row.description}` : ''}: ${formatEuro(row.amountCents)} ${label(labels.frequency, row.frequency)}${perMonth(row)}`;
}

const incomeToForm = (row: Income): IncomeIn => ({ kind: row.kind, amount: formatEuroInput(row.amountCents), frequency: row.frequency, description: row.description ?? '' });
const expenseToForm = (row: Expense): ExpenseIn => ({ group: row.group, category: row.category, amount: formatEuroInput(row.amountCents), frequency: row.frequency, description: row.description ?? '' });
const incomeBody = (v: IncomeOut) => ({ kind: v.kind, amountCents: v.amount, frequency: v.frequency, description: text(v.description) });
const expenseBody = (v: ExpenseOut) => ({ group: v.group, category: v.category as Expense['category'], amountCents: v.amount, frequency: v.frequency, description: text(v.description) });

function IncomeRow({ row, dossierId, onDeleted }: { row: Income; dossierId: string; onDeleted: (row: Income) => void }) {
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [initial, setInitial] = useState(() => incomeToForm(row));
  const [pending, setPending] = useState<IncomeOut>();
  const refresh = useRefreshDossier(dossierId);
  const guarded = useGuardedSave<Income>();
  const patch = (values: IncomeOut, version: number) => guarded.run(async () => {
    await unwrap(api.PATCH('/api/v1/dossiers/{id}/incomes/{incomeId}', { params: { path: { id: dossierId, incomeId: row.id }, header: { 'if-match': ifMatch(version) } }, body: incomeBody(values) }));
    await refresh();
    setEditing(false);
  });
  const remove = () => guarded.run(async () => {
    await unwrap(api.DELETE('/api/v1/dossiers/{id}/incomes/{incomeId}', { params: { path: { id: dossierId, incomeId: row.id }, header: { 'if-match': ifMatch(row.version) } } }));
    onDeleted(row);
    await refresh();
  });
  const words = incomeWords(row);
  return (
    <li className="ss-panel">
      {editing ? (
        <>
          <SaveProblems error={guarded.error} conflict={guarded.conflict} describe={(r) => <Paragraph>{incomeWords(r)}</Paragraph>}
            onKeepMine={(r) => { if (pending) void patch(pending, r.version); }}
            onTakeTheirs={(r) => { guarded.clearConflict(); setInitial(incomeToForm(r)); setFormKey((k) => k + 1); }} />
          <IncomeForm key={formKey} initial={initial} submitLabel={t.save} onSave={(v) => { setPending(v); return patch(v, row.version); }} onCancel={() => setEditing(false)} />
        </>
      ) : (
        <>
          <Paragraph>{words}</Paragraph>
          <SaveProblems error={guarded.error} conflict={undefined} describe={() => null} onKeepMine={() => undefined} onTakeTheirs={() => undefined} />
          <RowButtons what={words} onEdit={() => { setInitial(incomeToForm(row)); setEditing(true); }} onDelete={() => void remove()} />
        </>
      )}
    </li>
  );
}

function ExpenseRow({ row, dossierId, onDeleted }: { row: Expense; dossierId: string; onDeleted: (row: Expense) => void }) {
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [initial, setInitial] = useState(() => expenseToForm(row));
  const [pending, setPending] = useState<ExpenseOut>();
  const refresh = useRefreshDossier(dossierId);
  const guarded = useGuardedSave<Expense>();
  const patch = (values: ExpenseOut, version: number) => guarded.run(async () => {
    await unwrap(api.PATCH('/api/v1/dossiers/{id}/expenses/{expenseId}', { params: { path: { id: dossierId, expenseId: row.id }, header: { 'if-match': ifMatch(version) } }, body: expenseBody(values) }));
    await refresh();
    setEditing(false);
  });
  const remove = () => guarded.run(async () => {
    await unwrap(api.DELETE('/api/v1/dossiers/{id}/expenses/{expenseId}', { params: { path: { id: dossierId, expenseId: row.id }, header: { 'if-match': ifMatch(row.version) } } }));
    onDeleted(row);
    await refresh();
  });
  const words = expenseWords(row);
  return (
    <li className="ss-panel">
      {editing ? (
        <>
          <SaveProblems error={guarded.error} conflict={guarded.conflict} describe={(r) => <Paragraph>{expenseWords(r)}</Paragraph>}
            onKeepMine={(r) => { if (pending) void patch(pending, r.version); }}
            onTakeTheirs={(r) => { guarded.clearConflict(); setInitial(expenseToForm(r)); setFormKey((k) => k + 1); }} />
          <ExpenseForm key={formKey} initial={initial} submitLabel={t.save} onSave={(v) => { setPending(v); return patch(v, row.version); }} onCancel={() => setEditing(false)} />
        </>
      ) : (
        <>
          <Paragraph>{words}</Paragraph>
          <SaveProblems error={guarded.error} conflict={undefined} describe={() => null} onKeepMine={() => undefined} onTakeTheirs={() => undefined} />
          <RowButtons what={words} onEdit={() => { setInitial(expenseToForm(row)); setEditing(true); }} onDelete={() => void remove()} />
        </>
      )}
    </li>
  );
}

export function IncomeSection({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const [added, setAdded] = useState(false);
  const [deleted, setDeleted] = useState<Income>();
  const guarded = useGuardedSave<Income>();
  const create = (values: IncomeOut) => guarded.run(async () => {
    setAdded(false);
    await unwrap(api.POST('/api/v1/dossiers/{id}/incomes', { params: { path: { id: dossier.id }, ...idempotencyKey() }, body: incomeBody(values) }));
    setAdded(true);
    // Not awaited: the form empties as soon as the row is stored, before the list shows it, so
    // the next entry typed after seeing the list is never wiped by a late reset.
    void refresh();
  });
  return (
    <section aria-labelledby="incomes-heading">
      <Heading2 id="incomes-heading">{t.phaseB.incomesHeading} ({dossier.incomes.length})</Heading2>
      {deleted && <UndoBar text={t.phaseB.deleted(label(labels.incomeKind, deleted.kind))} onUndo={async () => {
        await unwrap(api.POST('/api/v1/dossiers/{id}/incomes', { params: { path: { id: dossier.id }, ...idempotencyKey() }, body: { kind: deleted.kind, amountCents: deleted.amountCents, frequency: deleted.frequency, description: deleted.description } }));
        setDeleted(undefined);
        await refresh();
      }} />}
      {dossier.incomes.length === 0 ? <Paragraph>{t.phaseB.noIncomes}</Paragraph> : (
        <ul className="ss-list-plain">{dossier.incomes.map((row) => <IncomeRow key={`${row.id}-${row.version}`} row={row} dossierId={dossier.id} onDeleted={setDeleted} />)}</ul>
      )}
      <Heading3>{t.phaseB.addIncome}</Heading3>
      <AddedMessage show={added} />
      <SaveProblems error={guarded.error} conflict={undefined} describe={() => null} onKeepMine={() => undefined} onTakeTheirs={() => undefined} />
      <IncomeForm initial={EMPTY_INCOME} submitLabel={t.phaseB.addIncome} onSave={create} resetAfterSave />
    </section>
  );
}

export function ExpenseSection({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const [added, setAdded] = useState(false);
  const [deleted, setDeleted] = useState<Expense>();
  const guarded = useGuardedSave<Expense>();
  const create = (values: ExpenseOut) => guarded.run(async () => {
    setAdded(false);
    await unwrap(api.POST('/api/v1/dossiers/{id}/expenses', { params: { path: { id: dossier.id }, ...idempotencyKey() }, body: expenseBody(values) }));
    setAdded(true);
    // Not awaited: the form empties as soon as the row is stored, before the list shows it, so
    // the next entry typed after seeing the list is never wiped by a late reset.
    void refresh();
  });
  return (
    <section aria-labelledby="expenses-heading">
      <Heading2 id="expenses-heading">{t.phaseB.expensesHeading} ({dossier.expenses.length})</Heading2>
      {deleted && <UndoBar text={t.phaseB.deleted((labels.expenseCategory[deleted.group] as Record<string, string>)[deleted.category] ?? t.unknown)} onUndo={async () => {
        await unwrap(api.POST('/api/v1/dossiers/{id}/expenses', { params: { path: { id: dossier.id }, ...idempotencyKey() }, body: { group: deleted.group, category: deleted.category, amountCents: deleted.amountCents, frequency: deleted.frequency, description: deleted.description } }));
        setDeleted(undefined);
        await refresh();
      }} />}
      {dossier.expenses.length === 0 ? <Paragraph>{t.phaseB.noExpenses}</Paragraph> : (
        <ul className="ss-list-plain">{dossier.expenses.map((row) => <ExpenseRow key={`${row.id}-${row.version}`} row={row} dossierId={dossier.id} onDeleted={setDeleted} />)}</ul>
      )}
      <Heading3>{t.phaseB.addExpense}</Heading3>
      <AddedMessage show={added} />
      <SaveProblems error={guarded.error} conflict={undefined} describe={() => null} onKeepMine={() => undefined} onTakeTheirs={() => undefined} />
      <ExpenseForm initial={EMPTY_EXPENSE} submitLabel={t.phaseB.addExpense} onSave={create} resetAfterSave />
    </section>
  );
}
