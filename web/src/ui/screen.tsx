// Shared screen pieces: the page title (never with dossier data in it), focus on the heading
// after navigation, and error/status messages.
import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { ApiProblem } from '../api/client';
import { errorText, t } from '../text';

/** Sets document.title from fixed text only, and moves focus to the screen's heading. */
export function ScreenHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} - ${t.appName}`;
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return <Heading1 ref={ref} tabIndex={-1} id="screen-heading">{children ?? title}</Heading1>;
}

export function problemCode(error: unknown): string | undefined {
  if (error instanceof ApiProblem) return error.code;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{errorText(problemCode(error))}</Paragraph>
    </Alert>
  );
}

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="ss-flag-info">
      <Paragraph>{children}</Paragraph>
    </div>
  );
}

export function Loading() {
  return <Paragraph role="status">{t.loading}</Paragraph>;
}
