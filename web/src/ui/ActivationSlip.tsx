// The printable letter with a resident's activation code. Printing a page that shows it prints
// only the letter (theme.css, `.ss-slip`): the dossier around it must not end up on paper.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { formatDate } from '../lib/dates';
import { t } from '../text';

export function ActivationSlip({ residentName, code, expiresAt, reissued = false }: {
  residentName: string;
  code: string;
  expiresAt: string;
  /** A new code for someone who may already have an account: they keep their username. */
  reissued?: boolean;
}) {
  return (
    <section aria-labelledby="slip-heading" className="ss-panel ss-slip">
      <Heading2 id="slip-heading">{t.slip.letterHeading}</Heading2>
      <Paragraph>{t.slip.hello(residentName)}</Paragraph>
      <Paragraph>{reissued ? t.slip.bodyReissued : t.slip.body}</Paragraph>
      <p className="utrecht-paragraph utrecht-paragraph--lead"><strong data-testid="activation-code">{code}</strong></p>
      <Paragraph>{t.slip.expires(formatDate(expiresAt))}</Paragraph>
      <Paragraph>{t.slip.where}</Paragraph>
      {reissued && <Paragraph>{t.slip.sameUsername}</Paragraph>}
      <Paragraph>{t.slip.help}</Paragraph>
    </section>
  );
}
