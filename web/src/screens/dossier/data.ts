// Queries and cache keys of one dossier. Every write invalidates the dossier, its overview and
// its settlement, so the live overview beside the forms always shows what the server computed.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Dossier = Schemas['Dossier'];
export type Debt = Schemas['Debt'];
export type Income = Schemas['Income'];
export type Expense = Schemas['Expense'];
export type Overview = Schemas['Overview'];

export const keys = {
  dossier: (id: string) => ['dossier', id] as const,
  overview: (id: string) => ['dossier', id, 'overview'] as const,
  settlement: (id: string, months: number) => ['dossier', id, 'settlement', months] as const,
  story: (id: string) => ['dossier', id, 'story'] as const,
  measurements: (id: string) => ['dossier', id, 'measurements'] as const,
};

export function useDossier(id: string) {
  return useQuery({
    queryKey: keys.dossier(id),
    queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}', { params: { path: { id } } })),
  });
}

export function useOverview(id: string) {
  return useQuery({
    queryKey: keys.overview(id),
    queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}/overview', { params: { path: { id } } })),
  });
}

/** After any write: the dossier and everything computed from it (overview, settlement) reload. */
export function useRefreshDossier(id: string) {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['dossier', id] }),
    client.invalidateQueries({ queryKey: ['dossiers'] }),
  ]);
}

export const idempotencyKey = () => ({ header: { 'idempotency-key': crypto.randomUUID() } });
