// Form fields on Utrecht's components, wired for react-hook-form. Utrecht's FormField* put `ref`
// on the wrapper, so the input's ref goes through `inputRef`; change and blur events bubble from
// the input to the wrapper, where react-hook-form's handlers read event.target.
import { forwardRef, useId, type ReactNode, type Ref } from 'react';
import {
  Checkbox, FormField, FormFieldDescription, FormFieldErrorMessage, FormFieldTextbox, FormLabel, Select, SelectOption, Textarea,
} from '@utrecht/component-library-react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { formatDateInput, parseDutchDate } from '../lib/dates';
import { t } from '../text';

interface FieldBase {
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
}

export function TextField({ label, description, error, registration, type = 'text', autoComplete, inputMode, list }: FieldBase & {
  type?: string;
  autoComplete?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  list?: string;
}) {
  const { ref, name, onChange, onBlur } = registration;
  return (
    <FormFieldTextbox
      label={label}
      description={description}
      errorMessage={error}
      invalid={error !== undefined}
      name={name}
      type={type}
      autoComplete={autoComplete}
      list={list}
      inputRef={ref as Ref<HTMLInputElement>}
      onChange={onChange as never}
      onBlur={onBlur as never}
      {...(inputMode ? { inputMode } : {})}
    />
  );
}

/** Money typed the Dutch way; the schema turns the text into cents. */
export function MoneyField(props: FieldBase & { description?: ReactNode }) {
  return <TextField {...props} inputMode="decimal" autoComplete="off" />;
}

/**
 * A date, typed day first ("15-03-2026") whatever the browser's language: a text field with the
 * format beside it, not the browser's date input (which shows its own locale's order). The
 * schema (dateOptional, dateRequired) turns the text into the API's ISO date.
 */
export function DateField({ registration, ...props }: FieldBase) {
  const onBlur: UseFormRegisterReturn['onBlur'] = (event) => {
    tidyDate(event.target as HTMLInputElement);
    return registration.onBlur(event);
  };
  return <TextField {...props} registration={{ ...registration, onBlur }} description={props.description ?? <DateHint />} autoComplete="off" />;
}

/**
 * On leaving a date field, a date that was understood is written back the one way ("2-12-2026"
 * and "02122026" both become "02-12-2026"), so the maatje sees which day was read.
 */
function tidyDate(input: HTMLInputElement) {
  const iso = parseDutchDate(input.value);
  if (iso !== null) input.value = formatDateInput(iso);
}

/** "Dag-maand-jaar, bijvoorbeeld 15-03-2026", the example never split over two lines. */
export function DateHint() {
  return <>{t.date.hint} <span className="ss-nowrap">{t.date.example}</span></>;
}

/** The same field for a form kept in component state: `value` is the typed text. */
export function DateInputField({ label, description, error, value, onChange }: {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <FormFieldTextbox
      label={label}
      description={description ?? <DateHint />}
      errorMessage={error}
      invalid={error !== undefined}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange((event.target as HTMLInputElement).value)}
      onBlur={(event) => {
        const iso = parseDutchDate((event.target as HTMLInputElement).value);
        if (iso !== null) onChange(formatDateInput(iso));
      }}
    />
  );
}

export function SelectField({ label, description, error, registration, options, placeholder }: FieldBase & {
  options: Record<string, string>;
  placeholder?: string;
}) {
  const id = useId();
  const { ref, ...rest } = registration;
  return (
    <FormField invalid={error !== undefined} type="select">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          ref={ref}
          invalid={error !== undefined}
          aria-describedby={[description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          {...rest}
        >
          {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
          {Object.entries(options).map(([value, text]) => <SelectOption key={value} value={value}>{text}</SelectOption>)}
        </Select>
      </div>
    </FormField>
  );
}

export const TextareaField = forwardRef<HTMLDivElement, FieldBase & { rows?: number }>(function TextareaField(
  { label, description, error, registration, rows = 6 }, _ref,
) {
  const id = useId();
  const { ref, ...rest } = registration;
  return (
    <FormField invalid={error !== undefined} type="textarea">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Textarea id={id} ref={ref} rows={rows} invalid={error !== undefined}
          aria-describedby={[description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          {...rest} />
      </div>
    </FormField>
  );
});

/**
 * A tick box beside its label: Utrecht's Checkbox (its own drawn box and tick in the theme's
 * colours, at least 24 px), never the browser's default. `children` is the input.
 */
function CheckboxRow({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <div className="utrecht-form-field__input">{children}</div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox">{label}</FormLabel>
      </div>
    </div>
  );
}

/** A tick box wired for react-hook-form (a boolean, or one value of a list when `value` is set). */
export function CheckboxField({ label, registration, value }: { label: ReactNode; registration: UseFormRegisterReturn; value?: string }) {
  const id = useId();
  return (
    <CheckboxRow id={id} label={label}>
      <Checkbox id={id} value={value} {...registration} />
    </CheckboxRow>
  );
}

/** A tick box kept in component state. */
export function CheckboxInput({ id, label, checked, onChange, disabled, describedBy }: {
  id?: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  describedBy?: string | undefined;
}) {
  const ownId = useId();
  const inputId = id ?? ownId;
  return (
    <CheckboxRow id={inputId} label={label}>
      <Checkbox id={inputId} checked={checked} disabled={disabled} aria-describedby={describedBy} onChange={(event) => onChange(event.target.checked)} />
    </CheckboxRow>
  );
}
