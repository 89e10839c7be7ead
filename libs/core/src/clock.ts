import { Module, Global } from '@nestjs/common';

/** The time, injected where it matters so that tests never wait for it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** Provides the system clock to every module; a test overrides CLOCK to move it. */
@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ClockModule {}
