import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InstanceBroadcast, Transactions } from '@app/core';
import { readVersions, type SubjectType } from './rankings.queries';

/** How often the versions are read from the database: alone, and as a safety net under Redis. */
export const VERSION_POLL_MS = 250;
export const VERSION_POLL_WITH_REDIS_MS = 1000;
const TOPIC = 'ranking-versions';

/**
 * The version of every ranking (period and subject type) as this instance knows it. Cached pages
 * are keyed on it, so a newer version is all it takes to stop serving them. Versions live in
 * ranking_snapshots; another instance's changes are learnt by reading that small table every
 * VERSION_POLL_MS, or at once through the instance broadcast (Redis) when REDIS_URL is set.
 */
@Injectable()
export class RankingVersions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RankingVersions');
  private readonly versions = new Map<string, number>();
  private readonly sums = new Map<SubjectType, number>();
  private timer: NodeJS.Timeout | null = null;
  private loaded: Promise<void> | null = null;

  constructor(
    private readonly transactions: Transactions,
    private readonly broadcast: InstanceBroadcast,
  ) {}

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
    return this.broadcast.connected;
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
    this.broadcast.publish(TOPIC, JSON.stringify({ period, subjectType, version }));
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
    this.broadcast.on(TOPIC, (message) => this.heard(message));
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

  onApplicationShutdown(): void {
    this.stopPolling();
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
