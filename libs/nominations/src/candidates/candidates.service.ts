import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  Actor,
  agencyFilterFor,
  appConfig,
  type AppConfig,
  Forbidden,
  isCityWide,
  NotFound,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { isRollupPeriod, quartersOf } from '@app/domain';
import { AgencyEntity } from '@app/org';
import { RankingSnapshotsService } from '@app/rankings';
import { ExemplaryQueryDto, ExemplaryView } from '../dto/exemplary.dto';
import { judgeRow, type JudgedSubject, splitVerdicts } from './candidate-verdicts';
import { type NomineeKind, readCandidateRows } from './candidates.queries';

/** Exemplary candidates of a half or a year (SPEC §7). */
@Injectable()
export class CandidatesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly snapshots: RankingSnapshotsService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** The top share of a ranking scope that may be exemplary (configurable). */
  shareOf(subjectType: NomineeKind): number {
    return this.config.candidateShare[subjectType];
  }

  async list(actor: Actor, query: ExemplaryQueryDto): Promise<ExemplaryView> {
    const period = assertRollupPeriod(query.period);
    const agencyId = await this.scopeOf(actor, query.subjectType, query.agencyId);
    await this.snapshots.ensureFresh(period, query.subjectType);
    const judged = await this.judge(this.transactions.dataSource.manager, {
      period,
      subjectType: query.subjectType,
      agencyId,
    });
    const { items, nearMisses } = splitVerdicts(judged);
    return {
      period,
      subjectType: query.subjectType,
      agencyId: agencyId ?? null,
      share: this.shareOf(query.subjectType),
      items,
      ...(query.nearMisses ? { nearMisses } : {}),
    };
  }

  /**
   * Every subject with a roll-up of the period (in one agency, or one subject), judged. Reads on
   * the given manager, so a use case can judge inside its transaction.
   */
  async judge(
    manager: EntityManager,
    filter: { period: string; subjectType: NomineeKind; agencyId?: number; subjectId?: number },
  ): Promise<JudgedSubject[]> {
    const rows = await readCandidateRows(manager, {
      ...filter,
      quarters: quartersOf(filter.period),
    });
    const share = this.shareOf(filter.subjectType);
    return rows.map((row) => judgeRow(row, filter.period, filter.subjectType, share));
  }

  /** Waits for a pending ranking refresh of the period, so ranks match the roll-ups. */
  ensureRanksFresh(period: string, subjectType: NomineeKind): Promise<void> {
    return this.snapshots.ensureFresh(period, subjectType);
  }

  /**
   * People: agency-bound callers read their own agency; city-wide callers the city or one agency.
   * Agencies are judged city-wide, for city-wide callers only.
   */
  private async scopeOf(
    actor: Actor,
    subjectType: NomineeKind,
    requested: number | undefined,
  ): Promise<number | undefined> {
    if (subjectType === 'agency') {
      if (requested !== undefined)
        throw ValidationFailed.field('agencyId', 'agencies are judged city-wide only');
      if (!isCityWide(actor))
        throw new Forbidden('Agency candidates are read by city-wide roles only');
      return undefined;
    }
    const agencyId = agencyFilterFor(actor, requested);
    if (agencyId !== undefined) {
      const exists = await this.transactions.dataSource.manager
        .getRepository(AgencyEntity)
        .existsBy({ id: agencyId });
      if (!exists) throw new NotFound('Agency', agencyId);
    }
    return agencyId;
  }
}

/** A half or a year, or 400: candidates come from roll-ups. */
export function assertRollupPeriod(period: string, field = 'period'): string {
  if (!isRollupPeriod(period))
    throw ValidationFailed.field(field, 'must be a half YYYY-H1, YYYY-H2 or a year YYYY');
  return period;
}
