import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { appConfig, type AppConfig, Transactions } from '@app/core';
import { readVersions, type SubjectType } from './rankings.queries';

/** How often the versions are read from the database: alone, and as a safety net under Redis. */
export const VERSION_POLL_MS = 250;
export const VERSION_POLL_WITH_REDIS_MS = 1000;

/**
 * The version of every ranking (period and subject type) as this instance knows it. Cached pages
 * are keyed on it, so a newer version is all it takes to stop serving them. Versions live in
 * ranking_snapshots; another instance's changes are learnt by reading that small table every
 * VERSION_POLL_MS, or at once through Redis pub/sub when REDIS_URL is set.
 */
@Injectable()
export class RankingVersions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RankingVersions');
  private readonly versions = new Map<string, number>();
  private readonly sums = new Map<SubjectType, number>();
  private timer: NodeJS.Timeout | null = null;
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  /** The channel of this database: instances of other deployments never hear it. */
  private readonly channel: string;
  private loaded: Promise<void> | null = null;

  constructor(
    private readonly transactions: Transactions,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {
    const database = JSON.stringify(config.database);
    this.channel = `thidua:ranking-versions:${createHash('sha256').update(database).digest('hex').slice(0, 16)}`;
  }

  /** The known version of a ranking; 0 when it was never built (or not yet heard of). */
  get(period: string, subjectType: SubjectType): number {
    return this.versions.get(`${period}|${subjectType}`) ?? 0;
  }

  /** A number that changes whenever any ranking of the subject type changes (for histories). */
  sum(subjectType: SubjectType): number {
    return this.sums.get(subjectType) ?? 0;
  }

  /** Whether Redis carries the versions between instances. */
  get pushed(): boolean {
    return this.subscriber !== null;
  }

  /** Records a version read or written; versions only go up. Returns whether it was news. */
  learn(period: string, subjectType: SubjectType, version: number): boolean {
    const key = `${period}|${subjectType}`;
    const known = this.versions.get(key) ?? 0;
    if (version <= known) return false;
    this.versions.set(key, version);
    this.sums.set(subjectType, (this.sums.get(subjectType) ?? 0) + version - known);
    return true;
  }

  /** Records a version this instance committed and tells the other instances at once. */
  committed(period: string, subjectType: SubjectType, version: number): void {
    this.learn(period, subjectType, version);
    this.publisher
      ?.publish(this.channel, JSON.stringify({ period, subjectType, version }))
      .catch((error: unknown) => this.logger.warn(`Redis publish failed: ${String(error)}`));
  }

  /** Reads every version from the database. */
  async refresh(): Promise<void> {
    for (const row of await readVersions(this.transactions.dataSource.manager))
      this.learn(row.period, row.subject_type, Number(row.version));
  }

  /** Resolves once the versions were read at least once. */
  ready(): Promise<void> {
    this.loaded ??= this.refresh();
    return this.loaded;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.redisUrl) await this.connect(this.config.redisUrl);
    await this.ready().catch((error: unknown) =>
      this.logger.error(`Reading ranking versions failed: ${String(error)}`),
    );
    const every = this.pushed ? VERSION_POLL_WITH_REDIS_MS : VERSION_POLL_MS;
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.logger.warn(`Reading ranking versions failed: ${String(error)}`),
      );
    }, every);
    this.timer.unref();
  }

  /** Stops reading the versions from the database (tests: then only Redis carries them). */
  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(
      [this.subscriber, this.publisher].map((client) => client?.quit().catch(() => undefined)),
    );
    this.subscriber = this.publisher = null;
  }

  /** Subscribes to the versions of other instances; without Redis, polling alone carries them. */
  private async connect(url: string): Promise<void> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, options);
    for (const client of [publisher, subscriber])
      client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      subscriber.on('message', (_channel: string, message: string) => this.heard(message));
      await subscriber.subscribe(this.channel);
      this.publisher = publisher;
      this.subscriber = subscriber;
    } catch (error) {
      this.logger.warn(`Redis unreachable, ranking versions are polled: ${String(error)}`);
      publisher.disconnect();
      subscriber.disconnect();
    }
  }

  private heard(message: string): void {
    try {
      const { period, subjectType, version } = JSON.parse(message) as {
        period: string;
        subjectType: SubjectType;
        version: number;
      };
      if (typeof period === 'string' && typeof version === 'number')
        this.learn(period, subjectType, version);
    } catch {
      // Not one of ours: ignored.
    }
  }
}
