import { Rational } from './decimal';

// SPEC §6 ranking: highest total first; equal totals share a rank and the next rank skips
// (1, 2, 2, 4). Ties are listed by name, then id, so that lists are stable.

export interface RankInput {
  subjectId: number;
  name: string;
  total: number;
}

export interface Ranked extends RankInput {
  rank: number;
  /** 100 × rank / N, rounded half up to one decimal. */
  topPercent: number;
}

/**
 * The entries ranked, in display order. Names compare by UTF-16 code units (plain `<`), never
 * localeCompare: the same order must come out of SQL with a binary collation.
 */
export function rankEntries(entries: readonly RankInput[]): Ranked[] {
  const sorted = [...entries].sort(compareEntries);
  const ranked: Ranked[] = [];
  sorted.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const rank = previous !== undefined && previous.total === entry.total ? previous.rank : i + 1;
    ranked.push({ ...entry, rank, topPercent: topPercent(rank, sorted.length) });
  });
  return ranked;
}

export function compareEntries(a: RankInput, b: RankInput): number {
  if (a.total !== b.total) return b.total - a.total;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.subjectId - b.subjectId;
}

/** 100 × rank / rankedOf, exactly, rounded half up to one decimal: 1 of 8 → 12.5, 1 of 3 → 33.3. */
export function topPercent(rank: number, rankedOf: number): number {
  if (!Number.isSafeInteger(rank) || !Number.isSafeInteger(rankedOf) || rank < 1 || rank > rankedOf)
    throw new RangeError(`Rank ${rank} of ${rankedOf} is not a rank`);
  return Rational.fraction(100 * rank, rankedOf).toNumber(1);
}

/** previousRank − rank: positive when the subject moved up; null when it was not ranked before. */
export function movementOf(previousRank: number | null, rank: number): number | null {
  return previousRank === null || previousRank === undefined ? null : previousRank - rank;
}
