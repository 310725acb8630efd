// A new activation code for the dossier's resident, made by the dossier's own maatje only (the
// server refuses everyone else). It ends the resident's password, so the maatje confirms first;
// the code lives in this component's memory only and is gone once the letter is closed.
import { useEffect, useRef, useState } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../../api/client';
import { t } from '../../text';
import { ActivationSlip } from '../../ui/ActivationSlip';
import { ErrorMessage } from '../../ui/screen';
import type { Dossier } from './data';

interface Issued { activationCode: string; expiresAt: string }
type Step = { kind: 'closed' } | { kind: 'confirm'; busy: boolean; error?: unknown } | { kind: 'issued'; issued: Issued };

export function useResidentCode() {
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  return { step, setStep, open: () => setStep({ kind: 'confirm', busy: false }) };
}

export function ResidentCode({ dossier, step, setStep }: { dossier: Dossier } & Pick<ReturnType<typeof useResidentCode>, 'step' | 'setStep'>) {
  // Keyboard and screen-reader users land on what just appeared (the question, then the letter).
  const focusTarget = useRef<HTMLHeadingElement & HTMLDivElement>(null);
  useEffect(() => { focusTarget.current?.focus(); }, [step.kind]);
  if (step.kind === 'closed') return null;
  const close = () => setStep({ kind: 'closed' });

  if (step.kind === 'issued') {
    return (
      <div className="ss-slip-wrap">
        <div role="status" className="ss-flag-info ss-no-print" ref={focusTarget} tabIndex={-1}><Paragraph>{t.residentCode.made}</Paragraph></div>
        <ActivationSlip residentName={dossier.resident.displayName} code={step.issued.activationCode} expiresAt={step.issued.expiresAt} reissued />
        <ButtonGroup className="ss-no-print">
          <Button appearance="primary-action-button" onClick={() => window.print()}>{t.slip.print}</Button>
          <Button appearance="secondary-action-button" onClick={close}>{t.residentCode.close}</Button>
        </ButtonGroup>
      </div>
    );
  }

  const issue = async () => {
    setStep({ kind: 'confirm', busy: true });
    try {
      const issued = await unwrap(api.POST('/api/v1/users/{id}/activation-code', { params: { path: { id: dossier.resident.id } } }));
      setStep({ kind: 'issued', issued });
    } catch (caught) {
      setStep({ kind: 'confirm', busy: false, error: caught });
    }
  };

  return (
    <section aria-labelledby="resident-code-heading" className="ss-panel ss-no-print">
      <Heading2 id="resident-code-heading" ref={focusTarget} tabIndex={-1}>{t.residentCode.heading}</Heading2>
      <Paragraph>{t.residentCode.explain}</Paragraph>
      <Paragraph>{t.residentCode.when}</Paragraph>
      <ErrorMessage error={step.error} />
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={() => void issue()} disabled={step.busy}>
          {step.busy ? t.residentCode.busy : t.residentCode.confirm}
        </Button>
        <Button appearance="secondary-action-button" onClick={close} disabled={step.busy}>{t.residentCode.cancel}</Button>
      </ButtonGroup>
    </section>
  );
}
