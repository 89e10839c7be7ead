import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { appConfig, AppConfig, systemActor, UserEntity, verifyPassword } from '@app/core';
import { DEMO_PASSWORD, DEMO_USERS, DemoSeeder } from '@app/demo';
import { UsersService } from '@app/org';
import { RollupSchedulerService } from '@app/rollups';
import { seedsDemo } from './demo-seed-policy';

/** Start-up chores: the admin of ADMIN_USERNAME, the demo data, the roll-up catch-up, the welcome lines. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');
  private seeded = false;
  /** Active demo accounts whose password is still the demo's (found at start). */
  demoPasswordUsers: string[] = [];

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly demo: DemoSeeder,
    private readonly rollupSchedule: RollupSchedulerService,
    @InjectRepository(UserEntity) private readonly userRows: Repository<UserEntity>,
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
    this.demoPasswordUsers = await this.findDemoPasswords();
    if (this.demoPasswordUsers.length > 0) this.logger.warn(this.demoPasswordWarning());
    // After the seed, so that a missed roll-up is computed on the data the seed wrote.
    this.rollupSchedule.startCatchUp();
  }

  printWelcome(url: string): void {
    const lines = [`Thi đua API on ${url}`, `API docs: ${url}/api/docs`];
    if (this.demoPasswordUsers.length > 0) {
      const demoUsers = DEMO_USERS.filter((u) => this.demoPasswordUsers.includes(u.username));
      lines.push(
        `Demo logins (password "${DEMO_PASSWORD}"): ${demoUsers.map((u) => `${u.username} (${u.role})`).join(', ')}`,
        `WARNING: ${this.demoPasswordWarning()}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  private demoPasswordWarning(): string {
    return (
      `the demo password "${DEMO_PASSWORD}" still opens ${this.demoPasswordUsers.join(', ')}: ` +
      'change these passwords or disable the accounts before real use'
    );
  }

  /** See seedsDemo; and only into a database without agencies. */
  private async shouldSeed(): Promise<boolean> {
    return seedsDemo(this.config) && (await this.demo.isEmpty());
  }

  /** The active demo accounts the demo password still opens (one hash check per account). */
  private async findDemoPasswords(): Promise<string[]> {
    const accounts = await this.userRows.find({
      where: { username: In(DEMO_USERS.map((u) => u.username)), active: true },
      select: { username: true, passwordHash: true },
      order: { username: 'ASC' },
    });
    const opened: string[] = [];
    const verdicts = new Map<string, Promise<boolean>>();
    for (const account of accounts) {
      // The seed hashes the demo password once: accounts that share the hash share the check.
      if (!verdicts.has(account.passwordHash))
        verdicts.set(account.passwordHash, verifyPassword(DEMO_PASSWORD, account.passwordHash));
      if (await verdicts.get(account.passwordHash)) opened.push(account.username);
    }
    return opened;
  }
}
