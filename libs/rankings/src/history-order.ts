import { parsePeriod } from '@app/domain';

/**
 * Newest first: by the quarter a period ends with, and among periods ending together the longer
 * first (2025, 2025-H2, 2025-Q4, 2025-Q3, 2025-H1, 2025-Q2, 2025-Q1).
 */
export function historyOrder<T extends { period: string }>(items: T[]): T[] {
  const key = (period: string): [number, number] => {
    const p = parsePeriod(period);
    if (!p) return [0, 0];
    const lastQuarter = p.kind === 'year' ? 4 : p.kind === 'half' ? 2 * p.index : p.index;
    const length = p.kind === 'year' ? 4 : p.kind === 'half' ? 2 : 1;
    return [p.year * 4 + lastQuarter, length];
  };
  return [...items].sort((a, b) => {
    const [endA, lengthA] = key(a.period);
    const [endB, lengthB] = key(b.period);
    return endB - endA || lengthB - lengthA;
  });
}
