// Shared behaviour of phase B's lists (debts, incomes, expenses) and phase C's actions: add one
// after another without leaving the page, edit in place, delete with undo, keep typed text when a
// save fails (412 conflict, no connection, expired token: the API client refreshes silently).
import { useRef, useState, type ReactNode } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { ApiProblem } from '../../api/client';
import { t } from '../../text';
import { ConflictNotice } from '../../ui/Conflict';
import { ErrorMessage, StatusMessage } from '../../ui/screen';

export interface Versioned {
  id: string;
  version: number;
}

/**
 * Runs a save; on 412 keeps the stored row (from the problem's `current`) so the form can offer
 * "keep mine" (repeat with the current version) or "take theirs" (reset the form to it).
 */
export function useGuardedSave<Row extends Versioned>() {
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<Row>();
  const run = async (save: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined);
    setConflict(undefined);
    try {
      await save();
      return true;
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 412 && caught.body.current) {
        setConflict(caught.body.current as Row);
      } else {
        setError(caught);
      }
      return false;
    }
  };
  return { error, conflict, run, clearConflict: () => setConflict(undefined) };
}

export function SaveProblems<Row>({ error, conflict, describe, onKeepMine, onTakeTheirs }: {
  error: unknown;
  conflict: Row | undefined;
  describe: (row: Row) => ReactNode;
  onKeepMine: (row: Row) => void;
  onTakeTheirs: (row: Row) => void;
}) {
  return (
    <>
      <ErrorMessage error={error} />
      {conflict && <ConflictNotice theirs={describe(conflict)} onKeepMine={() => onKeepMine(conflict)} onTakeTheirs={() => onTakeTheirs(conflict)} />}
    </>
  );
}

/** The undo bar after a delete: puts the row back (as a new row with the same content). */
export function UndoBar({ text, onUndo }: { text: string; onUndo: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <div role="status" className="ss-flag-info">
      <div className="ss-row">
        <Paragraph>{text}</Paragraph>
        <Button appearance="secondary-action-button" disabled={busy} onClick={async () => {
          setBusy(true);
          try {
            await onUndo();
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}>{t.undo}</Button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}

export function AddedMessage({ show }: { show: boolean }) {
  return show ? <StatusMessage>{t.phaseB.added}</StatusMessage> : null;
}

export function RowButtons({ what, onEdit, onDelete }: { what: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <ButtonGroup>
      <Button appearance="subtle-button" onClick={onEdit} aria-label={`${t.edit}: ${what}`}>{t.edit}</Button>
      <Button appearance="subtle-button" onClick={onDelete} aria-label={`${t.delete}: ${what}`}>{t.delete}</Button>
    </ButtonGroup>
  );
}

/** Focus the first field of a form again after adding, for the next entry. */
export function useFocusFirst() {
  const ref = useRef<HTMLFormElement>(null);
  const focus = () => ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  return { ref, focus };
}
