// Phase A: consent (given by the resident in their own account, or recorded here from paper),
// the household, the story with the life events, and the step to phase B.
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Button, ButtonGroup, Fieldset, FieldsetLegend, Heading2, Paragraph,
} from '@utrecht/component-library-react';
import { api, ApiProblem, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { label, labels, t } from '../../text';
import { CheckboxField, SelectField, TextField, TextareaField } from '../../ui/fields';
import { SaveOutcome, StoredFacts, useVersionedSave } from '../../ui/useVersionedSave';
import { ErrorMessage, Loading, StatusMessage } from '../../ui/screen';
import { keys, useRefreshDossier, type Dossier } from './data';
import { TransitionButtons } from './Transition';

/** The version of the consent text the maatje reads out (the paper form carries the same). */
export const CONSENT_TEXT_VERSION = '2026-01';

function Consent({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const { register, handleSubmit, formState } = useForm<{ statisticsOptIn: boolean }>({ defaultValues: { statisticsOptIn: false } });
  const [error, setError] = useState<unknown>();
  const consent = dossier.consent;
  const active = consent.givenAt !== null && consent.withdrawnAt === null;
  const submit = handleSubmit(async ({ statisticsOptIn }) => {
    setError(undefined);
    try {
      await unwrap(api.PUT('/api/v1/dossiers/{id}/consent', { params: { path: { id: dossier.id } }, body: { textVersion: CONSENT_TEXT_VERSION, statisticsOptIn, recordedOnPaper: true } }));
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  });
  return (
    <section aria-labelledby="consent-heading">
      <Heading2 id="consent-heading">{t.phaseA.consentHeading}</Heading2>
      <Paragraph>{t.phaseA.consentText}</Paragraph>
      {active ? (
        <StatusMessage>
          {t.phaseA.consentGiven(formatDate(consent.givenAt))} {consent.recordedOnPaper ? t.phaseA.consentPaper : ''}
        </StatusMessage>
      ) : (
        <>
          {consent.withdrawnAt && <Paragraph>{t.phaseA.consentWithdrawn}</Paragraph>}
          <Paragraph>{t.phaseA.consentOnScreen}</Paragraph>
          <ErrorMessage error={error} />
          <form className="utrecht-form" onSubmit={submit} noValidate>
            <CheckboxField label={t.phaseA.statisticsOptIn} registration={register('statisticsOptIn')} />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{t.phaseA.recordPaper}</Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}

const LEEFSITUATIES = Object.keys(labels.leefsituatie) as [keyof typeof labels.leefsituatie, ...Array<keyof typeof labels.leefsituatie>];
const AGE_BANDS = Object.keys(labels.ageBand) as [keyof typeof labels.ageBand, ...Array<keyof typeof labels.ageBand>];
const householdSchema = z.object({
  leefsituatie: z.string().refine((v) => (LEEFSITUATIES as string[]).includes(v), t.fieldErrors.required),
  ageBand: z.string().refine((v) => (AGE_BANDS as string[]).includes(v), t.fieldErrors.required),
  partnerAgeBand: z.string(),
  otherAdults: z.string().trim().regex(/^\d{0,2}$/, t.fieldErrors.invalid),
});

type HouseholdForm = z.infer<typeof householdSchema>;

function householdForm(h: Dossier['household']): HouseholdForm {
  return {
    leefsituatie: h.leefsituatie ?? '', ageBand: h.ageBand ?? '',
    partnerAgeBand: h.partnerAgeBand ?? '', otherAdults: h.otherAdults === null ? '0' : String(h.otherAdults),
  };
}

function Household({ dossier }: { dossier: Dossier }) {
  const refresh = useRefreshDossier(dossier.id);
  const { register, handleSubmit, formState, control, reset } = useForm({
    resolver: zodResolver(householdSchema),
    defaultValues: householdForm(dossier.household),
  });
  const leefsituatie = useWatch({ control, name: 'leefsituatie' });
  const couple = leefsituatie.startsWith('samenwonend');
  const saving = useVersionedSave<HouseholdForm, Dossier>({
    version: dossier.version,
    refresh,
    write: (values, header) => unwrap(api.PATCH('/api/v1/dossiers/{id}', {
      params: { path: { id: dossier.id }, header: header as { 'if-match': string } },
      body: {
        household: {
          leefsituatie: values.leefsituatie as (typeof LEEFSITUATIES)[number], ageBand: values.ageBand as (typeof AGE_BANDS)[number],
          partnerAgeBand: values.leefsituatie.startsWith('samenwonend') && values.partnerAgeBand ? values.partnerAgeBand as 'aow' : null,
          otherAdults: values.otherAdults === '' ? 0 : Number(values.otherAdults),
        },
      },
    })),
  });
  const submit = handleSubmit(saving.save);
  return (
    <section aria-labelledby="household-heading">
      <Heading2 id="household-heading">{t.phaseA.householdHeading}</Heading2>
      <SaveOutcome saving={saving} onKeepMine={() => void submit()} onTakeTheirs={(stored) => reset(householdForm(stored.household))}
        theirs={({ household: h }) => (
          <StoredFacts facts={[
            [t.phaseA.leefsituatie, label(labels.leefsituatie, h.leefsituatie)],
            [t.phaseA.ageBand, label(labels.ageBand, h.ageBand)],
            ...(h.leefsituatie?.startsWith('samenwonend') ? [[t.phaseA.partnerAgeBand, label(labels.ageBand, h.partnerAgeBand)] as [string, string]] : []),
            [t.phaseA.otherAdults, String(h.otherAdults ?? 0)],
          ]} />
        )} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <div className="ss-grid-fields">
          <SelectField label={t.phaseA.leefsituatie} options={labels.leefsituatie} placeholder="Kies" registration={register('leefsituatie')} error={formState.errors.leefsituatie?.message} />
          <SelectField label={t.phaseA.ageBand} options={labels.ageBand} placeholder="Kies" registration={register('ageBand')} error={formState.errors.ageBand?.message} />
          {couple && <SelectField label={t.phaseA.partnerAgeBand} options={labels.ageBand} placeholder={t.unknown} registration={register('partnerAgeBand')} />}
          <TextField label={t.phaseA.otherAdults} inputMode="numeric" registration={register('otherAdults')} error={formState.errors.otherAdults?.message} />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{t.phaseA.householdSave}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

type Story = Schemas['Story'];
const LIFE_EVENTS = Object.keys(labels.lifeEvent) as Array<keyof typeof labels.lifeEvent>;

type StoryValues = { text: string; lifeEvents: string[] };

function StoryForm({ dossierId, story }: { dossierId: string; story: Story | null }) {
  const refresh = useRefreshDossier(dossierId);
  const { register, handleSubmit, formState, reset } = useForm<StoryValues>({
    defaultValues: { text: story?.text ?? '', lifeEvents: story?.lifeEvents ?? [] },
  });
  const saving = useVersionedSave<StoryValues, Story>({
    version: story?.version,
    refresh,
    write: ({ text, lifeEvents }, header) => unwrap(api.PUT('/api/v1/dossiers/{id}/story', {
      params: { path: { id: dossierId }, header } as never,
      body: { text, lifeEvents: (lifeEvents ?? []) as Story['lifeEvents'] },
    })),
  });
  const submit = handleSubmit(saving.save);

  return (
    <section aria-labelledby="story-heading">
      <Heading2 id="story-heading">{t.phaseA.storyHeading}</Heading2>
      <SaveOutcome saving={saving} onKeepMine={() => void submit()}
        onTakeTheirs={(stored) => reset({ text: stored.text, lifeEvents: stored.lifeEvents })}
        theirs={(stored) => <Paragraph data-testid="conflict-theirs">{stored.text}</Paragraph>} />
      <form className="utrecht-form" onSubmit={submit} noValidate>
        <TextareaField label={t.phaseA.story} description={t.phaseA.storyHelp} rows={8} registration={register('text', { maxLength: 20_000 })} />
        <Fieldset>
          <FieldsetLegend>{t.phaseA.lifeEvents}</FieldsetLegend>
          {LIFE_EVENTS.map((event) => (
            <CheckboxField key={event} label={labels.lifeEvent[event]} registration={register('lifeEvents')} value={event} />
          ))}
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>{t.phaseA.storySave}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Story({ dossierId }: { dossierId: string }) {
  const query = useQuery({
    queryKey: keys.story(dossierId),
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/dossiers/{id}/story', { params: { path: { id: dossierId } } }));
      } catch (caught) {
        // No story yet is a 404 on an otherwise visible dossier: start empty.
        if (caught instanceof ApiProblem && caught.status === 404) return null;
        throw caught;
      }
    },
    staleTime: Infinity,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  return <StoryForm dossierId={dossierId} story={query.data} />;
}

export function PhaseA({ dossier }: { dossier: Dossier }) {
  const consentActive = dossier.consent.givenAt !== null && dossier.consent.withdrawnAt === null;
  return (
    <>
      <Heading2>{t.phaseA.heading}</Heading2>
      <Consent dossier={dossier} />
      <Household dossier={dossier} />
      {consentActive && <Story dossierId={dossier.id} />}
      <TransitionButtons dossier={dossier} />
    </>
  );
}
