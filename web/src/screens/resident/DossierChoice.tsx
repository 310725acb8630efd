// With more than one dossier the resident picks which one every page shows; with one, nothing.
import { useId } from 'react';
import { FormField, FormFieldDescription, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { formatDate } from '../../lib/dates';
import { rt } from '../../text';
import { chooseDossier, useMyDossierId } from './useMyDossier';

export function DossierChoice() {
  const mine = useMyDossierId();
  const id = useId();
  if (mine.all.length < 2 || !mine.data) return null;
  return (
    <FormField type="select" className="ss-panel">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{rt.choice.label}</FormLabel>
      </div>
      <FormFieldDescription id={`${id}-description`}>{rt.choice.hint(mine.all.length)}</FormFieldDescription>
      <div className="utrecht-form-field__input">
        <Select id={id} aria-describedby={`${id}-description`} value={mine.data} onChange={(event) => chooseDossier(event.target.value)}>
          {mine.all.map((item, index) => (
            <SelectOption key={item.id} value={item.id}>
              {rt.choice.option(formatDate(item.openedAt), item.phase === 'closed', index === 0)}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}
