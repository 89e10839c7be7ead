import { useQuery } from '@tanstack/react-query';
import type { Page, RollupRunView } from '../../api/types';
import { api } from '../../api/client';

/** The newest roll-up runs; polled every second while one of them is running. */
export function useRollupRuns(limit: number) {
  return useQuery({
    queryKey: ['rollups', 'runs', limit],
    queryFn: () => api<Page<RollupRunView>>('/rollups/runs', { query: { limit } }),
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.status === 'running') ? 1000 : false,
  });
}
