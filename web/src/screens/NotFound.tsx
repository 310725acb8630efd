import { Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../router';
import { t } from '../text';
import { ScreenHeading } from '../ui/screen';

export function NotFound() {
  return (
    <>
      <ScreenHeading title={t.titles.notFound}>{t.notFound.heading}</ScreenHeading>
      <Paragraph><AppLink to="/">{t.notFound.body}</AppLink></Paragraph>
    </>
  );
}
