import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import { Transactions } from '@app/core';
import { parsePeriod } from '@app/domain';
import { hasSnapshot, refreshSnapshot, type SubjectType } from './rankings.queries';

/** What the evaluations feature emits after an approval, a return or a reopening commits. */
export interface EvaluationChangedEvent {
  period: string;
  subjectType: SubjectType;
  agencyId?: number;
}

export function instantString(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Keeps the ranking snapshot of each period fresh. A refresh rebuilds one period and subject
 * type in one transaction. Refreshes are coalesced per period: a burst of approvals queues one
 * refresh while another runs, never one per event. Reads in this instance wait for a queued or
 * running refresh of their period, so a caller sees its own approval at once.
 */
@Injectable()
export class RankingSnapshotsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RankingSnapshots');
  private readonly queued = new Map<string, Promise<void>>();
  private readonly running = new Map<string, Promise<void>>();
  private backfill: Promise<void> = Promise.resolve();
  /** Snapshots known to exist (a snapshot is rebuilt, never removed): no lookup per read. */
  private readonly built = new Set<string>();
  /** The last refresh queued in this instance: the next one starts after it. */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly transactions: Transactions) {}

  @OnEvent('evaluation.changed')
  onEvaluationChanged(event: EvaluationChangedEvent): void {
    if (!event || !parsePeriod(event.period)) return;
    if (event.subjectType !== 'person' && event.subjectType !== 'agency') return;
    this.schedule(event.period, event.subjectType).catch((error: unknown) =>
      this.logger.error(`Ranking refresh of ${event.period} failed: ${String(error)}`),
    );
  }

  /**
   * Queues a refresh of the period unless one is already queued (not yet started). Refreshes of
   * this instance run one at a time: two rebuilds of ranking_entries at once only contend for
   * the same index ranges (on MariaDB they can deadlock), and a deadlock is retried.
   */
  schedule(period: string, subjectType: SubjectType): Promise<void> {
    const key = `${period}|${subjectType}`;
    const queued = this.queued.get(key);
    if (queued) return queued;
    const next: Promise<void> = this.chain
      .catch(() => undefined)
      .then(async () => {
        this.queued.delete(key);
        this.running.set(key, next);
        try {
          await withDeadlockRetry(() =>
            this.transactions.run((manager) => this.refreshIn(manager, period, subjectType)),
          );
        } finally {
          if (this.running.get(key) === next) this.running.delete(key);
        }
      });
    this.chain = next;
    this.queued.set(key, next);
    return next;
  }

  /** Rebuilds the snapshot inside the caller's transaction (a roll-up run uses its own). */
  refreshIn(manager: EntityManager, period: string, subjectType: SubjectType): Promise<number> {
    const kind = parsePeriod(period)?.kind;
    if (!kind) throw new RangeError(`Not a period key: ${period}`);
    return refreshSnapshot(
      manager,
      this.transactions.dialect,
      period,
      subjectType,
      kind !== 'quarter',
      instantString(new Date()),
    );
  }

  /**
   * Waits for this instance's pending refresh of the period (at most FRESH_WAIT_MS: at city
   * scale a refresh takes seconds, and a page is better served from the previous snapshot than
   * late), then builds the snapshot if it was never built.
   */
  async ensureFresh(period: string, subjectType: SubjectType): Promise<void> {
    const key = `${period}|${subjectType}`;
    // Only this period's pending refresh is waited for, not the whole start-up backfill.
    if (this.queued.has(key) || this.running.has(key)) {
      await Promise.race([this.settled(period, subjectType), delay(FRESH_WAIT_MS)]);
    }
    if (this.built.has(key)) return;
    const manager = this.transactions.dataSource.manager;
    if (await hasSnapshot(manager, period, subjectType)) {
      this.built.add(key);
      return;
    }
    // Nothing to serve yet: wait for the build under way, or build it now.
    await this.settled(period, subjectType);
    if (!(await hasSnapshot(manager, period, subjectType))) {
      // A failed build is logged; the reader gets what there is (an empty ranking), not a 500.
      await this.schedule(period, subjectType).catch((error: unknown) =>
        this.logger.error(`Ranking build of ${period} failed: ${String(error)}`),
      );
    }
  }

  /** Waits for every queued or running refresh of this instance. */
  async settledAll(): Promise<void> {
    await this.backfill;
    await Promise.all([...this.queued.values(), ...this.running.values()].map(quiet));
  }

  onApplicationBootstrap(): void {
    // Periods with approved evaluations or roll-ups but no snapshot (data loaded by the seeder or
    // an older version): built in the background so start-up is not delayed.
    this.backfill = this.buildMissing().catch((error: unknown) =>
      this.logger.error(`Ranking backfill failed: ${String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settledAll();
  }

  private async settled(period: string, subjectType: SubjectType): Promise<void> {
    const key = `${period}|${subjectType}`;
    await Promise.all([this.queued.get(key), this.running.get(key)].map(quiet));
  }

  private async buildMissing(): Promise<void> {
    const missing = (await this.transactions.dataSource.query(
      `SELECT DISTINCT s.period, s.subject_type FROM (
         SELECT period, subject_type FROM evaluations WHERE status = 'approved'
         UNION SELECT period, subject_type FROM rollup_results) s
       WHERE NOT EXISTS (SELECT 1 FROM ranking_snapshots r
         WHERE r.period = s.period AND r.subject_type = s.subject_type)`,
    )) as { period: string; subject_type: SubjectType }[];
    for (const { period, subject_type } of missing) await this.schedule(period, subject_type);
  }
}

const DEADLOCK_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** Runs a refresh again (up to three times) when MariaDB picked it as a deadlock victim. */
async function withDeadlockRetry(work: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (attempt >= 3 || !code || !DEADLOCK_CODES.has(code)) throw error;
    }
  }
}

/** How long a read waits for a pending refresh of its period before serving the last snapshot. */
export const FRESH_WAIT_MS = 3000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function quiet(promise: Promise<unknown> | undefined): Promise<unknown> {
  return promise ? promise.catch(() => undefined) : Promise.resolve();
}
