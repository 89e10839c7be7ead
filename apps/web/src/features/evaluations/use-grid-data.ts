import { useQuery } from '@tanstack/react-query';
import { fetchAll } from '../shared/fetch-all';
import type {
  CriteriaSetView,
  EvaluationView,
  IncidentView,
  PeriodView,
  PersonView,
} from '../../api/types';

/** The newest published criteria set for a target, the one new evaluations are made with. */
export function useNewestSet(target: 'person' | 'agency') {
  return useQuery({
    queryKey: ['criteria-sets', 'newest', target],
    queryFn: async () => {
      const sets = await fetchAll<CriteriaSetView>('/criteria-sets', {
        target,
        status: 'published',
      });
      const newest = [...sets].sort(
        (a, b) =>
          String(b.publishedAt ?? '').localeCompare(String(a.publishedAt ?? '')) || b.id - a.id,
      )[0];
      return newest ?? null;
    },
    staleTime: 5 * 60_000,
  });
}

/** Whether a quarter is closed (closed quarters take no change). */
export function usePeriodClosed(period: string) {
  return useQuery({
    queryKey: ['periods', 'closed'],
    queryFn: () => fetchAll<PeriodView>('/periods', { status: 'closed' }),
    select: (closed) => closed.some((p) => p.key === period),
  });
}

/** Everything the grid of one agency and quarter is built from, in four requests. */
export function useGridData(agencyId: number | null, period: string) {
  const people = useQuery({
    queryKey: ['people', 'all', agencyId],
    queryFn: () => fetchAll<PersonView>('/people', { agencyId, active: true }),
    enabled: agencyId !== null,
  });
  const evaluations = useQuery({
    queryKey: ['evaluations', 'grid', agencyId, period],
    queryFn: () =>
      fetchAll<EvaluationView>('/evaluations', { agencyId, period, subjectType: 'person' }),
    enabled: agencyId !== null,
  });
  const incidents = useQuery({
    queryKey: ['evaluations', 'incidents', agencyId, period],
    queryFn: () =>
      fetchAll<IncidentView>('/incidents', { agencyId, period, subjectType: 'person' }),
    enabled: agencyId !== null,
  });
  return { people, evaluations, incidents };
}
