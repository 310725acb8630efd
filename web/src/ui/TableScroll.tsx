// A table that may be wider than a phone scrolls sideways inside a region the keyboard can reach
// (WCAG 2.1.1: a scrollable region must be focusable) and that is named for screen readers.
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return <div className="ss-table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
