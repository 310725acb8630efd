import { Heading2 } from '@utrecht/component-library-react';
import { t } from '../../text';
import type { Dossier } from './data';
import { TransitionButtons } from './Transition';

export function PhaseC({ dossier }: { dossier: Dossier }) {
  return (
    <>
      <Heading2>{t.phaseC.heading}</Heading2>
      <TransitionButtons dossier={dossier} />
    </>
  );
}
