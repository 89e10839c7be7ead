import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { appConfig, AppConfig, systemActor } from '@app/core';
import { DEMO_PASSWORD, DEMO_USERS, DemoSeeder } from '@app/demo';
import { UsersService } from '@app/org';
import { RollupSchedulerService } from '@app/rollups';

/** Start-up chores: the admin of ADMIN_USERNAME, the demo data, the roll-up catch-up, the welcome lines. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');
  private seeded = false;

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly demo: DemoSeeder,
    private readonly rollupSchedule: RollupSchedulerService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const actor = systemActor('startup');
    if (this.config.adminUsername && this.config.adminPassword) {
      if (
        await this.users.ensureAdmin(actor, this.config.adminUsername, this.config.adminPassword)
      ) {
        this.logger.log(`Created admin ${this.config.adminUsername}`);
      }
    }
    if (await this.shouldSeed()) this.seeded = await this.demo.seed(actor);
    // After the seed, so that a missed roll-up is computed on the data the seed wrote.
    this.rollupSchedule.startCatchUp();
  }

  printWelcome(url: string): void {
    const lines = [`Thi đua API on ${url}`, `API docs: ${url}/api/docs`];
    if (this.seeded || this.config.seedDemo !== false) {
      lines.push(
        `Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  /** SEED_DEMO decides; unset, an empty embedded (SQLite) database gets the demo, MySQL never. */
  private async shouldSeed(): Promise<boolean> {
    const database = this.config.database;
    const wanted = this.config.seedDemo ?? database.engine === 'sqlite';
    return wanted && (await this.demo.isEmpty());
  }
}
