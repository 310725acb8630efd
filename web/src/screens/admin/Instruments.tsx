// The evaluation's questionnaires: every version with its questions, and the form for a new
// version (a version is never edited, so a change is always a new version).
import { useQuery } from '@tanstack/react-query';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { ErrorMessage, Loading, ScreenHeading } from '../../ui/screen';
import { rt } from '../../text';
import { InstrumentForm } from './InstrumentForm';

export function Instruments() {
  const instruments = useQuery({ queryKey: ['instruments'], queryFn: () => unwrap(api.GET('/api/v1/instruments')) });
  return (
    <>
      <ScreenHeading title={rt.titles.instruments}>{rt.instruments.heading}</ScreenHeading>
      <Paragraph>{rt.instruments.intro}</Paragraph>
      {instruments.isPending && <Loading />}
      <ErrorMessage error={instruments.error} />
      {instruments.data?.items.length === 0 && <Paragraph>{rt.instruments.empty}</Paragraph>}
      {instruments.data?.items.map((instrument) => (
        <section key={instrument.id} className="ss-panel" aria-labelledby={`instrument-${instrument.id}`}>
          <Heading2 id={`instrument-${instrument.id}`}>{`${instrument.name} (${rt.instruments.version} ${instrument.version})`}</Heading2>
          <Paragraph className="ss-muted">{formatDate(instrument.createdAt)}</Paragraph>
          <ul>
            {instrument.items.map((item) => <li key={item.code}>{`${item.label ?? item.code} (${rt.instruments.scores(item.minScore, item.maxScore)})`}</li>)}
          </ul>
        </section>
      ))}
      <InstrumentForm />
    </>
  );
}
