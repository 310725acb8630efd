// Asking for a new code for a staff account. A code for staff always takes two people: this only
// files the request, and a different admin approves it and hands the code over. Because the old
// password stops working once approved, the asker confirms first.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, unwrap } from '../api/client';
import { rt } from '../text';
import { ErrorMessage, StatusMessage } from './screen';

type Step = { kind: 'confirm'; busy: boolean; error?: unknown } | { kind: 'filed' };

export function StaffCodeRequest({ userId, name, explain, filed, onClose }: {
  userId: string;
  name: string;
  /** Who approves and who hands over the code, in the words of the asker's role. */
  explain: string;
  /** What was filed, and who still has to approve it. */
  filed: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'confirm', busy: false });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [userId]);

  const file = async () => {
    setStep({ kind: 'confirm', busy: true });
    try {
      await unwrap(api.POST('/api/v1/users/{id}/credential-resets', { params: { path: { id: userId } } }));
      setStep({ kind: 'filed' });
      await queryClient.invalidateQueries({ queryKey: ['credential-resets'] });
    } catch (caught) {
      setStep({ kind: 'confirm', busy: false, error: caught });
    }
  };

  return (
    <section aria-labelledby="staff-code-heading" className="ss-panel">
      <Heading2 id="staff-code-heading" ref={heading} tabIndex={-1}>{rt.staffCode.heading(name)}</Heading2>
      {step.kind === 'filed'
        ? <StatusMessage>{filed}</StatusMessage>
        : (
          <>
            <Paragraph>{rt.staffCode.oldStops}</Paragraph>
            <Paragraph>{explain}</Paragraph>
            <ErrorMessage error={step.error} />
          </>
        )}
      <ButtonGroup>
        {step.kind === 'confirm' && (
          <Button appearance="primary-action-button" onClick={() => void file()} disabled={step.busy}>
            {step.busy ? rt.staffCode.busy : rt.staffCode.confirm}
          </Button>
        )}
        <Button appearance="secondary-action-button" onClick={onClose} disabled={step.kind === 'confirm' && step.busy}>
          {step.kind === 'filed' ? rt.staffCode.close : rt.staffCode.cancel}
        </Button>
      </ButtonGroup>
    </section>
  );
}
