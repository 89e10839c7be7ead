import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import { Transactions } from '@app/core';
import { movementOf, RankIndex, topPercent } from '@app/domain';
import { groupBy } from './group-by';
import { RankingVersions } from './ranking-versions.service';
import {
  readHistory,
  readRange,
  readTotals,
  type RankingScope,
  type ScopeKind,
  type SubjectType,
  type SyncedTotals,
  type TotalKey,
} from './rankings.queries';

/** An entry of a ranking with its rank (SPEC §6). */
export interface RankedEntry {
  rank: number;
  subjectId: number;
  name: string;
  agencyId: number;
  unitId: number | null;
  category: string | null;
  total: number;
  grade: string;
  topPercent: number;
  previousRank: number | null;
  movement: number | null;
}

export interface RankedPage {
  /** N: the subjects ranked. */
  total: number;
  items: RankedEntry[];
}

/** A page held with the versions it was read (or carried) at. */
interface HeldPage {
  version: number;
  previousVersion: number;
  page: RankedPage;
}

export interface RankedHistoryItem {
  period: string;
  rank: number;
  rankedOf: number;
  total: number;
  grade: string;
}

/** Bounds of the caches: pages and histories by entries held, rank indexes by totals held. */
const PAGE_CACHE_ENTRIES = 50_000;
const INDEX_CACHE_TOTALS = 500_000;
/** Pages held to be carried to newer versions (by entries held), and versions of touched totals kept. */
const NEWEST_PAGE_ENTRIES = 20_000;
const RECENT_VERSIONS = 200;

const scopeKey = (s: RankingScope) =>
  `${s.period}|${s.subjectType}|${s.kind}|${s.scopeId}|${s.category ?? ''}`;

/** Where newestPages holds a page: its scope, previous period, offset and limit. */
const slotOf = (scope: RankingScope, previousPeriod: string, offset: number, limit: number) =>
  `${scopeKey(scope)}|${previousPeriod}|${offset}|${limit}`;

/** An entry's rank, topPercent and movement, read off its scope's index (SPEC §6). */
function placeOf(index: RankIndex, total: number, previousRank: number | null) {
  const rank = index.rankOf(total) ?? 0;
  return {
    rank,
    topPercent: topPercent(rank, index.size),
    movement: movementOf(previousRank, rank),
  };
}

/**
 * Reads rankings: a page is a range of totals found with the scope's RankIndex, its ranks and
 * previous ranks read off the indexes of this period and the previous one. Pages, histories and
 * indexes are cached in memory under the versions of the rankings they were read from, so any
 * change (a newer version, here or from another instance) stops them being served, and a read
 * of an unchanged ranking costs no query. The reads of one miss share one snapshot (MariaDB).
 */
@Injectable()
export class RankingReader {
  private readonly pages = new LRUCache<string, RankedPage | RankedHistoryItem[]>({
    maxSize: PAGE_CACHE_ENTRIES,
    sizeCalculation: (value) => 1 + (Array.isArray(value) ? value.length : value.items.length),
  });
  /** Pages being read from the database, by cache key. */
  private readonly loadingPages = new Map<string, Promise<RankedPage>>();
  private readonly indexes = new LRUCache<string, { version: number; index: RankIndex }>({
    maxSize: INDEX_CACHE_TOTALS,
    sizeCalculation: (value) => 1 + value.index.buckets,
  });
  /** The newest page held of each scope, offset and limit, whatever its version. */
  private readonly newestPages = new LRUCache<string, HeldPage>({
    maxSize: NEWEST_PAGE_ENTRIES,
    sizeCalculation: (held) => 1 + held.page.items.length,
  });
  /** The totals touched by the versions this instance made lately, by ranking and version. */
  private readonly recentlyTouched = new Map<string, Map<number, TotalKey[]>>();

  constructor(
    private readonly transactions: Transactions,
    private readonly versions: RankingVersions,
  ) {}

  /**
   * One page of a ranking, in display order, with the number of subjects ranked. Exports read
   * chunks with `cache: false`: they would only push the pages people read out of the cache.
   */
  async page(
    scope: RankingScope,
    previousPeriod: string,
    offset: number,
    limit: number,
    options: { cache?: boolean } = {},
  ): Promise<RankedPage> {
    const cache = options.cache ?? true;
    const known = this.cacheKey(scope, previousPeriod, `${offset}|${limit}`);
    if (!cache) return this.loadPage(scope, previousPeriod, offset, limit, false);
    const hit = this.pages.get(known) as RankedPage | undefined;
    if (hit) return hit;
    const carried = this.carried(scope, previousPeriod, offset, limit);
    if (carried) {
      this.pages.set(known, carried);
      return carried;
    }
    // One load per page and version however many read it at once: after each change, the
    // readers of a popular page would otherwise all read the same totals together.
    const loading = this.loadingPages.get(known);
    if (loading) return loading;
    const load = this.loadPage(scope, previousPeriod, offset, limit, true).finally(() =>
      this.loadingPages.delete(known),
    );
    this.loadingPages.set(known, load);
    return load;
  }

  private async loadPage(
    scope: RankingScope,
    previousPeriod: string,
    offset: number,
    limit: number,
    cache: boolean,
  ): Promise<RankedPage> {
    const { page, versions } = await this.consistently(async (manager) => {
      const versions = await this.readVersionsOf(manager, scope.subjectType, [
        scope.period,
        previousPeriod,
      ]);
      const index = await this.indexOf(manager, scope, versions.get(scope.period) ?? 0);
      const window = index.window(offset, limit);
      if (!window) return { page: { total: index.size, items: [] }, versions };
      const rows = await readRange(manager, this.transactions.dialect, scope, previousPeriod, {
        ...window,
        limit,
      });
      const previous = rows.some((row) => row.previous_total !== null)
        ? await this.indexOf(
            manager,
            { ...scope, period: previousPeriod },
            versions.get(previousPeriod) ?? 0,
          )
        : null;
      const items = rows.map((row): RankedEntry => {
        const total = Number(row.total);
        const previousRank =
          previous && row.previous_total !== null
            ? previous.rankOf(Number(row.previous_total))
            : null;
        const { rank, ...place } = placeOf(index, total, previousRank);
        return {
          rank,
          subjectId: Number(row.subject_id),
          name: row.name,
          agencyId: Number(row.agency_id),
          unitId: row.unit_id === null ? null : Number(row.unit_id),
          category: row.category,
          total,
          grade: row.grade,
          topPercent: place.topPercent,
          previousRank,
          movement: place.movement,
        };
      });
      return { page: { total: index.size, items }, versions };
    });
    if (!cache) return page;
    const version = versions.get(scope.period) ?? 0;
    const previousVersion = versions.get(previousPeriod) ?? 0;
    this.pages.set(
      [scopeKey(scope), version, previousVersion, `${offset}|${limit}`].join('|'),
      page,
    );
    const slot = slotOf(scope, previousPeriod, offset, limit);
    if ((this.newestPages.get(slot)?.version ?? -1) < version)
      this.newestPages.set(slot, { version, previousVersion, page });
    return page;
  }

  /**
   * The page at the version this instance knows, carried from the newest page it holds when
   * every change since touched only totals below the page: its rows and their ranks are as they
   * were, N and topPercent are read off the scope's index. Null when that cannot be told (a
   * change made by another instance, one at or above the page's lowest total, a page not full,
   * a new previous period): the page is read.
   */
  private carried(
    scope: RankingScope,
    previousPeriod: string,
    offset: number,
    limit: number,
  ): RankedPage | null {
    const slot = slotOf(scope, previousPeriod, offset, limit);
    const held = this.newestPages.get(slot);
    const version = this.versions.get(scope.period, scope.subjectType);
    const previousVersion = this.versions.get(previousPeriod, scope.subjectType);
    if (!held || held.version >= version || held.previousVersion !== previousVersion) return null;
    const items = held.page.items;
    if (items.length < limit) return null;
    const lowest = items[items.length - 1].total;
    const log = this.recentlyTouched.get(`${scope.period}|${scope.subjectType}`);
    const category = scope.category ?? '';
    for (let step = held.version + 1; step <= version; step++) {
      const totals = log?.get(step);
      if (!totals) return null;
      const touched = totals.some(
        (d) =>
          d.scope_kind === scope.kind &&
          d.scope_id === scope.scopeId &&
          d.category === category &&
          d.total >= lowest,
      );
      if (touched) return null;
    }
    const index = this.indexes.get(scopeKey(scope));
    if (!index || index.version !== version) return null;
    const page: RankedPage = {
      total: index.index.size,
      items: items.map((item) => ({
        ...item,
        ...placeOf(index.index, item.total, item.previousRank),
      })),
    };
    this.newestPages.set(slot, { version, previousVersion, page });
    return page;
  }

  /** A subject's rank in every period it was ranked in, in one scope kind (any order). */
  async history(
    subjectType: SubjectType,
    subjectId: number,
    kind: ScopeKind,
  ): Promise<RankedHistoryItem[]> {
    const key = (sum: number) => `history|${subjectType}|${subjectId}|${kind}|${sum}`;
    const hit = this.pages.get(key(this.versions.sum(subjectType))) as
      RankedHistoryItem[] | undefined;
    if (hit) return hit;
    const { items, sum } = await this.consistently(async (manager) => {
      const versions = await this.readVersionsOf(manager, subjectType);
      const rows = await readHistory(manager, subjectType, subjectId, kind);
      const items: RankedHistoryItem[] = [];
      for (const row of rows) {
        const scope = { period: row.period, subjectType, kind, scopeId: Number(row.scope_id) };
        const index = await this.indexOf(manager, scope, versions.get(row.period) ?? 0);
        const rank = index.rankOf(Number(row.total));
        if (rank === null) continue;
        items.push({
          period: row.period,
          rank,
          rankedOf: index.size,
          total: Number(row.total),
          grade: row.grade,
        });
      }
      const sum = [...versions.values()].reduce((a, b) => a + b, 0);
      return { items, sum };
    });
    this.pages.set(key(sum), items);
    return items;
  }

  private cacheKey(scope: RankingScope, previousPeriod: string, rest: string): string {
    return [
      scopeKey(scope),
      this.versions.get(scope.period, scope.subjectType),
      this.versions.get(previousPeriod, scope.subjectType),
      rest,
    ].join('|');
  }

  /**
   * Changes this instance committed took a ranking from `version - 1` to `version`, moving the
   * counters by `deltas`: every index held at `version - 1` is brought to `version` in memory
   * (those of scopes the changes left alone keep their counts), so that reading the changes
   * costs the page's own rows, not the scope's counters again; the totals they `touched` are
   * kept a while, for pages to be carried over them. Indexes at other versions are left to be
   * read again.
   */
  advance(period: string, subjectType: SubjectType, version: number, changes: SyncedTotals): void {
    const ranking = `${period}|${subjectType}`;
    const log = this.recentlyTouched.get(ranking) ?? new Map<number, TotalKey[]>();
    log.set(version, changes.touched);
    // Maps keep their order of insertion: the first key is the oldest version.
    if (log.size > RECENT_VERSIONS) log.delete(log.keys().next().value as number);
    this.recentlyTouched.set(ranking, log);
    const byScope = groupBy(
      changes.deltas,
      (d) => `${ranking}|${d.scope_kind}|${d.scope_id}|${d.category}`,
    );
    const advanced: [string, RankIndex][] = [];
    for (const [key, held] of this.indexes.entries()) {
      if (!key.startsWith(`${ranking}|`) || held.version !== version - 1) continue;
      const moves = byScope.get(key);
      if (moves) advanced.push([key, held.index.withChanges(moves)]);
      else held.version = version;
    }
    for (const [key, index] of advanced) this.indexes.set(key, { version, index });
  }

  /** The scope's RankIndex at `version`, from the cache or ranking_totals. */
  private async indexOf(
    manager: EntityManager,
    scope: RankingScope,
    version: number,
  ): Promise<RankIndex> {
    const key = scopeKey(scope);
    const cached = this.indexes.get(key);
    if (cached && cached.version === version) return cached.index;
    const index = new RankIndex(await readTotals(manager, scope));
    if (!cached || cached.version < version) this.indexes.set(key, { version, index });
    return index;
  }

  /** The versions of some (or all) periods of a subject type, as this read sees them. */
  private async readVersionsOf(
    manager: EntityManager,
    subjectType: SubjectType,
    periods?: string[],
  ): Promise<Map<string, number>> {
    const rows = (await manager.query(
      `SELECT period, version FROM ranking_snapshots WHERE subject_type = ?${
        periods ? ` AND period IN (${periods.map(() => '?').join(', ')})` : ''
      }`,
      [subjectType, ...(periods ?? [])],
    )) as { period: string; version: number | string }[];
    const versions = new Map<string, number>();
    for (const row of rows) {
      versions.set(row.period, Number(row.version));
      this.versions.learn(row.period, subjectType, Number(row.version));
    }
    return versions;
  }

  /** The reads of one miss in one snapshot on MariaDB; SQLite has a single connection. */
  private consistently<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const dataSource = this.transactions.dataSource;
    return this.transactions.dialect === 'mysql'
      ? dataSource.transaction(work)
      : work(dataSource.manager);
  }
}
