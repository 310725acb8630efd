// Form fields on Utrecht's components, wired for react-hook-form. Utrecht's FormField* put `ref`
// on the wrapper, so the input's ref goes through `inputRef`; change and blur events bubble from
// the input to the wrapper, where react-hook-form's handlers read event.target.
import { forwardRef, useId, type ReactNode, type Ref } from 'react';
import {
  FormField, FormFieldDescription, FormFieldErrorMessage, FormFieldTextbox, FormLabel, Select, SelectOption, Textarea,
} from '@utrecht/component-library-react';
import type { UseFormRegisterReturn } from 'react-hook-form';

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

export function CheckboxField({ label, registration, value }: { label: ReactNode; registration: UseFormRegisterReturn; value?: string }) {
  const id = useId();
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <div className="utrecht-form-field__input">
        <input type="checkbox" id={id} className="utrecht-checkbox utrecht-checkbox--html-input" value={value} {...registration} />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox">{label}</FormLabel>
      </div>
    </div>
  );
}
