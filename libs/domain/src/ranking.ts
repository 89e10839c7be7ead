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

/** How many subjects of a ranking have one total. */
export interface TotalCount {
  total: number;
  entries: number;
}

/** Where a page of a ranking lies: the totals it spans and the entries of `highest` before it. */
export interface PageWindow {
  highest: number;
  lowest: number;
  /** Entries with total `highest` that come before the page (in name, id order). */
  skip: number;
}

/**
 * Ranks read off the counts of each total (a histogram), the same ranks as rankEntries: a rank is
 * 1 + the number of subjects with a higher total, so equal totals share it and the next one
 * skips. A page is found by totals: the entries before it are counted, never listed.
 */
export class RankIndex {
  /** Totals highest first, and how many entries lie strictly above each. */
  private readonly totals: number[];
  private readonly counts: number[];
  private readonly above: number[];
  readonly size: number;

  /** How many distinct totals: the index's size in memory. */
  get buckets(): number {
    return this.totals.length;
  }

  constructor(counts: readonly TotalCount[]) {
    const sorted = counts.filter((c) => c.entries > 0).sort((a, b) => b.total - a.total);
    this.totals = sorted.map((c) => c.total);
    this.counts = sorted.map((c) => c.entries);
    this.above = [];
    let running = 0;
    for (const count of this.counts) {
      this.above.push(running);
      running += count;
    }
    this.size = running;
  }

  /**
   * The index after some totals gained or lost entries (one subject's change), without reading
   * the counts again: the same index as one built from the changed counts.
   */
  withChanges(changes: readonly { total: number; delta: number }[]): RankIndex {
    const totals = [...this.totals];
    const counts = [...this.counts];
    for (const { total, delta } of changes) {
      let low = 0;
      let high = totals.length;
      // The first bucket whose total is not above `total` (totals run highest first).
      while (low < high) {
        const mid = (low + high) >> 1;
        if (totals[mid] > total) low = mid + 1;
        else high = mid;
      }
      if (totals[low] === total) counts[low] += delta;
      else {
        totals.splice(low, 0, total);
        counts.splice(low, 0, delta);
      }
    }
    // Already in order: the constructor's sort costs little on sorted input.
    return new RankIndex(totals.map((total, i) => ({ total, entries: counts[i] })));
  }

  /** The rank of an entry with this total, or null when no entry has it. */
  rankOf(total: number): number | null {
    const i = this.indexOf(total);
    return i === -1 ? null : this.above[i] + 1;
  }

  /** topPercent of an entry with this total (SPEC §6), or null when no entry has it. */
  topPercentOf(total: number): number | null {
    const rank = this.rankOf(total);
    return rank === null ? null : topPercent(rank, this.size);
  }

  /** The totals that positions offset + 1 … offset + limit span; null past the end. */
  window(offset: number, limit: number): PageWindow | null {
    if (offset < 0 || limit < 1 || offset >= this.size) return null;
    const first = this.bucketOf(offset);
    const last = this.bucketOf(Math.min(offset + limit, this.size) - 1);
    return {
      highest: this.totals[first],
      lowest: this.totals[last],
      skip: offset - this.above[first],
    };
  }

  /** The bucket holding the entry at 0-based position `position`. */
  private bucketOf(position: number): number {
    let low = 0;
    let high = this.totals.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.above[mid] <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private indexOf(total: number): number {
    let low = 0;
    let high = this.totals.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.totals[mid] === total) return mid;
      if (this.totals[mid] > total) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}
