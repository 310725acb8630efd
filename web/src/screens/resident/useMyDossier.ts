// The resident's own dossier. Almost every resident has one; with more (an earlier attempt, or a
// new start), the newest is shown until the resident picks another with DossierChoice. The choice
// lives in this tab's memory only (not the URL, not web storage) and is gone after sign-out.
import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type MyDossier = Schemas['DossierListItem'];

let chosen: string | undefined;
const listeners = new Set<() => void>();

export function chooseDossier(id: string): void {
  chosen = id;
  for (const listener of listeners) listener();
}

function useChosen(): string | undefined {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, () => chosen);
}

/** All of the resident's dossiers, newest first. */
export function useMyDossiers() {
  return useQuery({
    queryKey: ['dossiers', 'mine'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/dossiers', { params: { query: { limit: 200 } } }));
      return [...page.items].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    },
  });
}

/** The dossier the resident's pages show: the chosen one while it is still theirs, else the newest. */
export function useMyDossierId() {
  const list = useMyDossiers();
  const wanted = useChosen();
  const items = list.data;
  const id = items === undefined ? undefined : (items.find((item) => item.id === wanted) ?? items[0])?.id ?? null;
  return { ...list, data: id, all: items ?? [] };
}

export function useDossier(id: string | null | undefined) {
  return useQuery({
    queryKey: ['dossier', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}', { params: { path: { id: id! } } })),
  });
}
