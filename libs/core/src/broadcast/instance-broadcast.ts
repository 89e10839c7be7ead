import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { appConfig, type AppConfig } from '../config/app-config';
import { deploymentKey } from './deployment-key';

type Listener = (message: string) => void;

/**
 * News between the API instances of one deployment (a ranking's new version, a user changed),
 * over Redis pub/sub when REDIS_URL is set. Without Redis, or while it is unreachable, nothing is
 * carried: whoever listens also polls the database, and Redis only makes the news arrive sooner.
 */
@Injectable()
export class InstanceBroadcast implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('InstanceBroadcast');
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly prefix: string;
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;

  constructor(@Inject(appConfig.KEY) private readonly config: AppConfig) {
    this.prefix = `thidua:${deploymentKey(config)}:`;
  }

  /** Whether Redis carries the news (else only the database polls do). */
  get connected(): boolean {
    return this.subscriber !== null;
  }

  async onModuleInit(): Promise<void> {
    if (this.config.redisUrl) await this.connect(this.config.redisUrl);
  }

  /** Calls `listener` with every message of `topic` published by any instance, this one too. */
  on(topic: string, listener: Listener): void {
    const listeners = this.listeners.get(this.prefix + topic) ?? new Set<Listener>();
    listeners.add(listener);
    this.listeners.set(this.prefix + topic, listeners);
    this.subscriber
      ?.subscribe(this.prefix + topic)
      .catch((error: unknown) => this.logger.warn(`Redis subscribe failed: ${String(error)}`));
  }

  /** Tells the other instances; a failure is logged, as the polls carry the news anyway. */
  publish(topic: string, message: string): void {
    this.publisher
      ?.publish(this.prefix + topic, message)
      .catch((error: unknown) => this.logger.warn(`Redis publish failed: ${String(error)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [this.subscriber, this.publisher].map((client) => client?.quit().catch(() => undefined)),
    );
    this.subscriber = this.publisher = null;
  }

  private async connect(url: string): Promise<void> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, options);
    for (const client of [publisher, subscriber])
      client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      subscriber.on('message', (channel: string, message: string) => {
        for (const listener of this.listeners.get(channel) ?? []) listener(message);
      });
      // Set first: a topic listened to from now on subscribes itself.
      this.publisher = publisher;
      this.subscriber = subscriber;
      const channels = [...this.listeners.keys()];
      if (channels.length) await subscriber.subscribe(...channels);
    } catch (error) {
      this.publisher = this.subscriber = null;
      this.logger.warn(`Redis unreachable, instances learn changes by polling: ${String(error)}`);
      publisher.disconnect();
      subscriber.disconnect();
    }
  }
}
