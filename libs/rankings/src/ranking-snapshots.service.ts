import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EntityManager } from 'typeorm';
import { StatementBatches, Transactions } from '@app/core';
import { parsePeriod } from '@app/domain';
import { groupBy } from './group-by';
import { RankingReader } from './ranking-reader.service';
import { RankingVersions } from './ranking-versions.service';
import {
  claimChanges,
  type ClaimedChange,
  completeChanges,
  completeStatement,
} from './ranking-work.queries';
import {
  planSync,
  rebuildRanking,
  type SubjectType,
  syncReads,
  syncSubjects,
  takeTurn,
  turnOf,
  turnStatement,
  type SyncedTotals,
} from './rankings.queries';

/** What the evaluations feature emits after an approval, a return or a reopening commits. */
export interface EvaluationChangedEvent {
  period: string;
  subjectType: SubjectType;
  subjectId?: number;
}

export function instantString(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** How long a claim on a change lasts: an instance that dies holding it is relieved after this. */
export const CLAIM_LEASE_MS = 30_000;
/** How often every instance looks for changes no instance is working on (a crash, a restart). */
export const CHANGE_POLL_MS = 1000;
/** How long a change's request waits for its ranking work before answering. */
export const FRESH_WAIT_MS = 1000;
const CLAIM_BATCH = 100;

/** A ranking's version after a batch's work, and what its counters did (null: rebuilt whole). */
interface Synced {
  version: number;
  totals: SyncedTotals | null;
}

/**
 * Keeps rankings in line with approved evaluations. Each ranked change leaves a row in
 * evaluation_changes (same transaction as the change); this service claims rows, brings their
 * subjects' ranking rows in line (syncSubjects: a few rows each, whatever the city's size) and
 * deletes the rows in one transaction. The instance that made the change starts at once; every
 * instance also looks every CHANGE_POLL_MS and at start-up, so a crash only delays the work.
 * A period never built is built whole (rebuildRanking), as are roll-up periods by their runs.
 */
@Injectable()
export class RankingSnapshotsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RankingSnapshots');
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /**
   * Changes this instance was told about are numbered; `done` is the number up to which their
   * work is finished. A change's request waits for its own number only, not for the changes
   * that keep arriving during a burst.
   */
  private told = 0;
  private done = 0;
  private waiters: { until: number; resolve: () => void; timer: NodeJS.Timeout }[] = [];
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private readonly builds = new Map<string, Promise<void>>();
  private backfill: Promise<void> = Promise.resolve();
  private buildChain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Changes whose work this instance committed (the e2e tests count them across instances). */
  processed = 0;

  constructor(
    private readonly transactions: Transactions,
    private readonly batches: StatementBatches,
    private readonly versions: RankingVersions,
    private readonly reader: RankingReader,
  ) {}

  /**
   * After a ranked change committed: starts its work and resolves once it is done (at most
   * FRESH_WAIT_MS), so the request that made the change answers when the rankings show it, and
   * a read never waits for anybody's work.
   */
  @OnEvent('evaluation.changed')
  onEvaluationChanged(event: EvaluationChangedEvent): Promise<void> {
    if (!event || !parsePeriod(event.period)) return Promise.resolve();
    if (event.subjectType !== 'person' && event.subjectType !== 'agency') return Promise.resolve();
    const number = ++this.told;
    this.drain().catch(() => undefined);
    return this.workDone(number);
  }

  /**
   * Works off every claimable change, then resolves. One drain at a time per instance; a call
   * during a drain makes it look again before it ends.
   */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    const run = (async () => {
      try {
        do {
          this.drainAgain = false;
          for (;;) {
            // Every change told by now has committed its row: a claim that did not fill its
            // batch took all of them left (the rest are another instance's), so once its work
            // is done they are. During a burst, each batch ends the waits it can.
            const told = this.told;
            const claimed = await this.drainBatch();
            if (claimed < CLAIM_BATCH) this.finished(told);
            // Changes told since start another round (drainAgain); other instances' leftovers
            // are found by the poll.
            if (claimed < CLAIM_BATCH || this.closed) break;
          }
        } while (this.drainAgain && !this.closed);
      } catch (error) {
        this.logger.error(`Ranking work failed: ${String(error)}`);
      } finally {
        this.draining = null;
      }
    })();
    this.draining = run;
    return run;
  }

  /** Claims a batch and does its work; the number of changes claimed. */
  private async drainBatch(): Promise<number> {
    const now = new Date();
    const claimed = await this.transactions.runStatements((manager) =>
      claimChanges(
        manager,
        this.instance,
        instantString(now),
        instantString(new Date(now.getTime() + CLAIM_LEASE_MS)),
        CLAIM_BATCH,
      ),
    );
    // The changes of one ranking are worked off in one transaction and one turn (a burst's
    // batch commits once); a subject changed twice is synced once, to its latest state.
    const byRanking = groupBy(claimed, (change) => `${change.period}|${change.subjectType}`);
    for (const changes of byRanking.values()) {
      const [{ period, subjectType }] = changes;
      const { version, totals } = await withRaceRetry(
        async () =>
          (await this.syncInTwoRoundTrips(period, subjectType, changes)) ??
          this.syncStatementByStatement(period, subjectType, changes),
      );
      this.processed += changes.length;
      // takeTurn raised the version by one in the changes' transaction: the readers' indexes of
      // the version before take the changes' counters as they are.
      if (totals) this.reader.advance(period, subjectType, version, totals);
      this.versions.committed(period, subjectType, version);
    }
    return claimed.length;
  }

  /**
   * A batch's work for one ranking on MariaDB, in one transaction of two round trips on the
   * batch connection: the turn with the two reads, then the writes with the changes' deletion
   * and the commit. Undefined (nothing written) where that cannot be: on SQLite, and for a
   * ranking never built, which the statement-by-statement path then builds whole.
   */
  private async syncInTwoRoundTrips(
    period: string,
    subjectType: SubjectType,
    changes: ClaimedChange[],
  ): Promise<Synced | undefined> {
    if (!this.batches.available) return undefined;
    const ids = [...new Set(changes.map((change) => change.subjectId))];
    return this.batches.transaction(async (send) => {
      const now = instantString(new Date());
      const [turnAnswer, sources, current] = await send([
        turnStatement('mysql', period, subjectType, now),
        ...syncReads(period, subjectType, ids),
      ]);
      const turn = turnOf(turnAnswer);
      if (turn === null) return undefined;
      const { writes, totals } = planSync(
        'mysql',
        period,
        subjectType,
        ids,
        sources as Record<string, unknown>[],
        current as Record<string, unknown>[],
      );
      await send([...writes, completeStatement(changes.map((change) => change.id))], {
        commit: true,
      });
      return { version: turn, totals };
    });
  }

  /** A batch's work for one ranking in a transaction of the app's pool, a statement at a time. */
  private syncStatementByStatement(
    period: string,
    subjectType: SubjectType,
    changes: ClaimedChange[],
  ): Promise<Synced> {
    return this.transactions.run(async (manager) => {
      const now = instantString(new Date());
      const turn = await takeTurn(manager, this.transactions.dialect, period, subjectType, now);
      let synced: Synced;
      if (turn === null) {
        synced = { version: await this.rebuildIn(manager, period, subjectType), totals: null };
      } else {
        const totals = await syncSubjects(
          manager,
          this.transactions.dialect,
          period,
          subjectType,
          changes.map((change) => change.subjectId),
        );
        synced = { version: turn, totals };
      }
      await completeChanges(
        manager,
        changes.map((c) => c.id),
      );
      return synced;
    });
  }

  /**
   * Rebuilds a ranking whole in the caller's transaction (a roll-up run, with its results); the
   * caller calls announce() after its commit.
   */
  refreshIn(manager: EntityManager, period: string, subjectType: SubjectType): Promise<number> {
    return this.rebuildIn(manager, period, subjectType);
  }

  /** After the caller of refreshIn committed: this instance and the others learn the versions. */
  async announce(period: string): Promise<void> {
    const rows = (await this.transactions.dataSource.query(
      'SELECT subject_type, version FROM ranking_snapshots WHERE period = ?',
      [period],
    )) as { subject_type: SubjectType; version: number | string }[];
    for (const row of rows) this.versions.committed(period, row.subject_type, Number(row.version));
  }

  private rebuildIn(manager: EntityManager, period: string, subjectType: SubjectType) {
    const kind = parsePeriod(period)?.kind;
    if (!kind) throw new RangeError(`Not a period key: ${period}`);
    return rebuildRanking(
      manager,
      this.transactions.dialect,
      period,
      subjectType,
      kind !== 'quarter',
      instantString(new Date()),
    );
  }

  /** Rebuilds a ranking whole in a transaction of its own (first builds, tests, the check). */
  async rebuild(period: string, subjectType: SubjectType): Promise<void> {
    const version = await withRaceRetry(() =>
      this.transactions.run((manager) => this.rebuildIn(manager, period, subjectType)),
    );
    this.versions.committed(period, subjectType, version);
  }

  /**
   * Before a read of a ranking: builds it if it was never built. Changes need no wait here: the
   * request that made one answered once its work was done.
   */
  async ensureFresh(period: string, subjectType: SubjectType): Promise<void> {
    await this.versions.ready();
    if (this.versions.get(period, subjectType) > 0) return;
    await this.versions.refresh();
    if (this.versions.get(period, subjectType) > 0) return;
    await this.buildOnce(period, subjectType).catch((error: unknown) =>
      // A failed build is logged; the reader gets what there is (an empty ranking), not a 500.
      this.logger.error(`Ranking build of ${period} failed: ${String(error)}`),
    );
  }

  /** Resolves once this instance knows the rankings' versions (read at start-up). */
  versionsKnown(): Promise<void> {
    return this.versions.ready();
  }

  /** Resolves when the work of the changes told up to `until` is done, or after FRESH_WAIT_MS. */
  private workDone(until: number): Promise<void> {
    if (until <= this.done || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        resolve();
      }, FRESH_WAIT_MS);
      timer.unref();
      this.waiters.push({ until, resolve, timer });
    });
  }

  private finished(told: number): void {
    this.done = Math.max(this.done, told);
    const ready = this.waiters.filter((w) => w.until <= this.done);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.until > this.done);
    for (const waiter of ready) {
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  /** Waits for the start-up backfill and for the work this instance knows of. */
  async settledAll(): Promise<void> {
    await this.backfill;
    await Promise.all([...this.builds.values()].map(quiet));
    if (this.draining) await quiet(this.draining);
  }

  onApplicationBootstrap(): void {
    // Rankings never built (data loaded by the seeder or an older version), then the changes
    // left by an instance that stopped before finishing them: in the background.
    this.backfill = this.buildMissing()
      .then(() => this.drain())
      .catch((error: unknown) => this.logger.error(`Ranking backfill failed: ${String(error)}`));
    this.timer = setInterval(() => {
      if (!this.draining) this.drain().catch(() => undefined);
    }, CHANGE_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settledAll();
    this.closed = true;
    this.finished(this.told);
  }

  private buildOnce(period: string, subjectType: SubjectType): Promise<void> {
    const key = `${period}|${subjectType}`;
    const running = this.builds.get(key);
    if (running) return running;
    const build = this.buildFirst(period, subjectType).finally(() => this.builds.delete(key));
    this.builds.set(key, build);
    return build;
  }

  /**
   * The first build of a ranking, by one instance: its version row is inserted first, so a
   * second instance starting the same build at the same time fails on the key (after the first
   * commits, on MariaDB) and only learns the version.
   */
  private async buildFirst(period: string, subjectType: SubjectType): Promise<void> {
    // One first build at a time per instance: builds of several periods at once only contend
    // for the same index ranges (on MariaDB they deadlock; Transactions runs a victim again).
    const turn = this.buildChain.catch(() => undefined);
    const build = turn.then(() =>
      withRaceRetry(
        () =>
          this.transactions.run(async (manager) => {
            await manager.query(
              'INSERT INTO ranking_snapshots (period, subject_type, version, refreshed_at) VALUES (?, ?, 0, ?)',
              [period, subjectType, instantString(new Date())],
            );
            return this.rebuildIn(manager, period, subjectType);
          }),
        LOCK_WAIT_ONLY,
      ),
    );
    this.buildChain = build;
    try {
      this.versions.committed(period, subjectType, await build);
    } catch (error) {
      const code = String((error as { driverError?: { code?: string } }).driverError?.code);
      if (!FIRST_BUILD_TAKEN.has(code)) throw error;
      await this.versions.refresh();
    }
  }

  private async buildMissing(): Promise<void> {
    const missing = (await this.transactions.dataSource.query(
      `SELECT DISTINCT s.period, s.subject_type FROM (
         SELECT period, subject_type FROM evaluations WHERE status = 'approved'
         UNION SELECT period, subject_type FROM rollup_results) s
       WHERE NOT EXISTS (SELECT 1 FROM ranking_snapshots r
         WHERE r.period = s.period AND r.subject_type = s.subject_type)`,
    )) as { period: string; subject_type: SubjectType }[];
    for (const { period, subject_type } of missing) await this.buildOnce(period, subject_type);
  }
}

const FIRST_BUILD_TAKEN = new Set([
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_UNIQUE',
]);

// Deadlock victims are run again by Transactions.run itself; these are the other races.
const LOCK_WAIT_ONLY = new Set(['ER_LOCK_WAIT_TIMEOUT']);
const RACE_CODES = new Set([...LOCK_WAIT_ONLY, 'ER_DUP_ENTRY']);

/**
 * Runs ranking work again (up to three times) when it waited too long for another instance's
 * lock, or when two instances built a new period's version row at the same moment.
 */
async function withRaceRetry<T>(
  work: () => Promise<T>,
  codes: Set<string> = RACE_CODES,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (attempt >= 3 || !code || !codes.has(code)) throw error;
    }
  }
}

function quiet(promise: Promise<unknown> | undefined): Promise<unknown> {
  return promise ? promise.catch(() => undefined) : Promise.resolve();
}
