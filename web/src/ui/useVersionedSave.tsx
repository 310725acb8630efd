// Saving one versioned thing of a dossier with If-Match: the household, the story, the checklist,
// the referral, a payment arrangement, a questionnaire's answers, a letter's dates, a confirmed
// balance. One behaviour for all: a failed save leaves the form as it was; a 412 (someone saved
// first) keeps what was filled in, shows what is stored now and offers "keep mine" (save again,
// now on the stored version) or "take theirs" (the form takes the stored values).
import { useState, type ReactNode } from 'react';
import { ApiProblem, ifMatch } from '../api/client';
import { t } from '../text';
import { ConflictNotice } from './Conflict';
import { ErrorMessage, StatusMessage } from './screen';

/** The If-Match header for a version, or none while nothing is stored yet (a first PUT). */
export type IfMatchHeader = { 'if-match'?: string };

export interface VersionedSave<Values, Stored> {
  save: (values: Values) => Promise<void>;
  busy: boolean;
  saved: boolean;
  error: unknown;
  conflict: Stored | undefined;
  dismissConflict: () => void;
}

export function useVersionedSave<Values, Stored extends { version: number }>({ version, write, refresh }: {
  /** The version the screen shows; undefined while nothing is stored. */
  version: number | undefined;
  /** The PUT or PATCH itself; answers the stored thing with its new version. */
  write: (values: Values, header: IfMatchHeader) => Promise<Stored>;
  /** Reloads what the page shows (the dossier and all computed from it). */
  refresh: () => Promise<unknown>;
}): VersionedSave<Values, Stored> {
  // The newest version this form has seen itself (its own save, or the stored one of a 412):
  // the page's copy catches up only after the refresh, and a save must not wait for that.
  const [seen, setSeen] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<Stored>();
  const base = version === undefined ? seen : seen === undefined ? version : Math.max(version, seen);

  const save = async (values: Values) => {
    setError(undefined);
    setSaved(false);
    setBusy(true);
    try {
      const stored = await write(values, base === undefined ? {} : { 'if-match': ifMatch(base) });
      setSeen(stored.version);
      setConflict(undefined);
      await refresh();
      setSaved(true);
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 412 && caught.body.current) {
        const current = caught.body.current as Stored;
        setSeen(current.version);
        setConflict(current);
        await refresh();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };
  return { save, busy, saved, error, conflict, dismissConflict: () => setConflict(undefined) };
}

/**
 * What a save said: "Opgeslagen.", the error in words, or the conflict offer. "Keep mine" sends the
 * form again (on the stored version by now); "take theirs" puts the stored values in the form.
 */
export function SaveOutcome<Values, Stored>({ saving, theirs, onKeepMine, onTakeTheirs, renderError, savedText = t.saved }: {
  saving: VersionedSave<Values, Stored>;
  /** What a save said when it went through; "Opgeslagen." unless the form says more. */
  savedText?: string;
  /** A section's own wording of the API's refusals (letters); otherwise the app's sentence per code. */
  renderError?: (error: unknown) => ReactNode;
  theirs: (stored: Stored) => ReactNode;
  onKeepMine: () => void;
  onTakeTheirs: (stored: Stored) => void;
}) {
  const { saved, error, conflict } = saving;
  return (
    <>
      {saved && <StatusMessage>{savedText}</StatusMessage>}
      {renderError && error ? renderError(error) : <ErrorMessage error={error} />}
      {conflict && (
        <ConflictNotice
          theirs={theirs(conflict)}
          onKeepMine={onKeepMine}
          onTakeTheirs={() => { onTakeTheirs(conflict); saving.dismissConflict(); }}
        />
      )}
    </>
  );
}

/** The stored values of a conflict as label and value, the way the form names them. */
export function StoredFacts({ facts }: { facts: Array<[ReactNode, ReactNode]> }) {
  return (
    <dl className="ss-card-fields" data-testid="conflict-theirs">
      {facts.map(([name, value], index) => (
        <div key={index}><dt>{name}</dt><dd>{value}</dd></div>
      ))}
    </dl>
  );
}
