import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InstanceBroadcast } from '@app/core';

const TOPIC = 'people-moved';

/**
 * A number that changes whenever a person moves to another agency, which changes who may read
 * the person's records: what is held in memory under an older generation (an answer replayed
 * before the pipeline) is not served again. Moves on this instance count from their commit; on
 * the others at once through Redis when REDIS_URL is set, and otherwise within what holds such
 * answers allows (REPLAY_FOR_MS).
 */
@Injectable()
export class PeopleMoves implements OnApplicationBootstrap {
  private current = 0;

  constructor(private readonly broadcast: InstanceBroadcast) {}

  get generation(): number {
    return this.current;
  }

  /** A move committed here: counts at once, and tells the other instances. */
  moved(): void {
    this.current++;
    this.broadcast.publish(TOPIC, '1');
  }

  onApplicationBootstrap(): void {
    this.broadcast.on(TOPIC, () => this.current++);
  }
}
