import { CronTime } from 'cron';

// When the scheduled roll-ups fall and which of them a starting instance must catch up (SPEC §6).
// Pure: the caller passes the time, so tests never wait for a clock.

export type RollupJob = 'firstHalf' | 'secondHalfAndYear';

export interface RollupScheduleConfig {
  timeZone: string;
  firstHalfCron: string;
  secondHalfAndYearCron: string;
}

export const ROLLUP_JOBS: readonly RollupJob[] = ['firstHalf', 'secondHalfAndYear'];

export function cronOf(config: RollupScheduleConfig, job: RollupJob): string {
  return job === 'firstHalf' ? config.firstHalfCron : config.secondHalfAndYearCron;
}

/** Year and month (1-12) of an instant on the wall clock of a time zone. */
export function localYearMonth(instant: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

/**
 * The periods a job rolls up when it fires at `occurrence`: the H1 job the latest first half
 * that has ended (on 5 July, this year's); the other job the H2 and the year of the latest year
 * that has ended (on 5 January, last year's).
 */
export function periodsOfOccurrence(job: RollupJob, occurrence: Date, timeZone: string): string[] {
  const { year, month } = localYearMonth(occurrence, timeZone);
  if (job === 'firstHalf') return [`${month >= 7 ? year : year - 1}-H1`];
  return [`${year - 1}-H2`, String(year - 1)];
}

/** Occurrences of a cron strictly after `from` and at or before `to`, oldest first. */
export function occurrencesBetween(
  cron: string,
  timeZone: string,
  from: Date,
  to: Date,
  max = 10_000,
): Date[] {
  const time = new CronTime(cron, timeZone);
  const found: Date[] = [];
  let cursor = from;
  while (found.length < max) {
    const next = time.getNextDateFrom(cursor, timeZone).toJSDate();
    if (next.getTime() > to.getTime()) break;
    found.push(next);
    cursor = next;
  }
  return found;
}

const HOUR_MS = 3_600_000;
// Look-back windows, shortest first: the first one holding an occurrence gives the latest one,
// so a frequent custom cron is not walked a year long (cron's next-date costs ~1 ms a call).
const LOOKBACKS_MS = [HOUR_MS, 24 * HOUR_MS, 32 * 24 * HOUR_MS, 370 * 24 * HOUR_MS];

/** The latest occurrence at or before `now`, looking back a little over a year; null if none. */
export function latestOccurrence(cron: string, timeZone: string, now: Date): Date | null {
  for (const lookback of LOOKBACKS_MS) {
    const found = occurrencesBetween(cron, timeZone, new Date(now.getTime() - lookback), now, 1000);
    if (found.length > 0) return found[found.length - 1];
  }
  return null;
}

export interface CatchUp {
  job: RollupJob;
  period: string;
  occurrence: Date;
}

/**
 * The roll-ups a starting instance runs: for each job, the periods of its latest occurrence that
 * has passed, unless a run of that period succeeded after that occurrence (an admin may have run
 * it by hand since). `lastSuccess` gives the start of the latest succeeded run of a period.
 */
export function dueCatchUps(
  config: RollupScheduleConfig,
  now: Date,
  lastSuccess: (period: string) => Date | null,
): CatchUp[] {
  const due: CatchUp[] = [];
  for (const job of ROLLUP_JOBS) {
    const occurrence = latestOccurrence(cronOf(config, job), config.timeZone, now);
    if (!occurrence) continue;
    for (const period of periodsOfOccurrence(job, occurrence, config.timeZone)) {
      const succeeded = lastSuccess(period);
      if (succeeded === null || succeeded.getTime() < occurrence.getTime())
        due.push({ job, period, occurrence });
    }
  }
  return due;
}

/**
 * A running run may be taken over once its lease has passed: its process stopped renewing it.
 * Mirrors the condition of expireDeadRun (lease_until < now); a run always has a lease.
 */
export function isLeaseExpired(leaseUntil: Date | null, now: Date): boolean {
  return leaseUntil !== null && leaseUntil.getTime() < now.getTime();
}

/** The lease a run holds from `now`: renewed every third of it while the run works. */
export function leaseDeadline(now: Date, leaseSeconds: number): Date {
  return new Date(now.getTime() + leaseSeconds * 1000);
}
