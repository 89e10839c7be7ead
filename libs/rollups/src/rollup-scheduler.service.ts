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

/**
 * The two scheduled roll-ups of SPEC §6 in the configured time zone, and the catch-up at start:
 * the latest occurrence of each job that has passed without a run of its periods succeeding
 * since runs then, in the background so that start-up is not delayed (see startCatchUp).
 */
@Injectable()
export class RollupSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RollupSchedule');
  private catchUp: Promise<void> = Promise.resolve();

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly rollups: RollupsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
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
    await this.catchUp;
  }

  /** Starts the due roll-ups of one job (a tick) or of both (catch-up); never throws. */
  async runDue(
    only: RollupJob | null,
    trigger: 'schedule' | 'catch-up',
    now: Date = this.clock.now(),
  ): Promise<string[]> {
    const started: string[] = [];
    try {
      const successes = await this.rollups.lastSuccesses();
      const due = dueCatchUps(
        this.config.rollupSchedule,
        now,
        (period) => successes.get(period) ?? null,
      ).filter((item) => only === null || item.job === only);
      for (const { period } of due) {
        try {
          await this.rollups.start(period, trigger, null);
          started.push(period);
        } catch (error) {
          if (error instanceof RollupRunning) continue; // another instance is on it
          throw error;
        }
      }
    } catch (error) {
      this.logger.error(`Scheduled roll-up (${trigger}) failed to start: ${String(error)}`);
    }
    return started;
  }
}
