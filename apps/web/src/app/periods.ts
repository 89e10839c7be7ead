import { parsePeriod, quarterOfDate, type PeriodKind } from '@app/domain';

/** The first year the period picker offers. */
export const FIRST_YEAR = 2024;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The quarter we are in: what an HR officer is entering now. */
export function currentQuarter(now = today()): string {
  return quarterOfDate(now);
}

/**
 * Which period a page opens on: `current` (the quarter being entered and approved now) or `ended`
 * (the newest period that has ended: results are complete only once a period is over).
 */
export type PeriodDefault = 'current' | 'ended';

/** The quarter before the one we are in. */
export function lastEndedQuarter(now = today()): string {
  const quarter = parsePeriod(currentQuarter(now))!;
  return quarter.index > 1 ? `${quarter.year}-Q${quarter.index - 1}` : `${quarter.year - 1}-Q4`;
}

/** The period of a kind a page opens on; halves and years are rolled up only once they end. */
export function defaultPeriod(
  kind: PeriodKind,
  now = today(),
  opensOn: PeriodDefault = 'current',
): string {
  const quarter = parsePeriod(currentQuarter(now))!;
  if (kind === 'quarter') return opensOn === 'ended' ? lastEndedQuarter(now) : currentQuarter(now);
  // A half or a year is rolled up once it has ended: the newest one that has.
  if (kind === 'half') return quarter.index > 2 ? `${quarter.year}-H1` : `${quarter.year - 1}-H2`;
  return String(quarter.year - 1);
}

/** Every period from FIRST_YEAR that has started, newest first, grouped by year. */
export function periodChoices(
  kinds: readonly PeriodKind[],
  now = today(),
): { year: number; keys: string[] }[] {
  const current = parsePeriod(currentQuarter(now))!;
  const groups: { year: number; keys: string[] }[] = [];
  for (let year = current.year; year >= FIRST_YEAR; year--) {
    const lastQuarter = year === current.year ? current.index : 4;
    const keys: string[] = [];
    if (kinds.includes('year')) keys.push(String(year));
    if (kinds.includes('half')) {
      if (lastQuarter >= 3) keys.push(`${year}-H2`);
      keys.push(`${year}-H1`);
    }
    if (kinds.includes('quarter')) {
      for (let q = lastQuarter; q >= 1; q--) keys.push(`${year}-Q${q}`);
    }
    groups.push({ year, keys });
  }
  return groups;
}

export function kindOf(key: string): PeriodKind | null {
  return parsePeriod(key)?.kind ?? null;
}
