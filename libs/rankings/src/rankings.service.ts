import { Injectable } from '@nestjs/common';
import {
  Actor,
  agencyFilterFor,
  assertInScope,
  Forbidden,
  isCityWide,
  NotFound,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { AgencyEntity, UnitEntity } from '@app/org';
import {
  RankingHistoryQueryDto,
  RankingHistoryView,
  RankingPageView,
  RankingQueryDto,
} from './dto/ranking.dto';
import { historyOrder } from './history-order';
import { parsePeriod, previousPeriod } from '@app/domain';
import { RankingSnapshotsService } from './ranking-snapshots.service';
import { RankingReader } from './ranking-reader.service';
import {
  agencyOfPerson,
  type RankingScope,
  type ScopeKind,
  type SubjectType,
} from './rankings.queries';

/** A subject's place in one period's ranking; nulls when it was not ranked then. */
export interface PeriodRank {
  period: string;
  rank: number | null;
  rankedOf: number | null;
  total: number | null;
  grade: string | null;
}

/** Rankings of a period and scope (SPEC §6), read from the snapshot; scopes of SPEC §2. */
@Injectable()
export class RankingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly snapshots: RankingSnapshotsService,
    private readonly reader: RankingReader,
  ) {}

  /** Agencies are deactivated, never deleted: one that existed once is not looked up again. */
  private readonly knownAgencies = new Set<number>();
  private readonly knownUnits = new Map<number, { id: number; agencyId: number }>();

  async list(actor: Actor, query: RankingQueryDto): Promise<RankingPageView> {
    const period = parsePeriod(query.period);
    if (!period) throw ValidationFailed.field('period', 'must be YYYY-Qn, YYYY-Hn or YYYY');
    const { kind, scopeId } = await this.scopeOf(actor, query);
    const scope: RankingScope = {
      period: period.key,
      subjectType: query.subjectType,
      kind,
      scopeId,
      category: query.category,
    };
    await this.snapshots.ensureFresh(period.key, query.subjectType);
    const { total, items } = await this.reader.page(
      scope,
      previousPeriod(period.key),
      query.offset,
      query.limit,
    );
    return {
      period: period.key,
      subjectType: query.subjectType,
      scope: { kind, id: kind === 'city' ? null : scopeId, category: query.category ?? null },
      total,
      limit: query.limit,
      offset: query.offset,
      items,
    };
  }

  async history(actor: Actor, query: RankingHistoryQueryDto): Promise<RankingHistoryView> {
    const manager = this.transactions.dataSource.manager;
    let kind: ScopeKind = 'city';
    if (query.subjectType === 'agency') {
      if (query.scope !== undefined && query.scope !== 'city')
        throw ValidationFailed.field('scope', 'agencies are ranked city-wide only');
      if (!(await manager.getRepository(AgencyEntity).existsBy({ id: query.subjectId })))
        throw new NotFound('Agency', query.subjectId);
    } else {
      // One indexed read of the agency, no entity built: a history is read often (a dashboard).
      const agencyId = await agencyOfPerson(manager, query.subjectId);
      if (agencyId === undefined) throw new NotFound('Person', query.subjectId);
      assertInScope(actor, agencyId);
      kind = query.scope ?? 'agency';
      if (kind === 'city' && !isCityWide(actor))
        throw new Forbidden('City-wide rankings of people are read by city-wide roles only');
    }
    await this.snapshots.versionsKnown();
    const items = await this.reader.history(query.subjectType, query.subjectId, kind);
    return { items: historyOrder(items) };
  }

  /**
   * A subject's rank in its default scope (agencies city-wide, people in their agency) in each
   * of the periods, in the order given, null where it was not ranked. For callers that already
   * checked the subject's scope (a dashboard's trend line).
   */
  async ranksIn(
    subjectType: SubjectType,
    subjectId: number,
    periods: readonly string[],
  ): Promise<PeriodRank[]> {
    await Promise.all(periods.map((period) => this.snapshots.ensureFresh(period, subjectType)));
    const kind: ScopeKind = subjectType === 'agency' ? 'city' : 'agency';
    const items = await this.reader.history(subjectType, subjectId, kind);
    const byPeriod = new Map(items.map((item) => [item.period, item]));
    return periods.map((period) => {
      const item = byPeriod.get(period);
      return {
        period,
        rank: item?.rank ?? null,
        rankedOf: item?.rankedOf ?? null,
        total: item?.total ?? null,
        grade: item?.grade ?? null,
      };
    });
  }

  /** The scope a ranking request names, checked against the caller's scope (SPEC §2). */
  private async scopeOf(
    actor: Actor,
    query: RankingQueryDto,
  ): Promise<{ kind: ScopeKind; scopeId: number }> {
    const manager = this.transactions.dataSource.manager;
    if (query.subjectType === 'agency') {
      for (const field of ['agencyId', 'unitId', 'category'] as const) {
        if (query[field] !== undefined)
          throw ValidationFailed.field(field, 'agencies are ranked city-wide only');
      }
      return { kind: 'city', scopeId: 0 };
    }
    if (query.unitId !== undefined) {
      const unit = await this.unitOf(query.unitId);
      if (!unit) throw new NotFound('Unit', query.unitId);
      if (query.agencyId !== undefined && query.agencyId !== unit.agencyId)
        throw ValidationFailed.field(
          'unitId',
          `unit ${unit.id} does not belong to agency ${query.agencyId}`,
        );
      assertInScope(actor, unit.agencyId);
      return { kind: 'unit', scopeId: unit.id };
    }
    const agencyId = agencyFilterFor(actor, query.agencyId);
    if (agencyId === undefined) return { kind: 'city', scopeId: 0 };
    if (!this.knownAgencies.has(agencyId)) {
      if (!(await manager.getRepository(AgencyEntity).existsBy({ id: agencyId })))
        throw new NotFound('Agency', agencyId);
      this.knownAgencies.add(agencyId);
    }
    return { kind: 'agency', scopeId: agencyId };
  }

  /** A unit's agency; units are never deleted nor moved between agencies, so it is kept. */
  private async unitOf(unitId: number): Promise<{ id: number; agencyId: number } | null> {
    const known = this.knownUnits.get(unitId);
    if (known) return known;
    const unit = await this.transactions.dataSource
      .getRepository(UnitEntity)
      .findOneBy({ id: unitId });
    if (!unit) return null;
    const entry = { id: unit.id, agencyId: unit.agencyId };
    this.knownUnits.set(unitId, entry);
    return entry;
  }
}
