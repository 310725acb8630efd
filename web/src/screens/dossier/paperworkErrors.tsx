// The API's refusals of letters and the handover, in the words of this section: a proposal that
// cannot be made names each debt and why; anything else falls back to the app's sentence per code.
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { ApiProblem } from '../../api/client';
import { paperwork } from '../../text';
import { ErrorMessage, problemCode } from '../../ui/screen';

export function PaperworkError({ error, creditorOf }: { error: unknown; creditorOf?: (debtId: string) => string }) {
  if (!error) return null;
  const code = problemCode(error);
  const own = code === undefined ? undefined : paperwork.errors[code] ?? paperwork.handoverErrors[code];
  if (own === undefined) return <ErrorMessage error={error} />;
  const missing = code === 'proposal_not_possible' && error instanceof ApiProblem && Array.isArray(error.body.missing)
    ? (error.body.missing as { code: string; debtId: string }[])
    : [];
  return (
    <Alert type="error" role="alert">
      <Paragraph>{own}</Paragraph>
      {missing.length > 0 && (
        <ul>
          {missing.map((item) => (
            <li key={item.debtId}>{`${creditorOf?.(item.debtId) ?? ''}: ${paperwork.missing[item.code] ?? ''}`}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
