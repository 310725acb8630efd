// Open a dossier for a new resident and hand over the activation code on a printable slip.
// The code is shown once and kept in this component's memory only (never in the URL).
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap, type Schemas } from '../api/client';
import { AppLink } from '../router';
import { labels, t } from '../text';
import { ActivationSlip } from '../ui/ActivationSlip';
import { SelectField, TextField } from '../ui/fields';
import { ErrorMessage, ScreenHeading } from '../ui/screen';

const schema = z.object({
  displayName: z.string().trim().min(1, t.newDossier.nameRequired).max(120),
  ageBand: z.enum(['18_20', '21_tot_aow', 'aow']).or(z.literal('')).transform((v) => (v === '' ? undefined : v)),
});

export function NewDossier() {
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(schema) });
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<Schemas['CreatedDossier']>();

  const submit = handleSubmit(async ({ displayName, ageBand }) => {
    setError(undefined);
    try {
      const result = await unwrap(api.POST('/api/v1/dossiers', {
        body: { resident: { displayName, ...(ageBand ? { ageBand } : {}) } },
        params: { header: { 'idempotency-key': crypto.randomUUID() } as never },
      }));
      await queryClient.invalidateQueries({ queryKey: ['dossiers'] });
      setCreated(result);
    } catch (caught) {
      setError(caught);
    }
  });

  if (created) {
    return (
      <>
        <ScreenHeading title={t.titles.slip}>{t.slip.heading}</ScreenHeading>
        <Paragraph className="ss-no-print">{t.slip.intro}</Paragraph>
        {created.residentActivationCode && created.residentActivationCodeExpiresAt ? (
          <>
            <Paragraph className="ss-no-print"><strong>{t.slip.onlyOnce}</strong></Paragraph>
            <ActivationSlip residentName={created.dossier.resident.displayName} code={created.residentActivationCode} expiresAt={created.residentActivationCodeExpiresAt} />
          </>
        ) : <Paragraph>{t.slip.noCode}</Paragraph>}
        <ButtonGroup className="ss-no-print">
          <Button appearance="primary-action-button" onClick={() => window.print()}>{t.slip.print}</Button>
          <AppLink to={`/dossiers/${created.dossier.id}`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">{t.slip.toDossier}</AppLink>
        </ButtonGroup>
      </>
    );
  }

  return (
    <div className="ss-narrow">
      <ScreenHeading title={t.titles.newDossier}>{t.newDossier.heading}</ScreenHeading>
      <Paragraph>{t.newDossier.intro}</Paragraph>
      <ErrorMessage error={error} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <TextField label={t.newDossier.name} autoComplete="off" registration={register('displayName')} error={formState.errors.displayName?.message} />
        <SelectField label={t.newDossier.ageBand} options={labels.ageBand} placeholder={t.unknown} registration={register('ageBand')} error={formState.errors.ageBand?.message} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{t.newDossier.submit}</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
