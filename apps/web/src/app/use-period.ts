import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { PeriodKind } from '@app/domain';
import { defaultPeriod, kindOf, type PeriodDefault } from './periods';

/**
 * The period chosen in the header, kept in the URL (`?period=2025-Q4`) so that a link opens the
 * same view. A page that takes only some kinds gets the default period of its first kind when
 * the URL names another (`opensOn`: the page's `periodDefault` in pages.tsx).
 */
export function usePeriod(
  kinds: readonly PeriodKind[] = ['quarter', 'half', 'year'],
  opensOn: PeriodDefault = 'current',
) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const askedKind = asked ? kindOf(asked) : null;
  const period =
    asked && askedKind && kinds.includes(askedKind)
      ? asked
      : defaultPeriod(kinds[0], undefined, opensOn);
  const setPeriod = useCallback(
    (key: string) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        next.set('period', key);
        // A new period starts at the first page of whatever list is shown.
        next.delete('page');
        return next;
      }),
    [setParams],
  );
  return [period, setPeriod] as const;
}
