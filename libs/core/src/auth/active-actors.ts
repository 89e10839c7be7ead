import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { InstanceBroadcast } from '../broadcast/instance-broadcast';
import { Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import type { Role } from './roles';

/** How often the users' fingerprint is read: alone, and as a safety net under Redis. */
export const USERS_POLL_MS = 100;
export const USERS_POLL_WITH_REDIS_MS = 1000;
/** Active accounts held; a city has a few thousand. */
const CACHED_USERS = 10_000;
const TOPIC = 'users-changed';

interface UserRow {
  id: number;
  username: string;
  role: Role;
  agency_id: number | null;
  active: number | boolean;
  token_version: number | string;
}

function actorOf(user: UserRow): Omit<Actor, 'requestId'> {
  return {
    id: Number(user.id),
    username: user.username,
    role: user.role,
    agencyId: user.agency_id === null ? null : Number(user.agency_id),
  };
}

/**
 * The actor behind a token or a download ticket, and the check that the account is still active
 * and the token issued since its last password, role or agency change. Active accounts are held
 * in memory, so a request costs no query; the whole cache is dropped whenever any account
 * changes:
 * - on this instance, at the change's commit (`changed()`): a disabled account is refused from
 *   its next request, as if every request read it;
 * - on the others, when Redis carries the news (REDIS_URL), else at their next poll of the users'
 *   fingerprint (every USERS_POLL_MS), which also sees changes made by the CLI.
 * Every change that must end access raises `token_version` (see revokeSessionsOf), so the
 * fingerprint (count, sum of versions, latest update) moves with it.
 */
@Injectable()
export class ActiveActors implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ActiveActors');
  private readonly cache = new LRUCache<number, { generation: number; row: UserRow }>({
    max: CACHED_USERS,
  });
  /** Raised at each change heard of: entries of older generations are not served. */
  private generation = 0;
  private fingerprint: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broadcast: InstanceBroadcast,
  ) {}

  async find(userId: unknown, tokenVersion?: unknown): Promise<Omit<Actor, 'requestId'>> {
    if (typeof userId !== 'number') throw new Unauthenticated('The account is unknown or disabled');
    const user = await this.rowOf(userId);
    if (!user || !Number(user.active))
      throw new Unauthenticated('The account is unknown or disabled');
    if (tokenVersion !== undefined && Number(user.token_version) !== tokenVersion)
      throw new Unauthenticated('The session ended: the password or role changed');
    return actorOf(user);
  }

  /**
   * The actor of a user held in memory, without waiting: undefined when the account is not held
   * (or not active, or the token older than its last change), for `find` to decide.
   */
  held(userId: number, tokenVersion: number): Omit<Actor, 'requestId'> | undefined {
    const held = this.cache.get(userId);
    if (!held || held.generation !== this.generation) return undefined;
    const user = held.row;
    if (!Number(user.active) || Number(user.token_version) !== tokenVersion) return undefined;
    return actorOf(user);
  }

  /** An account changed (committed): forget every account here, and tell the other instances. */
  changed(): void {
    this.forget();
    this.broadcast.publish(TOPIC, '1');
  }

  async onApplicationBootstrap(): Promise<void> {
    this.broadcast.on(TOPIC, () => this.forget());
    const every = this.broadcast.connected ? USERS_POLL_WITH_REDIS_MS : USERS_POLL_MS;
    this.timer = setInterval(() => {
      this.poll().catch((error: unknown) =>
        this.logger.warn(`Reading the users' fingerprint failed: ${String(error)}`),
      );
    }, every);
    this.timer.unref();
    await this.poll().catch(() => undefined);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private forget(): void {
    this.generation++;
    this.cache.clear();
  }

  /** Drops the cache when the users table changed since the last poll (any instance, the CLI). */
  private async poll(): Promise<void> {
    const [row] = (await this.dataSource.query(
      'SELECT COUNT(*) AS n, COALESCE(SUM(token_version), 0) AS versions, MAX(updated_at) AS updated FROM users',
    )) as { n: unknown; versions: unknown; updated: unknown }[];
    const fingerprint = `${String(row.n)}|${String(row.versions)}|${String(row.updated)}`;
    if (this.fingerprint !== null && fingerprint !== this.fingerprint) this.forget();
    this.fingerprint = fingerprint;
  }

  private async rowOf(userId: number): Promise<UserRow | undefined> {
    const held = this.cache.get(userId);
    if (held && held.generation === this.generation) return held.row;
    const generation = this.generation;
    const [user] = (await this.dataSource.query(
      'SELECT id, username, role, agency_id, active, token_version FROM users WHERE id = ?',
      [userId],
    )) as UserRow[];
    // Only an active account read since the last change heard of: a read that began before a
    // change committed must not be served after it.
    if (user && Number(user.active) && generation === this.generation)
      this.cache.set(userId, { generation, row: user });
    return user;
  }
}
