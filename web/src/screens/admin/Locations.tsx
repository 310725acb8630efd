// The BuurtWerkKamers: list and add.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { ErrorMessage, Loading, ScreenHeading, StatusMessage } from '../../ui/screen';
import { useLocations } from './useReference';
import { rt } from '../../text';

export function Locations() {
  const locations = useLocations();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [city, setCity] = useState('');
  const [missing, setMissing] = useState<{ name?: boolean; city?: boolean }>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const add = async () => {
    const found = { name: !name.trim(), city: !city.trim() };
    setMissing(found);
    setSaved(false);
    if (found.name || found.city) return;
    setError(undefined);
    try {
      await unwrap(api.POST('/api/v1/locations', { body: { name: name.trim(), city: city.trim() } }));
      setName('');
      setCity('');
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['locations'] });
    } catch (caught) {
      setError(caught);
    }
  };

  const field = (id: string, text: string, value: string, set: (next: string) => void, invalid: boolean | undefined) => (
    <div className={`utrecht-form-field${invalid ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{text}</label></div>
      {invalid && <div className="utrecht-form-field-error-message" id={`${id}-error`}>{rt.locations.required}</div>}
      <div className="utrecht-form-field__input">
        <input id={id} className="utrecht-textbox utrecht-textbox--html-input" value={value} onChange={(event) => set(event.target.value)}
          aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `${id}-error` : undefined} />
      </div>
    </div>
  );

  return (
    <>
      <ScreenHeading title={rt.titles.locations}>{rt.locations.heading}</ScreenHeading>
      <Paragraph>{rt.locations.intro}</Paragraph>
      {locations.isPending && <Loading />}
      <ErrorMessage error={locations.error} />
      {locations.data && (
        <Table>
          <TableHeader><TableRow><TableHeaderCell scope="col">{rt.locations.name}</TableHeaderCell><TableHeaderCell scope="col">{rt.locations.city}</TableHeaderCell></TableRow></TableHeader>
          <TableBody>
            {locations.data.map((location) => <TableRow key={location.id}><TableCell>{location.name}</TableCell><TableCell>{location.city}</TableCell></TableRow>)}
          </TableBody>
        </Table>
      )}
      <section aria-labelledby="add-location" className="ss-panel ss-narrow">
        <Heading2 id="add-location">{rt.locations.add}</Heading2>
        {saved && <StatusMessage>{rt.accounts.saved}</StatusMessage>}
        <ErrorMessage error={error} />
        <form className="utrecht-form" noValidate onSubmit={(event) => { event.preventDefault(); void add(); }}>
          {field('location-name', rt.locations.name, name, setName, missing.name)}
          {field('location-city', rt.locations.city, city, setCity, missing.city)}
          <ButtonGroup><Button type="submit" appearance="primary-action-button">{rt.locations.add}</Button></ButtonGroup>
        </form>
      </section>
    </>
  );
}
