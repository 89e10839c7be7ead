import { type Grade, GRADE_LABELS } from './criterion';
import { ceilTimes, formatDecimal } from './decimal';
import { parsePeriod } from './periods';

// SPEC §7: is a subject an exemplary candidate for a half or a year? Every check comes back with
// its outcome and a one-line Vietnamese detail, so near misses can name what failed.

export type CheckName = 'allQuarters' | 'gradeA' | 'notDisqualified' | 'noIncidents' | 'topShare';

export const CHECK_NAMES: readonly CheckName[] = [
  'allQuarters',
  'gradeA',
  'notDisqualified',
  'noIncidents',
  'topShare',
];

/** Default top shares (SPEC §7): people are ranked within their agency, agencies city-wide. */
export const DEFAULT_TOP_SHARES = { person: 0.15, agency: 0.2 } as const;

export interface CandidateInput {
  period: string;
  /** The ranking the rank comes from: people within their agency, agencies city-wide. */
  scope: 'agency' | 'city';
  rollup: {
    total: number;
    grade: Grade;
    disqualified: boolean;
    quartersCounted: number;
    quartersInSpan: number;
  };
  /** Incidents against the subject in the span. */
  incidentCount: number;
  rank: number;
  rankedOf: number;
  share: number;
}

export interface CheckOutcome {
  check: CheckName;
  passed: boolean;
  detail: string;
}

export interface CandidateVerdict {
  isCandidate: boolean;
  checks: CheckOutcome[];
  failed: CheckName[];
  /** The details of the passed checks. */
  reasons: string[];
}

export function judgeCandidate(input: CandidateInput): CandidateVerdict {
  const checks = CHECK_NAMES.map((check) => outcomeOf(check, input));
  const failed = checks.filter((c) => !c.passed).map((c) => c.check);
  return {
    isCandidate: failed.length === 0,
    checks,
    failed,
    reasons: checks.filter((c) => c.passed).map((c) => c.detail),
  };
}

/** How many lead the ranking: ceil(N × share) computed exactly, at least 1 when N ≥ 1. */
export function topShareLimit(rankedOf: number, share: number): number {
  if (!Number.isSafeInteger(rankedOf) || rankedOf < 0)
    throw new RangeError(`Not a number of ranked subjects: ${rankedOf}`);
  if (!Number.isFinite(share) || share < 0 || share > 1)
    throw new RangeError(`A share must be between 0 and 1: ${share}`);
  return rankedOf === 0 ? 0 : Math.max(1, ceilTimes(rankedOf, share));
}

function outcomeOf(check: CheckName, input: CandidateInput): CheckOutcome {
  const { rollup, incidentCount, rank, rankedOf } = input;
  switch (check) {
    case 'allQuarters': {
      const { quartersCounted: counted, quartersInSpan: span } = rollup;
      const passed = span > 0 && counted >= span;
      return outcome(
        check,
        passed,
        passed
          ? `Đủ ${counted}/${span} quý được duyệt`
          : `Chỉ có ${counted}/${span} quý được duyệt`,
      );
    }
    case 'gradeA': {
      const passed = rollup.grade === 'A';
      const score = `Điểm ${spanNounVi(input.period)} ${formatDecimal(rollup.total, 2)}, xếp loại ${GRADE_LABELS[rollup.grade]}`;
      return outcome(check, passed, passed ? score : `${score}, chưa đạt loại ${GRADE_LABELS.A}`);
    }
    case 'notDisqualified':
      return outcome(
        check,
        !rollup.disqualified,
        rollup.disqualified ? 'Bị loại do vi phạm tiêu chí loại trừ' : 'Không có tiêu chí loại trừ',
      );
    case 'noIncidents':
      return outcome(
        check,
        incidentCount === 0,
        incidentCount === 0 ? 'Không có vi phạm trong kỳ' : `Có ${incidentCount} vi phạm trong kỳ`,
      );
    case 'topShare': {
      const limit = topShareLimit(rankedOf, input.share);
      const passed = rank >= 1 && rank <= limit;
      const where = input.scope === 'agency' ? 'trong cơ quan' : 'toàn thành phố';
      const ranked = `Xếp hạng ${rank}/${rankedOf} ${where}`;
      return outcome(check, passed, passed ? ranked : `${ranked}, ngoài nhóm ${limit} đứng đầu`);
    }
  }
}

function outcome(check: CheckName, passed: boolean, detail: string): CheckOutcome {
  return { check, passed, detail };
}

// "Điểm năm 94.50", "Điểm 6 tháng đầu năm 94.50", "Điểm 6 tháng cuối năm 94.50".
function spanNounVi(period: string): string {
  const parsed = parsePeriod(period);
  if (!parsed) throw new RangeError(`Not a period key: ${period}`);
  if (parsed.kind === 'year') return 'năm';
  if (parsed.kind === 'half') return `6 tháng ${parsed.index === 1 ? 'đầu' : 'cuối'} năm`;
  return `quý ${parsed.index}`;
}
