import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '@app/core';
import { DemoContext, DemoSeeder } from '@app/demo';
import { quartersOf } from '@app/domain';
import { instantString, RankingSnapshotsService } from '@app/rankings';
import { RollupRunEntity } from '../rollup-run.entity';
import { finishRun, replaceRollups } from '../rollups.queries';

/** The halves and years of the demo: last year's, and this year's first half once it is over. */
export function demoRollupPeriods(now: Date): string[] {
  const year = now.getUTCFullYear();
  const periods = [`${year - 1}-H1`, `${year - 1}-H2`, `${year - 1}`];
  if (now.getUTCMonth() >= 6) periods.push(`${year}-H1`);
  return periods;
}

/**
 * Demo data of this feature: the roll-ups of the demo's halves and year, recorded as succeeded
 * runs, and the rankings of every demo quarter, written inside the seed's transaction so that
 * rankings, candidates and exports show something at once (and the start-up catch-up, which runs
 * after the seed, finds nothing missed).
 */
@Injectable()
export class RollupsDemo implements OnModuleInit {
  constructor(
    private readonly demo: DemoSeeder,
    private readonly transactions: Transactions,
    private readonly snapshots: RankingSnapshotsService,
  ) {}

  onModuleInit(): void {
    this.demo.addStep({
      name: 'roll-ups and rankings',
      order: 20,
      run: (manager, context) => this.seed(manager, context),
    });
  }

  async seed(manager: EntityManager, context: DemoContext): Promise<void> {
    const quarters: { period: string }[] = await manager.query(
      "SELECT DISTINCT period FROM evaluations WHERE status = 'approved' ORDER BY period",
    );
    for (const { period } of quarters) {
      await this.snapshots.refreshIn(manager, period, 'person');
      await this.snapshots.refreshIn(manager, period, 'agency');
    }
    for (const period of demoRollupPeriods(context.now)) {
      const runs = manager.getRepository(RollupRunEntity);
      const run = await runs.save(
        runs.create({
          period,
          trigger: 'manual',
          status: 'running',
          activePeriod: period,
          startedAt: context.now,
          finishedAt: null,
          leaseUntil: null,
          subjects: null,
          error: null,
          createdBy: null,
        }),
      );
      const subjects = await replaceRollups(
        manager,
        this.transactions.dialect,
        period,
        quartersOf(period),
        run.id,
      );
      await this.snapshots.refreshIn(manager, period, 'person');
      await this.snapshots.refreshIn(manager, period, 'agency');
      await finishRun(manager, run.id, 'succeeded', instantString(new Date()), subjects, null);
    }
  }
}
