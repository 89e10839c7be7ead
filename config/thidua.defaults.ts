/**
 * Domain defaults of the emulation movement. Each can be overridden by the
 * environment variable named beside it (validated at start, see README).
 */
export const THIDUA_DEFAULTS = {
  /** Grade thresholds a criteria set gets when it names none (SPEC §4). */
  thresholds: { A: 90, B: 75, C: 50 },
  /** Share of the top of a ranking scope that may be exemplary (SPEC §7). */
  candidateShare: {
    person: 0.15, // CANDIDATE_SHARE_PERSON
    agency: 0.2, // CANDIDATE_SHARE_AGENCY
  },
  rollupSchedule: {
    timeZone: 'Asia/Ho_Chi_Minh', // ROLLUP_TIME_ZONE
    /** H1 roll-up: 01:00 on 5 July. */
    firstHalfCron: '0 1 5 7 *', // ROLLUP_H1_CRON
    /** H2 and annual roll-up of the past year: 01:00 on 5 January. */
    secondHalfAndYearCron: '0 1 5 1 *', // ROLLUP_H2_CRON
  },
  /** How long a roll-up run holds its lease before another instance may take over. */
  rollupLeaseSeconds: 300,
  auth: {
    accessTokenSeconds: 15 * 60,
    refreshTokenDays: 30,
    loginFailuresPerMinute: 5,
    issuer: 'thidua',
    audience: 'thidua-api',
  },
} as const;
