import { Heading2 } from '@utrecht/component-library-react';
import { t } from '../../text';
import type { Dossier } from './data';
import { TransitionButtons } from './Transition';

export function PhaseA({ dossier }: { dossier: Dossier }) {
  return (
    <>
      <Heading2>{t.phaseA.heading}</Heading2>
      <TransitionButtons dossier={dossier} />
    </>
  );
}
