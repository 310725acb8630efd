// A 412 (someone saved first): the maatje's own text stays in the form; this shows what is stored
// now and lets the maatje keep their own version or take the stored one.
import type { ReactNode } from 'react';
import { Alert, Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { t } from '../text';

export interface ConflictState<T> {
  current: T;
}

export function ConflictNotice({ theirs, onKeepMine, onTakeTheirs }: { theirs: ReactNode; onKeepMine: () => void; onTakeTheirs: () => void }) {
  return (
    <Alert type="warning" role="alert">
      <Heading3>{t.conflict.heading}</Heading3>
      <Paragraph>{t.conflict.body}</Paragraph>
      <Paragraph>{t.conflict.theirs}</Paragraph>
      <div className="ss-panel">{theirs}</div>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={onKeepMine}>{t.conflict.keepMine}</Button>
        <Button appearance="secondary-action-button" onClick={onTakeTheirs}>{t.conflict.takeTheirs}</Button>
      </ButtonGroup>
    </Alert>
  );
}
