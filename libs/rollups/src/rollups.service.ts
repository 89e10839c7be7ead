import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { THIDUA_DEFAULTS } from '@app/config';
import { Page, pageOf, RollupRunning, Transactions, ValidationFailed } from '@app/core';
import { parsePeriod, quartersOf } from '@app/domain';
import { instantString, RankingSnapshotsService } from '@app/rankings';
import { CLOCK, type Clock } from './clock';
import { RollupRunQueryDto, RollupRunView } from './dto/rollup.dto';
import { RollupRunEntity, RollupTrigger } from './rollup-run.entity';
import { leaseDeadline } from './rollup-schedule';
import {
  expireDeadRun,
  expireDeadRuns,
  finishRun,
  renewLease,
  replaceRollups,
} from './rollups.queries';

/** Test-only seams: hold a run before it starts, or make it fail after its results are written. */
export interface RollupTestHooks {
  beforeRun?: (period: string) => Promise<void>;
  afterResultsReplaced?: (period: string) => Promise<void>;
}

export function runView(run: RollupRunEntity): RollupRunView {
  return {
    id: run.id,
    period: run.period,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
    subjects: run.subjects,
    error: run.error,
  };
}

// Losing the race for the period's key: a duplicate key, or on MariaDB a deadlock or lock wait
// between the two INSERTs into the same unique-index gap (the loser's statement is rolled back).
const LOST_RACE = new Set([
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
]);

/**
 * Roll-up runs (SPEC §6). A run is started synchronously (lock taken, run recorded) and works in
 * the background; it replaces its period's results and ranking snapshot in one transaction.
 */
@Injectable()
export class RollupsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Rollups');
  private readonly working = new Set<Promise<void>>();
  readonly testHooks: RollupTestHooks = {};
  leaseSeconds: number = THIDUA_DEFAULTS.rollupLeaseSeconds;

  constructor(
    @InjectRepository(RollupRunEntity) private readonly runs: Repository<RollupRunEntity>,
    private readonly transactions: Transactions,
    private readonly snapshots: RankingSnapshotsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Takes the period's lock and starts the run; 409 ROLLUP_RUNNING while another holds it. */
  async start(
    period: string,
    trigger: RollupTrigger,
    actorId: number | null,
  ): Promise<RollupRunView> {
    const key = parsePeriod(period);
    if (!key || key.kind === 'quarter')
      throw ValidationFailed.field('period', 'must be a half YYYY-H1, YYYY-H2 or a year YYYY');
    const run = await this.acquire(period, trigger, actorId);
    const work = this.execute(run).finally(() => this.working.delete(work));
    this.working.add(work);
    return runView(run);
  }

  async listRuns(query: RollupRunQueryDto): Promise<Page<RollupRunView>> {
    const [rows, total] = await this.runs.findAndCount({
      where: query.period ? { period: query.period } : {},
      order: { id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return pageOf(rows.map(runView), total, query);
  }

  /** The start of the latest succeeded run of each period. */
  async lastSuccesses(): Promise<Map<string, Date>> {
    const rows = await this.runs.find({
      where: { status: 'succeeded' },
      select: { period: true, startedAt: true },
    });
    const latest = new Map<string, Date>();
    for (const row of rows) {
      const seen = latest.get(row.period);
      if (!seen || seen < row.startedAt) latest.set(row.period, row.startedAt);
    }
    return latest;
  }

  /** Records every run whose lease has passed as failed; returns the periods it freed. */
  clearDeadRuns(now: Date = this.clock.now()): Promise<string[]> {
    return expireDeadRuns(this.runs.manager, instantString(now));
  }

  /** Waits for the runs this instance started (tests; shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.working]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  /**
   * The lock is the unique key on active_period, set while a run runs: the INSERT of a second
   * running run of the period fails atomically in the database, whichever instance sends it.
   * A run whose lease has passed (its process died) is first recorded failed, freeing the key.
   */
  private async acquire(
    period: string,
    trigger: RollupTrigger,
    actorId: number | null,
  ): Promise<RollupRunEntity> {
    for (let attempt = 0; ; attempt++) {
      const now = this.clock.now();
      await expireDeadRun(this.runs.manager, period, instantString(now));
      const run = this.runs.create({
        period,
        trigger,
        status: 'running',
        activePeriod: period,
        startedAt: now,
        finishedAt: null,
        leaseUntil: leaseDeadline(now, this.leaseSeconds),
        subjects: null,
        error: null,
        createdBy: actorId,
      });
      try {
        return await this.runs.save(run);
      } catch (error) {
        if (!isLostRace(error)) throw error;
        const holder = await this.runs.findOneBy({ activePeriod: period });
        if (holder) throw new RollupRunning(holder.id, period);
        if (attempt >= 4) throw error; // freed in between: try again
      }
    }
  }

  private async execute(run: RollupRunEntity): Promise<void> {
    const { id, period } = run;
    const renewEvery = Math.max(1000, (this.leaseSeconds * 1000) / 3);
    const heartbeat = setInterval(() => {
      const until = instantString(leaseDeadline(this.clock.now(), this.leaseSeconds));
      renewLease(this.runs.manager, id, period, until).catch(() => undefined);
    }, renewEvery);
    heartbeat.unref();
    try {
      await this.testHooks.beforeRun?.(period);
      await this.transactions.run(async (manager) => {
        const until = instantString(leaseDeadline(this.clock.now(), this.leaseSeconds));
        // Also locks the run's row until commit, so nobody takes it over while it commits.
        if (!(await renewLease(manager, id, period, until)))
          throw new Error('The run lost its lease to another instance');
        const subjects = await replaceRollups(
          manager,
          this.transactions.dialect,
          period,
          quartersOf(period),
          id,
        );
        await this.testHooks.afterResultsReplaced?.(period);
        await this.snapshots.refreshIn(manager, period, 'person');
        await this.snapshots.refreshIn(manager, period, 'agency');
        await finishRun(manager, id, 'succeeded', instantString(this.clock.now()), subjects, null);
      });
      this.logger.log(`Roll-up ${id} of ${period} succeeded`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Roll-up ${id} of ${period} failed: ${message}`);
      await finishRun(
        this.runs.manager,
        id,
        'failed',
        instantString(this.clock.now()),
        null,
        message.slice(0, 2000),
      ).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }
}

function isLostRace(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = String((error.driverError as { code?: string } | undefined)?.code ?? '');
  return LOST_RACE.has(code);
}
