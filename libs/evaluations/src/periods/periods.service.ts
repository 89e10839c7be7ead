import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  Actor,
  appConfig,
  type AppConfig,
  AuditWriter,
  CLOCK,
  type Clock,
  InvalidTransition,
  Page,
  pageOf,
  PeriodClosed,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { isQuarter, periodLabelVi, quarterHasStarted } from '@app/domain';
import { PeriodQueryDto, PeriodView } from './dto/period.dto';
import { PeriodEntity } from './period.entity';
import { lockedPeriodStatus } from './periods.queries';

export function periodView(period: PeriodEntity): PeriodView {
  return {
    key: period.key,
    label: periodLabelVi(period.key),
    status: period.status,
    closedAt: period.closedAt,
    reopenReason: period.reopenReason,
    updatedAt: period.updatedAt,
  };
}

/** 400 unless `key` is a quarter key such as `2025-Q1`. */
export function assertQuarter(key: unknown, field = 'period'): asserts key is string {
  if (typeof key !== 'string' || !isQuarter(key)) {
    throw ValidationFailed.field(field, 'must be a quarter such as 2025-Q1');
  }
}

@Injectable()
export class PeriodsService {
  /** Quarters known to be recorded (committed): a period row is never deleted. */
  private readonly recorded = new Set<string>();

  constructor(
    @InjectRepository(PeriodEntity) private readonly periods: Repository<PeriodEntity>,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** 400 for a quarter that has not begun yet in the city's time zone (no evaluations of 2099). */
  assertStarted(key: string, field = 'period'): void {
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: this.config.rollupSchedule.timeZone,
    }).format(this.clock.now());
    if (!quarterHasStarted(key, today))
      throw ValidationFailed.field(field, `${key} has not started yet (today is ${today})`);
  }

  async list(query: PeriodQueryDto): Promise<Page<PeriodView>> {
    const [rows, total] = await this.periods.findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { key: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return pageOf(rows.map(periodView), total, query);
  }

  /**
   * Refuses any change to a closed quarter (409 PERIOD_CLOSED); a quarter seen for the first
   * time is recorded open. On MySQL the row is share-locked, so a close waits for the change.
   */
  async assertOpen(manager: EntityManager, key: string): Promise<void> {
    assertQuarter(key);
    await this.ensureAll(manager, [key]);
    // The locking read's answer, not the entity: on MySQL a plain read sees the transaction's
    // snapshot, which misses a quarter another request recorded since this one began.
    const status = await lockedPeriodStatus(manager, this.transactions.dialect, key, true);
    if (status === 'closed') throw new PeriodClosed(key);
  }

  /**
   * Records every quarter of `keys` that is not known yet, open; one statement, skipped for the
   * quarters this instance knows are recorded (each change checks its quarter: one round trip
   * less, while pages are read and each round trip waits its turn on the event loop).
   */
  async ensureAll(manager: EntityManager, keys: readonly string[]): Promise<void> {
    const unknown = keys.filter((key) => !this.recorded.has(key));
    if (unknown.length === 0) return;
    const now = new Date();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(PeriodEntity)
      .values(unknown.map((key) => ({ key, status: 'open' as const, updatedAt: now })))
      .orIgnore()
      .execute();
    // MariaDB says how many rows were new. None: every row was there and committed (a row that
    // another transaction was still inserting made this one wait for its end), so it stays.
    if ((result.raw as { affectedRows?: number } | undefined)?.affectedRows === 0)
      for (const key of unknown) this.recorded.add(key);
  }

  async close(actor: Actor, key: string): Promise<PeriodView> {
    assertQuarter(key, 'key');
    return this.transactions.run(async (manager) => {
      const period = await this.ensure(manager, key, false);
      if (period.status === 'closed')
        throw new InvalidTransition(`Period ${key} is already closed`);
      return this.change(manager, actor, period, 'close', {
        status: 'closed',
        closedAt: new Date(),
      });
    });
  }

  async reopen(actor: Actor, key: string, reason: string): Promise<PeriodView> {
    assertQuarter(key, 'key');
    return this.transactions.run(async (manager) => {
      const period = await this.ensure(manager, key, false);
      if (period.status === 'open') throw new InvalidTransition(`Period ${key} is not closed`);
      return this.change(manager, actor, period, 'reopen', {
        status: 'open',
        closedAt: null,
        reopenReason: reason,
      });
    });
  }

  private async change(
    manager: EntityManager,
    actor: Actor,
    period: PeriodEntity,
    action: string,
    changes: Partial<PeriodEntity>,
  ): Promise<PeriodView> {
    const before = periodView(period);
    Object.assign(period, changes, { updatedAt: new Date() });
    await manager.getRepository(PeriodEntity).save(period);
    const after = periodView(period);
    await this.audit.record(manager, actor, {
      action,
      entity: 'period',
      entityId: period.key,
      before,
      after,
      reason: changes.reopenReason ?? null,
    });
    return after;
  }

  private async ensure(
    manager: EntityManager,
    key: string,
    shared: boolean,
  ): Promise<PeriodEntity> {
    assertQuarter(key);
    await this.ensureAll(manager, [key]);
    await lockedPeriodStatus(manager, this.transactions.dialect, key, shared);
    return (await manager.getRepository(PeriodEntity).findOneBy({ key }))!;
  }
}
