import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { appConfig, type AppConfig, RollupRunning } from '@app/core';
import { CLOCK, type Clock } from './clock';
import { cronOf, dueCatchUps, ROLLUP_JOBS, type RollupJob } from './rollup-schedule';
import { RollupsService } from './rollups.service';

/** How often dead runs are cleared and the due roll-ups another run held are tried again. */
export const ROLLUP_RETRY_EVERY_MS = 60_000;

/**
 * The two scheduled roll-ups of SPEC §6 in the configured time zone, and the catch-up at start:
 * the latest occurrence of each job that has passed without a run of its periods succeeding
 * since runs then, in the background so that start-up is not delayed (see startCatchUp).
 *
 * A due roll-up that finds its period held (ROLLUP_RUNNING) is not given up: the holder may be a
 * process that died. Every minute dead runs (lease passed) are cleared and the held periods that
 * are still due are started again; one whose holder succeeded is no longer due and is dropped.
 */
@Injectable()
export class RollupSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RollupSchedule');
  private catchUp: Promise<void> = Promise.resolve();
  /** Due periods that another run held when they were to start, with the trigger they had. */
  private readonly held = new Map<string, 'schedule' | 'catch-up'>();
  private retrying: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly rollups: RollupsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Runs left running by a process that died (lease passed) show as failed from the start.
    await this.rollups.clearDeadRuns().catch((error: unknown) => {
      this.logger.error(`Clearing dead roll-up runs failed: ${String(error)}`);
    });
    const schedule = this.config.rollupSchedule;
    for (const job of ROLLUP_JOBS) {
      const cron = CronJob.from({
        cronTime: cronOf(schedule, job),
        timeZone: schedule.timeZone,
        onTick: () => void this.runDue(job, 'schedule'),
        start: true,
      });
      this.registry.addCronJob(`rollup-${job}`, cron);
    }
    const retry = setInterval(() => {
      this.retrying = this.retryHeld();
    }, ROLLUP_RETRY_EVERY_MS);
    retry.unref();
    this.registry.addInterval(RETRY_INTERVAL, retry);
  }

  /** Periods waiting for their holder to finish or die (tests, logs). */
  heldPeriods(): string[] {
    return [...this.held.keys()].sort();
  }

  /**
   * Clears dead runs and starts again the held periods that are still due; never throws.
   * Runs every minute; `now` lets tests move time.
   */
  async retryHeld(now: Date = this.clock.now()): Promise<string[]> {
    const started: string[] = [];
    try {
      await this.rollups.clearDeadRuns(now);
      if (this.held.size === 0) return started;
      const due = new Set((await this.due(null, now)).map((item) => item.period));
      for (const [period, trigger] of [...this.held]) {
        if (!due.has(period)) {
          this.held.delete(period); // its holder succeeded, or someone ran it since
          continue;
        }
        if (await this.tryStart(period, trigger)) started.push(period);
      }
    } catch (error) {
      this.logger.error(`Retrying held roll-ups failed: ${String(error)}`);
    }
    return started;
  }

  /**
   * Starts the catch-up in the background, when enabled. The API calls it once its start-up
   * chores (the demo seed) have committed, so a catch-up never rolls up a half-seeded database.
   */
  startCatchUp(): void {
    if (!this.config.rollupCatchUp) return;
    this.catchUp = this.runDue(null, 'catch-up').then(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const job of ROLLUP_JOBS) {
      const name = `rollup-${job}`;
      if (this.registry.doesExist('cron', name)) this.registry.deleteCronJob(name);
    }
    if (this.registry.doesExist('interval', RETRY_INTERVAL))
      this.registry.deleteInterval(RETRY_INTERVAL);
    await this.catchUp;
    await this.retrying;
  }

  /**
   * Starts the due roll-ups of one job (a tick) or of both (catch-up), after clearing dead runs;
   * a period another run holds is kept for retryHeld. Never throws.
   */
  async runDue(
    only: RollupJob | null,
    trigger: 'schedule' | 'catch-up',
    now: Date = this.clock.now(),
  ): Promise<string[]> {
    const started: string[] = [];
    try {
      await this.rollups.clearDeadRuns(now);
      for (const { period } of await this.due(only, now)) {
        if (await this.tryStart(period, trigger)) started.push(period);
      }
    } catch (error) {
      this.logger.error(`Scheduled roll-up (${trigger}) failed to start: ${String(error)}`);
    }
    return started;
  }

  private async due(only: RollupJob | null, now: Date) {
    const successes = await this.rollups.lastSuccesses();
    return dueCatchUps(
      this.config.rollupSchedule,
      now,
      (period) => successes.get(period) ?? null,
    ).filter((item) => only === null || item.job === only);
  }

  /** Starts a period's run; false (and kept for retryHeld) while another run holds it. */
  private async tryStart(period: string, trigger: 'schedule' | 'catch-up'): Promise<boolean> {
    try {
      await this.rollups.start(period, trigger, null);
      this.held.delete(period);
      return true;
    } catch (error) {
      if (!(error instanceof RollupRunning)) throw error;
      this.logger.warn(`${error.message}; the roll-up will be tried again`);
      this.held.set(period, trigger);
      return false;
    }
  }
}

const RETRY_INTERVAL = 'rollup-retry-held';
