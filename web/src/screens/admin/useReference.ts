import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { allPages } from '../../lib/pages';

export function useLocations() {
  return useQuery({
    queryKey: ['locations'],
    queryFn: () => allPages((cursor) => unwrap(api.GET('/api/v1/locations', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }))),
  });
}
