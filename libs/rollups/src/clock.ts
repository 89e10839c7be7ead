export { CLOCK, systemClock, type Clock } from '@app/core';
