// Period keys of SPEC §3: a quarter "2025-Q1", a half "2025-H1" / "2025-H2", a year "2025".
// Dates are plain "YYYY-MM-DD" strings: periods are calendar notions, free of time zones.

export type PeriodKind = 'quarter' | 'half' | 'year';

export interface PeriodKey {
  key: string;
  kind: PeriodKind;
  year: number;
  /** quarter 1-4, half 1-2, year 0 */
  index: number;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

const KEY = /^(\d{4})(?:-([QH])([1-4]))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parsed key, or null when it is not a period of a year from 2000 to 2099. */
export function parsePeriod(key: string): PeriodKey | null {
  const m = typeof key === 'string' ? KEY.exec(key) : null;
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (m[2] === undefined) return { key, kind: 'year', year, index: 0 };
  const index = Number(m[3]);
  if (m[2] === 'H') return index <= 2 ? { key, kind: 'half', year, index } : null;
  return { key, kind: 'quarter', year, index };
}

/**
 * True when the quarter `key` has begun on `today` ("YYYY-MM-DD", the city's calendar date):
 * evaluations are written about quarters under way or past, never about ones to come.
 */
export function quarterHasStarted(key: string, today: string): boolean {
  const period = parsePeriod(key);
  if (period?.kind !== 'quarter') return false;
  const start = `${period.year}-${String((period.index - 1) * 3 + 1).padStart(2, '0')}-01`;
  return start <= today;
}

export function isQuarter(key: string): boolean {
  return parsePeriod(key)?.kind === 'quarter';
}

export function isHalf(key: string): boolean {
  return parsePeriod(key)?.kind === 'half';
}

export function isYear(key: string): boolean {
  return parsePeriod(key)?.kind === 'year';
}

/** Halves and years are computed from quarters (SPEC §6 roll-up). */
export function isRollupPeriod(key: string): boolean {
  const kind = parsePeriod(key)?.kind;
  return kind === 'half' || kind === 'year';
}

/** The period before, of the same kind: Q1 follows the previous year's Q4, H1 the previous H2. */
export function previousPeriod(key: string): string {
  const { kind, year, index } = mustParse(key);
  if (kind === 'year') return String(year - 1);
  const letter = kind === 'quarter' ? 'Q' : 'H';
  const last = kind === 'quarter' ? 4 : 2;
  return index > 1 ? `${year}-${letter}${index - 1}` : `${year - 1}-${letter}${last}`;
}

/** The quarters a period spans: a quarter itself, H1 → Q1, Q2; H2 → Q3, Q4; a year → Q1..Q4. */
export function quartersOf(key: string): string[] {
  const { kind, year, index } = mustParse(key);
  if (kind === 'quarter') return [key];
  const first = kind === 'half' ? 2 * index - 1 : 1;
  const count = kind === 'half' ? 2 : 4;
  return Array.from({ length: count }, (_, i) => `${year}-Q${first + i}`);
}

/**
 * The `count` periods of the key's kind that end with it, oldest first: the last eight quarters
 * up to 2025-Q2 run from 2023-Q3 to 2025-Q2.
 */
export function periodsEndingAt(key: string, count: number): string[] {
  mustParse(key);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Not a count: ${count}`);
  const periods = [key];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]));
  return periods;
}

/** The quarter a date falls in: "2025-02-10" → "2025-Q1". */
export function quarterOfDate(date: string): string {
  if (!isValidDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** First and last day of the period, both inclusive. */
export function dateRangeOf(key: string): { from: string; to: string } {
  const { kind, year, index } = mustParse(key);
  const [firstMonth, lastMonth] =
    kind === 'quarter'
      ? [3 * index - 2, 3 * index]
      : kind === 'half'
        ? [6 * index - 5, 6 * index]
        : [1, 12];
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
  };
}

/** Strictly "YYYY-MM-DD" and a real calendar day (2024-02-29 yes, 2025-02-29 no). */
export function isValidDate(date: string): boolean {
  const m = typeof date === 'string' ? DATE.exec(date) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "Quý 1 năm 2025", "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "Năm 2025". */
export function periodLabelVi(key: string): string {
  const { kind, year, index } = mustParse(key);
  if (kind === 'quarter') return `Quý ${index} năm ${year}`;
  if (kind === 'half') return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
  return `Năm ${year}`;
}

function mustParse(key: string): PeriodKey {
  const period = parsePeriod(key);
  if (!period) throw new RangeError(`Not a period key: ${key}`);
  return period;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
