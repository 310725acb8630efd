// A dossier's one-of-a-kind resources (story, referral, checklist, each measurement) share one
// rule (docs/api.md): the first PUT creates without If-Match; later PUTs need the current version,
// checked in the same UPDATE that writes.
import { PreconditionFailedError, PreconditionRequiredError } from '../../lib/errors.js';

export interface SingletonStore<Row extends { version: number }> {
  find(): Promise<Row | undefined>;
  insert(): Promise<Row>;
  updateIfVersion(version: number): Promise<Row | undefined>;
}

export async function putSingleton<Row extends { version: number }, View>(
  store: SingletonStore<Row>, version: number | undefined, toView: (row: Row) => View,
): Promise<{ created: boolean; view: View }> {
  const existing = await store.find();
  if (!existing) return { created: true, view: toView(await store.insert()) };
  if (version === undefined) throw new PreconditionRequiredError();
  const updated = await store.updateIfVersion(version);
  if (!updated) throw new PreconditionFailedError(toView(existing), existing.version);
  return { created: false, view: toView(updated) };
}
