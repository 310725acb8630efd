// The resident's own dossier. Almost every resident has one; with more, the newest is shown
// (an older one is a closed earlier attempt). The id never has to be typed or shown.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useMyDossierId() {
  return useQuery({
    queryKey: ['dossiers', 'mine'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/dossiers', { params: { query: { limit: 200 } } }));
      const newest = [...page.items].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
      return newest?.id ?? null;
    },
  });
}

export function useDossier(id: string | null | undefined) {
  return useQuery({
    queryKey: ['dossier', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}', { params: { path: { id: id! } } })),
  });
}
