// Views of rows made once per row object. A kept view built again after this process's write of one
// row (src/modules/dossiers/view-patch.ts) holds the same row objects as before except the written
// one, so only that row is decrypted and shaped again; in a profile of the web app's save step the
// unchanged rows' decryption was half of building the two views again. The views are kept exactly
// as long as the kept view they belong to, and for the same dossier, key and day.
export type RowViews = WeakMap<object, unknown>;

/** `rows.map(view)`, taking each row's view from `made` when it holds one and keeping new ones there. */
export function viewsOfRows<R extends object, V>(rows: readonly R[], view: (row: R) => V, made: RowViews | undefined): V[] {
  if (made === undefined) return rows.map(view);
  const views = new Array<V>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as R;
    let shown = made.get(row) as V | undefined;
    if (shown === undefined) {
      shown = view(row);
      made.set(row, shown);
    }
    views[i] = shown;
  }
  return views;
}
